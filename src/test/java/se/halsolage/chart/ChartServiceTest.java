package se.halsolage.chart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every catalogue indicator of the demo workbook renders every kind that applies, to PNG and SVG. */
class ChartServiceTest {
    @TempDir
    static Path dir;
    static Workbook wb;
    static ChartService charts;

    @BeforeAll
    static void build() {
        wb = DemoWorkbook.build(dir.resolve("demo.halsa"));
        charts = new ChartService(wb);
    }

    @AfterAll
    static void close() {
        wb.close();
    }

    @Test
    void everyIndicatorRendersEveryKindThatAppliesToPngAndSvg() throws Exception {
        int rendered = 0;
        List<String> kindsSeen = new ArrayList<>();
        for (Indicator ind : wb.indicators().all()) {
            List<ChartKind> kinds = charts.kinds(ind.id());
            assertThat(kinds).as(ind.id() + " has a trend").contains(ChartKind.TREND);
            for (ChartKind k : kinds) {
                RenderedChart rc = charts.create(k, ind.id(), null, ChartTheme.SCREEN);
                assertThat(rc.title()).isNotBlank();
                assertThat(rc.subtitle()).isNotBlank();
                assertThat(rc.sourceLine()).startsWith("Källa: ").contains("påhittade värden");
                assertThat(rc.note()).contains("Exempeldata: alla värden är påhittade.");
                assertThat(rc.altText()).doesNotContain("null").doesNotContain("NaN").hasSizeGreaterThan(60);
                Path png = dir.resolve(ind.id() + "-" + k.code() + ".png");
                Path svg = dir.resolve(ind.id() + "-" + k.code() + ".svg");
                ChartExport.png(rc.chart(), png, 900, 560, 96);
                ChartExport.svg(rc, svg, 900, 560);
                BufferedImage img = ImageIO.read(png.toFile());
                assertThat(img.getWidth()).isEqualTo(900);
                assertThat(nonWhiteShare(img)).as(png.toString()).isGreaterThan(0.01);
                String text = Files.readString(svg);
                assertThat(text).contains("<svg", "Källa: ", "påhittade");
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()); // well-formed
                rendered++;
                if (!kindsSeen.contains(k.code())) kindsSeen.add(k.code());
            }
        }
        // grupper: the demo's kön breakdown (Kvinnor/Män) drawn as population groups too
        assertThat(kindsSeen).containsExactlyInAnyOrder("trend", "gender", "gap", "overview", "grupper");
        assertThat(rendered).isGreaterThan(wb.indicators().count() * 2);
    }

    @Test
    void trendAltTextStatesTheLatestValueAndTheSuppressedYearsAreExplained() {
        RenderedChart rc = charts.create(ChartKind.TREND, "N15643", null, ChartTheme.SCREEN);
        List<Observation> own = AnalysisService.withValues(wb.observations().series("N15643", DemoWorkbook.MUNICIPALITY_ID, Group.TOTALT));
        Observation latest = own.get(own.size() - 1);
        assertThat(rc.altText()).contains(SwedishNumbers.value(latest.value(), latest.value() > 0 ? se.halsolage.domain.Unit.PERCENT : null))
                .contains(latest.period().label()).contains("Exempelby")
                .contains(se.halsolage.analysis.Texts.changePhrase(new AnalysisService(wb).analyze("N15643")))
                .contains("Trend från ");
        assertThat(rc.title()).isEqualTo("Trygga i skolan, åk 8");
        assertThat(rc.subtitle()).contains("Andel i procent", "åk 8");
        assertThat(rc.note()).contains("målet");
        assertThat(rc.sourceLine()).isEqualTo("Källa: exempeldata (påhittade värden)");
    }

    @Test
    void suppressedPointsAreGapsWithANote() {
        // the demo marks 2016 missing for indicators whose id hash is divisible by 5, and suppresses some gender values
        boolean found = false;
        for (Indicator ind : wb.indicators().all()) {
            List<Observation> s = wb.observations().series(ind.id(), DemoWorkbook.MUNICIPALITY_ID, Group.TOTALT);
            if (s.stream().anyMatch(o -> !o.hasValue())) {
                RenderedChart rc = charts.create(ChartKind.TREND, ind.id(), null, ChartTheme.SCREEN);
                // missing is "–" and masked is "..", with the legend's words (it used to say ".. = uppgift saknas/sekretess")
                assertThat(rc.note()).containsPattern("Luckor i linjen: (\\.\\. sekretess eller för få svar \\([^)]+\\)|– uppgift saknas \\([^)]+\\))");
                if (s.stream().noneMatch(o -> o.status() == se.halsolage.domain.ObservationStatus.SUPPRESSED)) {
                    assertThat(rc.note()).doesNotContain("..");
                }
                found = true;
            }
        }
        assertThat(found).isTrue();
        RenderedChart g = charts.create(ChartKind.GENDER, "UNG-ALKOHOL-AK8", null, ChartTheme.SCREEN);
        assertThat(g.note()).contains("Luckor i linjen: .. sekretess eller för få svar (Pojkar 2015).");
        assertThat(g.subtitle()).contains("Flickor − pojkar");
    }

    @Test
    void genderChartUsesTheSourcesLabels() {
        assertThat(charts.create(ChartKind.GENDER, "UNG-MAR-BRA-AK8", null, ChartTheme.SCREEN).altText()).contains("flickor", "pojkar");
        assertThat(charts.create(ChartKind.GENDER, "N00957", null, ChartTheme.SCREEN).altText()).contains("kvinnor", "män");
    }

    @Test
    void regionOnlyIndicatorFallsBackToTheCounty() {
        RenderedChart rc = charts.create(ChartKind.TREND, "N80401", null, ChartTheme.SCREEN);
        assertThat(rc.altText()).contains("Region");
    }

    @Test
    void printPngCarriesItsDpiAndProjectorRenders() throws Exception {
        RenderedChart rc = charts.create(ChartKind.TREND, "N15643", null, ChartTheme.PRINT);
        byte[] png = ChartExport.pngBytes(rc.chart(), 1890, 1181, 300);
        assertThat(dpiOf(png)).isEqualTo(300);
        assertThat(dpiOf(ChartExport.pngBytes(rc.chart(), 900, 560, 96))).isEqualTo(96);
        RenderedChart proj = charts.create(ChartKind.GAP, "N15643", null, ChartTheme.PROJECTOR);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartExport.pngBytes(proj.chart(), 1600, 900, 96)));
        assertThat(img.getHeight()).isEqualTo(900);
    }

    @Test
    void svgHasTitleDescriptionAndLanguage() throws Exception {
        RenderedChart rc = charts.create(ChartKind.OVERVIEW, "N15643", null, ChartTheme.SCREEN);
        Path svg = dir.resolve("o.svg");
        ChartExport.svg(rc, svg, 900, 700);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
        assertThat(root.getAttribute("xml:lang")).isEqualTo("sv-SE");
        NodeList desc = root.getElementsByTagName("desc");
        assertThat(desc.getLength()).isGreaterThan(0);
        assertThat(desc.item(0).getTextContent()).isEqualTo(rc.altText());
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(rc.title());
    }

    @Test
    void unknownIndicatorAndInapplicableKindAreUserErrors() {
        assertThatThrownBy(() -> charts.create(ChartKind.TREND, "FINNS-INTE", null, ChartTheme.SCREEN)).isInstanceOf(UserError.class);
        assertThat(charts.applies(ChartKind.GENDER, "N00923")).isFalse(); // medellivslängd män: not split by gender
        assertThatThrownBy(() -> charts.create(ChartKind.GENDER, "N00923", null, ChartTheme.SCREEN)).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> ChartKind.fromCode("paj")).isInstanceOf(UserError.class);
        assertThat(ChartKind.fromCode("gap")).isEqualTo(ChartKind.GAP);
    }

    @Test
    void textColoursHaveEnoughContrast() {
        for (java.awt.Color c : new java.awt.Color[]{ChartTheme.OWN, ChartTheme.COUNTY, ChartTheme.GROUP, ChartTheme.RIKET,
                ChartTheme.TARGET, ChartTheme.FEMALE, ChartTheme.MALE, ChartTheme.BETTER, ChartTheme.WORSE, ChartTheme.NEUTRAL,
                ChartTheme.TEXT, ChartTheme.MUTED_TEXT}) {
            assertThat(ChartTheme.contrast(c, java.awt.Color.WHITE)).as(c.toString()).isGreaterThanOrEqualTo(4.5);
        }
        // sanity of the formula: black on white is 21:1, #767676 on white is about 4,54:1
        assertThat(ChartTheme.contrast(java.awt.Color.BLACK, java.awt.Color.WHITE)).isCloseTo(21.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(ChartTheme.contrast(new java.awt.Color(0x76, 0x76, 0x76), java.awt.Color.WHITE)).isCloseTo(4.54, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void shortenKeepsTheGrade() {
        assertThat(ChartService.shorten("Fysiskt aktiv minst 60 minuter om dagen, gy 2", 30)).endsWith(", gy 2").contains("…").hasSizeLessThanOrEqualTo(30);
        assertThat(ChartService.shorten("Kort", 30)).isEqualTo("Kort");
    }

    static double nonWhiteShare(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) n++;
        return n / (double) ((img.getHeight() / 3) * (img.getWidth() / 3));
    }

    static int dpiOf(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
            r.setInput(in);
            IIOMetadata meta = r.getImageMetadata(0);
            org.w3c.dom.Node root = meta.getAsTree("javax_imageio_png_1.0");
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    int ppm = Integer.parseInt(((Element) n).getAttribute("pixelsPerUnitXAxis"));
                    return (int) Math.round(ppm * 0.0254);
                }
            }
            return -1;
        }
    }
}
