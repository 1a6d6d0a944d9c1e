package se.halsolage.ui.indicators;

import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.IndicatorRows;
import se.halsolage.ui.common.TableExporter;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.UndoManager;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import se.halsolage.catalog.KpiCatalog;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Observation;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.Source;
import se.halsolage.domain.Target;
import se.halsolage.export.TableExport;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The Nyckeltal view: filterable indicator table and the selected indicator's details. */
public final class IndicatorsViewModel {
    /**
     * One value behind a chart, with where it came from. The first fields are the texts the table
     * shows; {@code number}, {@code count}, {@code status} and {@code marker} are the raw figures
     * for exports (number null unless the status is ok).
     */
    public record DataRow(String area, String period, String group, String value, String n, String source,
                          String location, Double number, Integer count, String status, String marker) {
        public String getArea() { return area; }
        public String getPeriod() { return period; }
        public String getGroup() { return group; }
        public String getValue() { return value; }
        public String getN() { return n; }
        public String getSource() { return source; }
        public String getLocation() { return location; }
    }

    private final WorkbookViewModel session;
    private final ObservableList<IndicatorRow> rows = FXCollections.observableArrayList();
    private final FilteredList<IndicatorRow> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<SfhArea> area = new SimpleObjectProperty<>();
    private final ObjectProperty<Malomrade> malomrade = new SimpleObjectProperty<>();
    private final StringProperty source = new SimpleStringProperty();
    private final BooleanProperty worseOnly = new SimpleBooleanProperty(false);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObjectProperty<IndicatorRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<DataRow> data = FXCollections.observableArrayList();
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> initiatives = FXCollections.observableArrayList();
    private final ObservableList<DataRow> subareas = FXCollections.observableArrayList();

    /**
     * The selected indicator as a comparison table (own municipality, county, riket, then the set's municipalities ×
     * periods) in tab-separated text that Excel pastes as numbers; null without a selection or workbook. {@code set}:
     * lan, alla, liknande or a saved set's name (see analysis.ComparisonSets).
     */
    public String comparisonTableText(String set) {
        Workbook wb = session.workbook();
        IndicatorRow r = selectedProperty().get();
        if (wb == null || r == null) return null;
        var s = new se.halsolage.analysis.ComparisonSets(wb).resolve(set);
        return se.halsolage.analysis.ComparisonTable.of(wb, r.indicator(), s, null).tsv();
    }

