package se.halsolage.report;

import se.halsolage.domain.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The plan as a tagged PDF (PDF/UA where LibreOffice can) with a table of contents that has page numbers.
 *
 * <p>LibreOffice does not recompute a DOCX table of contents when it opens the file, and {@code --convert-to}
 * cannot update indexes. So we run LibreOffice headless with a small Basic macro in a fresh, temporary user
 * profile: it opens the document hidden, updates every index (the TOC gets its page numbers) and the fields,
 * and stores it with the {@code writer_pdf_Export} filter and {@code UseTaggedPDF} and {@code PDFUACompliance}
 * set. No UNO bridge or extra jars are needed; the macro is text written next to the profile. When the
 * macro route fails the plain conversion with the same filter options (JSON syntax, LibreOffice 7.4+) is
 * tried, which gives a tagged PDF whose contents list has no page numbers, and we say so.
 */
public final class PdfExport {
    /** The outcome: the PDF and whether its contents list got page numbers. */
    public record Result(Path pdf, boolean tocUpdated, String note) {
    }

    static final int TIMEOUT_S = 300;

    private PdfExport() {
    }

    /** The LibreOffice program: system property halsolage.soffice, the PATH, then the usual install folders. */
    public static Optional<Path> findSoffice() {
        String prop = System.getProperty("halsolage.soffice");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (d.isBlank()) continue;
                for (String n : windows ? new String[]{"soffice.exe", "soffice.com"} : new String[]{"soffice", "libreoffice"}) {
                    candidates.add(Path.of(d, n));
                }
            }
        }
        candidates.add(Path.of("/usr/lib/libreoffice/program/soffice"));
        candidates.add(Path.of("/opt/libreoffice/program/soffice"));
        candidates.add(Path.of("/Applications/LibreOffice.app/Contents/MacOS/soffice"));
        candidates.add(Path.of("C:\\Program Files\\LibreOffice\\program\\soffice.exe"));
        candidates.add(Path.of("C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"));
        for (Path p : candidates) {
            try {
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
            } catch (SecurityException | java.nio.file.InvalidPathException e) {
                // not usable here
            }
        }
        return Optional.empty();
    }

    /** The Swedish message when LibreOffice is missing; names the Word file that was written. */
    static String missingMessage(Path docx) {
        return "PDF kräver LibreOffice, som inte hittades på datorn. Word-dokumentet är sparat: " + docx
                + ". Installera LibreOffice (https://sv.libreoffice.org; på Debian/Ubuntu: sudo apt install "
                + "libreoffice-writer-nogui) och försök igen, eller öppna dokumentet i Word och välj Arkiv › Spara som › PDF.";
    }

    /**
     * Converts {@code docx} to {@code pdf} (written to a temporary file in the same folder, then moved into place).
     *
     * @throws UserError when LibreOffice is missing or the conversion fails (Swedish message)
     */
    public static Result export(Path docx, Path pdf) {
        Path soffice = findSoffice().orElseThrow(() -> new UserError(missingMessage(docx)));
        Path target = pdf.toAbsolutePath();
        Path work;
        try {
            work = Files.createTempDirectory("halsolage-pdf-");
        } catch (IOException e) {
            throw new UserError("Kan inte skapa en tillfällig mapp för PDF-exporten: " + e.getMessage(), e);
        }
        try {
            Path profile = work.resolve("profil");
            Path out = work.resolve("plan.pdf");
            String note = null;
            boolean toc = false;
            // 1. a fresh profile, then our macro in its Standard library
            Run init = run(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                    "--norestore", "--terminate_after_init"), work);
            Path module = profile.resolve("user/basic/Standard/Module1.xba");
            if (init.code() == 0 && Files.isDirectory(module.getParent())) {
                Files.writeString(module, MACRO, StandardCharsets.UTF_8);
                String call = "macro:///Standard.Module1.ExportPdf(\"" + docx.toAbsolutePath().toUri() + "\",\""
                        + out.toUri() + "\")";
                Run r = run(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                        "--invisible", "--norestore", "--nologo", call), work);
                toc = r.code() == 0 && isPdf(out);
            }
            // 2. fallback: plain conversion with the same filter options; no page numbers in the contents list
            if (!toc) {
                Files.deleteIfExists(out);
                Path copy = work.resolve("plan.docx");
                Files.copy(docx, copy, StandardCopyOption.REPLACE_EXISTING);
                Run r = run(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                        "--norestore", "--convert-to", "pdf:writer_pdf_Export:{\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"},"
                                + "\"PDFUACompliance\":{\"type\":\"boolean\",\"value\":\"true\"}}",
                        "--outdir", work.toString(), copy.toString()), work);
                if (r.code() != 0 || !isPdf(out)) {
                    throw new UserError("LibreOffice kunde inte göra en PDF av " + docx.getFileName() + " (kod " + r.code()
                            + "). Word-dokumentet är sparat. " + r.output().strip());
                }
                note = "Innehållsförteckningen i PDF:en saknar sidnummer (LibreOffice kunde inte uppdatera den).";
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            Files.copy(out, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw new UserError("Kunde inte ersätta " + target + ". Är PDF:en öppen i ett annat program? (" + e.getMessage() + ")", e);
            }
            return new Result(target, toc, note);
        } catch (IOException e) {
            throw new UserError("PDF-exporten misslyckades: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Avbrutet");
        } finally {
            deleteTree(work);
        }
    }

    private record Run(int code, String output) {
    }

    private static Run run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("soffice-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SAL_USE_VCLPLUGIN", "svp"); // headless rendering, no display needed
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new UserError("LibreOffice svarade inte inom " + TIMEOUT_S + " s. Word-dokumentet är sparat.");
        }
        String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return new Run(p.exitValue(), out.replaceAll("(?m)^Warning: failed to launch javaldx.*\\R?", ""));
    }

    static boolean isPdf(Path p) throws IOException {
        if (!Files.isRegularFile(p) || Files.size(p) < 100) return false;
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(p)) {
            if (in.read(head) != 5) return false;
        }
        return new String(head, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary folder; the OS cleans up what is left
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** Opens the document hidden, updates indexes and fields, stores a tagged PDF/UA. */
    static final String MACRO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
            <script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
            Sub ExportPdf(inUrl As String, outUrl As String)
              Dim args(0) As New com.sun.star.beans.PropertyValue
              args(0).Name = &quot;Hidden&quot;
              args(0).Value = True
              doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
              doc.getTextFields().refresh()
              idx = doc.getDocumentIndexes()
              For i = 0 To idx.getCount() - 1
                idx.getByIndex(i).update()
              Next i
              Dim fd(1) As New com.sun.star.beans.PropertyValue
              fd(0).Name = &quot;UseTaggedPDF&quot;
              fd(0).Value = True
              fd(1).Name = &quot;PDFUACompliance&quot;
              fd(1).Value = True
              Dim sa(1) As New com.sun.star.beans.PropertyValue
              sa(0).Name = &quot;FilterName&quot;
              sa(0).Value = &quot;writer_pdf_Export&quot;
              sa(1).Name = &quot;FilterData&quot;
              sa(1).Value = fd()
              doc.storeToURL(outUrl, sa())
              doc.close(True)
            End Sub
            </script:module>
            """;
}
