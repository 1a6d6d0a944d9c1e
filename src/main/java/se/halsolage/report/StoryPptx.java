package se.halsolage.report;

import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import se.halsolage.chart.ChartExport;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;
import se.halsolage.workbook.Workbook;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;

/**
 * A workshop story as a PowerPoint file (16:9), without a screen: one slide per chart with its title,
 * the chart as a picture with alt text (descr), the source line and the speaker notes; text slides
 * with title and body.
 */
public final class StoryPptx {
    private static final int W = 960, H = 540;
    private static final Color INK = new Color(0x1c, 0x2b, 0x3a);
    private static final Color MUTED = new Color(0x4a, 0x55, 0x63);

    private final Workbook wb;
    private final ChartService charts;

    public StoryPptx(Workbook wb) {
        this.wb = wb;
        this.charts = new ChartService(wb);
    }

    /** Writes the story to {@code out} (via a temporary file, so a failure leaves no half file). */
    public void write(Story story, Path out, BooleanSupplier cancelled) throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), ".berattelse-", ".pptx.tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(story, os, cancelled);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void write(Story story, OutputStream out, BooleanSupplier cancelled) throws IOException {
        try (XMLSlideShow ppt = new XMLSlideShow()) {
            ppt.setPageSize(new Dimension(W, H));
            for (Slide s : story.slides()) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("Exporten avbröts.");
                }
                XSLFSlide slide = ppt.createSlide();
                if (s.kind() == Slide.Kind.CHART) chartSlide(ppt, slide, s); else textSlide(slide, s);
                notes(ppt, slide, s.notes());
            }
            ppt.getProperties().getCoreProperties().setTitle(story.name());
            ppt.getProperties().getCoreProperties().setCreator("Hälsoläge");
            ppt.write(out);
        }
    }

    private void chartSlide(XMLSlideShow ppt, XSLFSlide slide, Slide s) {
        RenderedChart rc = charts.create(ChartKind.fromCode(s.chartKind()), s.indicatorId(), s.areaId(), ChartTheme.PROJECTOR);
        String title = s.title() != null && !s.title().isBlank() ? s.title() : rc.title();
        text(slide, title, 28, true, INK, new Rectangle2D.Double(36, 18, W - 72, 56));
        byte[] png = ChartExport.pngBytes(rc.chart(), 1600, 760, 192);
        XSLFPictureData data = ppt.addPicture(png, PictureData.PictureType.PNG);
        XSLFPictureShape pic = slide.createPicture(data);
        pic.setAnchor(new Rectangle2D.Double(36, 80, W - 72, (W - 72) * 760.0 / 1600));
        var nv = ((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) pic.getXmlObject()).getNvPicPr().getCNvPr();
        nv.setDescr(rc.altText());
        nv.setName(title);
        text(slide, rc.sourceLine(), 12, false, MUTED, new Rectangle2D.Double(36, H - 44, W - 72, 28));
    }

    private static void textSlide(XSLFSlide slide, Slide s) {
        text(slide, s.title() == null ? "" : s.title(), 32, true, INK, new Rectangle2D.Double(48, 40, W - 96, 70));
        text(slide, s.body() == null ? "" : s.body(), 22, false, INK, new Rectangle2D.Double(48, 130, W - 96, H - 180));
    }

    private static void text(XSLFSlide slide, String text, double size, boolean bold, Color color, Rectangle2D anchor) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(anchor);
        box.clearText();
        boolean first = true;
        for (String line : text.split("\\R", -1)) {
            XSLFTextParagraph p = box.addNewTextParagraph();
            XSLFTextRun r = p.addNewTextRun();
            r.setText(line);
            r.setFontSize(size);
            r.setBold(bold && first);
            r.setFontColor(color);
            r.setFontFamily("Calibri");
            first = false;
        }
        box.setWordWrap(true);
    }

    private static void notes(XMLSlideShow ppt, XSLFSlide slide, String notes) {
        if (notes == null || notes.isBlank()) return;
        XSLFNotes n = ppt.getNotesSlide(slide);
        for (XSLFTextShape sh : n.getPlaceholders()) {
            if (sh.getTextType() == Placeholder.BODY) {
                sh.setText(notes);
                return;
            }
        }
    }
}
