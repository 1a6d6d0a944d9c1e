package se.halsolage.ui.app;

import javafx.application.Application;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the desktop application. Its signature has no JavaFX types so the CLI entry point can call
 * it without depending on JavaFX itself.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Opens the window on {@code workbook}, or on the demo workbook (built on first use) when null. */
    public static void launch(Path workbook) {
        StartupWarmup.begin();
        HalsolageApp.initialWorkbook = workbook == null ? demoWorkbook() : workbook.toAbsolutePath();
        Application.launch(HalsolageApp.class);
    }

    /** The demo workbook in the user's data folder, built the first time. */
    public static Path demoWorkbook() {
        Path file = AppDirs.dataDir().resolve("exempel" + Workbook.EXTENSION);
        if (!Files.exists(file)) {
            try (Workbook wb = DemoWorkbook.build(file)) {
                return wb.file();
            }
        }
        return file;
    }
}
