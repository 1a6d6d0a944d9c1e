package se.halsolage.ui.settings;

import se.halsolage.ui.common.YearField;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.PlanSettings;
import se.halsolage.workbook.Workbook;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The settings dialog: own municipality, county, comparison group, plan year, language. */
public final class SettingsViewModel {
    private final ObservableList<Area> municipalities = FXCollections.observableArrayList();
    private final ObservableList<Area> counties = FXCollections.observableArrayList();
    private final ObservableList<Area> groups = FXCollections.observableArrayList();
    public final ObjectProperty<Area> municipality = new SimpleObjectProperty<>();
    public final ObjectProperty<Area> county = new SimpleObjectProperty<>();
    public final ObjectProperty<Area> group = new SimpleObjectProperty<>();
    public final StringProperty planYear = new SimpleStringProperty("");
    public final StringProperty language = new SimpleStringProperty("sv");
    private boolean exampleData;

    public SettingsViewModel(Workbook wb) {
        List<Area> all = wb.areas().all();
        Comparator<Area> byName = Comparator.comparing(a -> a.name().toLowerCase(new java.util.Locale("sv")));
        municipalities.setAll(all.stream().filter(a -> a.kind() == AreaKind.MUNICIPALITY).sorted(byName).toList());
        counties.setAll(all.stream().filter(a -> a.kind() == AreaKind.REGION).sorted(byName).toList());
        groups.setAll(all.stream().filter(a -> a.kind() == AreaKind.GROUP).sorted(byName).toList());
        PlanSettings p = wb.settings().plan();
        municipality.set(find(municipalities, p.municipalityId()));
        county.set(find(counties, p.countyId()));
        group.set(find(groups, p.comparisonGroupId()));
        planYear.set(Integer.toString(p.planYear()));
        language.set(p.language() == null ? "sv" : p.language());
        exampleData = p.exampleData();
        // choosing a municipality suggests its county
        municipality.addListener((o, a, b) -> {
            if (b != null && b.parentId() != null) {
                Area c = find(counties, b.parentId());
                if (c == null && b.countyCode() != null) c = find(counties, Area.regionIdForCounty(b.countyCode()));
                if (c != null) county.set(c);
            }
        });
    }

    private static Area find(List<Area> list, String id) {
        if (id == null) return null;
        return list.stream().filter(a -> Objects.equals(a.id(), id)).findFirst().orElse(null);
    }

    public ObservableList<Area> municipalities() { return municipalities; }
    public ObservableList<Area> counties() { return counties; }
    public ObservableList<Area> groups() { return groups; }

    /** The problem with the entered values in Swedish, or null when they can be saved. */
    public String problem() {
        if (municipality.get() == null) return "Välj den egna kommunen.";
        Integer y = YearField.parse(planYear.get());
        if (y == null) return "Planåret ska vara ett år, till exempel 2026.";
        if (!"sv".equals(language.get()) && !"en".equals(language.get())) return "Språket ska vara svenska eller engelska.";
        return null;
    }

    public PlanSettings toSettings() {
        return new PlanSettings(municipality.get().id(), county.get() == null ? null : county.get().id(),
                group.get() == null ? null : group.get().id(), Integer.parseInt(planYear.get().strip()),
                language.get(), exampleData);
    }
}
