package se.halsolage.workbook;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One writer per workbook across windows and processes: an OS lock on a small side file
 * "&lt;name&gt;.halsa.lock" (never on the database file itself, whose locks belong to SQLite). The OS
 * releases the lock if the process dies, so a crash never leaves a workbook locked.
 *
 * <p>The holder writes who it is into the side file (process, computer, since when, what it does), so a
 * refused second writer can say who holds the workbook. The lock covers one byte far beyond that text
 * (inside the range older versions locked, so old and new versions still exclude each other), which
 * keeps the text readable on systems with mandatory locks. The side file is deleted on release (while
 * still locked). A process opening it just before that deletion and locking it just after could hold a
 * lock on the unlinked file; the window is the few microseconds between unlink and unlock, as before.
 * Within one process a second acquire is refused from memory: opening and closing a second channel on
 * the file would drop the first lock (POSIX record locks belong to the process, not the channel).
 */
final class WriterLock {
    /** The locked byte: far past the holder text, inside [0, Long.MAX_VALUE) that older versions lock. */
    private static final long LOCK_POSITION = 1L << 40;
    /** Lock files this process holds, with the holder text written into each. */
    private static final java.util.Map<String, String> HELD = new java.util.HashMap<>();
    private static volatile String activity = "Hälsoläge";

    private final Path lockFile;
    private final String key;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path lockFile, String key, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** What this process does, written into lock files it takes (e.g. "halsolage import", "Hälsoläge-fönstret"). */
    static void describeActivity(String what) {
        if (what != null && !what.isBlank()) activity = what.strip();
    }

    static Path lockFileFor(Path workbook) {
        return workbook.resolveSibling(workbook.getFileName() + ".lock");
    }

    static WriterLock acquire(Path workbook) {
        return acquire(workbook, null);
    }

    /** {@code purpose} is added to the holder text (e.g. "läser" for a read-only command keeping writers out). */
    static WriterLock acquire(Path workbook, String purpose) {
        Path lf = lockFileFor(workbook);
        String key = lf.toAbsolutePath().normalize().toString();
        synchronized (HELD) {
            // Held by this process already (another window): refuse without opening a second channel. Closing
            // any channel on the file would drop this process's OS lock on it (POSIX record-lock semantics).
            String mine = HELD.get(key);
            if (mine != null) throw new WorkbookBusyException(workbook, mine);
            FileChannel ch = null;
            try {
                ch = FileChannel.open(lf, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock(LOCK_POSITION, 1, false);
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    throw new WorkbookBusyException(workbook, holder(lf));
                }
                String text = holderText(purpose);
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                HELD.put(key, text);
                return new WriterLock(lf, key, ch, l);
            } catch (IOException e) {
                try {
                    if (ch != null) ch.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
                throw new WorkbookException(SqliteErrors.lockFailed(workbook, lf, e), e);
            }
        }
    }

    /** "process 1234 på datorn x (halsolage import), sedan 2026-12-04 18:20". */
    private static String holderText(String purpose) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "?";
        }
        return "process " + ProcessHandle.current().pid() + " på datorn " + host + " (" + activity + (purpose == null ? "" : ", " + purpose) + "), sedan "
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    /** The holder's own description from the side file, or null when it cannot be read. */
    static String holder(Path lf) {
        try {
            byte[] b = Files.readAllBytes(lf);
            String s = new String(b, 0, Math.min(b.length, 400), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return s.startsWith("process ") ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void release() {
        synchronized (HELD) {
            if (HELD.remove(key) == null) return; // released already
            releaseHeld();
        }
    }

    private void releaseHeld() {
        try {
            // delete while still holding the lock; see the class comment for why a late locker re-checks
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // a leftover side file does no harm
        }
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
