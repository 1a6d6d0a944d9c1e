package se.halsolage.ui.common;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.jfree.chart.fx.ChartViewer;
import se.halsolage.chart.ChartExport;
import se.halsolage.chart.RenderedChart;

import java.nio.file.Path;
import java.util.List;

/**
 * The chart's own right-click menu in Swedish instead of JFreeChart's English one ("Export As →
 * PNG…"): Kopiera diagram (a picture on the clipboard), Spara som PNG…, Spara som SVG… The picture
 * is the chart as on screen, at twice the pixels so it stays sharp in Word or PowerPoint.
 */
public final class ChartMenu {
    /** Pixels of a copied or saved picture: the chart's size on screen (at least 800 × 450) times this. */
    static final double SCALE = 2.0;

    private ChartMenu() {
    }

    public static void install(ChartViewer viewer, RenderedChart rc, WorkbookViewModel session) {
        Texts t = session.texts();
        ContextMenu menu = viewer.getContextMenu();
        MenuItem copy = new MenuItem(t.get("chart.copy"));
        copy.setId("chartCopy");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copy(viewer, rc, session));
        MenuItem png = new MenuItem(t.get("chart.savePng"));
        png.setId("chartSavePng");
        png.setOnAction(e -> save(viewer, rc, session, false));
        MenuItem svg = new MenuItem(t.get("chart.saveSvg"));
        svg.setId("chartSaveSvg");
        svg.setOnAction(e -> save(viewer, rc, session, true));
        menu.getItems().setAll(copy, new SeparatorMenuItem(), png, svg);
        // from the keyboard too: the chart is a Tab stop; Ctrl+C copies it, the menu key opens the menu
        viewer.setFocusTraversable(true);
        viewer.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copy.getAccelerator().match(e)) {
                copy(viewer, rc, session);
                e.consume();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || (e.isShiftDown() && e.getCode() == KeyCode.F10)) {
                menu.show(viewer, javafx.geometry.Side.BOTTOM, 0, -viewer.getHeight() / 2);
                e.consume();
            }
        });
    }

    /** The size of a copied or saved picture in pixels (width, height). */
    public static int[] size(ChartViewer viewer) {
        double w = Math.max(800, viewer.getWidth()), h = Math.max(450, viewer.getHeight());
        return new int[]{(int) Math.round(w * SCALE), (int) Math.round(h * SCALE)};
    }

    static void copy(ChartViewer viewer, RenderedChart rc, WorkbookViewModel session) {
        int[] s = size(viewer);
        java.awt.image.BufferedImage img = ChartExport.render(rc.chart(), s[0], s[1], SCALE);
        ClipboardContent c = new ClipboardContent();
        c.putImage(SwingFXUtils.toFXImage(img, null));
        // the alt text travels with the picture, for pasting where a picture cannot go
        c.putString(rc.altText());
        Clipboard.getSystemClipboard().setContent(c);
        session.dialogs().notify(session.texts().get("chart.copied"));
    }

    private static void save(ChartViewer viewer, RenderedChart rc, WorkbookViewModel session, boolean asSvg) {
        Texts t = session.texts();
        String base = fileName(rc.title());
        DialogService.FileType type = asSvg ? new DialogService.FileType(t.get("chart.svgFilter"), "svg")
                : new DialogService.FileType(t.get("chart.pngFilter"), "png");
        session.dialogs().chooseSaveFile(t.get(asSvg ? "chart.saveSvg" : "chart.savePng").replace("…", ""),
                base + "." + type.extension(), List.of(type)).ifPresent(p -> {
            try {
                write(viewer, rc, p, asSvg);
                session.dialogs().notify(t.get("chart.saved", p.getFileName()));
            } catch (RuntimeException ex) {
                session.dialogs().showError(t.get("chart.saveFailed"), session.message(ex));
            }
        });
    }

    static void write(ChartViewer viewer, RenderedChart rc, Path p, boolean asSvg) {
        int[] s = size(viewer);
        if (asSvg) {
            ChartExport.svg(rc, p, (int) (s[0] / SCALE), (int) (s[1] / SCALE));
        } else {
            ChartExport.png(rc.chart(), p, s[0], s[1], (int) Math.round(ChartExport.SCREEN_DPI * SCALE));
        }
    }

    /** A file name from the chart's title: letters, digits and dashes ("Trygg i skolan åk 8" → "Trygg-i-skolan-åk-8"). */
    static String fileName(String title) {
        String s = title == null ? "" : title.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) s = s.substring(0, 60).replaceAll("-+$", "");
        return s.isEmpty() ? "diagram" : s;
    }
}
