import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Draws the Hälsoläge icons with Java2D, so they can be regenerated without a drawing program:
 *
 * <pre>java installer/icons/MakeIcons.java installer/icons</pre>
 *
 * The mark: a white "H" on a calm teal tile whose crossbar is a rising trend line that ends in a
 * coral heart. Writes halsolage-SIZE.png (16…1024) for the app and halsa-SIZE.png (a document with the
 * mark) for workbook files. installer/icons/make-icons.sh turns them into .ico/.icns.
 */
public final class MakeIcons {
    static final Color TEAL_TOP = new Color(0x2A8C82);
    static final Color TEAL_BOTTOM = new Color(0x1D5F73);
    static final Color CORAL = new Color(0xF0806E);

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        dir.mkdirs();
        for (int size : new int[]{16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            ImageIO.write(appIcon(size), "png", new File(dir, "halsolage-" + size + ".png"));
            ImageIO.write(documentIcon(size), "png", new File(dir, "halsa-" + size + ".png"));
        }
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** The app icon: the mark on a rounded tile filling the square (with a small margin). */
    static BufferedImage appIcon(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        double s = size / 100.0;
        g.scale(s, s);
        RoundRectangle2D tile = new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22);
        g.setPaint(new GradientPaint(0, 4, TEAL_TOP, 0, 96, TEAL_BOTTOM));
        g.fill(tile);
        mark(g, 0, 0, 1.0, size);
        g.dispose();
        return img;
    }

    /** The H (two bars), a rising line as its crossbar and a heart at the line's end. Drawn in a 100x100 box. */
    static void mark(Graphics2D g, double x, double y, double scale, int pixelSize) {
        Graphics2D m = (Graphics2D) g.create();
        m.translate(x, y);
        m.scale(scale, scale);
        m.setColor(Color.WHITE);
        // At tiny sizes thicker strokes keep the letter readable.
        double bar = pixelSize <= 24 ? 17 : 14;
        m.fill(new RoundRectangle2D.Double(24, 22, bar, 56, 6, 6));
        m.fill(new RoundRectangle2D.Double(76 - bar, 22, bar, 56, 6, 6));
        // Crossbar as a small trend line: down, then up to the right.
        Path2D line = new Path2D.Double();
        line.moveTo(24 + bar / 2, 56);
        line.lineTo(42, 56);
        line.lineTo(50, 47);
        line.lineTo(56, 52);
        line.lineTo(76 - bar / 2, 40);
        m.setStroke(new BasicStroke(pixelSize <= 24 ? 10f : 7.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        m.draw(line);
        // Heart in the upper right, where the trend is heading.
        m.setColor(CORAL);
        m.fill(heart(73, 20, pixelSize <= 24 ? 26 : 22));
        m.dispose();
    }

    /** A heart whose bounding box is centred on (cx, cy) with width w. */
    static Path2D heart(double cx, double cy, double w) {
        double h = w * 0.9;
        double left = cx - w / 2, top = cy - h / 2;
        Path2D p = new Path2D.Double();
        p.moveTo(cx, top + h);                                   // bottom tip
        p.curveTo(cx - w * 0.15, top + h * 0.82, left, top + h * 0.62, left, top + h * 0.32);
        p.curveTo(left, top + h * 0.05, cx - w * 0.32, top - h * 0.06, cx, top + h * 0.24);
        p.curveTo(cx + w * 0.32, top - h * 0.06, left + w, top + h * 0.05, left + w, top + h * 0.32);
        p.curveTo(left + w, top + h * 0.62, cx + w * 0.15, top + h * 0.82, cx, top + h);
        p.closePath();
        return p;
    }

    /** The workbook (.halsa) icon: a white page with a folded corner carrying a small teal tile with the mark. */
    static BufferedImage documentIcon(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        double s = size / 100.0;
        g.scale(s, s);
        Path2D page = new Path2D.Double();
        page.moveTo(16, 4);
        page.lineTo(66, 4);
        page.lineTo(86, 24);
        page.lineTo(86, 96);
        page.lineTo(16, 96);
        page.closePath();
        g.setColor(new Color(0xFAFAF7));
        g.fill(page);
        g.setColor(new Color(0x8A9BA3));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(page);
        Path2D fold = new Path2D.Double();
        fold.moveTo(66, 4);
        fold.lineTo(66, 24);
        fold.lineTo(86, 24);
        g.setColor(new Color(0xDDE4E6));
        g.fill(fold);
        g.setColor(new Color(0x8A9BA3));
        g.draw(fold);
        RoundRectangle2D tile = new RoundRectangle2D.Double(24, 36, 54, 54, 12, 12);
        g.setPaint(new GradientPaint(0, 36, TEAL_TOP, 0, 90, TEAL_BOTTOM));
        g.fill(tile);
        mark(g, 24, 36, 0.54, size / 2);
        g.dispose();
        return img;
    }
}
