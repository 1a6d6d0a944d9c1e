package se.halsolage.ui.common;

import se.halsolage.ui.common.RecentFiles;

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
        // edits queue on the one background thread (behind an import that holds the workbook), never on the FX thread
        undo.setRunner(runner, e -> dialogs.showError(texts.get("error.edit"), message(e)));
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
        if (wb == null) {
            version.set(version.get() + 1);
            return;
        }
        // the settings and the title's municipality are read on the background thread, like every query
        record Heading(PlanSettings plan, String municipality) {
        }
        runner.run(texts.get("status.loading"), p -> {
            PlanSettings ps = wb.settings().plan();
            String m = ps.municipalityId() == null ? "" : wb.areas().get(ps.municipalityId()).map(Area::name).orElse("");
            return new Heading(ps, m);
        }, h -> {
            if (workbook.get() != wb) return;
            plan.set(h.plan());
            updateTitle(wb, h.plan(), h.municipality());
            version.set(version.get() + 1);
        }, e -> {
            version.set(version.get() + 1);
            dialogs.showError(texts.get("error.load"), message(e));
        });
    }

    private final ReadOnlyStringWrapper longWrite = new ReadOnlyStringWrapper("");
    private int longWrites;

    /**
     * Why editing is off just now ("Import pågår – redigering är avstängd tills den är klar"), or ""
     * when it is on. Set while an import or a Kolada fetch writes the workbook: edits made then would
     * only wait behind it, so the views disable their editing controls and show this reason.
     */
    public javafx.beans.property.ReadOnlyStringProperty longWriteProperty() { return longWrite.getReadOnlyProperty(); }

    /** True while a long write runs (see {@link #longWriteProperty()}). */
    public javafx.beans.binding.BooleanBinding editingLocked() {
        return longWrite.isNotEmpty();
    }

    /**
     * Runs a long write (import, Kolada fetch, undo of an import) on the task runner with editing
     * switched off and {@code reason} shown until it ends, however it ends.
     */
    public <T> TaskRunner.Handle runLongWrite(String title, String reason, TaskRunner.Work<T> work, Consumer<T> onDone,
                                              Consumer<Throwable> onError, TaskRunner.ProgressListener onProgress) {
        longWrites++;
        longWrite.set(reason);
        Runnable end = () -> {
            if (--longWrites <= 0) {
                longWrites = 0;
                longWrite.set("");
            }
        };
        return runner.run(title, work, v -> {
            end.run();
            if (onDone != null) onDone.accept(v);
        }, e -> {
            end.run();
            if (onError != null) onError.accept(e);
        }, onProgress);
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
        PlanSettings[] before = {null};
        undo.execute(UndoManager.Command.of(texts.get("undo.settings"), w -> {
            before[0] = w.settings().plan();
            w.settings().savePlan(next);
        }, w -> w.settings().savePlan(before[0])));
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

    private void updateTitle(Workbook wb, PlanSettings p, String municipality) {
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
