package se.halsolage.report;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryPptxTest { // StoryPptxTestOnPostgres runs these on PostgreSQL
    @TempDir
    Path dir;

    @Test
    void oneSlidePerChartWithAltTextSourceLineAndNotes() throws Exception {
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "demo"))) {
            Story story = new Story(0, "Workshop", List.of(
                    Slide.chart("N15428", "TREND", null, "Behörigheten sjunker."),
                    Slide.text("Vad gör vi nu?", "Tre frågor\ntill nämnden", "Låt dem prata."),
                    Slide.chart("N15613", "TREND", "Trygghet i skolan", null)));
            Path out = dir.resolve("workshop.pptx");
            new StoryPptx(wb).write(story, out, () -> false);
            try (InputStream in = Files.newInputStream(out); XMLSlideShow ppt = new XMLSlideShow(in)) {
                assertThat(ppt.getSlides()).hasSize(3);
                XSLFSlide first = ppt.getSlides().get(0);
                List<XSLFPictureShape> pics = first.getShapes().stream().filter(s -> s instanceof XSLFPictureShape)
                        .map(s -> (XSLFPictureShape) s).toList();
                assertThat(pics).hasSize(1);
                String descr = ((CTPicture) pics.get(0).getXmlObject()).getNvPicPr().getCNvPr().getDescr();
                assertThat(descr).isNotBlank().contains("80,5");
                assertThat(text(first)).contains("Behöriga till yrkesprogram, åk 9").contains("Källa: exempeldata (påhittade värden)");
                assertThat(notes(ppt, first)).isEqualTo("Behörigheten sjunker.");
                XSLFSlide second = ppt.getSlides().get(1);
                assertThat(text(second)).contains("Vad gör vi nu?", "Tre frågor", "till nämnden");
                assertThat(notes(ppt, second)).isEqualTo("Låt dem prata.");
                assertThat(text(ppt.getSlides().get(2))).contains("Trygghet i skolan");
                assertThat(ppt.getSlides().get(2).getNotes()).isNull();
                assertThat(ppt.getProperties().getCoreProperties().getTitle()).isEqualTo("Workshop");
                // real title placeholders on every slide, holding the slide's title
                for (XSLFSlide sl : ppt.getSlides()) {
                    var title = sl.getPlaceholder(0);
                    assertThat(title).isNotNull();
                    assertThat(title.getTextType()).isIn(org.apache.poi.sl.usermodel.Placeholder.TITLE,
                            org.apache.poi.sl.usermodel.Placeholder.CENTERED_TITLE);
                }
                assertThat(first.getPlaceholder(0).getText()).isEqualTo("Behöriga till yrkesprogram, åk 9");
                assertThat(second.getPlaceholder(0).getText()).isEqualTo("Vad gör vi nu?");
                // the picture is laid out at slide size inside the slide: nothing outside, ≥ 75 % of the slide
                var a = pics.get(0).getAnchor();
                var page = ppt.getPageSize();
                assertThat(a.getMinX()).isGreaterThanOrEqualTo(0);
                assertThat(a.getMaxX()).isLessThanOrEqualTo(page.width);
                assertThat(a.getMaxY()).isLessThanOrEqualTo(page.height);
                assertThat(a.getWidth() * a.getHeight() / (page.width * page.height)).isGreaterThan(0.75);
            }
            // sv-SE everywhere, the document language included; POI's template says en-US
            try (var zip = new java.util.zip.ZipFile(out.toFile())) {
                for (var e : java.util.Collections.list(zip.entries())) {
                    String x = new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(x).as(e.getName()).doesNotContain("en-US");
                }
                String core = new String(zip.getInputStream(zip.getEntry("docProps/core.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(core).contains("<dc:language>sv-SE</dc:language>");
                String slide1 = new String(zip.getInputStream(zip.getEntry("ppt/slides/slide1.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(slide1).contains("lang=\"sv-SE\"").contains("type=\"title\"");
            }
        }
    }

    /** The plot (inside the axes) of a line chart covers at least 60 % of the slide, measured with JFreeChart's data area on the demo. */
    @Test
    void thePlotCoversAtLeastSixtyPercentOfTheSlide() {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            var charts = new se.halsolage.chart.ChartService(wb);
            for (String[] k : new String[][]{{"TREND", "N15428"}, {"TREND", "N15643"}, {"GENDER", "N15643"}, {"GAP", "N15643"}}) {
                var rc = charts.create(se.halsolage.chart.ChartKind.fromCode(k[0]), k[1], null, se.halsolage.chart.ChartTheme.PROJECTOR);
                ChartImages.withoutTextTitles(rc.chart());
                var plot = StoryPptx.plotOnSlide(rc.chart());
                double share = plot.getWidth() * plot.getHeight() / (960.0 * 540.0);
                System.out.printf(java.util.Locale.ROOT, "%s %s plot %.0f x %.0f pt = %.1f %% of the slide%n", k[0], k[1],
                        plot.getWidth(), plot.getHeight(), 100 * share);
                // line charts (the issue's ≥ 60 %; was 44,8 % for N15428 with the end labels in a column); the gap
                // chart keeps its row labels left of the plot: 46 %, recorded so it does not shrink unnoticed
                assertThat(share).as(k[0] + " " + k[1]).isGreaterThanOrEqualTo(k[0].equals("GAP") ? 0.45 : 0.60);
                assertThat(plot.getMinX()).isGreaterThanOrEqualTo(StoryPptx.PICTURE.getMinX());
                assertThat(plot.getMaxX()).isLessThanOrEqualTo(StoryPptx.PICTURE.getMaxX());
            }
        }
    }

    @Test
    void storyExportOnTheCommandLine() throws Exception {
        Path f = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "demo");
        try (Workbook wb = DemoWorkbook.build(f)) {
            wb.inTransaction(w -> w.stories().save(new Story(0, "Workshop", List.of(
                    Slide.chart("N15643", "TREND", null, null), Slide.chart("N15643", "OVERVIEW", null, null)))));
        }
        Path out = dir.resolve("ut.pptx");
        assertThat(se.halsolage.cli.Cli.run(new se.halsolage.Main(), "story", "export", "--workbook", f.toString(),
                "--story", "Workshop", "--out", out.toString())).isEqualTo(se.halsolage.cli.Cli.OK);
        try (InputStream in = Files.newInputStream(out); XMLSlideShow ppt = new XMLSlideShow(in)) {
            assertThat(ppt.getSlides()).hasSize(2);
        }
        assertThat(se.halsolage.cli.Cli.run(new se.halsolage.Main(), "story", "export", "--workbook", f.toString(),
                "--story", "Finns inte", "--out", out.toString())).isEqualTo(se.halsolage.cli.Cli.USER_ERROR);
        assertThat(se.halsolage.cli.Cli.run(new se.halsolage.Main(), "story", "export", "--workbook", f.toString(),
                "--story", "Workshop", "--out", dir.resolve("ut.ppt").toString())).isEqualTo(se.halsolage.cli.Cli.USER_ERROR);
    }

    @Test
    void cancellingLeavesNoFile() throws Exception {
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "demo"))) {
            Story story = new Story(0, "X", List.of(Slide.chart("N15428", "TREND", null, null)));
            Path out = dir.resolve("x.pptx");
            assertThatThrownBy(() -> new StoryPptx(wb).write(story, out, () -> true)).isInstanceOf(CancellationException.class);
            assertThat(out).doesNotExist();
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    private static String text(XSLFSlide s) {
        return s.getShapes().stream().filter(x -> x instanceof XSLFTextShape).map(x -> ((XSLFTextShape) x).getText())
                .collect(Collectors.joining("\n"));
    }

    private static String notes(XMLSlideShow ppt, XSLFSlide s) {
        XSLFNotes n = s.getNotes();
        if (n == null) return null;
        for (XSLFShape sh : n.getShapes()) {
            if (sh instanceof XSLFTextShape t && t.getTextType() == org.apache.poi.sl.usermodel.Placeholder.BODY) return t.getText();
        }
        return null;
    }
}
