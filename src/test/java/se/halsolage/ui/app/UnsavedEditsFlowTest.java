package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.initiatives.InitiativesViewModel;
import se.halsolage.ui.story.StoryViewModel;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.domain.Initiative;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 1: a note typed into an insats is not lost when another insats is clicked. */
class UnsavedEditsFlowTest extends DesktopTestBase {
    private TableView<InitiativesViewModel.Row> table;

    private void clickRow(int index) {
        Node row = from(table).lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getIndex() == index).query();
        clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Initiative stored(long id) {
        return app.session().workbook().initiatives().get(id).orElseThrow();
    }

    /**
     * Puts the caret at the end of the notes field. The field sits low in the scrolling form (under Bakgrund),
     * where a click at its screen position may land on the field above it, so focus it as Tab would.
     */
    private void toEndOf(TextArea notes) {
        interact(() -> {
            notes.requestFocus();
            notes.end();
        });
    }

    @Test
    void aTypedYearNoteSurvivesClickingAnotherInsats() throws Exception {
        clickOn("#nav-initiatives");
        waitUntil(10, () -> lookup("#initiativeTable").tryQuery().isPresent());
        table = lookup("#initiativeTable").query();
        waitUntil(10, () -> table.getItems().size() == 11);
        TextField name = lookup("#initiativeName").query();
        TextArea notes = lookup("#initiativeNotes").query();

        clickRow(0);
        Initiative first = table.getItems().get(0).initiative();
        waitUntil(5, () -> name.getText().equals(first.name()));
        assertThat(first.notes()).doesNotContainKey(2030);
        toEndOf(notes);
        if (!notes.getText().isBlank()) type(KeyCode.ENTER);
        write("2030: Uppföljning med skolorna");

        // another insats is clicked: the note is saved first, then the other one is shown
        clickRow(1);
        Initiative second = table.getItems().get(1).initiative();
        waitUntil(5, () -> name.getText().equals(second.name()));
        // the save runs on the task runner
        waitUntil(10, () -> stored(first.id()).notes().containsKey(2030));
        assertThat(stored(first.id()).notes()).containsEntry(2030, "Uppföljning med skolorna");
        assertThat(stored(first.id()).name()).isEqualTo(first.name());
        assertThat(dialogs.notes).anyMatch(n -> n.contains(first.name()) && n.contains("sparades"));
        assertThat(dialogs.errors).isEmpty();

        // and it is there when the first one is opened again (after the refresh the save caused)
        waitUntil(10, () -> table.getItems().stream().anyMatch(r -> r.initiative().id() == first.id()
                && r.initiative().notes().containsKey(2030)));
        int back = table.getItems().stream().map(r -> r.initiative().id()).toList().indexOf(first.id());
        clickRow(back);
        waitUntil(5, () -> name.getText().equals(first.name()));
        assertThat(notes.getText()).contains("2030: Uppföljning med skolorna");

        // a note that cannot be saved yet: the question comes, and "stay" keeps both the text and the insats
        int other = back == 0 ? 1 : 0;
        toEndOf(notes);
        type(KeyCode.ENTER);
        write("ringa rektorn");
        dialogs.confirmAnswer = false;
        clickRow(other);
        assertThat(name.getText()).isEqualTo(first.name());
        assertThat(notes.getText()).endsWith("ringa rektorn");
        assertThat(app.session().workbook().initiatives().get(first.id()).orElseThrow().notes().values())
                .noneMatch(v -> v.contains("ringa rektorn"));
        assertThat(table.getSelectionModel().getSelectedItem().initiative().id()).isEqualTo(first.id());

        // closing the window asks too: with "stay" the window stays open
        dialogs.confirmAnswer = false;
        assertThat(app.session().mayLeave()).isFalse();
        // "throw away" lets the other insats be shown, and nothing was written
        dialogs.confirmAnswer = true;
        clickRow(other);
        Initiative shown = table.getItems().get(other).initiative();
        waitUntil(5, () -> name.getText().equals(shown.name()));
        assertThat(stored(first.id()).notes()).containsEntry(2030, "Uppföljning med skolorna");
    }

    @Test
    void notesTypedForASlideStayWithThatSlideWhenAnotherIsClicked() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#slideList").tryQuery().isPresent());
        StoryViewModel vm = (StoryViewModel) lookup(n -> n.getProperties().get("vm") instanceof StoryViewModel)
                .query().getProperties().get("vm");
        interact(() -> vm.create("Workshop 2026"));
        waitUntil(10, () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().name().equals("Workshop 2026"));
        interact(() -> {
            vm.addChart("N15428", "TREND", null, "Behörigheten sjunker.");
            vm.addText("Vad gör vi nu?", "Tre frågor till nämnden", null);
        });
        javafx.scene.control.ListView<se.halsolage.domain.Slide> slides = lookup("#slideList").query();
        waitUntil(5, () -> slides.getItems().size() == 2);
        TextArea notes = lookup("#slideNotes").query();
        interact(() -> slides.getSelectionModel().select(1));
        waitUntil(5, () -> slides.getSelectionModel().getSelectedIndex() == 1);
        clickOn(notes).write("Låt politikerna prata först.");
        clickOn(from(slides).lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == 0).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(5, () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().slides().size() == 2
                && "Låt politikerna prata först.".equals(vm.selectedProperty().get().slides().get(1).notes()));
        // the stored story has the note on the text slide, and the chart slide kept its own
        var stored = app.session().workbook().stories().byName("Workshop 2026").orElseThrow();
        assertThat(stored.slides().get(1).notes()).isEqualTo("Låt politikerna prata först.");
        assertThat(stored.slides().get(0).notes()).isEqualTo("Behörigheten sjunker.");
        waitUntil(5, () -> slides.getSelectionModel().getSelectedIndex() == 0);
        assertThat(notes.getText()).isEqualTo("Behörigheten sjunker.");
        assertThat(dialogs.errors).isEmpty();
    }
}
