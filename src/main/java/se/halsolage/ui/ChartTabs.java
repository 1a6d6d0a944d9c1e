package se.halsolage.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The chart tabs of the indicator detail (trend, gender, gap) in JFreeChart's ChartViewer. */
final class ChartTabs {
    private final WorkbookViewModel session;
    private final TabPane tabs = new TabPane();

    ChartTabs(WorkbookViewModel session) {
        this.session = session;
        tabs.setId("chartTabs");
        Tab trend = new Tab(session.texts().get("chart.trend"), new Label(session.texts().get("chart.pending")));
        trend.setClosable(false);
        tabs.getTabs().add(trend);
    }

    TabPane tabs() {
        return tabs;
    }

    void show(String indicatorId) {
        // filled in when the chart service is available
    }
}
