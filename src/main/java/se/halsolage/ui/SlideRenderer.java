package se.halsolage.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.fx.ChartViewer;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.domain.Slide;
import se.halsolage.workbook.Workbook;

/** Draws one slide: a chart in the projector theme, or a short text. */
final class SlideRenderer {
    private final Workbook wb;
    private final ChartService charts;

    SlideRenderer(Workbook wb) {
        this.wb = wb;
        this.charts = new ChartService(wb);
    }

    /** The title shown above the slide. */
    String title(Slide s) {
        if (s.title() != null && !s.title().isBlank()) return s.title();
        if (s.kind() == Slide.Kind.CHART) {
            return wb.indicators().get(s.indicatorId()).map(i -> i.displayTitle()).orElse(s.indicatorId());
        }
        return "";
    }

    Node render(Slide s, boolean large) {
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
            Label body = new Label(s.body() == null ? "" : s.body());
            body.setWrapText(true);
            body.getStyleClass().add(large ? "slide-body" : "slide-body-small");
            box.getChildren().add(body);
        } else {
            try {
                RenderedChart rc = charts.create(ChartKind.fromCode(s.chartKind()), s.indicatorId(), s.areaId(),
                        large ? ChartTheme.PROJECTOR : ChartTheme.SCREEN);
                ChartViewer viewer = new ChartViewer(rc.chart());
                viewer.setAccessibleText(rc.altText());
                viewer.setMouseTransparent(true);
                VBox.setVgrow(viewer, Priority.ALWAYS);
                box.getChildren().add(viewer);
            } catch (RuntimeException e) {
                Label problem = new Label(e.getMessage());
                problem.setWrapText(true);
                box.getChildren().add(problem);
            }
        }
        return box;
    }
}
