package se.halsolage.workbook;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per workbook across windows and processes: an OS lock on a small side file
 * "&lt;name&gt;.halsa.lock" (never on the database file itself, whose locks belong to SQLite). The OS
 * releases the lock if the process dies, so a crash never leaves a workbook locked.
 */
final class WriterLock {
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileFor(Path workbook) {
        return workbook.resolveSibling(workbook.getFileName() + ".lock");
    }

    static WriterLock acquire(Path workbook) {
        Path lf = lockFileFor(workbook);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lf, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new WorkbookBusyException(workbook);
            }
            return new WriterLock(lf, ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) ch.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new WorkbookException("Kan inte låsa arbetsboken " + workbook.getFileName() + " för skrivning: "
                    + e.getMessage(), e);
        }
    }

    void release() {
        try {
            if (lock.isValid()) lock.release();
            channel.close();
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
