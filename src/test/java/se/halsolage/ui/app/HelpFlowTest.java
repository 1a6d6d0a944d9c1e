package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 9: F1 opens the guide at the current view's section, and the guide can be searched. */
class HelpFlowTest extends DesktopTestBase {

    private Stage guide() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Användarguide"))
                .findFirst().orElseThrow();
    }

    @Test
    void f1OpensTheSectionOfTheViewAndTheSearchFindsParagraphs() throws Exception {
        clickOn("#nav-targets");
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.F1);
        waitUntil(5, () -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Användarguide")));
        Stage guide = guide();
        assertThat(guide.getTitle()).isEqualTo("Användarguide – 5. Sätt och följ upp mål");
        ScrollPane scroll = from(guide.getScene().getRoot()).lookup("#helpScroll").query();
        Label heading = from(guide.getScene().getRoot()).lookup(".help-h2")
                .match(n -> ((Label) n).getText().startsWith("5. Sätt och följ upp mål")).query();
        // the section's heading is in view, not the top of the guide
        waitUntil(5, () -> scroll.getVvalue() > 0);
        Bounds h = heading.localToScene(heading.getBoundsInLocal());
        Bounds v = scroll.localToScene(scroll.getLayoutBounds());
        assertThat(h.getMinY()).isBetween(v.getMinY(), v.getMaxY());

        // search: only paragraphs with every word typed, and how many
        Node search = from(guide.getScene().getRoot()).lookup("#helpSearch").query();
        assertThat(search.isFocused()).isTrue();
        // headless Monocle reports both windows focused and types into the first; bring the guide to the front as a click would
        interact(() -> {
            guide.toFront();
            guide.requestFocus();
        });
        targetWindow(guide);
        write("säkerhetskopia");
        WaitForAsyncUtils.waitForFxEvents();
        Label hits = from(guide.getScene().getRoot()).lookup("#helpHits").query();
        assertThat(hits.getText()).matches("[0-9]+ träffar?");
        List<Label> shown = from(guide.getScene().getRoot()).lookup(".help-text").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).toList();
        assertThat(shown).isNotEmpty().allMatch(l -> l.getText().toLowerCase().contains("säkerhetskopia"));
        assertThat(hits.getText()).startsWith(String.valueOf(shown.size() + from(guide.getScene().getRoot())
                .lookup(".help-item").queryAllAs(Label.class).stream().filter(Node::isVisible).count()));
        write(" xyzzy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hits.getText()).isEqualTo("Inga träffar");
        // Esc empties the search, a second Esc closes the guide
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hits.getText()).isEmpty();
        assertThat(guide.isShowing()).isTrue();
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(guide.isShowing()).isFalse();
    }
}