    public IndicatorsViewModel(WorkbookViewModel session) {
        this.session = session;
        search.addListener((o, a, b) -> applyFilter());
        area.addListener((o, a, b) -> applyFilter());
        malomrade.addListener((o, a, b) -> applyFilter());
        source.addListener((o, a, b) -> applyFilter());
        worseOnly.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> loadDetail());
        session.versionProperty().addListener((o, a, b) -> refresh());
        if (session.workbook() != null) refresh();
    }

    public ObservableList<IndicatorRow> rows() { return rows; }
    public FilteredList<IndicatorRow> filtered() { return filtered; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<SfhArea> areaProperty() { return area; }
    public ObjectProperty<Malomrade> malomradeProperty() { return malomrade; }
    public StringProperty sourceProperty() { return source; }
    public BooleanProperty worseOnlyProperty() { return worseOnly; }
    public ObservableList<String> sources() { return sources; }
    public ObjectProperty<IndicatorRow> selectedProperty() { return selected; }
    public ObservableList<DataRow> data() { return data; }
    public ObservableList<String> targets() { return targets; }
    public ObservableList<String> initiatives() { return initiatives; }
    /** The latest value of the selected indicator in each sub-area (school unit …) of the own municipality. */
    public ObservableList<DataRow> subareas() { return subareas; }

    /** Reloads the rows in the background, keeping the selection. */
    public void refresh() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        session.runner().run(session.texts().get("status.loading"), p -> IndicatorRows.build(wb), list -> {
            String keep = selected.get() == null ? null : selected.get().id();
            rows.setAll(list);
            TreeSet<String> s = new TreeSet<>();
            for (IndicatorRow r : list) if (!r.source().isBlank()) s.add(r.source());
            sources.setAll(s);
            applyFilter();
            if (keep != null) select(keep);
        }, e -> session.dialogs().showError(session.texts().get("error.load"), session.message(e)));
    }

    public void select(String indicatorId) {
        selected.set(rows.stream().filter(r -> r.id().equalsIgnoreCase(indicatorId)).findFirst().orElse(null));
    }

    private void applyFilter() {
        String[] words = search.get() == null ? new String[0]
                : search.get().toLowerCase(Locale.ROOT).trim().split("\\s+");
        filtered.setPredicate(r -> {
            if (area.get() != null && r.indicator().sfhArea() != area.get()) return false;
            if (malomrade.get() != null && !r.indicator().malomraden().contains(malomrade.get())) return false;
            if (source.get() != null && !source.get().isBlank() && !source.get().equals(r.source())) return false;
            if (worseOnly.get() && !r.worse()) return false;
            String hay = (r.id() + " " + r.indicator().title() + " " + r.title()).toLowerCase(Locale.ROOT);
            for (String w : words) if (!w.isEmpty() && !hay.contains(w)) return false;
            return true;
        });
    }

    public void clearFilters() {
        search.set("");
        area.set(null);
        malomrade.set(null);
        source.set(null);
        worseOnly.set(false);
    }

    private record Detail(List<DataRow> data, List<String> targets, List<String> initiatives, List<DataRow> subareas) {
    }

    private void loadDetail() {
        data.clear();
        targets.clear();
        initiatives.clear();
        subareas.clear();
        IndicatorRow r = selected.get();
        Workbook wb = session.workbook();
        if (r == null || wb == null) return;
        session.runner().run(session.texts().get("status.loading"), p -> detail(wb, r.indicator()), d -> {
            if (selected.get() != r) return;
            data.setAll(d.data());
            targets.setAll(d.targets());
            initiatives.setAll(d.initiatives());
            subareas.setAll(d.subareas());
        }, e -> session.dialogs().showError(session.texts().get("error.load"), session.message(e)));
    }

    /** The values behind the charts (own municipality, county, group, riket), targets and initiatives. */
    private static Detail detail(Workbook wb, Indicator ind) {
        PlanSettings p = wb.settings().plan();
        Map<Long, String> sourceNames = new HashMap<>();
        Map<String, String> areaNames = new HashMap<>();
        List<String> areaIds = new ArrayList<>();
        for (String a : new String[]{p.municipalityId(), p.countyId(), p.comparisonGroupId(), Area.RIKET_ID}) {
            if (a != null && !areaIds.contains(a)) areaIds.add(a);
        }
        List<DataRow> rows = new ArrayList<>();
        for (String a : areaIds) {
            for (Observation o : wb.observations().series(ind.id(), a)) {
                String src = sourceNames.computeIfAbsent(o.sourceId(),
                        id -> wb.sources().get(id).map(Source::attribution).orElse(""));
                String an = areaNames.computeIfAbsent(o.areaId(),
                        id -> wb.areas().get(id).map(Area::name).orElse(id));
                String marker = o.hasValue() ? ""
                        : o.marker() != null && !o.marker().isBlank() ? o.marker() : o.status().defaultMarker();
                rows.add(new DataRow(an, o.period().label(), o.group().label(),
                        SwedishNumbers.observation(o, ind.unit()), o.n() == null ? "" : Integer.toString(o.n()),
                        src, o.location() == null ? "" : o.location(), o.value(), o.n(), o.status().label(), marker));
            }
        }
        List<String> t = new ArrayList<>();
        for (Target x : wb.targets().forIndicator(ind.id())) t.add(describe(x, ind));
        List<String> in = new ArrayList<>();
        for (Initiative i : wb.initiatives().forIndicator(ind.id())) {
            in.add(i.name() + " (" + i.status().label().toLowerCase(Locale.ROOT) + ")");
        }
        return new Detail(rows, t, in, subareas(wb, ind, p.municipalityId(), sourceNames));
    }

    /** Sub-areas under the own municipality with values for the indicator: their latest Totalt value, by name. */
    static List<DataRow> subareas(Workbook wb, Indicator ind, String municipalityId, Map<Long, String> sourceNames) {
        List<DataRow> out = new ArrayList<>();
        if (municipalityId == null) return out;
        Map<String, String> names = new HashMap<>();
        for (Area a : wb.areas().children(municipalityId)) names.put(a.id(), a.name());
        if (names.isEmpty()) return out;
        var series = wb.observations().seriesFor(List.of(ind.id()), names.keySet()).getOrDefault(ind.id(), Map.of());
        for (var e : series.entrySet()) {
            Observation latest = null;
            for (Observation o : e.getValue()) if (o.group().isTotal()) latest = o;
            if (latest == null) continue;
            Observation o = latest;
            String src = sourceNames.computeIfAbsent(o.sourceId(), id -> wb.sources().get(id).map(Source::attribution).orElse(""));
            String marker = o.hasValue() ? "" : o.marker() != null && !o.marker().isBlank() ? o.marker() : o.status().defaultMarker();
            out.add(new DataRow(names.get(e.getKey()), o.period().label(), o.group().label(),
                    SwedishNumbers.observation(o, ind.unit()), o.n() == null ? "" : Integer.toString(o.n()), src,
                    o.location() == null ? "" : o.location(), o.value(), o.n(), o.status().label(), marker));
        }
        out.sort(java.util.Comparator.comparing(DataRow::area, java.text.Collator.getInstance(new Locale("sv", "SE"))));
        return out;
    }

    /** The indicator table as currently filtered, for "Exportera tabell…" (numbers as numbers). */
    public TableExport.Table indicatorTable() {
        Texts t = session.texts();
        List<String> header = List.of(t.get("col.id"), t.get("col.indicator"), t.get("col.area"),
                t.get("col.malomraden"), t.get("col.source"), t.get("col.latest"), t.get("col.unit"),
                t.get("col.period"), t.get("col.change"), t.get("col.worse"), t.get("col.targetStatus"));
        List<List<?>> out = new ArrayList<>();
        for (IndicatorRow r : filtered) {
            out.add(java.util.Arrays.asList(r.id(), r.title(), r.area(), r.malomraden(), r.source(),
                    r.latestNumber(), r.indicator().unit().label(), r.period(), r.changeNumber(),
                    r.worse() ? t.get("export.yes") : "", r.targetStatus()));
        }
        return new TableExport.Table(t.get("nav.indicators").replace("_", ""), header, out);
    }

    /** The values behind the selected indicator's charts, for "Exportera tabell…"; null when none is selected. */
    public TableExport.Table dataTable() {
        IndicatorRow sel = selected.get();
        if (sel == null) return null;
        Texts t = session.texts();
        List<String> header = List.of(t.get("col.id"), t.get("col.areaName"), t.get("col.period"), t.get("col.group"),
                t.get("col.value"), t.get("col.unit"), t.get("col.n"), t.get("col.status"), t.get("col.marker"),
                t.get("col.provenance"), t.get("col.location"));
        List<List<?>> out = new ArrayList<>();
        for (DataRow d : data) {
            out.add(java.util.Arrays.asList(sel.id(), d.area(), d.period(), d.group(), d.number(),
                    sel.indicator().unit().label(), d.count(), d.status(), d.marker(), d.source(), d.location()));
        }
        return new TableExport.Table(sel.id(), header, out);
    }

    /** Asks for a file and exports the filtered indicator table. */
    public void exportIndicators() {
        new TableExporter(session).export(indicatorTable(), session.texts().get("export.indicatorsFile"), null);
    }

    /** Asks for a file and exports the data table of the selected indicator. */
    public void exportData() {
        TableExport.Table table = dataTable();
        if (table == null) return;
        new TableExporter(session).export(table, session.texts().get("export.dataFile", selected.get().id()), null);
    }

    static String describe(Target t, Indicator ind) {
        StringBuilder sb = new StringBuilder();
        if (t.targetValue() != null) {
            sb.append(SwedishNumbers.value(t.targetValue(), ind.unit())).append(" år ").append(t.horizonYear());
        } else {
            sb.append(SwedishNumbers.change(t.changePerYear(), ind.unit())).append(" per år ")
                    .append(t.baselineYear()).append("–").append(t.horizonYear());
        }
        if (!t.group().isTotal()) sb.append(" (").append(t.group().label()).append(')');
        if (t.description() != null && !t.description().isBlank()) sb.append(": ").append(t.description());
        return sb.toString();
    }

    /** Kolada KPIs matching {@code text} that are not yet in the workbook. */
    public List<KpiInfo> searchCatalog(String text) {
        Workbook wb = session.workbook();
        if (text == null || text.isBlank() || wb == null) return List.of();
        List<KpiInfo> out = new ArrayList<>();
        for (KpiInfo k : KpiCatalog.current().search(text, 200)) {
            if (wb.indicators().get(k.id()).isEmpty()) out.add(k);
            if (out.size() >= 50) break;
        }
        return out;
    }

    /** Adds a catalogue KPI as an indicator (undoable). */
    public void addFromCatalog(KpiInfo kpi) {
        Indicator ind = KpiCatalog.toIndicator(kpi);
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.addIndicator", ind.id()),
                w -> w.indicators().save(ind), w -> w.indicators().delete(ind.id())));
    }

    /** Stores edited metadata of an indicator (undoable); the user has decided, so a suggestion is dropped. */
    public void saveIndicator(Indicator edited) {
        // what was stored is read when the edit runs on the task runner, not on the FX thread
        Indicator[] before = {null};
        se.halsolage.domain.IndicatorCuration[] cur = {null};
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.editIndicator", edited.id()), w -> {
            before[0] = w.indicators().get(edited.id()).orElse(null);
            cur[0] = w.indicators().curation(edited.id()).orElse(null);
            w.indicators().save(edited);
            w.indicators().clearSuggestion(edited.id());
        }, w -> {
            if (before[0] != null) w.indicators().save(before[0]); else w.indicators().delete(edited.id());
            if (cur[0] != null) w.indicators().saveCuration(cur[0]);
        }));
    }

    /** Confirms the selected indicator's suggestion (direction, SfH area, målområden), undoably. */
    public void confirmSuggestion() {
        IndicatorRow r = selected.get();
        Workbook wb = session.workbook();
        if (r == null || wb == null || !r.hasSuggestion()) return;
        // what was stored is read when the edit runs on the task runner, not on the FX thread
        Indicator[] before = {null};
        se.halsolage.domain.IndicatorCuration[] cur = {null};
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.confirmSuggestion", r.id()), w -> {
            before[0] = w.indicators().get(r.id()).orElse(null);
            cur[0] = w.indicators().curation(r.id()).orElse(null);
            w.indicators().confirmSuggestion(r.id());
        }, w -> {
            if (before[0] != null) w.indicators().save(before[0]);
            if (cur[0] != null) w.indicators().saveCuration(cur[0]);
        }));
    }

    /** The selected row's suggestion in words ("Förslag (frågans text): Högre är bättre · …"); empty when none. */
    public static String suggestionText(Texts t, IndicatorRow r) {
        if (r == null || !r.hasSuggestion()) return "";
        var s = r.curation().suggestion();
        List<String> parts = new ArrayList<>();
        if (s.direction() != null) parts.add(s.direction().label());
        if (s.area() != null) parts.add(s.area().title() + (s.goal() == null ? "" : ", " + t.get("indicators.goal", s.goal())));
        if (!s.malomraden().isEmpty()) parts.add(t.get("indicators.malomraden", s.malomraden().stream().sorted()
                .map(m -> Integer.toString(m.number())).collect(java.util.stream.Collectors.joining(", "))));
        return t.get("indicators.suggestion", s.basis() == null ? "" : s.basis(), String.join(" · ", parts));
    }
}
