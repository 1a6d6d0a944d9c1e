package se.halsolage.report;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Generates the demo plan once and checks its structure, accessibility and numbers with POI. */
class ReportServiceTest {
    @TempDir
    static Path dir;
    static Workbook wb;
    static Path docx;
    static ReportResult result;
    static XWPFDocument doc;
    static ReportOptions options;

    @BeforeAll
    static void generate(org.junit.jupiter.api.TestInfo info) throws Exception {
        // ReportServiceTestOnPostgres runs these on PostgreSQL
        wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(info.getTestClass().orElseThrow()).newWorkbook(dir, "demo"));
        ReportService rs = new ReportService(wb);
        options = rs.defaultOptions().withDate(LocalDate.of(2026, 1, 20));
        docx = dir.resolve("plan.docx");
        List<Double> progress = new ArrayList<>();
        result = rs.generate(options, docx, (f, m) -> progress.add(f), () -> false);
        try (InputStream in = Files.newInputStream(docx)) {
            doc = new XWPFDocument(in);
        }
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        for (int i = 1; i < progress.size(); i++) assertThat(progress.get(i)).isGreaterThanOrEqualTo(progress.get(i - 1));
    }

    @AfterAll
    static void close() throws Exception {
        if (doc != null) doc.close();
        if (wb != null) wb.close();
    }

    private static List<XWPFParagraph> bodyParagraphs() {
        List<XWPFParagraph> out = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) if (e instanceof XWPFParagraph p) out.add(p);
        return out;
    }

    private static int level(XWPFParagraph p) {
        String s = p.getStyle();
        if (s == null || !s.matches("Heading[1-3]")) return 0;
        return s.charAt(7) - '0';
    }

    private static List<String[]> headings() {
        List<String[]> out = new ArrayList<>();
        for (XWPFParagraph p : bodyParagraphs()) {
            int l = level(p);
            if (l > 0) out.add(new String[]{Integer.toString(l), p.getText()});
        }
        return out;
    }

    @Test
    void realWordStylesAreDefinedAndUsed() {
        for (String id : List.of("Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption",
                "TOCHeading", "TOC1", "ListBullet", "ListNumber", "Footer", "HalsolageTabell")) {
            assertThat(doc.getStyles().styleExist(id)).as("style " + id).isTrue();
        }
        assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
        assertThat(doc.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isZero();
        assertThat(doc.getStyles().getStyle("Heading3").getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isEqualTo(2);
        Map<String, Integer> used = new HashMap<>();
        for (XWPFParagraph p : bodyParagraphs()) if (p.getStyle() != null) used.merge(p.getStyle(), 1, Integer::sum);
        assertThat(used).containsKeys("Title", "Heading1", "Heading2", "Heading3", "Caption", "ListBullet", "ListNumber",
                "TOCHeading", "Kallrad", "Exempeldata");
        // lists are real numbered paragraphs (numbering part, numId), not typed bullets
        XWPFParagraph item = bodyParagraphs().stream().filter(p -> "ListNumber".equals(p.getStyle())).findFirst().orElseThrow();
        assertThat(item.getNumID()).isNotNull();
        assertThat(doc.getNumbering().getNum(item.getNumID())).isNotNull();
        assertThat(item.getText()).doesNotStartWith("1.");
    }

    @Test
    void headingsStartAtLevelOneAndNeverSkipAndMatchTheOutline() {
        List<String[]> h = headings();
        assertThat(h).hasSizeGreaterThan(20);
        assertThat(h.get(0)[0]).isEqualTo("1");
        int prev = 0;
        for (String[] x : h) {
            int l = Integer.parseInt(x[0]);
            assertThat(l).as("heading " + x[1]).isLessThanOrEqualTo(prev + 1);
            prev = l;
        }
        List<OutlineEntry> outline = new ReportService(wb).outline(options);
        assertThat(h.stream().map(x -> x[0] + " " + x[1]).toList())
                .containsExactlyElementsOf(outline.stream().map(o -> o.level() + " " + o.text()).toList());
        assertThat(h.stream().filter(x -> x[0].equals("1")).map(x -> x[1]).toList()).containsExactly(
                "Sammanfattning", "Inledning", "Arbete 2026", "Nyckeltal", "Bilaga: Källor och förklaringar");
        assertThat(h.stream().filter(x -> x[0].equals("2")).map(x -> x[1]).toList())
                .contains("Vad sticker ut", "Mål som inte följer takten", "Årets fokus", "Syfte", "Allas barn", "Övriga insatser", "God och jämlik hälsa", "Hållbart och uthålligt",
                        "God kvalitet", "Datakällor", "Teckenförklaring");
        assertThat(result.headings()).isEqualTo(h.size());
    }

    @Test
    void everyPictureHasAltTextWithValuesAndATitle() {
        int pictures = 0;
        for (XWPFParagraph p : bodyParagraphs()) {
            for (var r : p.getRuns()) {
                for (CTDrawing d : r.getCTR().getDrawingList()) {
                    for (var inline : d.getInlineList()) {
                        CTNonVisualDrawingProps pr = inline.getDocPr();
                        assertThat(pr.getDescr()).as("descr of " + pr.getName()).hasSizeGreaterThan(40).containsPattern("\\d");
                        assertThat(pr.getTitle()).as("title of " + pr.getName()).isNotBlank();
                        assertThat(pr.getDescr()).doesNotStartWith("diagram").doesNotContain(".png");
                        pictures++;
                    }
                    assertThat(d.getAnchorList()).isEmpty();
                }
            }
        }
        assertThat(pictures).isEqualTo(result.charts()).isEqualTo(doc.getAllPictures().size()).isGreaterThanOrEqualTo(40);
        // 300 dpi print images: 15 cm wide = 1 772 px (half a page high, two to a page)
        byte[] png = doc.getAllPictures().get(0).getData();
        assertThat(((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff)).isEqualTo(1772);
    }

    @Test
    void tablesHaveARepeatingHeaderRowAndNoMergedCells() {
        List<XWPFTable> tables = doc.getTables();
        assertThat(tables).hasSize(5).hasSize(result.tables());
        for (XWPFTable t : tables) {
            assertThat(t.getRow(0).isRepeatHeader()).isTrue();
            assertThat(t.getStyleID()).isEqualTo("HalsolageTabell");
            assertThat(t.getCTTbl().getTblPr().getTblCaption().getVal()).isNotBlank();
            int cols = t.getRow(0).getTableCells().size();
            for (XWPFTableRow row : t.getRows()) {
                assertThat(row.getTableCells()).hasSize(cols);
                for (XWPFTableCell c : row.getTableCells()) {
                    var pr = c.getCTTc().getTcPr();
                    if (pr == null) continue;
                    assertThat(pr.isSetVMerge()).isFalse();
                    assertThat(pr.isSetHMerge()).isFalse();
                    assertThat(pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1).isEqualTo(1);
                }
            }
        }
    }

    /** The workbook's latest own value with a number, read straight from the repository. */
    private static Observation latest(String indicatorId, String areaId) {
        Observation last = null;
        for (Observation o : wb.observations().series(indicatorId, areaId, Group.TOTALT)) if (o.hasValue()) last = o;
        return last;
    }

    @Test
    void everyIndicatorWithDataHasASectionAndTheOverviewNumbersEqualTheWorkbook() {
        String own = DemoWorkbook.MUNICIPALITY_ID;
        List<String> h3 = headings().stream().filter(x -> x[0].equals("3")).map(x -> x[1]).toList();
        Map<String, Indicator> byTitle = new LinkedHashMap<>();
        int withData = 0;
        for (Indicator ind : wb.indicators().all()) {
            boolean has = latest(ind.id(), own) != null || latest(ind.id(), DemoWorkbook.COUNTY_ID) != null;
            if (has) {
                withData++;
                assertThat(h3).as(ind.id()).contains(ind.displayTitle());
            }
            byTitle.put(ind.displayTitle(), ind);
        }
        assertThat(result.indicators()).isEqualTo(withData);

        int checked = 0;
        for (XWPFTable t : doc.getTables()) {
            if (!t.getRow(0).getCell(0).getText().equals("Nyckeltal och period")) continue;
            // "Exempelby" does not fit the 1,35 cm column whole (it was cut "Exemp|elby"): the header says "Kommun"
            // and the caption names the municipality
            assertThat(t.getRow(0).getCell(1).getText()).isEqualTo("Kommun");
            assertThat(KeyFigures.ownColumn("Växjö")).isEqualTo("Växjö");
            assertThat(KeyFigures.ownColumn("Upplands-Bro")).isEqualTo("Kommun");
            for (XWPFTableRow row : t.getRows().subList(1, t.getRows().size())) {
                String title = row.getCell(0).getParagraphs().get(0).getText();
                String period = row.getCell(0).getParagraphs().get(1).getText();
                Indicator ind = byTitle.get(title);
                assertThat(ind).as(title).isNotNull();
                Observation o = latest(ind.id(), own);
                if (o == null) {
                    // region-only (karies): the own column says "–" and the county column has the value
                    assertThat(row.getCell(1).getText()).isEqualTo("–");
                    Observation c = latest(ind.id(), DemoWorkbook.COUNTY_ID);
                    assertThat(nb(row.getCell(2).getText())).isEqualTo(SwedishNumbers.value(c.value(), ind.unit()));
                } else {
                    // a unit word may wrap below its figure in the narrow cell ("249 572" / "kr"): otherwise the same text
                    assertThat(nb(row.getCell(1).getText())).as(ind.id()).isEqualTo(SwedishNumbers.value(o.value(), ind.unit()));
                    assertThat(period).startsWith(o.period().label());
                    Observation riket = wb.observations().series(ind.id(), Area.RIKET_ID, Group.TOTALT).stream()
                            .filter(x -> x.period().label().equals(o.period().label())).findFirst().orElse(null);
                    assertThat(nb(row.getCell(3).getText())).isEqualTo(riket == null ? "–" : SwedishNumbers.observation(riket, ind.unit()));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(withData);
    }

    @Test
    void handComputedExampleRow() {
        // N15643 "Trygga i skolan, åk 8": the demo's latest own value, Swedish style with a no-break space.
        Observation o = latest("N15643", DemoWorkbook.MUNICIPALITY_ID);
        String expected = SwedishNumbers.number(o.value(), 1) + "\u00a0%";
        assertThat(expected).contains(",");
        XWPFTableRow row = doc.getTables().stream().flatMap(t -> t.getRows().stream())
                .filter(r -> r.getCell(0).getText().startsWith("Trygga i skolan, åk 8")).findFirst().orElseThrow();
        assertThat(row.getCell(1).getText()).isEqualTo(expected);
        // it has a target in the demo, so its status is written in words
        assertThat(row.getCell(7).getText()).isIn("I fas", "Bevaka", "Avvikelse", "Kan inte bedömas");
        assertThat(row.getCell(5).getText()).containsPattern("p\\.e\\. sedan \\d{4}");
        // the comparison group's column (the demo's "Liknande kommuner") holds its value for the same period
        XWPFTableRow head = row.getTable().getRow(0);
        assertThat(head.getCell(4).getText()).isEqualTo("Liknande kommuner");
        assertThat(row.getCell(4).getText()).matches("\\d+,\\d\u00a0%");
    }

    @Test
    void propertiesLanguageTocFooterAndBanner() throws Exception {
        var core = doc.getProperties().getCoreProperties();
        assertThat(core.getTitle()).isEqualTo("Strategi för hälsa 2026 – Exempelby kommun");
        assertThat(core.getCreator()).isEqualTo("Exempelby kommun");
        assertThat(core.getUnderlyingProperties().getLanguageProperty()).contains("sv-SE");
        assertThat(doc.getProperties().getExtendedProperties().getUnderlyingProperties().getCompany()).isEqualTo("Exempelby kommun");
        assertThat(doc.getStyle().getDocDefaults().getRPrDefault().getRPr().getLangArray(0).getVal()).isEqualTo("sv-SE");
        assertThat(doc.isEnforcedUpdateFields()).isTrue();
        assertThat(doc.getDocument().getBody().xmlText()).contains("TOC \\o \"1-3\" \\h \\z \\u").contains("SEQ Figur");
        assertThat(doc.getFooterList().stream().anyMatch(f -> f._getHdrFtr().xmlText().contains("PAGE"))).isTrue();
        assertThat(doc.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
        String banner = bodyParagraphs().stream().filter(p -> "Exempeldata".equals(p.getStyle())).findFirst().orElseThrow().getText();
        assertThat(banner).startsWith("Exempeldata.").contains("påhittade");
    }

    @Test
    void noEmptyParagraphsAreUsedForSpacing() {
        for (XWPFParagraph p : bodyParagraphs()) {
            boolean empty = p.getText().isBlank() && p.getCTP().xmlText().indexOf("drawing") < 0
                    && p.getCTP().xmlText().indexOf("fldChar") < 0;
            assertThat(empty).as("empty paragraph with style " + p.getStyle()).isFalse();
        }
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void passesTheAcceptanceChecker() throws Exception {
        // an identical copy of the shared acceptance checker (../shared/acceptance/docx_check.py)
        Path checker = dir.resolve("docx_check.py");
        try (InputStream in = ReportServiceTest.class.getResourceAsStream("/report/docx_check.py")) {
            Files.copy(in, checker);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(External.onPath("python3"), "python3 saknas");
        External.Result r = External.run(List.of("python3", checker.toString(), docx.toString()), dir, 60);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    /** The cell's text with the breakable space before a unit word back as the no-break space SwedishNumbers writes. */
    private static String nb(String cell) {
        return cell.replace(' ', '\u00a0');
    }
}
