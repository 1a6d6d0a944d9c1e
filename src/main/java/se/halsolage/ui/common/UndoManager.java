package se.halsolage.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import se.halsolage.workbook.Workbook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Undo and redo of edits. Every {@link Command} is applied in its own workbook transaction, so an
 * edit is saved the moment it is made and undoing it is saved as well.
 */
public final class UndoManager {
    private static final int LIMIT = 200;

    /** An edit that can be applied and reverted. Both run inside one transaction. */
    public interface Command {
        String description();

        void apply(Workbook wb);

        void revert(Workbook wb);

        static Command of(String description, java.util.function.Consumer<Workbook> apply,
                          java.util.function.Consumer<Workbook> revert) {
            return new Command() {
                @Override
                public String description() {
                    return description;
                }

                @Override
                public void apply(Workbook wb) {
                    apply.accept(wb);
                }

                @Override
                public void revert(Workbook wb) {
                    revert.accept(wb);
                }
            };
        }
    }

    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");
    private Workbook workbook;
    private Runnable onChange = () -> { };
    private TaskRunner runner = TaskRunner.direct();
    private Consumer<Throwable> onError = e -> {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    };

    /**
     * Edits run on {@code runner} (the desktop's one background thread, behind an import or a Kolada
     * fetch that holds the workbook), never on the calling thread; a failed edit is reported to
     * {@code onError} and leaves the undo list as it was. Without this, edits run at once (view-model tests).
     */
    public void setRunner(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner == null ? TaskRunner.direct() : runner;
        if (onError != null) this.onError = onError;
    }

    public void setWorkbook(Workbook wb) {
        this.workbook = wb;
        undo.clear();
        redo.clear();
        update();
    }

    /** Called after every execute, undo and redo (the session refreshes the views). */
    public void setOnChange(Runnable r) {
        this.onChange = r == null ? () -> { } : r;
    }

    public void execute(Command c) {
        execute(c, null);
    }

    /**
     * Applies {@code c} in one transaction on the task runner; it is on the undo list at once (an undo
     * asked before it ran is queued after it), and {@code then} runs on the FX thread once it is stored (after the views were told).
     */
    public void execute(Command c, Runnable then) {
        Workbook wb = workbook;
        if (wb == null) return;
        undo.push(c);
        if (undo.size() > LIMIT) undo.removeLast();
        redo.clear();
        update();
        runner.run(c.description(), p -> {
            wb.inTransaction(c::apply);
            return Boolean.TRUE;
        }, ok -> {
            if (workbook == wb) onChange.run();
            if (then != null) then.run();
        }, e -> {
            if (workbook == wb) {
                undo.remove(c);
                update();
            }
            onError.accept(e);
        });
    }

    public boolean undo() {
        if (undo.isEmpty() || workbook == null) return false;
        Workbook wb = workbook;
        Command c = undo.pop();
        redo.push(c);
        update();
        runner.run(c.description(), p -> {
            wb.inTransaction(c::revert);
            return Boolean.TRUE;
        }, ok -> {
            if (workbook == wb) onChange.run();
        }, e -> {
            if (workbook == wb) {
                redo.remove(c);
                undo.push(c);
                update();
            }
            onError.accept(e);
        });
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty() || workbook == null) return false;
        Workbook wb = workbook;
        Command c = redo.pop();
        undo.push(c);
        update();
        runner.run(c.description(), p -> {
            wb.inTransaction(c::apply);
            return Boolean.TRUE;
        }, ok -> {
            if (workbook == wb) onChange.run();
        }, e -> {
            if (workbook == wb) {
                undo.remove(c);
                redo.push(c);
                update();
            }
            onError.accept(e);
        });
        return true;
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "" : undo.peek().description());
        redoText.set(redo.isEmpty() ? "" : redo.peek().description());
    }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoTextProperty() { return redoText.getReadOnlyProperty(); }
}
