package se.halsolage.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the application keeps its own files (the demo workbook, settings). */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path dataDir() {
        String override = System.getProperty("halsolage.home");
        Path dir;
        if (override != null) {
            dir = Path.of(override);
        } else {
            String os = System.getProperty("os.name", "").toLowerCase();
            String home = System.getProperty("user.home");
            if (os.contains("win")) {
                String appData = System.getenv("APPDATA");
                dir = Path.of(appData != null ? appData : home, "Halsolage");
            } else if (os.contains("mac")) {
                dir = Path.of(home, "Library", "Application Support", "Halsolage");
            } else {
                String xdg = System.getenv("XDG_DATA_HOME");
                dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("halsolage");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Kan inte skapa mappen " + dir, e);
        }
        return dir;
    }
}
