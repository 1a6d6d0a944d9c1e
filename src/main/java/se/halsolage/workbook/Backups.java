package se.halsolage.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rolling backups of a workbook, kept in "&lt;name&gt;.halsa.backups" beside it: a copy is made
 * before migrations (always kept), imports and bulk deletes (the newest {@value #KEEP} kept).
 */
public final class Backups {
    public static final int KEEP = 10;

    private Backups() {
    }

    /** Backups of a workbook, newest first. */
    public static List<Path> list(Path workbook) {
        Path dir = Workbook.backupFolder(workbook);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(Workbook.EXTENSION)).toList());
            out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return out;
        } catch (IOException e) {
            throw new WorkbookException("Kan inte läsa säkerhetskopiorna i " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes all but the newest {@link #KEEP} backups, except those made before an upgrade. */
    static void prune(Path workbook) {
        int kept = 0;
        for (Path p : list(workbook)) {
            if (p.getFileName().toString().contains("fore-uppgradering")) continue;
            if (++kept > KEEP) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // an old backup left behind does no harm
                }
            }
        }
    }

    /**
     * Replaces a (closed) workbook with one of its backups. The current file is first saved as a
     * backup itself, so a restore can be undone.
     */
    public static Path restore(Path workbook, Path backup) {
        Path abs = workbook.toAbsolutePath();
        if (!Files.isRegularFile(backup)) throw new WorkbookException("Säkerhetskopian finns inte: " + backup);
        try (Workbook check = Workbook.openReadOnly(backup)) {
            if (!"ok".equals(check.integrityCheck())) {
                throw new WorkbookException("Säkerhetskopian " + backup.getFileName() + " är skadad och kan inte återställas.");
            }
        }
        // copy the chosen backup aside first: saving the current state below prunes old backups,
        // which may be the very one chosen (the oldest of the kept ones)
        Path tmp = abs.resolveSibling(abs.getFileName() + ".restore.tmp");
        try {
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WorkbookException("Kunde inte läsa säkerhetskopian " + backup.getFileName() + ": " + e.getMessage(), e);
        }
        Path before;
        try (Workbook current = Workbook.open(abs)) {
            before = current.backup("fore-aterstallning");
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // only a leftover temporary file
            }
            throw e;
        }
        try {
            Files.deleteIfExists(Path.of(abs + "-wal"));
            Files.deleteIfExists(Path.of(abs + "-shm"));
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbookException("Kunde inte återställa " + abs.getFileName() + ": " + e.getMessage(), e);
        }
        return before;
    }
}
