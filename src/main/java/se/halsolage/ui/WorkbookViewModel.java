package se.halsolage.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.PlanSettings;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** The open workbook as the window shows it. No controls: testable without a screen. */
public final class WorkbookViewModel {
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Hälsoläge");
    private final ObservableList<IndicatorRow> indicators = FXCollections.observableArrayList();
    private Workbook workbook;

    public WorkbookViewModel(ResourceBundle texts) {
        this.texts = texts;
    }

    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<IndicatorRow> indicators() {
        return indicators;
    }

    public Workbook workbook() {
        return workbook;
    }

    /** Rows for a workbook, computed off the FX thread. */
    public static List<IndicatorRow> rows(Workbook wb) {
        PlanSettings p = wb.settings().plan();
        List<IndicatorRow> rows = new ArrayList<>();
        for (Indicator i : wb.indicators().all()) {
            Observation latest = null;
            if (p.municipalityId() != null) {
                for (Observation o : wb.observations().series(i.id(), p.municipalityId(), Group.TOTALT)) {
                    if (o.hasValue()) latest = o;
                }
            }
            rows.add(new IndicatorRow(i.id(), i.displayTitle(), i.sfhArea() == null ? "" : i.sfhArea().title(),
                    latest == null ? "–" : SwedishNumbers.value(latest.value(), i.unit()),
                    latest == null ? "" : latest.period().label()));
        }
        return rows;
    }

    /** Shows a workbook whose rows were computed by {@link #rows(Workbook)}; closes the previous one. */
    public void show(Workbook wb, List<IndicatorRow> rows) {
        if (workbook != null && workbook != wb) workbook.close();
        workbook = wb;
        indicators.setAll(rows);
        PlanSettings p = wb.settings().plan();
        String municipality = p.municipalityId() == null ? "" : wb.areas().get(p.municipalityId()).map(Area::name).orElse("");
        String example = p.exampleData() ? " – " + texts.getString("title.example") : "";
        title.set("Hälsoläge – " + wb.file().getFileName() + (municipality.isEmpty() ? "" : " – " + municipality + " kommun") + example);
    }

    public void close() {
        if (workbook != null) workbook.close();
        workbook = null;
    }
}
