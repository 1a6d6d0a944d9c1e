package se.halsolage.chart;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PNG (with the dpi written in the pHYs chunk) and SVG (Apache Batik) export of the same chart objects the
 * desktop shows. A PNG at {@code dpi} is drawn at 96 dpi layout scaled up, so a 300 dpi print image has the
 * same layout and relative text size as the screen image of the same physical size.
 */
public final class ChartExport {
    public static final int SCREEN_DPI = 96;
    public static final int PRINT_DPI = 300;

    private ChartExport() {
    }

    /** Writes a PNG of widthPx × heightPx pixels with the given dpi. */
    public static void png(JFreeChart c, Path out, int widthPx, int heightPx, int dpi) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            byte[] png = pngBytes(c, widthPx, heightPx, dpi);
            se.halsolage.export.AtomicFiles.write(out, o -> o.write(png)); // complete or not at all
        } catch (IOException e) {
            throw new UncheckedIOException("Kunde inte skriva " + out + ": " + e.getMessage(), e);
        }
    }

    /** Print size: {@code widthCm} wide at 300 dpi, e.g. 16 cm → 1890 pixels. */
    public static void pngForPrint(JFreeChart c, Path out, double widthCm, double heightCm) {
        png(c, out, (int) Math.round(widthCm / 2.54 * PRINT_DPI), (int) Math.round(heightCm / 2.54 * PRINT_DPI), PRINT_DPI);
    }

    public static byte[] pngBytes(JFreeChart c, int widthPx, int heightPx, int dpi) {
        if (widthPx <= 0 || heightPx <= 0) throw new IllegalArgumentException("Bildstorleken måste vara positiv");
        if (dpi <= 0) throw new IllegalArgumentException("dpi måste vara positivt");
        double scale = Math.max(1.0, dpi / (double) SCREEN_DPI);
        return FastPng.encode(render(c, widthPx, heightPx, scale), dpi);
    }

    /**
     * Draws a chart onto a white {@code widthPx} × {@code heightPx} image, laid out at
     * {@code widthPx / scale} units wide (so text and lines grow with the scale), antialiased.
     */
    public static BufferedImage render(JFreeChart c, int widthPx, int heightPx, double scale) {
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, widthPx, heightPx);
            g.scale(scale, scale);
            c.draw(g, new Rectangle2D.Double(0, 0, widthPx / scale, heightPx / scale));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes an SVG of width × height user units with Batik's SVGGraphics2D (text kept as text). */
    public static void svg(JFreeChart c, Path out, int width, int height) {
        svg(c, out, width, height, null, null);
    }

    /** SVG with a {@code <title>} and {@code <desc>} (the alt text) for screen readers. */
    public static void svg(RenderedChart rc, Path out, int width, int height) {
        svg(rc.chart(), out, width, height, rc.title(), rc.altText());
    }

    private static void svg(JFreeChart c, Path out, int width, int height, String title, String desc) {
        DOMImplementation dom = GenericDOMImplementation.getDOMImplementation();
        Document doc = dom.createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("Hälsoläge");
        ctx.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        c.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        root.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "sv-SE");
        if (desc != null) {
            Element d = doc.createElementNS("http://www.w3.org/2000/svg", "desc");
            d.setTextContent(desc);
            root.insertBefore(d, root.getFirstChild());
        }
        if (title != null) {
            Element t = doc.createElementNS("http://www.w3.org/2000/svg", "title");
            t.setTextContent(title);
            root.insertBefore(t, root.getFirstChild());
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            java.io.StringWriter sw = new java.io.StringWriter();
            g.stream(root, sw, true, false);
            // no DOCTYPE: the SVG 1.0 DTD is deprecated and would make parsers fetch it from the network
            String text = sw.toString().replaceFirst("(?s)<!DOCTYPE[^>]*>\\s*", "");
            if (!text.startsWith("<?xml")) text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text;
            else text = text.replaceFirst("^<\\?xml[^>]*\\?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            String svgText = text;
            se.halsolage.export.AtomicFiles.write(out, o -> { // complete or not at all
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                w.write(svgText);
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Kunde inte skriva " + out + ": " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
    }
}
