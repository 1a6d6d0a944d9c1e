package se.halsolage.ui.indicators;

import se.halsolage.ui.common.ChartMenu;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;

/** The chart tabs of the indicator detail (trend, gender, gap, overview) in JFreeChart's ChartViewer. */
final class ChartTabs {
    private static final String CHART = "chart-tab";
    private final WorkbookViewModel session;
    private final TabPane tabs = new TabPane();
    private String showing;

    ChartTabs(WorkbookViewModel session) {
        this.session = session;
        tabs.setId("chartTabs");
    }

    TabPane tabs() {
        return tabs;
    }

    /** Shows the charts of an indicator (built in the background); null clears them. */
    void show(String indicatorId) {
        showing = indicatorId;
        tabs.getTabs().removeIf(t -> t.getProperties().containsKey(CHART));
        Workbook wb = session.workbook();
        if (indicatorId == null || wb == null) return;
        session.runner().run(session.texts().get("status.loading"), p -> {
            ChartService charts = new ChartService(wb);
            se.halsolage.domain.Unit unit = wb.indicators().get(indicatorId).map(se.halsolage.domain.Indicator::unit).orElse(null);
            List<Kinded> out = new ArrayList<>();
            for (ChartKind k : charts.kinds(indicatorId)) {
                if (k == ChartKind.OVERVIEW) continue;
                RenderedChart rc = charts.create(k, indicatorId, null, ChartTheme.SCREEN);
                // hovering a point tells its value, period and area ("Växjö, 2023: 83,1 %")
                se.halsolage.chart.ChartTooltips.install(rc.chart(), unit);
                out.add(new Kinded(k, rc));
            }
            return out;
        }, list -> {
            if (!indicatorId.equals(showing)) return;
            tabs.getTabs().removeIf(t -> t.getProperties().containsKey(CHART));
            int i = 0;
            for (Kinded kc : list) {
                Tab tab = new Tab(session.texts().get("chart." + kc.kind().code()), content(kc.chart(), session));
                tab.setId("chart-" + kc.kind().code());
                tab.setClosable(false);
                tab.getProperties().put(CHART, Boolean.TRUE);
                tabs.getTabs().add(i++, tab);
            }
            tabs.getSelectionModel().select(0);
        }, e -> session.dialogs().notify(session.message(e)));
    }

    private record Kinded(ChartKind kind, RenderedChart chart) {
    }

    static VBox content(RenderedChart rc, WorkbookViewModel session) {
        ChartViewer viewer = new ChartViewer(rc.chart());
        viewer.setAccessibleText(rc.altText());
        viewer.setAccessibleHelp(rc.altText());
        viewer.setMinHeight(220);
        viewer.setPrefHeight(360);
        viewer.getStyleClass().add("chart-viewer");
        // the chart itself carries the source line and the note (as in the report)
        VBox box = new VBox(4, viewer);
        // Swedish menu (copy, PNG, SVG); the alt text is for screen readers, the tooltip tells the point's value
        ChartMenu.install(viewer, rc, session);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(6));
        return box;
    }
}
