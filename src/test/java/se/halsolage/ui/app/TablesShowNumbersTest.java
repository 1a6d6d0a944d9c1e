package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.IndicatorRow;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 2: Nyckeltal and Översikt show their numbers whole, at the default size and at 150 % text. */
class TablesShowNumbersTest extends DesktopTestBase {
    private static final Set<String> NUMBER_COLUMNS = Set.of("Senaste värde", "Period", "Förändring", "Målstatus");

    private static double textWidth(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    private void numbersWholeInNyckeltal(TableView<IndicatorRow> table, boolean allVisible) {
        Font font = ((javafx.scene.control.TableCell<?, ?>) from(table).lookup(".table-cell").query()).getFont();
        double x = 0;
        for (TableColumn<IndicatorRow, ?> c : table.getColumns()) {
            if (NUMBER_COLUMNS.contains(c.getText())) {
                double widest = 0;
                for (IndicatorRow r : table.getItems()) {
                    Object v = c.getCellObservableValue(r).getValue();
                    widest = Math.max(widest, textWidth(v == null ? "" : v.toString(), font));
                }
                // cell padding is 2×~4 px at 13 px; the column must hold its widest value
                assertThat(c.getWidth()).as(c.getText() + " at " + font.getSize() + " px").isGreaterThanOrEqualTo(widest + 8);
                if (allVisible) assertThat(x + c.getWidth()).as(c.getText() + " visible").isLessThanOrEqualTo(table.getWidth());
            }
            x += c.getWidth();
        }
    }

    @Test
    void nyckeltalAndOversiktShowEveryNumberWhole() throws Exception {
        waitUntil(30, () -> lookup("Tobaksrök i hemmet, spädbarn").tryQuery().isPresent());
        interact(() -> app.setFontSize(13));
        // Översikt: no value, change or target status is cut ("6,3 % (20…")
        java.util.function.Supplier<List<Label>> find = () -> lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().matches("(?s)[−+±]?[0-9][0-9 \u00a0,]*(\u00a0|\\s)?[^()]*\\(\\d{4}\\).*|(?s)[−+±]\\d.*"))
                .queryAllAs(Label.class).stream().filter(javafx.scene.Node::isVisible).toList();
        waitUntil(10, () -> find.get().size() > 20);
        List<Label> numbers = find.get();
        assertThat(numbers).hasSizeGreaterThan(20);
        for (Label l : numbers) assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#indicatorTable").tryQuery().isPresent());
        TableView<IndicatorRow> table = lookup("#indicatorTable").query();
        waitUntil(10, () -> table.getItems().size() > 40);
        WaitForAsyncUtils.waitForFxEvents();
        // at the window's default size the value, period, change and target columns are all in view
        assertThat(table.getColumns().get(0).getText()).isEqualTo("Nyckeltal");
        numbersWholeInNyckeltal(table, true);

        // at 150 % text the numbers are still whole (the table may scroll sideways)
        interact(() -> app.setFontSize(19.5));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        numbersWholeInNyckeltal(table, false);
        // and Översikt at 150 %: the value, change and status columns widen, the names wrap
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(10, () -> find.get().size() > 20);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        for (Label l : find.get()) {
            assertThat(l.getFont().getSize()).isEqualTo(19.5);
            assertThat(l.getWidth()).as(l.getText() + " at 150 %").isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        interact(() -> app.setFontSize(13));
    }
}
