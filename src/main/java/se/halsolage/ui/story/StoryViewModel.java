package se.halsolage.ui.story;

import se.halsolage.ui.common.UndoManager;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;

/** The workshop story editor: stories in the workbook, their slides, reorder, add and remove. */
public final class StoryViewModel {
    private final WorkbookViewModel session;
    private final ObservableList<Story> stories = FXCollections.observableArrayList();
    private final ObjectProperty<Story> selected = new SimpleObjectProperty<>();
    private final ObservableList<Slide> slides = FXCollections.observableArrayList();

    public StoryViewModel(WorkbookViewModel session) {
        this.session = session;
        selected.addListener((o, a, b) -> slides.setAll(b == null ? List.of() : b.slides()));
        session.versionProperty().addListener((o, a, b) -> refresh());
        if (session.workbook() != null) refresh();
    }

    public ObservableList<Story> stories() { return stories; }
    public ObjectProperty<Story> selectedProperty() { return selected; }
    public ObservableList<Slide> slides() { return slides; }

    private long wanted;

    /** Reads the stories on the task runner (never on the FX thread) and keeps the selected one. */
    public void refresh() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        int at = localEdits;
        session.runner().run(session.texts().get("status.loading"), p -> wb.stories().all(), all -> {
            // an edit shown locally since this read began: its own refresh follows and reads it back
            if (session.workbook() != wb || at != localEdits) return;
            show(all);
        }, e -> session.dialogs().showError(session.texts().get("error.load"), session.message(e)));
    }

    private void show(List<Story> all) {
        long keep = wanted != 0 ? wanted : selected.get() == null ? 0 : selected.get().id();
        wanted = 0;
        if (!stories.equals(all)) stories.setAll(all);
        Story again = all.stream().filter(s -> s.id() == keep).findFirst().orElse(all.isEmpty() ? null : all.get(0));
        // read back as it is shown (an edit shown locally): the slide list and its selection stay as they are
        if (again != null && again.equals(selected.get())) return;
        selected.set(null);
        selected.set(again);
    }

    /** Creates a new, empty story and selects it. Returns a problem text, or null when created. */
    public String create(String name) {
        if (name == null || name.isBlank()) return "Skriv ett namn på berättelsen.";
        if (session.workbook() == null) return null;
        if (stories.stream().anyMatch(s -> s.name().equalsIgnoreCase(name.strip()))) return "Det finns redan en berättelse som heter \"" + name.strip() + "\".";
        long[] id = {0};
        Story fresh = new Story(0, name.strip(), List.of());
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.addStory", fresh.name()),
                w -> id[0] = w.stories().save(id[0] == 0 ? fresh : fresh.withId(id[0])).id(),
                w -> w.stories().delete(id[0])), () -> {
            // shown when stored; the refresh the edit starts (on the task runner) keeps it selected
            if (stories.stream().anyMatch(s -> s.id() == id[0])) select(id[0]); else wanted = id[0];
        });
        return null;
    }

    public void select(long id) {
        selected.set(stories.stream().filter(s -> s.id() == id).findFirst().orElse(null));
    }

    public void deleteSelected() {
        Story s = selected.get();
        if (s == null) return;
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.deleteStory", s.name()),
                w -> w.stories().delete(s.id()), w -> w.stories().save(s)));
    }

    public void addChart(String indicatorId, String chartKind, String title, String notes) {
        change(list -> list.add(Slide.chart(indicatorId, chartKind, title, notes)), "undo.addSlide");
    }

    public void addText(String title, String body, String notes) {
        change(list -> list.add(Slide.text(title, body, notes)), "undo.addSlide");
    }

    public void remove(int index) {
        change(list -> list.remove(index), "undo.removeSlide");
    }

    /** Moves a slide one step up (delta −1) or down (+1). */
    public void move(int index, int delta) {
        int to = index + delta;
        change(list -> {
            if (to < 0 || to >= list.size()) return;
            Slide s = list.remove(index);
            list.add(to, s);
        }, "undo.moveSlide");
    }

    public void setNotes(int index, String notes) {
        change(list -> list.set(index, list.get(index).withNotes(notes)), "undo.editSlide");
    }

    /** Sets the notes of one slide of the given story (not necessarily the selected one); undoable. */
    public void setNotes(long storyId, int index, String notes) {
        Story before = stories.stream().filter(s -> s.id() == storyId).findFirst().orElse(null);
        if (before == null || index < 0 || index >= before.slides().size()) return;
        List<Slide> list = new ArrayList<>(before.slides());
        list.set(index, list.get(index).withNotes(notes));
        Story after = before.withSlides(list);
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.editSlide", before.name()),
                w -> w.stories().save(after), w -> w.stories().save(before)));
        showLocally(after);
    }

    /** Exports a story as PowerPoint in the background; notifies when done. */
    public void export(Story story, java.nio.file.Path out) {
        Workbook wb = session.workbook();
        session.runner().run(session.texts().get("story.exporting"), p -> {
            new se.halsolage.report.StoryPptx(wb).write(story, out, p::isCancelled);
            return out;
        }, file -> {
            lastExport = file;
            session.dialogs().notify(session.texts().get("story.exported", file.getFileName()));
        }, e -> session.dialogs().showError(session.texts().get("story.exportFailed"), session.message(e)));
    }

    private java.nio.file.Path lastExport;

    /** The file of the last successful export (for tests and "open"). */
    public java.nio.file.Path lastExport() {
        return lastExport;
    }

    private void change(java.util.function.Consumer<List<Slide>> edit, String key) {
        Story before = selected.get();
        if (before == null) return;
        List<Slide> list = new ArrayList<>(before.slides());
        edit.accept(list);
        Story after = before.withSlides(list);
        session.undo().execute(UndoManager.Command.of(session.texts().get(key, before.name()),
                w -> w.stories().save(after), w -> w.stories().save(before)));
        showLocally(after);
    }

    /**
     * The edit is queued on the task runner: the story is shown as edited at once, so that the next
     * edit (before the refresh has read it back) builds on this one instead of on the old slides.
     */
    private int localEdits;

    private void showLocally(Story after) {
        localEdits++;
        for (int i = 0; i < stories.size(); i++) {
            if (stories.get(i).id() == after.id()) stories.set(i, after);
        }
        if (selected.get() != null && selected.get().id() == after.id()) selected.set(after);
    }
}
