package se.halsolage.analysis;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.catalog.Workbooks;
import se.halsolage.chart.ChartExport;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.cli.Cli;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.UserError;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ProgressListener;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/**
 * Comparison sets, ranking and the comparison table on a fresh Växjö workbook with the real Skolenkäten åk 8 2022
 * import (N15643 "trygga i skolan": 149 municipalities with a value, 1 suppressed). Expected figures counted by
 * hand in the file's rows (sqlite over the imported values): 29 municipalities above Växjö's 83,1 %, three others
 * with exactly 83,1 (Värmdö 0120, Kungälv 1482, Kalix 2514), 116 below; Kronoberg: Markaryd 83,2,
 * Växjö 83,1, Alvesta 80,1, Lessebo 74,3, the other four have no rows.
 */
class ComparisonTest {
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void vaxjoWithSkolenkaten() {
        Path xlsx = SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        file = dir.resolve("vaxjo.halsa");
        try (Workbook wb = Workbooks.createNew(file, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            ImportSession.open(wb, xlsx, ImportOptions.defaults()).commit(ProgressListener.NONE, () -> false);
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(new Main(), args);
    }

    @Test
    void rankAmongAllMunicipalitiesCheckedByHand() {
        try (Workbook wb = Workbook.open(file)) {
            Indicator ind = wb.indicators().get("N15643").orElseThrow();
            ComparisonSet all = new ComparisonSets(wb).resolve("alla");
            assertThat(all.members()).hasSize(290);
            Ranking r = Ranking.of(wb, ind, all, null);
            assertThat(r.period()).isEqualTo("2022");
            assertThat(r.count()).isEqualTo(149);
            assertThat(r.withoutValue()).hasSize(141).contains("2463"); // 2463 suppressed (8 svar), the rest not in the file
            assertThat(r.own().areaId()).isEqualTo("0780");
            assertThat(r.own().rank()).isEqualTo(30);       // 29 municipalities above 83,1
            assertThat(r.tiedWithOwn()).isEqualTo(3);        // 0120, 1482, 2514 also 83,1
            assertThat(r.worseThanOwn()).isEqualTo(116);
            assertThat(r.percentBetterThan()).isCloseTo(100.0 * 116 / 148, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(sp(r.rankPhrase())).isEqualTo("plats 30 av 149 (delad med 3 andra), bland de 25 % bästa"); // 30/149 = 20 %
            assertThat(sp(r.sentence())).isEqualTo("Växjö: 83,1 %, plats 30 av 149 (delad med 3 andra), bland de 25 % bästa "
                    + "(bättre än 78 % av de övriga).");
            assertThat(r.entries().get(0).areaId()).isEqualTo("2305"); // Bräcke 94,5 (n 54)
            assertThat(r.entries().get(148).areaId()).isEqualTo("1472"); // Tibro 57,7
            assertThat(r.riket().value()).isEqualTo(80.5);
            assertThat(r.county()).isNull(); // Skolenkäten has no county rows
            // Wilson for a share with n: Växjö 83,1 % of 688
            Interval w = Stats.wilson(83.1, 688);
            assertThat(r.own().ci()).isEqualTo(w);
            assertThat(w.low()).isBetween(80.1, 80.2);
            assertThat(w.high()).isBetween(85.7, 85.8);
        }
    }

    @Test
    void rankInTheCountyAndInASavedSet() {
        try (Workbook wb = Workbook.open(file)) {
            Indicator ind = wb.indicators().get("N15643").orElseThrow();
            ComparisonSets sets = new ComparisonSets(wb);
            ComparisonSet lan = sets.resolve("län");
            assertThat(lan.name()).isEqualTo("Kronobergs läns kommuner");
            assertThat(lan.members()).containsExactly("0760", "0761", "0763", "0764", "0765", "0767", "0780", "0781");
            Ranking r = Ranking.of(wb, ind, lan, null);
            assertThat(r.entries()).extracting(Ranking.Entry::areaId).containsExactly("0767", "0780", "0764", "0761");
            assertThat(r.withoutValue()).containsExactly("0760", "0763", "0765", "0781");
            assertThat(sp(r.rankPhrase())).isEqualTo("plats 2 av 4, i den bättre hälften");

            ComparisonSet mine = sets.save("Våra jämförelsekommuner", List.of("Kalmar", "Karlskrona", "Jönköping", "Halmstad"));
            assertThat(mine.members()).containsExactly("0680", "0880", "1080", "1380");
            ComparisonSet back = sets.resolve("våra jämförelsekommuner");
            assertThat(back.kind()).isEqualTo(ComparisonSet.Kind.SAVED);
            Ranking m = Ranking.of(wb, ind, back, null);
            // Växjö 83,1; Karlskrona 81,8; Kalmar 81,2; Halmstad 80,5; Jönköping has no value for 2022
            assertThat(m.entries()).extracting(Ranking.Entry::areaId).containsExactly("0780", "1080", "0880", "1380");
            assertThat(sp(m.rankPhrase())).isEqualTo("plats 1 av 4, bland de 25 % bästa");
            assertThat(sets.delete("VÅRA JÄMFÖRELSEKOMMUNER")).isTrue();
            assertThatThrownBy(() -> sets.resolve("Våra jämförelsekommuner")).isInstanceOf(UserError.class)
                    .hasMessageContaining("finns inte").hasMessageContaining("lan, alla");
        }
    }

    @Test
    void bandsCountFromTheTopAndFromTheBottom() {
        assertThat(sp(Ranking.band(1, 9, 10))).isEqualTo("bland de 10 % bästa");
        assertThat(sp(Ranking.band(57, 233, 290))).isEqualTo("bland de 25 % bästa"); // 57/290 = 19,7 %
        assertThat(sp(Ranking.band(73, 217, 290))).isEqualTo("i den bättre hälften"); // 25,2 %
        assertThat(sp(Ranking.band(200, 90, 290))).isEqualTo("i den sämre hälften");
        assertThat(sp(Ranking.band(230, 60, 290))).isEqualTo("bland de 25 % sämsta"); // 61 from the bottom
        assertThat(sp(Ranking.band(280, 10, 290))).isEqualTo("bland de 10 % sämsta");
        assertThat(Ranking.band(2, 1, 3)).isNull();
    }

    @Test
    void savingAnUnknownMunicipalityChangesNothing() throws Exception {
        String before = digest(file);
        assertThat(run("compare-sets", file.toString(), "--create", "X", "--members", "Kalmar,Gotham")).isEqualTo(Cli.USER_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Hittar ingen kommun som heter \"Gotham\"").contains("Inget sparades")
                .doesNotContain("Exception");
        assertThat(digest(file)).isEqualTo(before);
        assertThat(run("chart", "--workbook", file.toString(), "--indicator", "N15643", "--kind", "ranking", "--compare", "nope",
                "--out", dir.resolve("x.png").toString())).isEqualTo(Cli.USER_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Jämförelsemängden \"nope\" finns inte");
        assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
    }

    @Test
    void rankingChartThroughTheCli() throws Exception {
        Path png = dir.resolve("rank.png");
        assertThat(run("chart", "--workbook", file.toString(), "--indicator", "N15643", "--kind", "ranking", "--compare", "lan",
                "--out", png.toString())).isZero();
        String o = sp(out.toString(StandardCharsets.UTF_8));
        assertThat(o).contains("Växjö: 83,1 %, plats 2 av 4, i den bättre hälften");
        assertThat(o).contains("Alt-text: Stapeldiagram som rangordnar de 4 kommunerna med värde i jämförelsen \"Kronobergs läns kommuner\"")
                .contains("Bäst: Markaryd 83,2 %, sämst: Lessebo 74,3 %").contains("Riket: 80,5 %");
        assertThat(Files.size(png)).isGreaterThan(10_000);
        try (Workbook wb = Workbook.open(file)) {
            ChartService cs = new ChartService(wb);
            assertThat(cs.kinds("N15643")).contains(ChartKind.RANKING);
            RenderedChart rc = cs.create(ChartKind.RANKING, "N15643", null, ChartTheme.PRINT);
            assertThat(rc.title()).isEqualTo("Trygga i skolan, åk 8: Alla kommuner");
            assertThat(sp(rc.subtitle())).endsWith("2022. Växjö: plats 30 av 149 (delad med 3 andra), bland de 25 % bästa");
            assertThat(rc.sourceLine()).isEqualTo("Källa: Skolinspektionen, Skolenkäten 2022");
            assertThat(rc.note()).contains("Ordnat från bästa till sämsta värdet (högre är bättre)")
                    .contains("95\u00a0% konfidensintervall (Wilson").contains("141 av landets 290 kommuner saknar värde för 2022");
            ChartExport.png(rc.chart(), dir.resolve("all.png"), 1200, 700, 96);
        }
    }

    @Test
    void tableAsXlsxCsvAndTabSeparatedText() throws Exception {
        Path csv = dir.resolve("t.csv"), xlsx = dir.resolve("t.xlsx"), tsv = dir.resolve("t.tsv");
        String before = digest(file);
        assertThat(run("table", "--workbook", file.toString(), "--indicator", "N15643", "--compare", "lan", "--out", csv.toString())).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFKod;Område;2022\r\n0780;Växjö;83,1\r\n0000;Riket;80,5\r\n"
                + "0764;Alvesta;80,1\r\n0761;Lessebo;74,3\r\n0781;Ljungby;\r\n0767;Markaryd;83,2\r\n0763;Tingsryd;\r\n"
                + "0760;Uppvidinge;\r\n0765;Älmhult;\r\n");
        assertThat(run("table", "--workbook", file.toString(), "--indicator", "N15643", "--compare", "alla", "--out", tsv.toString())).isZero();
        String text = Files.readString(tsv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("Kod\tOmråde\t2022\r\n0780\tVäxjö\t83,1\r\n0000\tRiket\t80,5\r\n");
        assertThat(text).contains("\r\n2463\tÅsele\t-\r\n"); // suppressed (8 svar): the file's own marker "-" is kept
        assertThat(text.split("\r\n")).hasSize(292); // header, Växjö, riket, the 289 other municipalities
        assertThat(run("table", "--workbook", file.toString(), "--indicator", "N15643", "--compare", "lan", "--out", xlsx.toString())).isZero();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook x = new XSSFWorkbook(in)) {
            var s = x.getSheetAt(0);
            assertThat(s.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(83.1);
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Växjö");
        }
        assertThat(run("table", "--workbook", file.toString(), "--indicator", "N15643", "--periods", "2019", "--out", csv.toString()))
                .isEqualTo(Cli.USER_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Perioden 2019 finns inte för N15643. Det finns: 2022.");
        assertThat(digest(file)).isEqualTo(before);
    }

    @Test
    void oneReportPerMunicipalityOfTheCountyInOneRun() throws Exception {
        Path plans = dir.resolve("planer");
        String before = digest(file);
        assertThat(run("report", "--workbook", file.toString(), "--for-each", "lan", "--out", plans.toString())).isZero();
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(o).contains("Plan 1 av 8: Uppvidinge …").contains("Plan 8 av 8: Ljungby …")
                .contains("8 planer för Kronobergs läns kommuner");
        try (var files = Files.list(plans)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).hasSize(8)
                    .allMatch(n -> n.startsWith("Strategi för hälsa 2026 – ") && n.endsWith(" kommun.docx"))
                    .contains("Strategi för hälsa 2026 – Växjö kommun.docx", "Strategi för hälsa 2026 – Älmhult kommun.docx");
        }
        assertThat(digest(file)).isEqualTo(before); // the workbook is only read; the copies are gone
        // each plan with its own comparisons (Skolenkäten 2022: Markaryd 83,2, Växjö 83,1, Alvesta 80,1, Lessebo 74,3)
        assertThat(sp(docText(plans.resolve("Strategi för hälsa 2026 – Växjö kommun.docx"))))
                .contains("Bland Kronobergs läns kommuner med värde 2022: plats 2 av 4, i den bättre hälften.")
                .contains("Bland landets kommuner med värde 2022: plats 30 av 149 (delad med 3 andra), bland de 25 % bästa.");
        assertThat(sp(docText(plans.resolve("Strategi för hälsa 2026 – Markaryd kommun.docx"))))
                .contains("Bland Kronobergs läns kommuner med värde 2022: plats 1 av 4, bland de 25 % bästa.");
        assertThat(sp(docText(plans.resolve("Strategi för hälsa 2026 – Alvesta kommun.docx"))))
                .contains("Bland Kronobergs läns kommuner med värde 2022: plats 3 av 4, i den sämre hälften.");
        assertThat(docText(plans.resolve("Strategi för hälsa 2026 – Uppvidinge kommun.docx"))).contains("Uppvidinge");
    }

    @Test
    void profileOfTheSfhAreaAmongAllMunicipalities() throws Exception {
        try (Workbook wb = Workbook.open(file)) {
            Profile p = Profile.of(wb, se.halsolage.domain.SfhArea.GOD_KVALITET, new ComparisonSets(wb).resolve("alla"));
            assertThat(p.rows()).extracting(r -> r.indicator().id()).containsExactly("N15643", "N15653");
            Profile.Row trygg = p.rows().get(0);
            // 149 sorted values: the 38th and 112th (0-based 37 and 111) are 74,6 and 82,5; (149 − 1) · 0,25 = 37 exactly
            assertThat(trygg.worst()).isEqualTo(57.7);
            assertThat(trygg.best()).isEqualTo(94.5);
            assertThat(trygg.p25()).isCloseTo(74.6, offset(1e-9));
            assertThat(trygg.p75()).isCloseTo(82.5, offset(1e-9));
            assertThat(trygg.members()).isEqualTo(149);
            // Wilson 95 % for 83,1 % of 688 is 80,1–85,7, which holds riket's 80,5: no clear difference
            assertThat(trygg.against()).isEqualTo(Profile.Against.LIKA);
            // 68,6 % of 688: Wilson 65,0–72,0 lies above riket's 62,8
            Profile.Row hjalp = p.rows().get(1);
            assertThat(hjalp.ci().low()).isGreaterThan(62.8);
            assertThat(hjalp.against()).isEqualTo(Profile.Against.BATTRE);
            RenderedChart rc = new ChartService(wb).create(ChartKind.PROFILE, "N15643", null, ChartTheme.SCREEN);
            assertThat(rc.title()).isEqualTo("Profil: God kvalitet");
            assertThat(sp(rc.altText())).contains("Växjö är bättre än riket i 1 och sämre i 0")
                    .contains("Trygga i skolan, åk 8: 83,1 %, riket 80,5 %, ingen säker skillnad mot riket; kommunerna 57,7 %–94,5 %");
            assertThat(rc.note()).contains("Wilson för andelar");
            ChartExport.png(rc.chart(), dir.resolve("profile.png"), 900, 560, 96);
        }
        assertThat(Profile.percentile(new double[]{1, 2, 3, 4}, 25)).isCloseTo(1.75, offset(1e-12)); // PERCENTILE.INC
    }

    @Test
    void tileMapOfKronobergInClassesOfAllMunicipalities() {
        TileLayout.Placed k = TileLayout.of(List.of("0760", "0761", "0763", "0764", "0765", "0767", "0780", "0781"));
        assertThat(k.geographic()).isTrue();
        assertThat(k.cols()).isEqualTo(3);
        assertThat(k.rows()).isEqualTo(3);
        assertThat(k.tiles()).contains(new TileLayout.Tile("0780", 1, 1), new TileLayout.Tile("0767", 0, 2), new TileLayout.Tile("0760", 2, 0));
        TileLayout.Placed other = TileLayout.of(List.of("0880", "0881", "0882", "0883", "0884"));
        assertThat(other.geographic()).isFalse(); // Kalmar: code order on a 3-column grid, said in the note
        assertThat(other.tiles().get(3)).isEqualTo(new TileLayout.Tile("0883", 0, 1));
        try (Workbook wb = Workbook.open(file)) {
            RenderedChart rc = new ChartService(wb).create(ChartKind.MAP, "N15643", null, ChartTheme.SCREEN);
            // quartiles of the 149 values: 74,6 / 79,4 / 82,5; Växjö 83,1 and Markaryd 83,2 in the top class,
            // Alvesta 80,1 in class 3, Lessebo 74,3 in class 1; four without a value in 2022
            assertThat(sp(rc.altText())).contains("Växjö 83,1 % (klass 4)").contains("Markaryd 83,2 % (klass 4)")
                    .contains("Alvesta 80,1 % (klass 3)").contains("Lessebo 74,3 % (klass 1)").contains("Ljungby: inget värde");
            assertThat(rc.note()).contains("placerad ungefär som på kartan").contains("kvartilerna bland landets 149 kommuner");
            ChartExport.png(rc.chart(), dir.resolve("map.png"), 900, 700, 96);
        }
    }

    @Test
    void theNewChartsAsSlidesOfAStory() throws Exception {
        try (Workbook wb = Workbook.open(file)) {
            var story = new se.halsolage.domain.Story(0, "Workshop", List.of(
                    se.halsolage.domain.Slide.chart("N15643", "RANKING", null, null),
                    se.halsolage.domain.Slide.chart("N15643", "PROFILE", null, null),
                    se.halsolage.domain.Slide.chart("N15643", "MAP", null, null)));
            Path pptx = dir.resolve("story.pptx");
            new se.halsolage.report.StoryPptx(wb).write(story, pptx, () -> false);
            try (InputStream in = Files.newInputStream(pptx); var ppt = new org.apache.poi.xslf.usermodel.XMLSlideShow(in)) {
                assertThat(ppt.getSlides()).hasSize(3);
                assertThat(ppt.getSlides()).allMatch(sl -> sl.getShapes().stream()
                        .anyMatch(x -> x instanceof org.apache.poi.xslf.usermodel.XSLFPictureShape));
            }
        }
    }

    static String docText(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx);
             org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
             org.apache.poi.xwpf.extractor.XWPFWordExtractor x = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d)) {
            return x.getText();
        }
    }

    /** No-break spaces as plain ones, for comparing Swedish text ("83,1 %"). */
    static String sp(String s) {
        return s == null ? null : s.replace('\u00a0', ' ');
    }

    static String digest(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
