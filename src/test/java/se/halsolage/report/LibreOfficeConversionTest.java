package se.halsolage.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The demo plan must convert to PDF with LibreOffice. On CI (environment variable CI set) this test
 * never skips: a missing soffice is a failure (CI installs libreoffice-writer-nogui). Locally it is
 * skipped only when soffice is not installed.
 */
class LibreOfficeConversionTest {
    @TempDir
    Path dir;

    @Test
    void theDemoPlanConvertsToPdf() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        String soffice = External.onPath("soffice") ? "soffice" : External.onPath("libreoffice") ? "libreoffice" : null;
        if (soffice == null) {
            if (ci) fail("LibreOffice (soffice) saknas på CI; installera libreoffice-writer-nogui.");
            Assumptions.abort("LibreOffice (soffice) är inte installerat här");
        }
        Path docx = dir.resolve("plan.docx");
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            new ReportService(wb).generate(ReportOptions.all(2026), docx, null, null);
        }
        Path profile = dir.resolve("lo-profile");
        External.Result r = External.run(List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString()), dir, 300);
        Path pdf = dir.resolve("plan.pdf");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(pdf).as(r.output()).exists();
        byte[] head = Files.readAllBytes(pdf);
        assertThat(new String(head, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // one page per indicator and more: a conversion that dropped the charts would be far smaller
        assertThat(head.length).isGreaterThan(500_000);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int pages = text.split("/Type\\s*/Page[^s]").length - 1;
        assertThat(pages).isGreaterThan(40);
    }
}
