package se.halsolage.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Area;
import se.halsolage.domain.PlanSettings;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The open workbook as the window shows it: file, title, undo/redo, recent files and a data
 * version that views watch to refresh. No controls: testable without a screen.
 */
public final class WorkbookViewModel implements AutoCloseable {
    private final Texts texts;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final RecentFiles recent;
    private final UndoManager undo = new UndoManager();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Hälsoläge");
    private final ReadOnlyObjectWrapper<Workbook> workbook = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<PlanSettings> plan = new SimpleObjectProperty<>();

    public WorkbookViewModel(Texts texts, TaskRunner runner, DialogService dialogs, RecentFiles recent) {
        this.texts = texts;
        this.runner = runner;
        this.dialogs = dialogs;
        this.recent = recent;
        undo.setOnChange(this::changed);
        if (recent != null) recentFiles.setAll(recent.list());
    }

    public Texts texts() { return texts; }
    public TaskRunner runner() { return runner; }
    public DialogService dialogs() { return dialogs; }
    public UndoManager undo() { return undo; }
    public ObservableList<Path> recentFiles() { return recentFiles; }
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Workbook> workbookProperty() { return workbook.getReadOnlyProperty(); }
    public Workbook workbook() { return workbook.get(); }
    /** Increases after every change to the open workbook (edits, undo, imports, settings). */
    public ReadOnlyIntegerProperty versionProperty() { return version.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PlanSettings> planProperty() { return plan; }
    public PlanSettings plan() { return plan.get(); }

    private final java.util.List<java.util.function.BooleanSupplier> leaveGuards = new java.util.ArrayList<>();

    /**
     * A form with something typed registers here; before another workbook is opened or the window
     * closes, each guard saves its pending edit or asks, and returns false to stay.
     */
    public void addLeaveGuard(java.util.function.BooleanSupplier guard) {
        leaveGuards.add(guard);
    }

    /** True when every form has saved (or the user threw away) what was typed; false to stay. */
    public boolean mayLeave() {
        for (java.util.function.BooleanSupplier g : leaveGuards) {
            if (!g.getAsBoolean()) return false;
        }
        return true;
    }

    /** Tells every view that the workbook changed (after an import, a Kolada fetch, an edit). */
    public void changed() {
        Workbook wb = workbook.get();
        if (wb != null) {
            plan.set(wb.settings().plan());
            updateTitle(wb);
        }
        version.set(version.get() + 1);
    }

    /** Opens a workbook in the background and shows it when ready. */
    public void open(Path file, Consumer<Workbook> then) {
        if (!mayLeave()) return;
        runner.run(texts.get("status.opening", file.getFileName()), p -> Workbook.open(file),
                wb -> {
                    show(wb);
                    if (then != null) then.accept(wb);
                },
                e -> dialogs.showError(texts.get("error.open"), message(e)));
    }

    /** Creates a new workbook with the bundled catalogue and the given settings, then shows it. */
    public void create(Path file, PlanSettings settings, Consumer<Workbook> then) {
        if (!mayLeave()) return;
        runner.run(texts.get("status.creating", file.getFileName()), p -> Workbooks.createNew(file, settings),
                wb -> {
                    show(wb);
                    if (then != null) then.accept(wb);
                },
                e -> dialogs.showError(texts.get("error.create"), message(e)));
    }

    /** Saves a consistent copy and continues working in the copy. */
    public void saveAs(Path target) {
        Workbook current = workbook.get();
        if (current == null) return;
        runner.run(texts.get("status.saving"), p -> {
            current.copyTo(target);
            return Workbook.open(target);
        }, wb -> {
            show(wb);
            dialogs.notify(texts.get("status.savedAs", target.getFileName()));
        }, e -> dialogs.showError(texts.get("error.saveAs"), message(e)));
    }

    /** Stores new plan settings as one undoable edit. */
    public void saveSettings(PlanSettings next) {
        Workbook wb = workbook.get();
        if (wb == null) return;
        PlanSettings before = wb.settings().plan();
        undo.execute(UndoManager.Command.of(texts.get("undo.settings"),
                w -> w.settings().savePlan(next), w -> w.settings().savePlan(before)));
    }

    /** Shows an opened workbook, closing the previous one. */
    public void show(Workbook wb) {
        Workbook previous = workbook.get();
        if (previous != null && previous != wb) previous.close();
        undo.setWorkbook(wb);
        workbook.set(wb);
        if (recent != null) {
            recent.add(wb.file());
            recentFiles.setAll(recent.list());
        }
        changed();
    }

    /**
     * Lets go of the open workbook without closing it (the caller closes it, e.g. in the background
     * before restoring a backup); the views then show no workbook.
     */
    public Workbook detach() {
        Workbook wb = workbook.get();
        undo.setWorkbook(null);
        workbook.set(null);
        title.set("Hälsoläge");
        version.set(version.get() + 1);
        return wb;
    }

    private void updateTitle(Workbook wb) {
        PlanSettings p = wb.settings().plan();
        String municipality = p.municipalityId() == null ? ""
                : wb.areas().get(p.municipalityId()).map(Area::name).orElse("");
        StringBuilder t = new StringBuilder("Hälsoläge – ").append(wb.file().getFileName());
        if (!municipality.isEmpty()) {
            t.append(" – ").append(municipality.endsWith("kommun") ? municipality : municipality + " kommun");
        }
        if (p.exampleData()) t.append(" – ").append(texts.get("title.example"));
        title.set(t.toString());
    }

    /** The message to show for an error: the Swedish message of our own errors, else a generic text. */
    public String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        if (t instanceof CancellationException) return texts.get("error.cancelled");
        return t.getMessage() == null ? texts.get("error.unexpected", t.getClass().getSimpleName()) : t.getMessage();
    }

    @Override
    public void close() {
        Workbook wb = workbook.get();
        if (wb != null) wb.close();
        workbook.set(null);
    }
}
