package se.halsolage.report;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One definition of change in the whole demo plan: for every indicator the overview table's change cell, the
 * text under the chart, the chart's alt text and "Vad sticker ut" give the same figure against the same
 * baseline with the same verdict word; the trend over the span, where shown, is named "Trend från … till …"
 * and is the same in text and alt text.
 */
class ChangeConsistencyTest {
    @TempDir
    static Path dir;
    static XWPFDocument doc;

    /** "−3,0 p.e. sedan 2022 (sämre)": the change phrase. */
    static final Pattern PHRASE = Pattern.compile("[+\u2212±][\\d\u00a0\u202f ]+(,\\d+)?(\u00a0[^ ()]+( per\u00a0[\\d\u00a0\u202f]+)?)? sedan "
            + "(\\d{4}(–\\d{4})?) \\((bättre|sämre|oförändrad|osäker|kan inte bedömas)\\)");
    static final Pattern SINCE = Pattern.compile("sedan (\\d{4}(–\\d{4})?)");
    static final Pattern TREND = Pattern.compile("Trend från [^:]+: [^)]+\\)");

    @BeforeAll
    static void generate() throws Exception {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            ReportService rs = new ReportService(wb);
            Path docx = dir.resolve("plan.docx");
            rs.generate(rs.defaultOptions().withDate(LocalDate.of(2026, 1, 20)), docx, null, null);
            try (InputStream in = Files.newInputStream(docx)) {
                doc = new XWPFDocument(in);
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (doc != null) doc.close();
    }

    record Section(String heading, String alt, String text) {
    }

    @Test
    void tableTextAltTextAndFindingsAgreeForEveryIndicator() {
        Map<String, String> cells = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        List<IBodyElement> body = doc.getBodyElements();
        boolean inFindings = false;
        for (int i = 0; i < body.size(); i++) {
            IBodyElement e = body.get(i);
            if (e instanceof XWPFTable t && t.getRow(0).getCell(0).getText().equals("Nyckeltal och period")) {
                // the change column follows the comparisons (own, county, riket and, when set, the comparison group)
                int col = t.getRow(0).getTableCells().stream().map(c -> c.getText()).toList()
                        .indexOf("Förändring sedan förra mätningen");
                assertThat(col).isEqualTo(5); // the demo has a comparison group: its column comes before the change
                for (XWPFTableRow r : t.getRows().subList(1, t.getRows().size())) {
                    cells.put(r.getCell(0).getParagraphs().get(0).getText(), r.getCell(col).getText().strip());
                }
            }
            if (!(e instanceof XWPFParagraph p)) continue;
            if (p.getStyle() != null && p.getStyle().startsWith("Heading")) inFindings = p.getText().equals("Vad sticker ut");
            if (inFindings && "ListNumber".equals(p.getStyle())) findings.add(p.getText());
            if (!"Heading3".equals(p.getStyle()) || !cells.containsKey(p.getText())) continue;
            String alt = null, text = null;
            for (int k = i + 1; k < Math.min(body.size(), i + 6); k++) {
                if (!(body.get(k) instanceof XWPFParagraph q)) continue;
                for (var run : q.getRuns()) for (var d : run.getCTR().getDrawingList()) for (CTInline in : d.getInlineList()) alt = in.getDocPr().getDescr();
                if (q.getStyle() == null && text == null && alt != null) text = q.getText();
            }
            sections.add(new Section(p.getText(), alt, text));
        }
        assertThat(sections).hasSize(50); // every indicator of the demo plan
        int withChange = 0, withTrend = 0;
        for (Section s : sections) {
            // the table lets a rate's figure stand above "per 100 000" (an ordinary space there); the phrase is the same
            String cell = cells.get(s.heading()).replace(" per\u00a0", "\u00a0per\u00a0");
            assertThat(s.alt()).as("alt text of " + s.heading()).isNotNull();
            assertThat(s.text()).as("text of " + s.heading()).isNotNull();
            if (cell.equals("Ingen tidigare mätning")) {
                assertThat(s.text()).contains("ingen tidigare jämförbar mätning");
                assertThat(s.alt()).contains("ingen tidigare jämförbar mätning");
                continue;
            }
            withChange++;
            assertThat(cell).as("table cell of " + s.heading()).matches(PHRASE);
            assertThat(s.text()).as("text of " + s.heading()).contains(": " + cell + ".");
            assertThat(s.alt()).as("alt text of " + s.heading()).contains(": " + cell + ".");
            // No other baseline: every "sedan <period>" in text and alt text is the table's.
            Matcher base = SINCE.matcher(cell);
            assertThat(base.find()).isTrue();
            for (String where : List.of(s.text(), s.alt())) {
                Matcher m = SINCE.matcher(where);
                while (m.find()) assertThat(m.group(1)).as("baseline in " + where).isEqualTo(base.group(1));
            }
            Set<String> trends = new LinkedHashSet<>();
            Matcher tt = TREND.matcher(s.text());
            while (tt.find()) trends.add(tt.group());
            for (String t : trends) {
                withTrend++;
                assertThat(s.alt()).as("trend in alt text of " + s.heading()).contains(t);
            }
            assertThat(s.text()).doesNotContain("antalet svarande saknas");
            for (String f : findings) {
                if (f.contains(s.heading() + ": ") && f.contains(" sedan ")) assertThat(f).contains(s.heading() + ": " + cell);
            }
        }
        assertThat(withChange).isGreaterThan(40);
        assertThat(withTrend).isGreaterThan(10);
        assertThat(findings).isNotEmpty();
        assertThat(findings.stream().filter(f -> f.contains(" sedan "))).allMatch(f -> PHRASE.matcher(f).find());
    }
}
