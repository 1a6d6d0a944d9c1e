package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.FxThreadCheck;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.story.SlideNotes;

import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.Indicator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the story form's indicator list, a slide's suggested notes and the catalogue search are read on
 * the task runner. While a long write (a gate holding the workbook in a transaction, as an import's commit
 * does) runs, using them makes no workbook call on the FX thread and the window keeps answering; what they
 * read appears when the write is done.
 */
class ReadsDuringLongWriteFlowTest extends DesktopTestBase {
    static {
        System.setProperty("halsolage.fxcheck", "true");
    }

    @AfterEach
    void noMoreChecks() {
        FxThreadCheck.uninstall();
        FxThreadCheck.clear();
        System.clearProperty("halsolage.fxcheck");
    }

    private static boolean fxAnswers() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(ran::countDown);
        return ran.await(2, TimeUnit.SECONDS);
    }

    /**
     * Starts work on the task runner that holds the workbook in a transaction until {@code release} is counted
     * down: as a long write (an import: editing is locked) or as plain work (a slow read or an edit: the
     * form's buttons stay on, so notes and the catalogue can be asked for while it holds the workbook).
     */
    private void hold(CountDownLatch release, boolean longWrite) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        WorkbookViewModel session = app.session();
        Texts t = session.texts();
        var wb = session.workbook();
        se.halsolage.ui.common.TaskRunner.Work<Void> gate = p -> {
            wb.inTransaction(w -> {
                holding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        };
        if (longWrite) interact(() -> session.runLongWrite(t.get("import.importing"), t.get("lock.import"), gate, v -> { }, e -> { }, null));
        else interact(() -> session.runner().run("gate", gate, v -> { }, e -> { }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        FxThreadCheck.clear();
    }

    @Test
    void storyFormAndCatalogueSearchReadOffTheFxThreadWhileAnImportHoldsTheWorkbook() throws Exception {
        // Kolada's whole catalogue as a user's "Uppdatera katalogen" leaves it (the demo workbook already holds
        // every Strategi för hälsa KPI, so only the whole catalogue has KPIs to find)
        try (var catalogue = se.halsolage.testing.StandInCatalogue.install(dir.resolve("appdata"))) {
            run();
        }
    }

    private void run() throws Exception {
        var wb = app.session().workbook();
        int indicators = wb.indicators().all().size();
        String expectedNotes = SlideNotes.suggest(wb, "UNG-MAR-BRA-AK8", "TREND");

        // 1. the story form is opened while the workbook is held: its list says it is reading, nothing waits
        CountDownLatch first = new CountDownLatch(1);
        hold(first, true);
        ComboBox<Indicator> indicator;
        try {
            clickOn("#nav-story");
            waitUntil(10, () -> lookup("#slideIndicator").tryQuery().isPresent());
            indicator = lookup("#slideIndicator").query();
            assertThat(fxAnswers()).isTrue();
            assertThat(indicator.getItems()).isEmpty();
            assertThat(indicator.getPromptText()).isEqualTo("Läser indikatorerna …");
            assertThat(FxThreadCheck.calls()).isEmpty();
        } finally {
            first.countDown();
        }
        ComboBox<Indicator> picker = indicator;
        waitUntil(20, () -> picker.getItems().size() == indicators);
        assertThat(picker.getPromptText()).isNotEqualTo("Läser indikatorerna …");
        Indicator trygg = picker.getItems().stream().filter(i -> i.id().equals("UNG-MAR-BRA-AK8")).findFirst().orElseThrow();

        // 2. held again (by plain work on the runner, so the buttons stay on): a slide indicator is picked, notes are asked for, the catalogue is searched
        CountDownLatch second = new CountDownLatch(1);
        hold(second, false);
        TextArea newNotes = lookup("#newSlideNotes").query();
        ListView<KpiInfo> list;
        try {
            interact(() -> picker.setValue(trygg));
            assertThat(lookup("#suggestNotes").queryButton().isDisabled()).isFalse();
            interact(() -> lookup("#suggestNotes").queryButton().fire());
            assertThat(fxAnswers()).isTrue();
            assertThat(newNotes.getText()).isEmpty();

            clickOn("#nav-indicators");
            waitUntil(10, () -> lookup("#addFromCatalog").tryQuery().isPresent());
            assertThat(lookup("#addFromCatalog").queryButton().isDisabled()).isFalse();
            // the dialog waits in its own loop: open it later so this thread goes on
            Platform.runLater(() -> lookup("#addFromCatalog").queryButton().fire());
            waitUntil(10, () -> lookup("#catalogSearch").tryQuery().isPresent());
            interact(() -> lookup("#catalogSearch").queryTextInputControl().setText("medellivslängd kvinnor"));
            list = lookup("#catalogList").query();
            assertThat(fxAnswers()).isTrue();
            assertThat(list.getItems()).isEmpty();
            assertThat(((Label) list.getPlaceholder()).getText()).isEqualTo("Söker …");
            assertThat(dialogs.errors).isEmpty();
            // the FX thread never asked the workbook for anything meanwhile
            assertThat(FxThreadCheck.calls()).isEmpty();
        } finally {
            second.countDown();
        }
        // the import ends: the catalogue answers (KPIs not yet in the workbook), the notes come
        ListView<KpiInfo> found = list;
        waitUntil(20, () -> !((Label) found.getPlaceholder()).getText().equals("Söker …"));
        // what the search gives, read here off the FX thread: catalogue KPIs with both words not in the workbook, at most 50
        java.util.List<KpiInfo> expected = se.halsolage.catalog.KpiCatalog.current().search("medellivslängd kvinnor", 200).stream()
                .filter(k -> wb.indicators().get(k.id()).isEmpty()).limit(50).toList();
        assertThat(expected).isNotEmpty();
        assertThat(found.getItems()).containsExactlyElementsOf(expected);
        assertThat(((Label) found.getPlaceholder()).getText()).isEqualTo("Skriv ord att söka efter.");
        waitUntil(20, () -> expectedNotes.equals(newNotes.getText()));
        assertThat(expectedNotes).startsWith("Senaste värdet");
        interact(() -> lookup("#catalogSearch").query().getScene().getWindow().hide());
        assertThat(dialogs.errors).isEmpty();
    }
}
