package se.halsolage.report;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.cli.Cli;
import se.halsolage.kolada.FakeKoladaAccess;
import se.halsolage.testing.SharedFiles;
import se.halsolage.testing.StandInCatalogue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented Växjö plan (docs/report.md, "Växjö med riktiga data"), made the way a coordinator makes it, only
 * through the command line: Kolada's catalogue and the real values of 2024-12-12 from the stand-in server, a new
 * Växjö workbook, the real Skolenkäten åk 8 2022 import, a Kolada fetch with the similar municipalities, initiatives
 * with background and this year's work, one indicator added by hand; then the plan passes the shared acceptance
 * checker and shows the similar municipalities in its tables and text.
 */
class VaxjoPlanTest {
    @TempDir
    Path dir;

    private static void ok(String... args) {
        assertThat(Cli.run(new Main(), args)).as(String.join(" ", args)).isEqualTo(Cli.OK);
    }

    @Test
    void theDocumentedVaxjoPlanPassesTheAcceptanceCheck() throws Exception {
        Path xlsx = SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        Path wb = dir.resolve("vaxjo.halsa"), docx = dir.resolve("plan.docx");
        try (var home = StandInCatalogue.install(dir.resolve("appdata")); FakeKoladaAccess kolada = new FakeKoladaAccess()) {
            kolada.loadRealValues();
            ok("new", "--municipality", "Växjö", "--year", "2026", "--out", wb.toString());
            ok("import", xlsx.toString(), "--workbook", wb.toString());
            ok("kolada", "fetch", "--workbook", wb.toString(), "--base-url", kolada.baseUrl(), "--quiet",
                    "--kpi", "sfh,N00945,N07907,N09890,N11821,N17538,N17625,U07452,U09808", "--group", "liknande");
        }
        ok("initiatives", wb.toString(), "--add", "Trygg skola", "--group", "Allas barn", "--from", "2025", "--to", "2027",
                "--indicators", "N15643,N17625", "--background", "I Skolenkäten 2022 svarade 83 procent av eleverna i årskurs 8 "
                        + "att de känner sig trygga i skolan.",
                "--work", "Under 2026 genomförs trygghetsvandringar på alla högstadieskolor.");
        ok("initiatives", wb.toString(), "--add", "Fritid för alla", "--group", "Allas barn", "--from", "2024", "--to", "2026",
                "--indicators", "U09808,N09890", "--work", "Avgiftsfria prova-på-aktiviteter på loven.");
        ok("initiatives", wb.toString(), "--add", "Jämställt föräldraskap", "--from", "2025", "--indicators", "N00945");
        ok("initiatives", wb.toString(), "--add", "Goda livsvillkor i förskolan", "--from", "2026", "--indicators", "N11821,N07907");
        ok("initiatives", wb.toString(), "--add", "Trygg stadsmiljö", "--from", "2025", "--to", "2026", "--indicators", "U07452");
        ok("report", "--workbook", wb.toString(), "--add", "N17538", "--out", docx.toString());

        String text;
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            text = ex.getText();
            // trends: 4 SfH indicators with values, 6 of the initiatives, 1 added; rankings: only the two Skolenkäten
            // indicators have values for at least 10 municipalities (149); a profile only for God kvalitet, the one
            // area whose indicators have values for three municipalities or more
            assertThat(doc.getAllPictures()).hasSize(14);
            assertThat(PlanIndicatorsTest.chartKinds(doc)).containsExactlyInAnyOrderEntriesOf(
                    java.util.Map.of("utveckling", 11L, "rangordning", 2L, "profil", 1L));
            assertThat(doc.getDocument().xmlText()).contains("trygga i skolan, åk 8 2022. Växjö: 83,1").contains("plats 30 av 149");
            // the similar municipalities where the other comparisons are: hand-checked from the real rows, N00945 2023
            // (VAB, men's share): Växjö 40,6 %, the 7 members of G37589 38,26 % (Kalmar … Östersund, unweighted mean)
            XWPFTableRow vab = null;
            for (XWPFTable t : doc.getTables()) {
                if (!t.getRow(0).getCell(0).getText().equals("Nyckeltal och period")) continue;
                assertThat(t.getRow(0).getTableCells().stream().map(c -> c.getText()).toList()).containsExactly(
                        "Nyckeltal och period", "Växjö", "Länet", "Riket", "Liknande kommuner",
                        "Förändring sedan förra mätningen", "Kvinnor och män (flickor och pojkar)", "Mål");
                for (XWPFTableRow r : t.getRows()) if (r.getCell(0).getText().startsWith("Tillfälliga föräldrapenningdagar")) vab = r;
            }
            assertThat(vab).isNotNull();
            assertThat(vab.getCell(1).getText()).isEqualTo("40,6\u00a0%");
            assertThat(vab.getCell(4).getText()).isEqualTo("38,3\u00a0%");
            // a rate's change may break after its figure, never inside "per 100 000" (it was cut as "100 00|0")
            XWPFTableRow brott = null;
            for (XWPFTable t : doc.getTables()) for (XWPFTableRow r : t.getRows()) if (r.getCell(0).getText().startsWith("Anmälda brott om skadegörelse")) brott = r;
            assertThat(brott).isNotNull();
            assertThat(brott.getCell(5).getText()).isEqualTo("+8 per\u00a0100\u202f000 sedan 2022 (kan inte bedömas)");
        }
        text = text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' '); // Swedish no-break and thin spaces
        assertThat(text).contains("Växjö ligger 2,3 p.e. över liknande kommuner (38,3")
                // Skolenkäten has no group values: the members' mean, as in the chart (80,7 %, PlanIndicatorsTest)
                .contains("och 2,4 p.e. över liknande kommuner (80,7")
                // this year's work as prose, once; a note without the year gets it as a lead
                .contains("Under 2026 genomförs trygghetsvandringar på alla högstadieskolor.")
                .doesNotContain("Under 2026: Under 2026")
                .contains("Under 2026: Avgiftsfria prova-på-aktiviteter på loven.")
                .contains("I Skolenkäten 2022 svarade 83 procent")
                // register data never gets the survey's "antalet svarande saknas"
                .doesNotContain("Antalet svarande saknas")
                // the annex names a Kolada request in words, not as a 200-character address
                .contains("Kolada API v3: 25 nyckeltal (U01901, N80401, N15428 …), områden 0780, 0007, 0000, G37589")
                .doesNotContain("/v3/data/kpi/")
                // a Kolada indicator fetched for Växjö alone gets no ranking chart, and the plan says why
                .contains("Ingen rangordning visas: arbetsboken har värden 2024 för bara en kommun, och ett "
                        + "rangordningsdiagram kräver minst 10.");

        Path checker = dir.resolve("docx_check.py");
        try (InputStream in = VaxjoPlanTest.class.getResourceAsStream("/report/docx_check.py")) {
            Files.copy(in, checker);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(External.onPath("python3"), "python3 saknas");
        External.Result r = External.run(List.of("python3", checker.toString(), docx.toString()), dir, 60);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("'pictures': 14");
    }
}
