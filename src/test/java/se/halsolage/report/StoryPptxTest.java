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

class StoryPptxTest {
    @TempDir
    Path dir;

    @Test
    void oneSlidePerChartWithAltTextSourceLineAndNotes() throws Exception {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
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
            }
        }
    }

    @Test
    void cancellingLeavesNoFile() throws Exception {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
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
