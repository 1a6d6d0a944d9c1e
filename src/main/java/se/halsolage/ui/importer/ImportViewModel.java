package se.halsolage.ui.importer;

import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.importer.BuiltInRecipes;
import se.halsolage.importer.Detection;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ImportSummary;
import se.halsolage.importer.PreviewRow;
import se.halsolage.importer.Problem;
import se.halsolage.importer.Recipe;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The import wizard: 1 choose a file, 2 preview and mapping (recipe, period), 3 check, 4 import with
 * progress and cancel, then a summary; and undo of the last import.
 */
public final class ImportViewModel {
    public static final int PREVIEW_ROWS = 200;

    /** The wizard's steps. */
    public enum Step { CHOOSE, PREVIEW, DONE }

    /** A preview line as the table shows it. */
    public record Row(PreviewRow p) {
        public String getIndicator() { return p.indicatorId() + (p.indicatorTitle() == null ? "" : "  " + p.indicatorTitle()); }
        public String getArea() { return p.area() + (p.newArea() ? " (ny)" : ""); }
        public String getPeriod() { return p.period(); }
        public String getGroup() { return p.group(); }
        public String getValue() {
            return p.value() != null ? SwedishNumbers.number(p.value(), 1) : (p.marker() == null ? "" : p.marker()) + " " + p.status().name().toLowerCase(Locale.ROOT);
        }
        public String getN() { return p.n() == null ? "" : Integer.toString(p.n()); }
        /** "65,0–73,8" when the file gives both bounds, "≥ 65,0" / "≤ 73,8" for one, else empty. */
        public String getCi() {
            if (p.ciLow() != null && p.ciHigh() != null) {
                return SwedishNumbers.number(p.ciLow(), 1) + "\u2013" + SwedishNumbers.number(p.ciHigh(), 1);
            }
            if (p.ciLow() != null) return "\u2265 " + SwedishNumbers.number(p.ciLow(), 1);
            if (p.ciHigh() != null) return "\u2264 " + SwedishNumbers.number(p.ciHigh(), 1);
            return "";
        }
        public String getLocation() { return p.location() == null ? "" : p.location(); }
    }

    private final WorkbookViewModel session;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty detection = new SimpleStringProperty("");
    private final ObservableList<String> recipes = FXCollections.observableArrayList();
    private final StringProperty recipe = new SimpleStringProperty();
    private final StringProperty periodValue = new SimpleStringProperty("");
    private final ObservableList<Row> preview = FXCollections.observableArrayList();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();

    /** One column of the file with the role the importer gave it; the user may change the role. */
    public static final class ColumnRow {
        private final String header, key;
        private final StringProperty role;

        ColumnRow(se.halsolage.importer.ColumnRole c) {
            header = c.header();
            key = c.key();
            role = new SimpleStringProperty(c.role());
        }

        public String getHeader() { return header; }
        public String getKey() { return key; }
        public StringProperty roleProperty() { return role; }
        public String getRole() { return role.get(); }
        public void setRole(String r) { role.set(r); }
    }
    /** A measure the file gives, with its value count and a check box: unticked ones are not imported. */
    public static final class MeasureRow {
        private final ImportSession.MeasureCount m;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        MeasureRow(ImportSession.MeasureCount m) { this.m = m; }

        public String getId() { return m.id(); }
        public String getTitle() { return m.title(); }
        public long getValues() { return m.values(); }
        public BooleanProperty selectedProperty() { return selected; }
        public boolean isSelected() { return selected.get(); }
        public void setSelected(boolean b) { selected.set(b); }
        ImportSession.MeasureCount measure() { return m; }

        /** "3 värden – Andel som cyklar (LOK-…)", as the list shows it: the count first, so a narrow list still shows it. */
        @Override public String toString() {
            return SwedishNumbers.number(m.values(), 0) + (m.values() == 1 ? " värde" : " värden") + " \u2013 "
                    + (m.title() == null ? m.id() : m.title() + " (" + m.id() + ")");
        }
    }
    private final ObservableList<MeasureRow> measures = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty errors = new SimpleIntegerProperty(0);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty lastImport = new SimpleStringProperty("");
    private ImportSession importSession;
    private volatile boolean cancel;
    private boolean applyingRecipe;

    public ImportViewModel(WorkbookViewModel session) {
        this.session = session;
        for (Recipe r : BuiltInRecipes.all()) recipes.add(r.name());
        recipe.addListener((o, a, b) -> {
            if (!applyingRecipe && b != null && importSession != null && !b.equals(importSession.recipe().name())) applyMapping();
        });
        session.versionProperty().addListener((o, a, b) -> updateLastImport());
        updateLastImport();
    }

