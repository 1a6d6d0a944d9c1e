package se.halsolage.report;

import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The "Strategi för hälsa" plan as an accessible Word document, without a screen: the CLI and the
 * desktop's Report view both use this.
 *
 * <pre>
 * ReportService rs = new ReportService(wb);
 * ReportOptions o = rs.defaultOptions().without(List.of(ReportPart.BILAGA));
 * rs.outline(o);                                   // headings for a live preview, fast
 * rs.generate(o, Path.of("plan.docx"), (f, m) -> …, () -> cancelled);
 * </pre>
 */
public final class ReportService {
    private final Workbook wb;

    public ReportService(Workbook wb) {
        this.wb = wb;
    }

    /** The parts the user can switch on and off, in document order. */
    public List<ReportPart> parts() {
        return Arrays.asList(ReportPart.values());
    }

    /** Every part, the workbook's plan year, grouped by work group, dated today. */
    public ReportOptions defaultOptions() {
        return ReportOptions.all(wb.settings().plan().planYear());
    }

    /** The headings (level 1–3) the report will contain with these options. No charts are drawn. */
    public List<OutlineEntry> outline(ReportOptions options) {
        return new PlanWriter(wb, options, ReportProgress.NONE, () -> false).outline();
    }

    /** A file name to suggest: "Strategi för hälsa 2026 Exempelby kommun.docx". */
    public String suggestedFileName(ReportOptions options) {
        return new PlanWriter(wb, options, ReportProgress.NONE, () -> false).title().replace(':', ' ')
                .replace('/', '-') + ".docx";
    }

    /**
     * Writes the report to {@code out}: first to a temporary file in the same folder, which is then
     * moved into place, so a failed or cancelled run never leaves half a document (and an existing
     * file stays as it was).
     *
     * @param cancelled polled between steps; when it returns true a {@link CancellationException} is thrown
     */
    public ReportResult generate(ReportOptions options, Path out, ReportProgress progress, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) throw new UserError(target + " är en mapp. Ange ett filnamn, t.ex. plan.docx.");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("Kan inte skapa mappen " + dir + ": " + e.getMessage(), e);
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new UserError(se.halsolage.export.AtomicFiles.failed(target, "skrivas", e), e);
        }
        boolean moved = false;
        try {
            PlanWriter writer = new PlanWriter(wb, options, progress == null ? ReportProgress.NONE : progress,
                    cancelled == null ? () -> false : cancelled);
            PlanWriter.Stats stats;
            IOException[] diskError = {null};
            try (OutputStream os = recording(Files.newOutputStream(tmp), diskError)) {
                stats = writer.write(os);
            } catch (RuntimeException e) {
                // POI turns the disk's IOException (a full disk, a vanished folder) into its own runtime
                // exception and drops the cause; the stream remembers it
                if (diskError[0] != null) throw diskError[0];
                throw e;
            }
            if (cancelled != null && cancelled.getAsBoolean()) throw new CancellationException("Avbrutet");
            readableLikeOtherFiles(tmp, target);
            move(tmp, target);
            moved = true;
            long bytes = Files.size(target);
            if (progress != null) progress.update(1.0, "Klart: " + target.getFileName());
            return new ReportResult(target, stats.headings(), stats.charts(), stats.tables(), stats.indicators(),
                    stats.initiatives(), stats.findings(), bytes, Duration.ofNanos(System.nanoTime() - t0));
        } catch (IOException e) {
            throw new UserError(se.halsolage.export.AtomicFiles.failed(target, "sparas", e), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the temporary file is hidden and named after the target
                }
            }
        }
    }

    /** A stream that keeps the first IOException its target threw in {@code seen[0]} (and passes it on). */
    private static OutputStream recording(OutputStream out, IOException[] seen) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    if (seen[0] == null) seen[0] = e;
                    throw e;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    if (seen[0] == null) seen[0] = e;
                    throw e;
                }
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    if (seen[0] == null) seen[0] = e;
                    throw e;
                }
            }
        };
    }

    /** Writes the report to a stream (no temporary file). */
    public void write(ReportOptions options, OutputStream out) throws IOException {
        new PlanWriter(wb, options, ReportProgress.NONE, () -> false).write(out);
    }

    /** Temporary files are private (rw-------); the document gets the target's or the usual rw-r--r--. */
    private static void readableLikeOtherFiles(Path tmp, Path target) {
        try {
            var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the ACLs of the folder apply
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw new UserError("Kunde inte ersätta " + target + ". Är dokumentet öppet i Word eller ett annat program? "
                    + "Stäng det och försök igen. (" + e.getMessage() + ")", e);
        }
    }
}
