package se.halsolage.ui.app;

import se.halsolage.catalog.AppData;

import java.nio.file.Path;

/** Where the application keeps its own files (the demo workbook, settings): see {@link AppData}. */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path dataDir() {
        return AppData.dir();
    }
}
