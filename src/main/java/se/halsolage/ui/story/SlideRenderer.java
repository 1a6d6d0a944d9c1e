package se.halsolage.ui.story;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.fx.ChartViewer;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.domain.Slide;
import se.halsolage.workbook.Workbook;

/**
 * Draws one slide: a chart in the projector theme, or a short text. What needs the workbook (titles,
 * the charts' data) is read once for all slides by {@link #prepare} on the task runner; drawing on
 * the FX thread then never waits for the workbook (e.g. behind an import).
 */
final class SlideRenderer {
    /** A slide's title and chart (or the reason it has none), read from the workbook. */
    private record Prepared(String title, RenderedChart chart, String problem) {
    }

    private final java.util.Map<Slide, Prepared> prepared;

    private SlideRenderer(java.util.Map<Slide, Prepared> prepared) {
        this.prepared = prepared;
    }

    /** Reads titles and charts of {@code slides}; call off the FX thread. */
    static SlideRenderer prepare(Workbook wb, java.util.List<Slide> slides) {
        ChartService charts = new ChartService(wb);
        java.util.Map<Slide, Prepared> out = new java.util.HashMap<>();
        for (Slide s : slides) {
            if (out.containsKey(s)) continue;
            String title = s.title() != null && !s.title().isBlank() ? s.title()
                    : s.kind() == Slide.Kind.CHART
                    ? wb.indicators().get(s.indicatorId()).map(i -> i.displayTitle()).orElse(s.indicatorId()) : "";
            RenderedChart rc = null;
            String problem = null;
            if (s.kind() == Slide.Kind.CHART) {
                try {
                    rc = charts.create(ChartKind.fromCode(s.chartKind()), s.indicatorId(), s.areaId(), ChartTheme.PROJECTOR);
                } catch (RuntimeException e) {
                    problem = e.getMessage();
                }
            }
            out.put(s, new Prepared(title, rc, problem));
        }
        return new SlideRenderer(out);
    }

    /** The title shown above the slide. */
    String title(Slide s) {
        Prepared p = prepared.get(s);
        return p == null ? (s.title() == null ? "" : s.title()) : p.title();
    }

    Node render(Slide s, boolean large) {
        return render(s, large, MINI_W / 2.0);
    }

    /** A slide; when not {@code large}, a chart is a picture {@code miniWidth} wide (the presenter view). */
    Node render(Slide s, boolean large, double miniWidth) {
        // a chart carries its own title and source line; a slide title is shown only when the facilitator set one
        boolean ownTitle = s.kind() == Slide.Kind.TEXT || (s.title() != null && !s.title().isBlank());
        Label title = new Label(ownTitle ? title(s) : "");
        title.setManaged(ownTitle);
        title.setVisible(ownTitle);
        title.getStyleClass().add(large ? "slide-title" : "slide-title-small");
        title.setWrapText(true);
        VBox box = new VBox(large ? 24 : 8, title);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().add("slide");
        if (s.kind() == Slide.Kind.TEXT) {
            // laid out for a wall: large type, the block in the middle of the slide, lines as written
            Label body = new Label(s.body() == null ? "" : s.body());
            body.setWrapText(true);
            body.getStyleClass().add(large ? "slide-text-body" : "slide-body-small");
            body.setMaxWidth(large ? 1100 : miniWidth);
            title.getStyleClass().setAll(large ? "slide-text-title" : "slide-title-small");
            title.setMaxWidth(large ? 1100 : miniWidth);
            if (large) {
                // for a wall: the text grows with the slide (60/44 px on a 1280 px window, 92/67 px on 1920 px),
                // the block stays in the middle at 86 % of the width
                box.widthProperty().addListener((o, a, w) -> scaleText(w.doubleValue(), title, body));
            }
            box.setSpacing(large ? 40 : 8);
            box.setAlignment(Pos.CENTER);
            box.getChildren().add(body);
        } else {
            Prepared p = prepared.get(s);
            try {
                if (p == null || p.chart() == null) throw new IllegalStateException(p == null ? "" : p.problem());
                RenderedChart rc = p.chart();
                if (large) {
                    ChartViewer viewer = new ChartViewer(rc.chart());
                    viewer.setAccessibleText(rc.altText());
                    viewer.setMouseTransparent(true);
                    VBox.setVgrow(viewer, Priority.ALWAYS);
                    box.getChildren().add(viewer);
                } else {
                    box.getChildren().add(miniature(rc, miniWidth));
                }
            } catch (RuntimeException e) {
                Label problem = new Label(e.getMessage());
                problem.setWrapText(true);
                box.getChildren().add(problem);
            }
        }
        return box;
    }

    /** Font sizes of a text slide {@code width} px wide: title width/20, body width/27,3, never below 60/44 px's half. */
    static double[] textSizes(double width) {
        double w = Math.max(600, width);
        return new double[]{Math.min(160, w / 20.0), Math.min(120, w / 27.3)};
    }

    private static void scaleText(double width, Label title, Label body) {
        if (width <= 0) return;
        double[] px = textSizes(width);
        title.setStyle("-fx-font-size: " + Math.round(px[0]) + "px;");
        body.setStyle("-fx-font-size: " + Math.round(px[1]) + "px;");
        title.setMaxWidth(width * 0.86);
        body.setMaxWidth(width * 0.86);
    }

    /**
     * The presenter view's "now" and "next": a picture of the slide exactly as the projector shows it
     * (laid out as on a 1280 × 720 projector and scaled down), not the chart laid out again in a small box, where labels
     * would crowd and overlap.
     */
    private static Node miniature(RenderedChart rc, double width) {
        java.awt.image.BufferedImage img = se.halsolage.chart.ChartExport.render(rc.chart(), MINI_W, MINI_H, MINI_W / 1280.0);
        ImageView view = new ImageView(SwingFXUtils.toFXImage(img, null));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(width);
        view.setAccessibleText(rc.altText());
        view.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        return view;
    }

    private static final int MINI_W = 960, MINI_H = 540;
}
