package se.halsolage.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.halsolage.domain.UserError;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it is either completely the old one or completely the new one, never half
 * written: the content goes to a temporary file in the same folder, is flushed to disk (fsync) and
 * then moved over the target in one atomic rename. If anything fails before the move, the temporary
 * file is deleted and the old file is untouched.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** What writes the content; it may throw, and then nothing is replaced. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically. Failures are {@link UserError}s with a Swedish message naming
     * the file; an exception thrown by {@code content} itself is passed on unchanged (after cleaning up).
     */
    public static Path write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError("Mappen för " + abs + " finns inte.");
        }
        if (Files.isDirectory(abs)) throw new UserError(abs + " är en mapp, inte en fil.");
        Path tmp;
        try {
            tmp = createTemp(dir, abs.getFileName().toString());
            keepPermissions(abs, tmp);
        } catch (IOException e) {
            throw new UserError(failed(abs, "skrivas", e), e);
        }
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                try {
                    content.writeTo(new NonClosing(out));
                } catch (RuntimeException e) {
                    // a library (POI) wraps the disk's IOException in its own runtime exception
                    IOException io = ioCause(e);
                    if (io == null) throw e;
                    throw io;
                }
                out.flush();
                ch.force(true);
            } catch (IOException e) {
                throw new UserError(failed(abs, "skrivas", e), e);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.warn("Atomiskt byte stöds inte i {}; filen byts utan", dir);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncFolder(dir);
            return abs;
        } catch (AccessDeniedException e) {
            throw new UserError("Filen " + abs.getFileName() + " kan inte ersättas: den är skrivskyddad eller öppen i ett "
                    + "annat program (t.ex. Excel). Stäng den och försök igen.", e);
        } catch (IOException e) {
            throw new UserError(failed(abs, "sparas", e), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Kunde inte ta bort den tillfälliga filen {}", tmp, e);
                }
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A hidden temporary file beside the target, created with the default permissions (as a plain new
     * file would get; {@code Files.createTempFile} would make it private to the owner).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** A replaced file keeps its permissions (POSIX; elsewhere nothing to do). */
    private static void keepPermissions(Path target, Path tmp) {
        if (!Files.exists(target)) return;
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Behörigheterna för {} kunde inte föras över", target, e);
        }
    }

    /** Makes the rename itself durable (POSIX); not possible on Windows, where it is not needed. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.debug("fsync av mappen {} gick inte", dir, e);
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) return io;
        }
        return null;
    }

    /** "Disken är full: …" and the like, naming the file and what to do. */
    public static String failed(Path abs, String doing, IOException e) {
        String r = reason(e);
        String low = r.toLowerCase(java.util.Locale.ROOT);
        String name = String.valueOf(abs.getFileName());
        if (low.contains("no space left") || low.contains("disk quota") || low.contains("not enough space")) {
            return "Disken är full: " + name + " kunde inte " + doing + ". Den tidigare filen är orörd och ingen halv fil "
                    + "ligger kvar. Frigör utrymme på disken där mappen " + abs.getParent() + " ligger, eller spara i en annan mapp.";
        }
        if (low.contains("read-only file system") || e instanceof AccessDeniedException) {
            return "Mappen " + abs.getParent() + " är skrivskyddad, så " + name + " kan inte " + doing
                    + ". Den tidigare filen är orörd. Spara i en mapp där du får skriva.";
        }
        return "Kunde inte spara " + name + " (" + r + "). Den tidigare filen är orörd.";
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Keeps the writer from closing the channel before it is flushed and forced. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
