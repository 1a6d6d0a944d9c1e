package se.halsolage.ui.initiatives;

import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.IndicatorRows;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.UndoManager;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Insatser view: register, form, filters and the coverage matrix. */
public final class InitiativesViewModel {
    /** One line of the register. */
    public record Row(Initiative initiative) {
        public String getName() { return initiative.name(); }
        public String getKind() { return initiative.kind().label(); }
        public String getStatus() { return initiative.status().label(); }
        public String getResponsible() { return initiative.responsible() == null ? "" : initiative.responsible(); }
        public String getPeriod() {
            Integer s = initiative.startYear(), e = initiative.endYear();
            if (s == null && e == null) return "";
            return (s == null ? "" : s) + "–" + (e == null ? "" : e);
        }
        public String getMaturity() { return initiative.maturity() == null ? "" : Integer.toString(initiative.maturity().level()); }
        public String getIndicators() { return String.join(", ", initiative.indicatorIds()); }
    }

    /**
     * One line of the coverage matrix: an indicator and, for each initiative in column order,
     * whether that initiative addresses it.
     */
    public record CoverageRow(IndicatorRow indicator, List<Boolean> covered) {
        public boolean uncovered() {
            return !covered.contains(Boolean.TRUE);
        }

        /** Worse since last measurement and addressed by no initiative: what the matrix highlights. */
        public boolean gap() {
            return indicator.worse() && uncovered();
        }
    }

    private final WorkbookViewModel session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filtered = new FilteredList<>(rows, r -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<InitiativeStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<InitiativeKind> kindFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Malomrade> malomradeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final InitiativeForm form = new InitiativeForm();
    private final ObservableList<Indicator> indicators = FXCollections.observableArrayList();
    private final ObservableList<String> matrixColumns = FXCollections.observableArrayList();
    private final ObservableList<CoverageRow> matrix = FXCollections.observableArrayList();

    private boolean reverting;

    public InitiativesViewModel(WorkbookViewModel session) {
        this.session = session;
        session.addLeaveGuard(this::keepPending);
        search.addListener((o, a, b) -> applyFilter());
        statusFilter.addListener((o, a, b) -> applyFilter());
        kindFilter.addListener((o, a, b) -> applyFilter());
        malomradeFilter.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> {
            if (reverting) return;
            long to = b == null ? 0 : b.initiative().id();
            if (form.dirty()) {
                // the same initiative shown again after a refresh: keep what is being typed
                if (to != 0 && to == form.id()) return;
                if (!keepPending()) {
                    reverting = true;
                    try {
                        selected.set(a);
                    } finally {
                        reverting = false;
                    }
                    return;
                }
            }
            form.load(b == null ? null : b.initiative());
        });
        session.versionProperty().addListener((o, a, b) -> refresh());
        if (session.workbook() != null) refresh();
    }

    public ObservableList<Row> rows() { return rows; }
    public FilteredList<Row> filtered() { return filtered; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<InitiativeStatus> statusFilterProperty() { return statusFilter; }
    public ObjectProperty<InitiativeKind> kindFilterProperty() { return kindFilter; }
    public ObjectProperty<Malomrade> malomradeFilterProperty() { return malomradeFilter; }
    public ObjectProperty<Row> selectedProperty() { return selected; }
    public InitiativeForm form() { return form; }
    public ObservableList<Indicator> indicators() { return indicators; }
    public ObservableList<String> matrixColumns() { return matrixColumns; }
    public ObservableList<CoverageRow> matrix() { return matrix; }

    public void refresh() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        record Loaded(List<Initiative> initiatives, List<Indicator> indicators, List<IndicatorRow> rows) {
        }
        session.runner().run(session.texts().get("status.loading"),
                p -> new Loaded(wb.initiatives().all(), wb.indicators().all(), IndicatorRows.build(wb)), l -> {
                    long keep = selected.get() == null ? form.id() : selected.get().initiative().id();
                    rows.setAll(l.initiatives().stream().map(Row::new).toList());
                    indicators.setAll(l.indicators());
                    buildMatrix(l.initiatives(), l.rows());
                    applyFilter();
                    if (keep != 0) select(keep);
                }, e -> session.dialogs().showError(session.texts().get("error.load"), session.message(e)));
    }

    private void buildMatrix(List<Initiative> all, List<IndicatorRow> indicatorRows) {
        List<Initiative> active = all.stream().filter(i -> i.status() != InitiativeStatus.AVSLUTAD).toList();
        matrixColumns.setAll(active.stream().map(Initiative::name).toList());
        List<CoverageRow> out = new ArrayList<>();
        for (IndicatorRow r : indicatorRows) {
            if ("–".equals(r.latestValue())) continue;
            List<Boolean> cov = new ArrayList<>();
            for (Initiative i : active) cov.add(i.indicatorIds().stream().anyMatch(id -> id.equalsIgnoreCase(r.id())));
            out.add(new CoverageRow(r, cov));
        }
        matrix.setAll(out);
    }

