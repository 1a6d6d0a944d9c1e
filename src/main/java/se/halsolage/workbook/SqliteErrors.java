package se.halsolage.workbook;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Swedish sentences for what SQLite and the file system report in English: a full disk, a read-only
 * file or folder, damaged pages, an in/out error. Each names the file and says what to do, so no
 * "[SQLITE_FULL]" or stack trace reaches a user.
 */
public final class SqliteErrors {
    /** What went wrong, as far as the message tells. */
    public enum Kind { FULL, READ_ONLY_FILE, READ_ONLY_FOLDER, DAMAGED, IO, OTHER }

    private SqliteErrors() {
    }

    /** Classifies an exception (its whole cause chain) by the codes SQLite and the OS put in the messages. */
    public static Kind kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("sqlite_full") || m.contains("database or disk is full") || m.contains("no space left")
                    || m.contains("disk quota exceeded")) return Kind.FULL;
            if (m.contains("sqlite_readonly_directory") || m.contains("sqlite_readonly_dbmoved")) return Kind.READ_ONLY_FOLDER;
            if (m.contains("sqlite_readonly") || m.contains("readonly database") || m.contains("read-only file system")) {
                return m.contains("read-only file system") ? Kind.READ_ONLY_FOLDER : Kind.READ_ONLY_FILE;
            }
            if (m.contains("sqlite_corrupt") || m.contains("malformed") || m.contains("sqlite_notadb")
                    || m.contains("not a database")) return Kind.DAMAGED;
            if (t instanceof AccessDeniedException) return Kind.READ_ONLY_FOLDER;
            if (m.contains("sqlite_ioerr") || m.contains("disk i/o error")) return Kind.IO;
        }
        return Kind.OTHER;
    }

    /**
     * A sentence for a failure while {@code doing} (e.g. "sparas", "öppnas", "säkerhetskopieras") the
     * workbook {@code file}; {@code unchanged} adds that nothing was changed.
     */
    public static String describe(Path file, String doing, Throwable e, boolean unchanged) {
        Path abs = file.toAbsolutePath();
        String name = String.valueOf(abs.getFileName());
        String folder = String.valueOf(abs.getParent());
        String tail = unchanged ? " Inget ändrades i arbetsboken." : "";
        Kind k = kind(e);
        if (k == Kind.READ_ONLY_FILE && abs.getParent() != null && !Files.isWritable(abs.getParent())) k = Kind.READ_ONLY_FOLDER;
        return switch (k) {
            case FULL -> "Disken är full: " + name + " kunde inte " + doing + "." + tail + " Frigör utrymme på disken där mappen "
                    + folder + " ligger (eller flytta arbetsboken till en disk med mer plats) och försök igen.";
            case READ_ONLY_FILE -> "Arbetsboken " + name + " är skrivskyddad och kan inte " + doing + "." + tail
                    + " Ta bort skrivskyddet i filens egenskaper, eller spara en kopia i en mapp där du får skriva.";
            case READ_ONLY_FOLDER -> "Mappen " + folder + " är skrivskyddad, så " + name + " kan inte " + doing
                    + " (Hälsoläge skriver lås, ändringslogg och säkerhetskopior bredvid arbetsboken)." + tail
                    + " Flytta arbetsboken till en mapp där du får skriva.";
            case DAMAGED -> "Arbetsboken " + name + " är skadad och kan inte " + doing + "." + tail + " Återställ den senaste "
                    + "säkerhetskopian (mappen " + Workbook.backupFolder(abs).getFileName() + " bredvid filen).";
            case IO -> "Disken svarade med ett in/ut-fel när " + name + " skulle " + doing + "." + tail
                    + " Kontrollera att disken (eller nätverksmappen) " + folder + " finns kvar och fungerar, och försök igen.";
            case OTHER -> "Arbetsboken " + name + " kunde inte " + doing + ": " + firstLine(e) + "." + tail;
        };
    }

    /** The lock side file could not be created or locked. */
    static String lockFailed(Path workbook, Path lockFile, IOException e) {
        Kind k = kind(e);
        if (k == Kind.OTHER && lockFile.getParent() != null && !Files.isWritable(lockFile.getParent())) k = Kind.READ_ONLY_FOLDER;
        if (k == Kind.OTHER) {
            return "Kan inte låsa arbetsboken " + workbook.getFileName() + " för skrivning (" + firstLine(e) + "). Inget ändrades.";
        }
        return describe(workbook, "öppnas för skrivning", e, true);
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
