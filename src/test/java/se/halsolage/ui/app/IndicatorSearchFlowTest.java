package se.halsolage.ui.app;

import se.halsolage.ui.common.FxTaskRunner;
import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.indicators.IndicatorTree;
import se.halsolage.ui.indicators.IndicatorsViewModel;
import se.halsolage.ui.report.ReportViewModel;
import se.halsolage.ui.story.StoryViewModel;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.PlanSettings;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ProgressListener;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, lists that scale: on a Växjö workbook with the real Skolenkäten åk 8 2022 import (114 indicators),
 * typing "trygg" finds the Skolenkäten trygg indicator in Nyckeltal (table and tree) and in every indicator picker
 * (Insatser, Mål, Berättelse, Rapport); pickers show the short title and the source and are not wider than the window;
 * the school units are reachable under Växjö.
 */
class IndicatorSearchFlowTest extends FxRobot {
    static final String TRYGG = "SKOLENK-AK8-KANNER-DU-DIG-TRYGG-I-SKOLAN-POSITIV";
    static final String SHORT = "Trygg i skolan, åk 8";

    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    HalsolageApp app;

    @BeforeEach
    void start() throws Exception {
        Path xlsx = SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        Path file = dir.resolve("vaxjo.halsa");
        try (Workbook wb = Workbooks.createNew(file, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            ImportSession.open(wb, xlsx, ImportOptions.defaults()).commit(ProgressListener.NONE, () -> false);
        }
        System.setProperty("halsolage.test", "true");
        HalsolageApp.initialWorkbook = file;
        HalsolageApp.dialogDecorator = d -> dialogs;
        FxToolkit.registerPrimaryStage();
        app = (HalsolageApp) FxToolkit.setupApplication(HalsolageApp.class);
        waitUntil(60, () -> app.session() != null && app.session().workbook() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        HalsolageApp.dialogDecorator = d -> d;
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void idle() throws Exception {
        FxTaskRunner runner = (FxTaskRunner) app.session().runner();
        waitUntil(60, () -> !runner.busyProperty().get());
    }

    /** Types "trygg" into a picker and checks the list it opens: the trygg indicator, short title and source, within the window. */
    private void pickTrygg(String id) throws Exception {
        ComboBox<Indicator> picker = lookup(id).query();
        assertThat(picker.getItems().size()).isGreaterThan(100);
        clickOn(picker);
        write("trygg");
        WaitForAsyncUtils.waitForFxEvents();
        shot("picker" + id.replace("#", "-"));
        Labeled cell = lookup(".list-cell").match((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith(SHORT + " · Fil: skolenkaten-grundskola-ak8-2022.xlsx")).query();
        ListView<?> list = (ListView<?>) parentList(cell);
        assertThat(list.getItems()).hasSizeBetween(1, 12); // filtered at once: not 114
        Window window = picker.getScene().getWindow();
        assertThat(list.getWidth()).isLessThanOrEqualTo(window.getWidth());
        clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getValue().id()).isEqualTo(TRYGG);
    }

    /** With -Dhalsolage.screenshots=DIR the flow also saves what it sees (not needed for the assertions). */
    private void shot(String name) throws Exception {
        String dirName = System.getProperty("halsolage.screenshots");
        if (dirName == null) return;
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        java.nio.file.Files.createDirectories(Path.of(dirName));
        List<Window> windows = new java.util.ArrayList<>();
        interact(() -> windows.addAll(Window.getWindows().stream().filter(Window::isShowing).toList()));
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            interact(() -> img[0] = w.getScene().snapshot(null));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png",
                    Path.of(dirName, name + "-" + i + ".png").toFile());
        }
    }

    private static Node parentList(Node n) {
        Node p = n;
        while (p != null && !(p instanceof ListView)) p = p.getParent();
        return p;
    }

    @Test
    void tryggIsFoundInNyckeltalAndEveryPicker() throws Exception {
        idle();
        // Nyckeltal: the flat list filters as one types
        clickOn("#nav-indicators");
        waitUntil(30, () -> lookup("#indicatorTable").tryQuery().isPresent());
        idle();
        TableView<IndicatorRow> table = lookup("#indicatorTable").query();
        int all = table.getItems().size();
        assertThat(all).isGreaterThan(100);
        clickOn("#indicatorSearch").write("trygg");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids = table.getItems().stream().map(IndicatorRow::id).toList();
        assertThat(ids).contains(TRYGG, "N15643").hasSizeLessThan(12);
        assertThat(table.getItems().stream().filter(r -> r.id().equals(TRYGG)).findFirst().orElseThrow().title()).isEqualTo(SHORT);
        // the tree: source → survey → question → measure, open while searching
        clickOn("#indicatorTreeToggle");
        TreeView<IndicatorTree.Node> tree = lookup("#indicatorTree").query();
        TreeItem<IndicatorTree.Node> source = tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().text().startsWith("Fil: skolenkaten")).findFirst().orElseThrow();
        TreeItem<IndicatorTree.Node> survey = source.getChildren().get(0);
        assertThat(survey.getValue().text()).startsWith("Skolenkäten åk 8");
        TreeItem<IndicatorTree.Node> question = survey.getChildren().stream()
                .filter(i -> i.getValue().text().startsWith("Känner du dig trygg i skolan?")).findFirst().orElseThrow();
        assertThat(question.isExpanded()).isTrue();
        assertThat(question.getChildren()).extracting(i -> i.getValue().row().id())
                .containsExactlyInAnyOrder(TRYGG, "SKOLENK-AK8-KANNER-DU-DIG-TRYGG-I-SKOLAN-MEDEL");
        TreeItem<IndicatorTree.Node> leaf = question.getChildren().stream()
                .filter(i -> i.getValue().row().id().equals(TRYGG)).findFirst().orElseThrow();
        interact(() -> tree.getSelectionModel().select(leaf));
        idle();
        // the suggestion is shown as one, and the school units under Växjö are reachable
        assertThat(((Labeled) lookup("#suggestion").query()).getText()).startsWith("Förslag (Kolada-nyckeltalet N15643)");
        javafx.scene.control.TabPane tabs = lookup((Node n) -> n instanceof javafx.scene.control.TabPane tp
                && tp.getTabs().stream().anyMatch(tb -> "subareaTab".equals(tb.getId()))).query();
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tb -> "subareaTab".equals(tb.getId())).findFirst().orElseThrow()));
        TableView<IndicatorsViewModel.DataRow> sub = lookup("#subareaTable").query();
        waitUntil(20, () -> !sub.getItems().isEmpty());
        assertThat(sub.getItems()).extracting(IndicatorsViewModel.DataRow::area).contains("Braås skola 4-9");
        shot("nyckeltal-tree-trygg");

        // Insatser
        clickOn("#nav-initiatives");
        waitUntil(10, () -> lookup("#initiativeTable").tryQuery().isPresent());
        idle();
        clickOn("#newInitiative");
        pickTrygg("#pickIndicator");

        // Berättelse
        clickOn("#nav-story");
        waitUntil(10, () -> lookup("#slideList").tryQuery().isPresent());
        StoryViewModel story = (StoryViewModel) lookup(n -> n.getProperties().get("vm") instanceof StoryViewModel)
                .query().getProperties().get("vm");
        interact(() -> story.create("Workshop 2026"));
        waitUntil(10, () -> !lookup("#slideIndicator").query().isDisabled());
        pickTrygg("#slideIndicator");

        // Rapport: the plan's indicator list has a search field
        clickOn("#nav-report");
        waitUntil(10, () -> lookup("#reportIndicatorSearch").tryQuery().isPresent());
        idle();
        ListView<ReportViewModel.IndicatorChoice> chosen = lookup("#reportIndicators").query();
        assertThat(chosen.getItems().size()).isGreaterThan(100);
        clickOn("#reportIndicatorSearch").write("trygg");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen.getItems()).extracting(ReportViewModel.IndicatorChoice::id).contains(TRYGG).hasSizeLessThan(12);

        // Mål: the target dialog's picker
        clickOn("#nav-targets");
        waitUntil(10, () -> lookup("#addTarget").tryQuery().isPresent());
        clickOn("#addTarget");
        waitUntil(10, () -> lookup("#targetIndicator").tryQuery().isPresent());
        pickTrygg("#targetIndicator");
        type(KeyCode.ESCAPE);
        assertThat(dialogs.errors).isEmpty();
    }
}
