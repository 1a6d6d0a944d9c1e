package se.halsolage.ui.common;

import se.halsolage.ui.app.HalsolageApp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The whole window on a copy of the demo workbook, headless (Monocle), with dialogs recorded instead of shown. */
public abstract class DesktopTestBase extends FxRobot {
    @TempDir
    public Path dir;
    public RecordingDialogs dialogs = new RecordingDialogs();
    public HalsolageApp app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("halsolage.test", "true");
        HalsolageApp.initialWorkbook = TestWorkbooks.demoCopy(dir);
        HalsolageApp.dialogDecorator = d -> dialogs;
        FxToolkit.registerPrimaryStage();
        app = (HalsolageApp) FxToolkit.setupApplication(HalsolageApp.class);
        waitUntil(30, () -> app.session() != null && app.session().workbook() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        HalsolageApp.dialogDecorator = d -> d;
    }

    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
