package se.halsolage.domain;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is wrong with a path that should be an ordinary file, in Swedish: it is missing, a folder, a
 * named pipe (FIFO), a device (such as /dev/zero), a socket, a link loop or a link to nothing. Each gets
 * its own sentence instead of "Filen finns inte".
 */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /**
     * Null for an ordinary file (also through a working link); otherwise the rest of a sentence whose
     * subject the caller puts first, e.g. "Filen " + problem(p) gives "Filen /a/b är en mapp, inte en fil."
     */
    public static String problem(Path p) {
        Path abs = p.toAbsolutePath();
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "finns inte: " + abs;
        } catch (IOException e) {
            return abs + " kan inte läsas (" + e.getMessage() + ").";
        }
        BasicFileAttributes target = own;
        if (own.isSymbolicLink()) {
            try {
                target = Files.readAttributes(abs, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return abs + " är en länk till något som inte finns" + linkTarget(abs) + ".";
            } catch (FileSystemException e) {
                String r = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
                if (r.contains("levels of symbolic links") || r.contains("loop")) {
                    return abs + " är en länk som till slut pekar på sig själv (en länkslinga) och leder inte till någon fil.";
                }
                return abs + " är en länk som inte går att följa (" + e.getReason() + ").";
            } catch (IOException e) {
                return abs + " är en länk som inte går att följa (" + e.getMessage() + ").";
            }
        }
        if (target.isRegularFile()) return null;
        if (target.isDirectory()) return abs + " är en mapp, inte en fil. Ange en fil i mappen.";
        String kind = unixKind(abs);
        return abs + " är " + (kind == null ? "ingen vanlig fil (utan en enhet, rörledning eller liknande)" : kind)
                + (own.isSymbolicLink() ? " (via en länk" + linkTarget(abs) + ")" : "") + ", och Hälsoläge läser bara vanliga filer.";
    }

    private static String linkTarget(Path link) {
        try {
            return " (" + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** The kind of a special file from the Unix mode bits, or null where they cannot be read. */
    private static String unixKind(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            if (!(mode instanceof Integer m)) return null;
            return switch (m & 0170000) {
                case 0010000 -> "en namngiven rörledning (FIFO), inte en vanlig fil";
                case 0020000 -> "en teckenenhet (som /dev/zero eller /dev/null), inte en vanlig fil";
                case 0060000 -> "en blockenhet (en disk), inte en vanlig fil";
                case 0140000 -> "en socket, inte en vanlig fil";
                default -> null;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
