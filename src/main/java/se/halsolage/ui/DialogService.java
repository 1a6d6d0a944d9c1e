package se.halsolage.ui;

import java.nio.file.Path;
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

    /** Opens a file in the system's program for it (e.g. the report in the word processor). */
    void openInSystem(Path file);
}
