package se.halsolage.ui.overview;

import se.halsolage.ui.common.StartupProbe;
import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.IndicatorRows;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.domain.SfhArea;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Översikt: the three SfH areas with their indicators, and what stands out. */
public final class OverviewViewModel {
    /** One finding of "Vad sticker ut", with the indicator it is about. */
    public record Highlight(String indicatorId, String text, boolean worse) {
    }

    private final WorkbookViewModel session;
    private final Map<SfhArea, ObservableList<IndicatorRow>> byArea = new EnumMap<>(SfhArea.class);
    private final ObservableList<IndicatorRow> unmapped = FXCollections.observableArrayList();
    private final ObservableList<Highlight> highlights = FXCollections.observableArrayList();

    public OverviewViewModel(WorkbookViewModel session) {
        this.session = session;
        for (SfhArea a : SfhArea.values()) byArea.put(a, FXCollections.observableArrayList());
        session.versionProperty().addListener((o, a, b) -> refresh());
        if (session.workbook() != null) refresh();
    }

    public ObservableList<IndicatorRow> rows(SfhArea area) { return byArea.get(area); }
    public ObservableList<IndicatorRow> unmapped() { return unmapped; }
    public ObservableList<Highlight> highlights() { return highlights; }

    private final javafx.beans.property.BooleanProperty loaded = new javafx.beans.property.SimpleBooleanProperty(false);

    /**
     * False until the first reading of the open workbook has arrived: until then the view says
     * "Läser in…", never "Inga värden ännu" (which would be a false empty state at start).
     */
    public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() { return loaded; }

    public void refresh() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        record Loaded(List<IndicatorRow> rows, List<Highlight> highlights) {
        }
        session.runner().run(session.texts().get("status.loading"), p -> {
            List<IndicatorRow> rows = IndicatorRows.build(wb);
            return new Loaded(rows, Insights.highlights(wb, rows));
        }, l -> {
            for (SfhArea a : SfhArea.values()) {
                byArea.get(a).setAll(l.rows().stream().filter(r -> r.indicator().sfhArea() == a && !"–".equals(r.latestValue())).toList());
            }
            List<IndicatorRow> rest = new ArrayList<>();
            for (IndicatorRow r : l.rows()) if (r.indicator().sfhArea() == null && !"–".equals(r.latestValue())) rest.add(r);
            unmapped.setAll(rest);
            highlights.setAll(l.highlights());
            loaded.set(true);
            StartupProbe.overviewReady();
        }, e -> {
            loaded.set(true);
            session.dialogs().showError(session.texts().get("error.load"), session.message(e));
        });
    }
}
