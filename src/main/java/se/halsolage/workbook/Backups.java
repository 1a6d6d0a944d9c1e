package se.halsolage.workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The backups of a workbook, kept in "&lt;name&gt;.halsa.backups" beside it: a copy is made before
 * migrations, imports, restores and bulk deletes.
 *
 * <p>Budget: the rolling backups (all but those made before an upgrade) are kept to the newest
 * {@value #KEEP} and to at most {@link #maxBytes()} in total (1 GB unless the system property
 * {@value #MAX_BYTES_PROPERTY} says otherwise), the oldest pruned first; the newest is always kept. Backups
 * made before an upgrade are never pruned. A backup is written only when the disk has room for it (the
 * workbook's size plus 1 MB); otherwise, or when writing it fails, nothing is left behind and the change it
 * was made for does not start.
 */
public final class Backups {
    public static final int KEEP = 10;
    public static final String MAX_BYTES_PROPERTY = "halsolage.backups.maxBytes";
    static final long DEFAULT_MAX_BYTES = 1L << 30;
    private static final long MARGIN = 1L << 20;

    private Backups() {
    }

    /** The size budget for the rolling backups of one workbook, in bytes. */
    public static long maxBytes() {
        Long p = Long.getLong(MAX_BYTES_PROPERTY);
        return p == null || p <= 0 ? DEFAULT_MAX_BYTES : p;
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

    /** Writes one copy; {@code copy} gets the target path (which must not exist yet). */
    interface Copier {
        void copy(Path target) throws SQLException;
    }

    /**
     * Makes a backup of {@code workbook} named for {@code reason} with {@code copier}: checks the room on the
     * disk first, removes a partial file if the copy fails, then prunes to the budget.
     */
    static Path write(Path workbook, String reason, Copier copier) {
        Path abs = workbook.toAbsolutePath();
        Path dir = Workbook.backupFolder(abs);
        boolean created = !Files.isDirectory(dir);
        String base = abs.getFileName().toString().replaceFirst("\\.halsa$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path target = dir.resolve(base + "-" + stamp + "-" + reason + Workbook.EXTENSION);
        try {
            Files.createDirectories(dir);
            long need = size(abs) + size(Path.of(abs + "-wal")) + MARGIN;
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < need) {
                throw new WorkbookException("Det finns inte plats för en säkerhetskopia av " + abs.getFileName() + " i mappen "
                        + dir + " (den behöver ungefär " + mb(need) + ", disken har " + mb(free) + " ledigt). "
                        + notStarted(reason) + " Frigör utrymme på disken, eller ta bort gamla säkerhetskopior i mappen, "
                        + "och försök igen.");
            }
            copier.copy(target);
        } catch (SQLException | IOException e) {
            cleanUp(target, dir, created);
            throw new WorkbookException(failed(abs, e) + " " + notStarted(reason), e);
        } catch (RuntimeException e) {
            cleanUp(target, dir, created);
            throw e;
        }
        prune(abs);
        return target;
    }

    /** The Swedish sentence for a backup that could not be written. */
    static String failed(Path workbook, Exception e) {
        return SqliteErrors.describe(workbook, "säkerhetskopieras", e, false);
    }

    private static String notStarted(String reason) {
        if (reason.startsWith("fore-import")) return "Importen har inte påbörjats och arbetsboken är orörd.";
        if (reason.startsWith("fore-uppgradering")) return "Uppgraderingen har inte påbörjats och arbetsboken är orörd.";
        if (reason.startsWith("fore-aterstallning")) return "Återställningen har inte påbörjats och arbetsboken är orörd.";
        return "Inget ändrades i arbetsboken.";
    }

    private static void cleanUp(Path target, Path dir, boolean createdDir) {
        try {
            Files.deleteIfExists(target);
            Files.deleteIfExists(Path.of(target + "-journal"));
            if (createdDir) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isEmpty()) Files.deleteIfExists(dir);
                }
            }
        } catch (IOException ignored) {
            // nothing more can be done on a full or failing disk
        }
    }

    private static long size(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0).replace('.', ',');
    }

    /**
     * Deletes the oldest rolling backups beyond {@link #KEEP} or beyond {@link #maxBytes()} in total (the
     * upgrade backups count towards the size but are never deleted; the newest backup always stays).
     */
    static void prune(Path workbook) {
        List<Path> all = list(workbook);
        long total = 0;
        for (Path p : all) total += size(p);
        long budget = maxBytes();
        int kept = 0;
        // oldest first, so the size budget takes the oldest ones away
        List<Path> rolling = all.stream().filter(p -> !p.getFileName().toString().contains("fore-uppgradering")).toList();
        for (int i = 0; i < rolling.size(); i++) {
            Path p = rolling.get(i);
            boolean overCount = i >= KEEP;
            if (overCount) {
                total -= size(p);
                delete(p);
            }
        }
        for (int i = Math.min(rolling.size(), KEEP) - 1; i >= 1 && total > budget; i--) {
            Path p = rolling.get(i);
            total -= size(p);
            delete(p);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // an old backup left behind does no harm
        }
    }

    /**
     * Replaces a (closed) workbook with one of its backups, under the writer lock: the backup is copied
     * beside the workbook, the current file is saved as a backup itself (so a restore can be undone), then
     * the copy is swapped in atomically. An open workbook is refused, and a damaged backup too.
     */
    public static Path restore(Path workbook, Path backup) {
        Path abs = workbook.toAbsolutePath();
        if (!Files.isRegularFile(backup)) throw new WorkbookException("Säkerhetskopian finns inte: " + backup);
        try (Workbook check = Workbook.openReadOnly(backup)) {
            if (!"ok".equals(check.integrityCheck())) {
                throw new WorkbookException("Säkerhetskopian " + backup.getFileName() + " är skadad och kan inte återställas.");
            }
        }
        return Workbook.replaceWithCopyOf(abs, backup, "fore-aterstallning");
    }
}
