package se.halsolage.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** report --pdf: a tagged PDF whose contents list has page numbers, via LibreOffice; a clear message without it. */
class PdfExportTest {
    @TempDir
    Path dir;

    @Test
    void missingLibreOfficeGivesASwedishMessageNamingTheWordFile() {
        String old = System.getProperty("halsolage.soffice");
        System.setProperty("halsolage.soffice", dir.resolve("finns-inte/soffice").toString());
        try {
            Path docx = dir.resolve("plan.docx");
            assertThatThrownBy(() -> PdfExport.export(docx, dir.resolve("plan.pdf"))).isInstanceOf(UserError.class)
                    .hasMessageStartingWith("PDF kräver LibreOffice, som inte hittades")
                    .hasMessageContaining(docx.toString()).hasMessageContaining("Spara som › PDF");
            assertThat(dir.resolve("plan.pdf")).doesNotExist();
        } finally {
            if (old == null) System.clearProperty("halsolage.soffice");
            else System.setProperty("halsolage.soffice", old);
        }
    }

    @Test
    void theDemoPlanBecomesATaggedPdfWithPageNumbersInTheContents() throws Exception {
        if (PdfExport.findSoffice().isEmpty()) {
            Assumptions.abort("LibreOffice (soffice) är inte installerat här; PDF-testet hoppas över");
        }
        Path docx = dir.resolve("plan.docx");
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            ReportService rs = new ReportService(wb);
            rs.generate(rs.defaultOptions().withDate(LocalDate.of(2026, 1, 20)), docx, null, null);
        }
        PdfExport.Result r = PdfExport.export(docx, dir.resolve("plan.pdf"));
        assertThat(r.tocUpdated()).as(String.valueOf(r.note())).isTrue();
        assertThat(PdfExport.isPdf(r.pdf())).isTrue();
        String raw = new String(Files.readAllBytes(r.pdf()), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/StructTreeRoot").containsPattern("/Marked\\s*true");
        if (External.onPath("pdfinfo")) {
            External.Result info = External.run(List.of("pdfinfo", r.pdf().toString()), dir, 60);
            assertThat(info.output()).containsPattern("Tagged:\\s+yes");
        }
        if (External.onPath("pdftotext")) {
            External.Result toc = External.run(List.of("pdftotext", "-f", "2", "-l", "3", "-layout", r.pdf().toString(), "-"), dir, 60);
            // "Inledning.......4": the contents list has page numbers
            assertThat(toc.output()).containsPattern(Pattern.compile("Inledning\\.{3,}\\s*\\d+"))
                    .containsPattern(Pattern.compile("Vad sticker ut\\.{3,}\\s*\\d+"));
        }
    }
}
