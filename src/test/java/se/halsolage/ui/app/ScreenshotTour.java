package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.story.SlideNotes;
import se.halsolage.ui.story.StoryView;
import se.halsolage.ui.story.StoryViewModel;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: takes the screenshots in docs/screenshots from the running app (run explicitly with
 * {@code mvn -o test -Dtest=ScreenshotTour -Dhalsolage.screenshots=docs/screenshots}).
 */
class ScreenshotTour extends FxRobot {
    @TempDir
    Path dir;

    @Test
    void tour() throws Exception {
        String out = System.getProperty("halsolage.screenshots");
        if (out == null) return;
        Path target = Path.of(out);
        // -Dhalsolage.screenshots.font=19.5 takes the same tour at 150 % text, files named *-150.png
        String font = System.getProperty("halsolage.screenshots.font");
        String suffix = font == null ? "" : "-" + Math.round(Double.parseDouble(font) / 13 * 100);
        Files.createDirectories(target);
        System.setProperty("halsolage.test", "true");
        RecordingDialogs dialogs = new RecordingDialogs();
        HalsolageApp.initialWorkbook = TestWorkbooks.demoCopy(dir);
        HalsolageApp.dialogDecorator = d -> dialogs;
        FxToolkit.registerPrimaryStage();
        HalsolageApp app = (HalsolageApp) FxToolkit.setupApplication(HalsolageApp.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("Tobaksrök i hemmet, spädbarn").tryQuery().isPresent());
        // always set: the text size is remembered between runs (user preferences)
        interact(() -> app.setFontSize(font == null ? 13 : Double.parseDouble(font)));
        Thread.sleep(1500);
        Scene scene = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow().getScene();
        shot(scene, target.resolve("oversikt" + suffix + ".png"));

        interact(() -> app.showView("indicators"));
        TableView<IndicatorRow> table = lookup("#indicatorTable").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() > 40);
        clickOn("#filterWorse");
        IndicatorRow row = table.getItems().stream().filter(r -> r.id().equals("N15428")).findFirst().orElseThrow();
        interact(() -> table.getSelectionModel().select(row));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup(".chart-viewer").tryQuery().isPresent());
        Thread.sleep(1500);
        shot(scene, target.resolve("nyckeltal" + suffix + ".png"));

        interact(() -> app.showView("initiatives"));
        TableView<?> initiatives = lookup("#initiativeTable").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> initiatives.getItems().size() > 5);
        interact(() -> initiatives.getSelectionModel().select(0));
        Thread.sleep(800);
        shot(scene, target.resolve("insatser" + suffix + ".png"));
        interact(() -> ((javafx.scene.control.TabPane) lookup(n -> n instanceof javafx.scene.control.TabPane tp
                && tp.getTabs().stream().anyMatch(x -> "Täckning".equals(x.getText()))).query()).getSelectionModel().select(1));
        Thread.sleep(800);
        shot(scene, target.resolve("tackning" + suffix + ".png"));

        interact(() -> app.showView("report"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !((javafx.scene.control.ListView<?>) lookup("#reportOutline").query()).getItems().isEmpty());
        Path docx = dir.resolve("plan.docx");
        dialogs.files.add(docx);
        clickOn("#generateReport");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !lookup("#openReport").query().isDisabled());
        Thread.sleep(500);
        shot(scene, target.resolve("rapport" + suffix + ".png"));

        interact(() -> app.showView("import"));
        Thread.sleep(500);
        shot(scene, target.resolve("import" + suffix + ".png"));
        // a chosen file: preview, column roles and the measures with their check boxes and value counts
        Path csv = dir.resolve("kommunenkat.csv");
        Files.writeString(csv, "Kommun;År;Kön;Ålder;Andel (%) med gott hälsotillstånd;Andel (%) som röker dagligen\n"
                + "Exempelby;2024;Totalt;Samtliga;71,5;8,0\nExempelby;2024;Kvinnor;Samtliga;69,0;7,5\n"
                + "Exempelby;2024;Män;Samtliga;74,0;8,5\nExempelby;2024;Totalt;16-29 år;80,2;5,1\n");
        dialogs.files.add(csv);
        clickOn("#chooseImportFile");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#importMeasures .check-box").tryQuery().isPresent());
        Thread.sleep(500);
        shot(scene, target.resolve("import-matt" + suffix + ".png"));

        interact(() -> app.showView("story"));
        StoryViewModel vm = (StoryViewModel) lookup(n -> n.getProperties().get("vm") instanceof StoryViewModel).query().getProperties().get("vm");
        StoryView view = (StoryView) lookup(n -> n.getProperties().get("view") instanceof StoryView).query().getProperties().get("view");
        interact(() -> vm.create("Workshop med nämnden 2026"));
        DesktopTestBase.waitUntil(10, () -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().name().equals("Workshop med nämnden 2026"));
        interact(() -> {
            vm.addChart("N15428", "TREND", null, SlideNotes.suggest(app.session().workbook(), "N15428"));
            vm.addChart("UNG-MAR-BRA-AK8", "GENDER", null, SlideNotes.suggest(app.session().workbook(), "UNG-MAR-BRA-AK8", "GENDER"));
            vm.addText("Vad gör vi nu?", "Vilka insatser når eleverna i årskurs 9?\nVem äger frågan?", "Låt politikerna prata först.");
        });
        Thread.sleep(500);
        shot(scene, target.resolve("berattelse" + suffix + ".png"));
        interact(() -> ((javafx.scene.control.CheckBox) lookup("#presenterView").query()).setSelected(true));
        clickOn("#presentStory");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.presentation() != null && view.presentation().stage().isShowing());
        Thread.sleep(1500);
        shot(view.presentation().stage().getScene(), target.resolve("presentation" + suffix + ".png"));
        Window presenter = Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null
                && s.getTitle().contains("presentatörsvy") && s.isShowing()).findFirst().orElse(null);
        if (presenter != null) shot(presenter.getScene(), target.resolve("presentatorsvy" + suffix + ".png"));
        // the text slide, laid out for a wall, and the presenter view on it
        interact(() -> {
            view.presentation().model().forward();
            view.presentation().model().forward();
        });
        Thread.sleep(800);
        shot(view.presentation().stage().getScene(), target.resolve("presentation-text" + suffix + ".png"));
        if (presenter != null) shot(presenter.getScene(), target.resolve("presentatorsvy-text" + suffix + ".png"));
        interact(() -> view.presentation().close());
        interact(() -> app.setFontSize(13));
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private void shot(Scene scene, Path file) throws Exception {
        WritableImage[] img = new WritableImage[1];
        interact(() -> img[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
    }
}
