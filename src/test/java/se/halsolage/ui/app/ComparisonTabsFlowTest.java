package se.halsolage.ui.app;

import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.RecordingDialogs;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.PlanSettings;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ProgressListener;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop on a Växjö workbook with the real Skolenkäten åk 8 2022 (all surveyed municipalities): choosing
 * "Trygga i skolan, åk 8" in Nyckeltal gives the Rangordning, Profil and Karta tabs with their charts, whose
 * accessible text is the chart's alt text. Screenshots go to target/screenshots-i21.
 */
class ComparisonTabsFlowTest extends FxRobot {
    @TempDir
    static Path dir;
    static Path file;
    HalsolageApp app;

    @BeforeAll
    static void vaxjo() {
        Path xlsx = SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        file = dir.resolve("vaxjo.halsa");
        try (Workbook wb = Workbooks.createNew(file, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            ImportSession.open(wb, xlsx, ImportOptions.defaults()).commit(ProgressListener.NONE, () -> false);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        HalsolageApp.dialogDecorator = d -> d;
    }

    @Test
    void rankingProfileAndMapTabsForAnIndicatorWithAllMunicipalities() throws Exception {
        System.setProperty("halsolage.test", "true");
        RecordingDialogs dialogs = new RecordingDialogs();
        HalsolageApp.initialWorkbook = file;
        HalsolageApp.dialogDecorator = d -> dialogs;
        FxToolkit.registerPrimaryStage();
        app = (HalsolageApp) FxToolkit.setupApplication(HalsolageApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.session() != null && app.session().workbook() != null);
        interact(() -> app.showView("indicators"));
        TableView<IndicatorRow> table = lookup("#indicatorTable").query();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().stream().anyMatch(r -> r.id().equals("N15643")));
        IndicatorRow row = table.getItems().stream().filter(r -> r.id().equals("N15643")).findFirst().orElseThrow();
        interact(() -> table.getSelectionModel().select(row));
        TabPane tabs = lookup("#chartTabs").query();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> tabs.getTabs().stream().anyMatch(t -> "chart-map".equals(t.getId())));
        List<String> ids = tabs.getTabs().stream().map(Tab::getId).toList();
        assertThat(ids).contains("chart-trend", "chart-ranking", "chart-profile", "chart-map");
        Path shots = Path.of("target", "screenshots-i21");
        Files.createDirectories(shots);
        Scene scene = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow().getScene();
        for (String id : List.of("chart-ranking", "chart-profile", "chart-map")) {
            Tab tab = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
            interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            ChartViewer viewer = (ChartViewer) tab.getContent().lookup(".chart-viewer");
            assertThat(viewer).isNotNull();
            assertThat(viewer.getAccessibleText()).isNotBlank();
            Thread.sleep(400);
            WritableImage[] img = new WritableImage[1];
            interact(() -> img[0] = scene.snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", shots.resolve(id + ".png").toFile());
        }
        // the copy button puts the county's comparison table on the clipboard as text Excel pastes
        Tab data = tabs.getTabs().stream().filter(t -> "Data".equals(t.getText())).findFirst().orElseThrow();
        interact(() -> tabs.getSelectionModel().select(data));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#copyComparison");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.notes).contains("Jämförelsetabellen är kopierad. Klistra in den i Excel med Ctrl+V.");
        String[] pasted = new String[1];
        interact(() -> pasted[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(pasted[0]).startsWith("Kod\tOmråde\t2022\r\n0780\tVäxjö\t83,1\r\n0000\tRiket\t80,5\r\n0764\tAlvesta\t80,1\r\n");
        assertThat(dialogs.errors).isEmpty();
        Tab ranking = tabs.getTabs().stream().filter(t -> "chart-ranking".equals(t.getId())).findFirst().orElseThrow();
        assertThat(ranking.getText()).isEqualTo("Rangordning");
        assertThat(((ChartViewer) ranking.getContent().lookup(".chart-viewer")).getAccessibleText().replace('\u00a0', ' '))
                .contains("Växjö: 83,1 %, plats 30 av 149 (delad med 3 andra), bland de 25 % bästa");
    }
}
