package se.halsolage.ui.app;

import se.halsolage.ui.common.IndicatorRow;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window opens on the demo workbook and lists its indicators (headless on Monocle). */
class FirstWindowTest {
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(applicationRef);
    }

    private javafx.application.Application applicationRef;

    @Test
    void opensTheDemoWorkbookAndShowsItsIndicators() throws Exception {
        Path file = dir.resolve("demo.halsa");
        try (Workbook wb = DemoWorkbook.build(file)) {
            assertThat(wb.indicators().count()).isPositive();
        }
        HalsolageApp.initialWorkbook = file;
        Stage stage = FxToolkit.registerPrimaryStage();
        applicationRef = FxToolkit.setupApplication(HalsolageApp.class);
        FxRobot robot = new FxRobot();
        // the window opens on Översikt; the indicator table is under Nyckeltal
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#nav-indicators").tryQuery().isPresent());
        robot.clickOn("#nav-indicators");
        TableView<?> table = robot.lookup("#indicatorTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(table.getItems()).hasSizeGreaterThan(30);
        IndicatorRow first = (IndicatorRow) table.getItems().get(0);
        assertThat(first.id()).isEqualTo("U01901");
        assertThat(first.latestValue()).endsWith("%").contains(",");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stage.getTitle() != null && stage.getTitle().contains("Exempelby"));
        assertThat(stage.getTitle()).contains("demo.halsa").contains("exempeldata");
    }
}
