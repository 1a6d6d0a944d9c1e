package se.halsolage.report;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Initiative;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Arbete <år>": why an initiative exists, what it is and this year's work as prose, then the facts. */
class InitiativeBackgroundTest {
    @TempDir
    Path dir;

    @Test
    void backgroundIsStoredAndWrittenAsProseBeforeTheFacts() throws Exception {
        Path docx = dir.resolve("plan.docx");
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            Initiative drog = wb.initiatives().all().stream()
                    .filter(i -> i.name().equals("Drogförebyggande arbete för barn och unga")).findFirst().orElseThrow();
            assertThat(drog.background()).startsWith("Enkäterna visar att andelen unga");
            Initiative edited = wb.transaction(w -> w.initiatives().save(drog.withBackground("Våren 2021 tog politiken beslut om en drogförebyggande plan.")));
            assertThat(wb.initiatives().get(edited.id()).orElseThrow().background())
                    .isEqualTo("Våren 2021 tog politiken beslut om en drogförebyggande plan.");
            ReportService rs = new ReportService(wb);
            rs.generate(rs.defaultOptions().withDate(LocalDate.of(2026, 1, 20)), docx, null, null);
        }
        List<XWPFParagraph> ps = new ArrayList<>();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (IBodyElement e : doc.getBodyElements()) if (e instanceof XWPFParagraph p) ps.add(p);
            int h = -1;
            for (int i = 0; i < ps.size(); i++) {
                if ("Heading3".equals(ps.get(i).getStyle()) && ps.get(i).getText().equals("Drogförebyggande arbete för barn och unga")) h = i;
            }
            assertThat(h).isPositive();
            assertThat(ps.get(h + 1).getText()).isEqualTo("Våren 2021 tog politiken beslut om en drogförebyggande plan.");
            assertThat(ps.get(h + 2).getText()).startsWith("Arbetsgrupp med tjänstepersoner");
            assertThat(ps.get(h + 3).getText()).isEqualTo("Under 2026: Informationsträffar för chefer under våren.");
            assertThat(ps.get(h + 4).getStyle()).isEqualTo("ListBullet");
            assertThat(ps.get(h + 4).getText()).startsWith("Typ: ");
        }
    }
}