    /** Indicators that got worse and that no active initiative addresses. */
    public List<IndicatorRow> gaps() {
        return matrix.stream().filter(CoverageRow::gap).map(CoverageRow::indicator).toList();
    }

    public void select(long id) {
        selected.set(rows.stream().filter(r -> r.initiative().id() == id).findFirst().orElse(null));
    }

    private void applyFilter() {
        String q = search.get() == null ? "" : search.get().toLowerCase(Locale.ROOT).trim();
        filtered.setPredicate(r -> {
            Initiative i = r.initiative();
            if (statusFilter.get() != null && i.status() != statusFilter.get()) return false;
            if (kindFilter.get() != null && i.kind() != kindFilter.get()) return false;
            if (malomradeFilter.get() != null && !i.malomraden().contains(malomradeFilter.get())) return false;
            if (!q.isEmpty()) {
                String hay = (i.name() + " " + (i.description() == null ? "" : i.description()) + " "
                        + (i.responsible() == null ? "" : i.responsible())).toLowerCase(Locale.ROOT);
                return hay.contains(q);
            }
            return true;
        });
    }

    /** Starts a new, empty initiative in the form. */
    public void newInitiative() {
        if (!keepPending()) return;
        selected.set(null);
        form.clear();
    }

    /** Prepares a new initiative linked to an indicator (from the coverage matrix or the indicator view). */
    public void newFor(String indicatorId) {
        newInitiative();
        form.indicatorIds.add(indicatorId);
        indicators.stream().filter(ind -> ind.id().equalsIgnoreCase(indicatorId)).findFirst()
                .ifPresent(ind -> form.malomraden.addAll(ind.malomraden()));
    }

    /**
     * Before the form shows something else (another insats, a new one, another workbook, closing):
     * saves what was typed if it can be saved, else asks whether to throw it away. Returns false when
     * the user wants to stay and fix the form; nothing typed is lost without that question.
     */
    public boolean keepPending() {
        if (!form.dirty() || session.workbook() == null) return true;
        Map<String, String> problems = form.problems();
        Texts t = session.texts();
        String name = form.name.get() == null || form.name.get().isBlank() ? t.get("initiatives.unnamed") : form.name.get().strip();
        if (problems.isEmpty()) {
            try {
                saveForm();
                session.dialogs().notify(t.get("initiatives.autoSaved", name));
                return true;
            } catch (RuntimeException e) {
                session.dialogs().showError(t.get("error.edit"), session.message(e));
                return false;
            }
        }
        return session.dialogs().confirm(t.get("initiatives.unsavedTitle"),
                t.get("initiatives.unsavedQuestion", name, String.join(" ", problems.values())));
    }

    /** Saves the form (undoable). Returns the validation problems; empty when saved. */
    public Map<String, String> save() {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) return problems;
        saveForm(id -> {
            if (selected.get() == null || selected.get().initiative().id() != id) {
                select(id);
                if (selected.get() == null && form.id() == 0) form.markSaved(id);
            }
        });
        return Map.of();
    }

    private long saveForm() {
        return saveForm(null);
    }

    /**
     * Writes the (valid) form to the workbook as one undoable edit on the task runner, without changing
     * what is selected: the form counts as saved at once (the edit is queued, behind an import if one
     * runs), a new initiative gets its id when it is stored; {@code then} gets that id on the FX thread.
     */
    private long saveForm(java.util.function.LongConsumer then) {
        Initiative edited = form.toInitiative();
        int draft = form.generation();
        if (edited.id() == 0) {
            long[] id = {0};
            form.markSaved(0);
            session.undo().execute(UndoManager.Command.of(session.texts().get("undo.addInitiative", edited.name()),
                    w -> id[0] = w.initiatives().save(id[0] == 0 ? edited : edited.withId(id[0])).id(),
                    w -> w.initiatives().delete(id[0])), () -> {
                // the same draft still in the form: it is that initiative now
                if (form.generation() == draft && form.id() == 0) form.setId(id[0]);
                if (then != null) then.accept(id[0]);
            });
            return id[0];
        }
        Initiative[] before = {null};
        form.markSaved(edited.id());
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.editInitiative", edited.name()), w -> {
            // what was stored is read when the edit runs (on the task runner), not on the FX thread
            before[0] = w.initiatives().get(edited.id()).orElse(null);
            w.initiatives().save(edited);
        }, w -> {
            if (before[0] != null) w.initiatives().save(before[0]);
        }), () -> {
            if (then != null) then.accept(edited.id());
        });
        return edited.id();
    }

    /** Deletes the selected initiative (undoable). */
    public void deleteSelected() {
        Row r = selected.get();
        if (r == null) return;
        Initiative gone = r.initiative();
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.deleteInitiative", gone.name()),
                w -> w.initiatives().delete(gone.id()), w -> w.initiatives().save(gone)));
        form.clear();
    }

    /** Målområden of the initiatives, for the report and the overview. */
    public static String malomraden(Set<Malomrade> m) {
        return m.stream().sorted().map(x -> Integer.toString(x.number())).collect(Collectors.joining(", "));
    }

    static Map<String, String> noProblems() {
        return new LinkedHashMap<>();
    }
}
