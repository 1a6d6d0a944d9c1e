package se.halsolage.report;

import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
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

    /** The picture of a chart slide: the slide minus narrow margins, the title band and the source line. */
    static final Rectangle2D PICTURE = new Rectangle2D.Double(8, 52, W - 16, H - 52 - 27);
    /** Layout width of a slide chart (96-dpi units): 1 100 units over the 912-point picture, so the PROJECTOR theme prints at 0,83 of its size (18-unit labels ≈ 15 pt) and the plot gets about two thirds of the width. */
    static final double SLIDE_LAYOUT_W = 1100;
    static final String LANG = "sv-SE";

    /**
     * Where the chart's plot (the data area inside the axes) lands on the slide, in slide points: the chart is laid
     * out as on the slide ({@link #SLIDE_LAYOUT_W} units over the {@link #PICTURE}) and JFreeChart reports its data area.
     */
    static Rectangle2D plotOnSlide(org.jfree.chart.JFreeChart chart) {
        endLabelsAsLegend(chart);
        double scale = PICTURE.getWidth() / SLIDE_LAYOUT_W;
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, SLIDE_LAYOUT_W, PICTURE.getHeight() / scale), info);
        } finally {
            g.dispose();
        }
        Rectangle2D d = info.getPlotInfo().getDataArea();
        return new Rectangle2D.Double(PICTURE.getX() + d.getX() * scale, PICTURE.getY() + d.getY() * scale,
                d.getWidth() * scale, d.getHeight() * scale);
    }

    /**
     * On a slide the lines' end labels ("Växjö 83,1 %", "Liknande kommuner 80,7 %", right of the data in the chart's
     * widened right inset) become one legend row above the plot, with the same words, values and colours: the column
     * of labels took a third of the slide's width. Charts without end labels are left as they are. Idempotent.
     */
    static void endLabelsAsLegend(org.jfree.chart.JFreeChart chart) {
        if (!(chart.getPlot() instanceof org.jfree.chart.plot.XYPlot plot)) return;
        java.util.List<org.jfree.chart.annotations.XYTextAnnotation> ends = new java.util.ArrayList<>();
        for (Object a : plot.getAnnotations()) {
            if (a instanceof org.jfree.chart.annotations.XYTextAnnotation t
                    && t.getTextAnchor() == org.jfree.chart.ui.TextAnchor.HALF_ASCENT_LEFT) ends.add(t);
        }
        if (ends.isEmpty()) return;
        ends.sort(java.util.Comparator.comparingDouble(org.jfree.chart.annotations.XYTextAnnotation::getY).reversed());
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        java.awt.Font font = ends.get(0).getFont();
        for (var t : ends) {
            plot.removeAnnotation(t, false);
            org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(t.getText().strip().replace("\u2002", ""),
                    null, null, null, new java.awt.geom.Rectangle2D.Double(-9, -4, 18, 8), t.getPaint());
            item.setLabelFont(font);
            item.setLabelPaint(t.getPaint());
            items.add(item);
        }
        var in = plot.getInsets();
        plot.setInsets(new org.jfree.chart.ui.RectangleInsets(in.getTop(), in.getLeft(), in.getBottom(), 12));
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(() -> items);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
        legend.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        legend.setItemFont(font);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setBackgroundPaint(null);
        legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(1, 4, 1, 16));
        chart.addSubtitle(legend);
    }

    public void write(Story story, OutputStream out, BooleanSupplier cancelled) throws IOException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        try (XMLSlideShow ppt = new XMLSlideShow()) {
            ppt.setPageSize(new Dimension(W, H));
            XSLFSlideMaster master = ppt.getSlideMasters().get(0);
            XSLFSlideLayout titleOnly = master.getLayout(SlideLayout.TITLE_ONLY);
            XSLFSlideLayout titleAndBody = master.getLayout(SlideLayout.TITLE_AND_CONTENT);
            for (Slide s : story.slides()) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("Exporten avbröts.");
                }
                XSLFSlide slide = ppt.createSlide(s.kind() == Slide.Kind.CHART ? titleOnly : titleAndBody);
                if (s.kind() == Slide.Kind.CHART) chartSlide(ppt, slide, s); else textSlide(slide, s);
                notes(ppt, slide, s.notes());
            }
            var core = ppt.getProperties().getCoreProperties();
            core.setTitle(story.name());
            core.setCreator("Hälsoläge");
            core.getUnderlyingProperties().setLanguageProperty(LANG);
            ppt.write(raw);
        }
        swedish(raw.toByteArray(), out);
    }

    /**
     * Copies the package and marks every text, the masters' and the theme's included, as sv-SE: POI's blank
     * template says en-US everywhere, and a screen reader would then read the Swedish slides with an English voice.
     */
    static void swedish(byte[] pptx, OutputStream out) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pptx));
             java.util.zip.ZipOutputStream zo = new java.util.zip.ZipOutputStream(new java.io.FilterOutputStream(out) {
                 @Override
                 public void close() throws IOException {
                     flush(); // the caller closes its own stream
                 }
             })) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                String n = e.getName();
                if (n.endsWith(".xml") || n.endsWith(".rels")) {
                    String x = new String(data, java.nio.charset.StandardCharsets.UTF_8);
                    x = x.replace("lang=\"en-US\"", "lang=\"" + LANG + "\"").replace("altLang=\"en-US\"", "altLang=\"" + LANG + "\"");
                    if (n.equals("docProps/core.xml") && !x.contains("<dc:language>")) {
                        x = x.replace("</cp:coreProperties>", "<dc:language>" + LANG + "</dc:language></cp:coreProperties>");
                    }
                    data = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zo.putNextEntry(new java.util.zip.ZipEntry(n));
                zo.write(data);
                zo.closeEntry();
            }
        }
    }

    private void chartSlide(XMLSlideShow ppt, XSLFSlide slide, Slide s) {
        RenderedChart rc = charts.create(ChartKind.fromCode(s.chartKind()), s.indicatorId(), s.areaId(), ChartTheme.PROJECTOR);
        String title = s.title() != null && !s.title().isBlank() ? s.title() : rc.title();
        XSLFTextShape t = slide.getPlaceholder(0);
        t.setAnchor(new Rectangle2D.Double(24, 4, W - 48, 46));
        fill(t, title, titleSize(title), true, INK);
        // The chart's own title and source lines are real text on the slide; the picture is laid out at its
        // size on the slide (1 point = 1 layout unit), so nothing is scaled down, clipped or squeezed.
        ChartImages.withoutTextTitles(rc.chart());
        endLabelsAsLegend(rc.chart());
        int pxW = (int) Math.round(PICTURE.getWidth() * 2), pxH = (int) Math.round(PICTURE.getHeight() * 2);
        byte[] png = ChartImages.png(rc.chart(), pxW, pxH, SLIDE_LAYOUT_W, 192);
        XSLFPictureData data = ppt.addPicture(png, PictureData.PictureType.PNG);
        XSLFPictureShape pic = slide.createPicture(data);
        pic.setAnchor(PICTURE);
        var nv = ((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) pic.getXmlObject()).getNvPicPr().getCNvPr();
        nv.setDescr(rc.altText());
        nv.setName(title);
        String source = rc.sourceLine() + (rc.subtitle() == null || rc.subtitle().isBlank() ? "" : ". " + rc.subtitle());
        text(slide, source, 12, false, MUTED, new Rectangle2D.Double(24, H - 26, W - 48, 24));
    }

    /**
     * A chart slide's title on one line of the 46-point band above the picture: 28 pt up to about 54 characters, then
     * smaller (0,6 em a character: Calibri bold is narrower, LibreOffice's substitute wider), never below 18 pt. A two-line 28-pt title ran into the chart.
     */
    static double titleSize(String title) {
        double fit = (W - 48) / (0.6 * Math.max(1, title.length()));
        return Math.max(18, Math.min(28, Math.floor(fit)));
    }

    private static void textSlide(XSLFSlide slide, Slide s) {
        XSLFTextShape title = slide.getPlaceholder(0);
        fill(title, s.title() == null ? "" : s.title(), 32, true, INK);
        XSLFTextShape body = slide.getPlaceholder(1);
        if (body == null) {
            text(slide, s.body() == null ? "" : s.body(), 22, false, INK, new Rectangle2D.Double(48, 130, W - 96, H - 180));
        } else {
            fill(body, s.body() == null ? "" : s.body(), 22, false, INK);
        }
    }

    private static void text(XSLFSlide slide, String text, double size, boolean bold, Color color, Rectangle2D anchor) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(anchor);
        fill(box, text, size, bold, color);
    }

    private static void fill(XSLFTextShape box, String text, double size, boolean bold, Color color) {
        box.clearText();
        for (String line : text.split("\\R", -1)) {
            XSLFTextParagraph p = box.addNewTextParagraph();
            XSLFTextRun r = p.addNewTextRun();
            r.setText(line);
            r.setFontSize(size);
            r.setBold(bold);
            r.setFontColor(color);
            r.setFontFamily("Calibri");
            if (r.getXmlObject() instanceof org.openxmlformats.schemas.drawingml.x2006.main.CTRegularTextRun ct) {
                (ct.isSetRPr() ? ct.getRPr() : ct.addNewRPr()).setLang(LANG);
            }
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
