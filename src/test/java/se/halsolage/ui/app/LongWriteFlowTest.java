package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.FxThreadCheck;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.initiatives.InitiativesViewModel;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.domain.Initiative;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, point 10: an edit attempted while a long write (an import) holds the workbook neither
 * freezes the window nor is lost. The long write is a gate on the task runner that holds the workbook
 * in a transaction, as an import's commit does, until the test lets it go.
 */
class LongWriteFlowTest extends DesktopTestBase {
    static {
        // read by HalsolageApp.start: record every workbook call made on the FX thread
        System.setProperty("halsolage.fxcheck", "true");
    }

    @AfterEach
    void noMoreChecks() {
        FxThreadCheck.uninstall();
        FxThreadCheck.clear();
        System.clearProperty("halsolage.fxcheck");
    }

    private TableView<InitiativesViewModel.Row> table;

    private void clickRow(int index) {
        Node row = from(table).lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getIndex() == index).query();
        clickOn(row);
    }

    /** True when the FX thread runs a small job within two seconds: the window answers. */
    private static boolean fxAnswers() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(ran::countDown);
        return ran.await(2, TimeUnit.SECONDS);
    }

    @Test
    void anEditDuringALongImportWaitsForItAndIsKept() throws Exception {
        clickOn("#nav-initiatives");
        waitUntil(10, () -> lookup("#initiativeTable").tryQuery().isPresent());
        table = lookup("#initiativeTable").query();
        waitUntil(10, () -> table.getItems().size() == 11);
        TextField name = lookup("#initiativeName").query();
        TextArea notes = lookup("#initiativeNotes").query();
        Button save = lookup("#saveInitiative").query();
        Label banner = lookup("#lockBanner").query();
        assertThat(banner.isVisible()).isFalse();

        clickRow(0);
        Initiative first = table.getItems().get(0).initiative();
        waitUntil(5, () -> name.getText().equals(first.name()));
        assertThat(first.notes()).doesNotContainKey(2031);

        // a long write starts and holds the workbook, as an import's commit does
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkbookViewModel session = app.session();
        Texts t = session.texts();
        var wb = session.workbook();
        interact(() -> session.runLongWrite(t.get("import.importing"), t.get("lock.import"), p -> {
            wb.inTransaction(w -> {
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        }, v -> { }, e -> { }, null));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        FxThreadCheck.clear();
        try {
            // editing controls are off, and the window says why
            assertThat(banner.isVisible()).isTrue();
            assertThat(banner.getText()).isEqualTo("Import pågår – redigering är avstängd tills den är klar");
            assertThat(save.isDisabled()).isTrue();
            assertThat(lookup("#newInitiative").tryQuery().map(Node::isDisabled)).hasValue(true);

            // the note is typed all the same, and another insats is clicked: the form saves what was typed
            interact(() -> {
                notes.requestFocus();
                notes.end();
            });
            if (!notes.getText().isBlank()) type(KeyCode.ENTER);
            write("2031: Uppföljning under importen");
            clickRow(1);
            Initiative second = table.getItems().get(1).initiative();
            // the window answers at once: the other insats is shown while the import still holds the workbook
            assertThat(fxAnswers()).isTrue();
            waitUntil(5, () -> name.getText().equals(second.name()));
            assertThat(fxAnswers()).isTrue();
            assertThat(dialogs.errors).isEmpty();
            assertThat(holding.getCount()).isZero();
            assertThat(release.getCount()).isEqualTo(1);
            // and the FX thread never asked the workbook for anything meanwhile (it would have waited)
            assertThat(FxThreadCheck.calls()).isEmpty();
        } finally {
            release.countDown();
        }

        // the import ends: editing is back, and the note typed during it is stored on its own insats
        waitUntil(20, () -> !banner.isVisible() && !save.isDisabled());
        waitUntil(20, () -> app.session().workbook().initiatives().get(first.id()).orElseThrow().notes().containsKey(2031));
        Initiative stored = app.session().workbook().initiatives().get(first.id()).orElseThrow();
        assertThat(stored.notes()).containsEntry(2031, "Uppföljning under importen");
        assertThat(stored.name()).isEqualTo(first.name());
        assertThat(app.session().undo().canUndoProperty().get()).isTrue();
        assertThat(dialogs.errors).isEmpty();
    }
}