    public ObjectProperty<Step> stepProperty() { return step; }
    public ObjectProperty<Path> fileProperty() { return file; }
    public StringProperty detectionProperty() { return detection; }
    public ObservableList<String> recipes() { return recipes; }
    public StringProperty recipeProperty() { return recipe; }
    public StringProperty periodValueProperty() { return periodValue; }
    public ObservableList<Row> preview() { return preview; }

    /** The file's columns and their roles (statistics tables), for the user to check and change. */
    public ObservableList<ColumnRow> columns() { return columns; }

    /** The roles a column can be given. */
    public static List<String> roles() { return se.halsolage.importer.ColumnRole.ROLES; }

    /** Step 2 by column: reads the file with the roles as the user set them and refreshes the preview. */
    public void applyRoles() {
        if (importSession == null || columns.isEmpty()) return;
        List<se.halsolage.importer.ColumnRole> chosen = columns.stream()
                .map(c -> new se.halsolage.importer.ColumnRole(c.getHeader(), c.getKey(), c.getRole())).toList();
        previewAfter(() -> importSession.useRoles(chosen));
    }
    public ObservableList<String> problems() { return problems; }

    /** The measures found in the file, each with its value count and check box (all ticked at first). */
    public ObservableList<MeasureRow> measures() { return measures; }

