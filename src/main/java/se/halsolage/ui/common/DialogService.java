package se.halsolage.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that asks the user something or tells them something in a window. View-models talk
 * to this interface only, so they can be tested without a screen (JabRef's DialogService idea).
 */
public interface DialogService {
    void showError(String title, String message);

    void showInformation(String title, String message);

    /** A yes/no question; true for yes. */
    boolean confirm(String title, String message);

    /** A short notification that fades away (used when background work is done). */
    void notify(String message);

    Optional<Path> chooseOpenFile(String title, String filterName, String... patterns);

    Optional<Path> chooseSaveFile(String title, String suggestedName, String filterName, String... patterns);

    /** A file type offered in a save dialog: its name ("CSV för Excel") and extension without the dot. */
    record FileType(String name, String extension) {
        public String pattern() {
            return "*." + extension;
        }
    }

    /**
     * A save dialog offering several file types. The returned path ends with the extension of the type
     * the user chose (added when the typed name has none of the offered extensions).
     */
    default Optional<Path> chooseSaveFile(String title, String suggestedName, List<FileType> types) {
        return chooseSaveFile(title, suggestedName, types.get(0).name(),
                types.stream().map(FileType::pattern).toArray(String[]::new))
                .map(p -> withExtension(p, types.get(0), types));
    }

    /** {@code file} as typed, or with {@code chosen}'s extension when it has none of the offered ones. */
    static Path withExtension(Path file, FileType chosen, List<FileType> offered) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FileType t : offered) if (name.endsWith("." + t.extension())) return file;
        return file.resolveSibling(file.getFileName() + "." + chosen.extension());
    }

    /** Opens a file in the system's program for it (e.g. the report in the word processor). */
    void openInSystem(Path file);
}
