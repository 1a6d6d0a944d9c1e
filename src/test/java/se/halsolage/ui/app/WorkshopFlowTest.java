package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.story.PresentationWindow;
import se.halsolage.ui.story.PresenterModel;
import se.halsolage.ui.story.SlideNotes;
import se.halsolage.ui.story.StoryView;
import se.halsolage.ui.story.StoryViewModel;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Slide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 6: workshop mode on one screen — presenter view by a key, a timer, notes that belong to their slide. */
class WorkshopFlowTest extends DesktopTestBase {
    @Test
    void presentsOnOneScreenWithThePresenterViewByKeyATimerAndEachSlidesOwnNotes() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#slideList").tryQuery().isPresent());
        StoryViewModel vm = (StoryViewModel) lookup(n -> n.getProperties().get("vm") instanceof StoryViewModel)
                .query().getProperties().get("vm");
        interact(() -> vm.create("Workshop 2026"));
        waitUntil(10, () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().name().equals("Workshop 2026"));
        var wb = app.session().workbook();

        // notes suggested for the trend chart do not follow the slide when the kind is changed to kön
        ComboBox<Indicator> indicator = lookup("#slideIndicator").query();
        ComboBox<String> kind = lookup("#slideChartKind").query();
        TextArea newNotes = lookup("#newSlideNotes").query();
        interact(() -> indicator.setValue(wb.indicators().get("UNG-MAR-BRA-AK8").orElseThrow()));
        clickOn("#suggestNotes");
        String trendNotes = SlideNotes.suggest(wb, "UNG-MAR-BRA-AK8", "TREND");
        // the suggestion is read on the task runner and shown when it is ready
        waitUntil(10, () -> trendNotes.equals(newNotes.getText()));
        assertThat(newNotes.getText()).isEqualTo(trendNotes).startsWith("Senaste värdet");
        clickOn("#addChartSlide");
        interact(() -> indicator.setValue(wb.indicators().get("UNG-MAR-BRA-AK8").orElseThrow()));
        clickOn("#suggestNotes");
        interact(() -> kind.setValue("GENDER"));
        assertThat(newNotes.getText()).isEmpty();
        clickOn("#addChartSlide");
        // empty notes: the slide is added once its suggestion is read on the task runner
        waitUntil(10, () -> vm.slides().size() == 2);
        interact(() -> vm.addText("Vad gör vi nu?", "Tre frågor till nämnden:\n– Vad ser vi?\n– Vad gör vi?", "Låt politikerna prata först."));
        waitUntil(5, () -> vm.slides().size() == 3);
        List<Slide> slides = vm.slides();
        assertThat(slides.get(0).notes()).isEqualTo(trendNotes);
        // the kön slide speaks of the source's own groups: pupils are flickor and pojkar
        assertThat(slides.get(1).chartKind()).isEqualTo("GENDER");
        assertThat(slides.get(1).notes()).isNotEqualTo(trendNotes).startsWith("Flickor ligger").contains("pojkar")
                .doesNotContain("Kvinnor").doesNotContain("kvinnor");

        // one screen: no presenter view at the start; P brings it in front of the slides, P again goes back
        CheckBox presenterView = lookup("#presenterView").query();
        interact(() -> presenterView.setSelected(false));
        clickOn("#presentStory");
        StoryView view = (StoryView) lookup(n -> n.getProperties().get("view") instanceof StoryView).query().getProperties().get("view");
        waitUntil(10, () -> view.presentation() != null && view.presentation().stage().isShowing());
        PresentationWindow p = view.presentation();
        assertThat(p.presenterStage().isShowing()).isFalse();
        type(KeyCode.P);
        waitUntil(5, () -> p.presenterStage().isShowing() && p.model().presenterInFrontProperty().get());
        assertThat(p.stage().isFullScreen()).isFalse();
        Label notes = lookup("#presenterNotes").query();
        assertThat(notes.getText()).isEqualTo(trendNotes);
        Label timer = lookup("#presenterTimer").query();
        assertThat(timer.getText()).matches("Tid \\d\\d:\\d\\d");
        // keys work in the presenter view too: the next slide brings its own notes
        type(KeyCode.RIGHT);
        waitUntil(5, () -> p.model().indexProperty().get() == 1);
        assertThat(notes.getText()).isEqualTo(slides.get(1).notes());
        type(KeyCode.RIGHT);
        waitUntil(5, () -> p.model().indexProperty().get() == 2);
        assertThat(notes.getText()).isEqualTo("Låt politikerna prata först.");
        type(KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timer.getText()).isEqualTo("Tid 00:00");
        type(KeyCode.P);
        waitUntil(5, () -> !p.presenterStage().isShowing() && !p.model().presenterInFrontProperty().get());
        // the text slide is laid out for a wall: large body text in the middle of the slide
        assertThat(lookup(".slide-text-body").tryQuery()).isPresent();
        assertThat(lookup(".slide-text-title").tryQuery()).isPresent();
        type(KeyCode.ESCAPE);
        waitUntil(5, () -> !p.stage().isShowing());
        assertThat(PresenterModel.clock(245)).isEqualTo("04:05");
        assertThat(PresenterModel.clock(3723)).isEqualTo("1:02:03");
    }
}
