package se.halsolage.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import se.halsolage.workbook.Workbook;

import java.util.ArrayDeque;
import java.util.Deque;

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
        workbook.inTransaction(c::apply);
        undo.push(c);
        if (undo.size() > LIMIT) undo.removeLast();
        redo.clear();
        update();
        onChange.run();
    }

    public boolean undo() {
        if (undo.isEmpty()) return false;
        Command c = undo.peek();
        workbook.inTransaction(c::revert);
        undo.pop();
        redo.push(c);
        update();
        onChange.run();
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) return false;
        Command c = redo.peek();
        workbook.inTransaction(c::apply);
        redo.pop();
        undo.push(c);
        update();
        onChange.run();
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