    /** Hands the unticked measures to the session before a check or an import. */
    private void applyChoice() {
        importSession.exclude(measures.stream().filter(m -> !m.isSelected()).map(MeasureRow::measure).toList());
    }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty messageProperty() { return message; }
    public IntegerProperty errorsProperty() { return errors; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty lastImportProperty() { return lastImport; }

    private void updateLastImport() {
        Workbook wb = session.workbook();
        lastImport.set(wb == null ? "" : ImportSession.lastImport(wb)
                .map(r -> session.texts().get("import.lastImport", r.file(), r.recipe())).orElse(""));
    }

    /** Step 1: opens and detects a file, then shows its preview. */
    public void choose(Path f) {
        Workbook wb = session.workbook();
        if (wb == null || f == null) return;
        file.set(f);
        reset();
        running.set(true);
        message.set(session.texts().get("import.reading", f.getFileName()));
        session.runner().run(session.texts().get("import.reading", f.getFileName()), p -> {
            ImportSession s = ImportSession.open(wb, f, ImportOptions.defaults());
            return new Object[]{s, s.preview(PREVIEW_ROWS), s.measures(null, p::isCancelled)};
        }, r -> {
            running.set(false);
            importSession = (ImportSession) r[0];
            @SuppressWarnings("unchecked") List<PreviewRow> rows = (List<PreviewRow>) r[1];
            @SuppressWarnings("unchecked") List<ImportSession.MeasureCount> found = (List<ImportSession.MeasureCount>) r[2];
            measures.setAll(found.stream().map(MeasureRow::new).toList());
            showSession(rows);
            step.set(Step.PREVIEW);
        }, e -> {
            running.set(false);
            message.set(session.message(e));
            session.dialogs().showError(session.texts().get("import.failedOpen", f.getFileName()), session.message(e));
        });
    }

    private void reset() {
        importSession = null;
        preview.clear();
        columns.clear();
        measures.clear();
        problems.clear();
        errors.set(0);
        summary.set("");
        detection.set("");
        step.set(Step.CHOOSE);
    }

    private void showSession(List<PreviewRow> rows) {
        Detection d = importSession.detection();
        StringBuilder sb = new StringBuilder();
        sb.append(session.texts().get("import.detected", d.format(), d.sheets().size(),
                d.recipeDescription() == null ? importSession.recipe().name() : d.recipeDescription()));
        if (d.encoding() != null) sb.append(' ').append(session.texts().get("import.encoding", d.encoding()));
        detection.set(sb.toString());
        applyingRecipe = true;
        if (!recipes.contains(importSession.recipe().name())) recipes.add(importSession.recipe().name());
        recipe.set(importSession.recipe().name());
        applyingRecipe = false;
        periodValue.set(importSession.recipe().periodValue() == null ? "" : importSession.recipe().periodValue());
        preview.setAll(rows.stream().map(Row::new).toList());
        // the column roles only where the statistics reader (or a mapping of it) reads the file
        columns.setAll(Recipe.STATS.equals(importSession.recipe().kind())
                ? importSession.columnRoles().stream().map(ColumnRow::new).toList() : List.of());
        message.set(session.texts().get("import.previewReady", rows.size()));
    }

    /** Changes the session's mapping in the background (roles or recipe), then shows the new preview. */
    private void previewAfter(Runnable change) {
        running.set(true);
        session.runner().run(session.texts().get("import.previewing"), p -> {
            change.run();
            return new Object[]{importSession.preview(PREVIEW_ROWS), importSession.measures(null, p::isCancelled)};
        }, r -> {
            running.set(false);
            @SuppressWarnings("unchecked") List<ImportSession.MeasureCount> found = (List<ImportSession.MeasureCount>) r[1];
            measures.setAll(found.stream().map(MeasureRow::new).toList());
            @SuppressWarnings("unchecked") List<PreviewRow> rows = (List<PreviewRow>) r[0];
            showSession(rows);
        }, e -> {
            running.set(false);
            message.set(session.message(e));
            session.dialogs().showError(session.texts().get("import.failedMapping"), session.message(e));
        });
    }

    /** Step 2: applies the mapping controls (recipe, fixed period) and refreshes the preview. */
    public void applyMapping() {
        if (importSession == null) return;
        Workbook wb = session.workbook();
        String name = recipe.get();
        String period = periodValue.get();
        previewAfter(() -> {
            Recipe r = ImportSession.findRecipe(wb, name).orElse(importSession.recipe());
            if (period != null && !period.isBlank()) r = r.withPeriodValue(period.strip());
            importSession.useRecipe(r);
        });
    }

    /** Step 3: checks the whole file without writing; lists errors and warnings with their places. */
    public void validate() {
        if (importSession == null) return;
        applyChoice();
        cancel = false;
        running.set(true);
        message.set(session.texts().get("import.checking"));
        session.runner().run(session.texts().get("import.checking"),
                p -> importSession.validate((sheet, row, n) -> p.update(-1, session.texts().get("import.progress", sheet, row, n)),
                        () -> cancel || p.isCancelled()),
                list -> {
                    running.set(false);
                    problems.setAll(list.stream().map(Problem::toString).toList());
                    errors.set((int) list.stream().filter(Problem::isError).count());
                    message.set(errors.get() == 0 ? session.texts().get("import.checkOk", list.size())
                            : session.texts().get("import.checkErrors", errors.get()));
                }, e -> {
                    running.set(false);
                    message.set(session.message(e));
                }, (f, m) -> message.set(m));
    }

    /** Step 4: imports in one transaction with progress; nothing is written on error or cancel. */
    public void commit() {
        if (importSession == null) return;
        applyChoice();
        if (!measures.isEmpty() && measures.stream().noneMatch(MeasureRow::isSelected)) {
            message.set(session.texts().get("import.noneChosen"));
            return;
        }
        cancel = false;
        running.set(true);
        message.set(session.texts().get("import.importing"));
        session.runLongWrite(session.texts().get("import.importing"), session.texts().get("lock.import"),
                p -> importSession.commit((sheet, row, n) -> p.update(-1, session.texts().get("import.progress", sheet, row, n)),
                        () -> cancel || p.isCancelled()),
                (ImportSummary s) -> {
                    running.set(false);
                    summary.set(String.join("\n", s.lines()));
                    message.set(session.texts().get("import.done", s.added(), s.updated()));
                    step.set(Step.DONE);
                    session.changed();
                    session.dialogs().notify(session.texts().get("import.done", s.added(), s.updated()));
                }, e -> {
                    running.set(false);
                    message.set(session.message(e));
                    if (!cancel) session.dialogs().showError(session.texts().get("import.failed"), session.message(e));
                }, (f, m) -> message.set(m));
    }

    public void cancel() {
        cancel = true;
    }

    /** Takes the last import back (asks first). */
    public void undoLastImport() {
        Workbook wb = session.workbook();
        if (wb == null || ImportSession.lastImport(wb).isEmpty()) return;
        if (!session.dialogs().confirm(session.texts().get("import.undoTitle"), lastImport.get() + "\n\n" + session.texts().get("import.undoQuestion"))) return;
        running.set(true);
        session.runLongWrite(session.texts().get("import.undoing"), session.texts().get("lock.undoImport"),
                p -> ImportSession.undoLast(wb), text -> {
            running.set(false);
            message.set(text);
            session.changed();
            session.dialogs().notify(text);
        }, e -> {
            running.set(false);
            session.dialogs().showError(session.texts().get("import.undoFailed"), session.message(e));
        }, null);
    }

    /** Starts over with another file. */
    public void restart() {
        reset();
        file.set(null);
        message.set("");
    }
}
