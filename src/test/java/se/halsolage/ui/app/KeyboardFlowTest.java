package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;

import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 8: Tab moves on, Ctrl+Tab inserts a tab, every menu item has a mnemonic, one view selected. */
class KeyboardFlowTest extends DesktopTestBase {

    @Test
    void tabMovesOnFromAMultiLineFieldAndCtrlTabInsertsATab() throws Exception {
        clickOn("#nav-initiatives");
        waitUntil(10, () -> lookup("#initiativeNotes").tryQuery().isPresent());
        TextArea notes = lookup("#initiativeNotes").query();
        interact(() -> {
            notes.requestFocus();
            notes.setText("rad");
            notes.end();
        });
        type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notes.getText()).isEqualTo("rad");
        assertThat(notes.isFocused()).isFalse();
        Node after = notes.getScene().getFocusOwner();
        assertThat(after).isNotNull().isNotSameAs(notes);
        // Shift+Tab comes back to it
        press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notes.isFocused()).isTrue();
        // Ctrl+Tab writes a tab where one is wanted
        interact(notes::end);
        press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notes.getText()).isEqualTo("rad\t");
        assertThat(notes.isFocused()).isTrue();
    }

    @Test
    void everyMenuItemHasItsOwnMnemonicAndOneViewIsSelected() throws Exception {
        MenuBar bar = lookup(".menu-bar").query();
        List<String> missing = new ArrayList<>();
        Set<Character> top = new HashSet<>();
        for (Menu m : bar.getMenus()) {
            assertThat(top.add(mnemonic(m.getText()))).as(m.getText()).isTrue();
            Set<Character> used = new HashSet<>();
            for (MenuItem mi : m.getItems()) {
                if (mi instanceof SeparatorMenuItem || !mi.isVisible()) continue;
                Character c = mnemonic(mi.getText());
                if (c == null || !used.add(c)) missing.add(m.getText() + " → " + mi.getText());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(bar.getMenus().get(0).getText()).isEqualTo("_Arkiv");
        assertThat(bar.getMenus().get(0).getItems().get(0).getText()).isEqualTo("_Ny arbetsbok…");

        // clicking the selected view again keeps it selected; one selected after moving on
        clickOn("#nav-overview");
        clickOn("#nav-overview");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedViews()).containsExactly("nav-overview");
        clickOn("#nav-targets");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedViews()).containsExactly("nav-targets");
    }

    private List<String> selectedViews() {
        return lookup(".nav-button").queryAllAs(ToggleButton.class).stream().filter(ToggleButton::isSelected)
                .map(Node::getId).toList();
    }

    private static Character mnemonic(String text) {
        int at = text == null ? -1 : text.indexOf('_');
        return at < 0 || at + 1 >= text.length() ? null : text.substring(at + 1, at + 2).toLowerCase(Locale.ROOT).charAt(0);
    }
}
