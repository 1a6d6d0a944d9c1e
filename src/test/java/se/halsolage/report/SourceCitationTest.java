package se.halsolage.report;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.catalog.SourceCitations;
import se.halsolage.catalog.Workbooks;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.cli.Cli;
import se.halsolage.domain.Citation;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Period;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources are cited by publisher and title; the annex keeps file, sheet and date as provenance. */
class SourceCitationTest {
    @TempDir
    Path dir;

    @Test
    void suggestionsFromRecipeAndFileName() {
        assertThat(SourceCitations.suggest("skolenkaten", "skolenkaten-grundskola-ak8-2022.xlsx").text())
                .isEqualTo("Skolinspektionen, Skolenkäten 2022");
        assertThat(SourceCitations.suggest("pxweb", "BE0101F1datasymbols.px").text()).isEqualTo("SCB, Statistikdatabasen");
        assertThat(SourceCitations.suggest("pxweb", "fohm_hlv_2022.px").text())
                .isEqualTo("Folkhälsomyndigheten, Nationella folkhälsoenkäten 2022");
        assertThat(SourceCitations.suggest("skolverket", "skolverket-grundskola-elever-per-arskurs-2023.csv").text())
                .isEqualTo("Skolverket, Sveriges officiella statistik om skolan 2023");
        assertThat(SourceCitations.suggest("lang", "egna-siffror.csv").isEmpty()).isTrue();
        assertThat(SourceCitations.of(Source.newKolada("https://api.kolada.se/v3/data/kpi/N15643", Instant.EPOCH), null).text())
                .isEqualTo("Kolada");
        // without a citation, the file name is still cited rather than nothing
        Source own = Source.newFile("egna-siffror.csv", "x", null, "lang", Instant.EPOCH);
        assertThat(SourceCitations.cite(own, new Citation(null, null))).isEqualTo("egna-siffror.csv");
        assertThat(new Citation("Kolada", "Kolada").text()).isEqualTo("Kolada");
    }

    @Test
    void storedEditedAndCitedInChartsTablesAndAnnex() throws Exception {
        Path f = dir.resolve("t.halsa");
        long id;
        try (Workbook wb = Workbooks.createNew(f, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            id = wb.transaction(w -> {
                Source s = w.sources().add(Source.newFile("skolenkaten-grundskola-ak8-2022.xlsx", "abc",
                        "Resultat elever åk 8 2022", "skolenkaten", Instant.parse("2026-03-01T10:00:00Z")));
                w.observations().upsertAll(List.of(
                        Observation.ok("N15643", "0780", Period.year(2022), Group.TOTALT, 83.1, 572, s.id(), null),
                        Observation.ok("N15643", "0000", Period.year(2022), Group.TOTALT, 81.0, 90000, s.id(), null)));
                return s.id();
            });
            assertThat(wb.sources().citation(id).isEmpty()).isTrue();
            assertThat(new ChartService(wb).create(ChartKind.TREND, "N15643", null, ChartTheme.PRINT).sourceLine())
                    .isEqualTo("Källa: Skolinspektionen, Skolenkäten 2022");
        }
        assertThat(Cli.run(new Main(), "source", "--workbook", f.toString(), "--id", Long.toString(id),
                "--title", "Skolenkäten 2022 (huvudmän)")).isEqualTo(Cli.OK);
        assertThat(Cli.run(new Main(), "source", "--workbook", f.toString(), "--id", "999", "--title", "x"))
                .isEqualTo(Cli.USER_ERROR);
        Path docx = dir.resolve("plan.docx");
        try (Workbook wb = Workbook.open(f)) {
            assertThat(wb.sources().citation(id)).isEqualTo(new Citation("Skolinspektionen", "Skolenkäten 2022 (huvudmän)"));
            ReportService rs = new ReportService(wb);
            rs.generate(rs.defaultOptions().withDate(LocalDate.of(2026, 3, 2)), docx, null, null);
        }
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            String text = ex.getText();
            // chart source line and overview table source line
            assertThat(text).contains("Källa: Skolinspektionen, Skolenkäten 2022 (huvudmän)");
            assertThat(text.split("Källa: Skolinspektionen, Skolenkäten 2022 \\(huvudmän\\)", -1).length - 1).isGreaterThanOrEqualTo(2);
            assertThat(text).doesNotContain("Källa: skolenkaten-grundskola-ak8-2022.xlsx");
            // the annex keeps the provenance
            assertThat(text).contains("skolenkaten-grundskola-ak8-2022.xlsx, blad Resultat elever åk 8 2022")
                    .contains("1 mars 2026");
        }
    }
}
