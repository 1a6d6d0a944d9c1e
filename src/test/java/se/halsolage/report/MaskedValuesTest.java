package se.halsolage.report;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.Workbooks;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ".." and "–" mean the same in the table, the text, the chart and the legend; a masked value is shown as "..". */
class MaskedValuesTest {
    @TempDir
    Path dir;

    private Workbook workbook() {
        Workbook wb = Workbooks.createNew(dir.resolve("t.halsa"), new PlanSettings("0781", "0007", null, 2026, "sv", false));
        wb.inTransaction(w -> {
            long src = w.sources().add(Source.newKolada("test", Instant.parse("2026-01-01T00:00:00Z"))).id();
            List<Observation> o = new ArrayList<>();
            // Trygga i skolan åk 8: 2021 masked, 2023 missing, 2025 masked after the latest value
            o.add(ok("N15643", "0781", 2020, 86, src));
            o.add(Observation.withStatus("N15643", "0781", Period.year(2021), Group.TOTALT, ObservationStatus.SUPPRESSED, "*", src, null));
            o.add(ok("N15643", "0781", 2022, 84, src));
            o.add(Observation.withStatus("N15643", "0781", Period.year(2023), Group.TOTALT, ObservationStatus.MISSING, "", src, null));
            o.add(ok("N15643", "0781", 2024, 81, src));
            o.add(Observation.withStatus("N15643", "0781", Period.year(2025), Group.TOTALT, ObservationStatus.SUPPRESSED, "*", src, null));
            // Får hjälp, åk 8: only a masked value for Ljungby, riket has one
            o.add(Observation.withStatus("N15653", "0781", Period.year(2024), Group.TOTALT, ObservationStatus.SUPPRESSED, "..", src, null));
            o.add(ok("N15653", "0000", 2024, 70, src));
            w.observations().upsertAll(o);
        });
        return wb;
    }

    private static Observation ok(String ind, String area, int year, double v, long src) {
        return Observation.ok(ind, area, Period.year(year), Group.TOTALT, v, null, src, null);
    }

    @Test
    void chartNoteSeparatesMaskedFromMissingWithTheLegendsWords() {
        try (Workbook wb = workbook()) {
            RenderedChart rc = new ChartService(wb).create(ChartKind.TREND, "N15643", null, ChartTheme.PRINT);
            assertThat(rc.note()).contains("Luckor i linjen: .. sekretess eller för få svar (2021, 2025); – uppgift saknas (2023).");
        }
    }

    @Test
    void maskedValueIsShownAsTwoDotsInTableAndTextNotAsWithoutValues() throws Exception {
        Path docx = dir.resolve("plan.docx");
        try (Workbook wb = workbook()) {
            ReportService rs = new ReportService(wb);
            rs.generate(rs.defaultOptions().withDate(LocalDate.of(2026, 1, 20)), docx, null, null);
        }
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            XWPFTableRow row = null;
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow r : t.getRows()) if (r.getCell(0).getText().startsWith("Får hjälp för att klara skolarbetet, åk 8")) row = r;
            }
            assertThat(row).as("overview row of the masked indicator").isNotNull();
            assertThat(row.getCell(1).getText()).isEqualTo("..");
            assertThat(row.getCell(3).getText()).isEqualTo("70,0\u00a0%"); // riket, same period
            String text = ex.getText();
            assertThat(text).contains("Värdet för Ljungby visas inte: 2024 .. (sekretess eller för få svar).")
                    .contains("Senare mätning: 2025 .. (sekretess eller för få svar).")
                    .contains(".. sekretess eller för få svar, – uppgift saknas")
                    .contains("Sekretess eller för få svar: källan visar inte värdet")
                    .contains("Uppgift saknas: ingen mätning");
            // the annex's "no values yet" list does not contain the masked one
            int annex = text.indexOf("i urvalet saknar ännu värden");
            assertThat(annex).isPositive();
            String line = text.substring(annex, text.indexOf('\n', annex));
            assertThat(line).doesNotContain("Får hjälp för att klara skolarbetet");
        }
    }
}
