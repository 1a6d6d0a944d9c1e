package se.halsolage.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's application-data folder, where the program keeps its own files (the downloaded Kolada
 * catalogue, the demo workbook, settings): {@code %APPDATA%\Halsolage} on Windows,
 * {@code ~/Library/Application Support/Halsolage} on macOS, {@code $XDG_DATA_HOME/halsolage} (else
 * {@code ~/.local/share/halsolage}) elsewhere. The system property {@value #PROPERTY} or the environment
 * variable {@value #ENV} points it elsewhere (the tests point it at a temporary folder, never the real home).
 */
public final class AppData {
    public static final String PROPERTY = "halsolage.home";
    public static final String ENV = "HALSOLAGE_HOME";

    private AppData() {
    }

    /** The folder, without creating it. */
    public static Path location() {
        String override = System.getProperty(PROPERTY);
        if (override == null || override.isBlank()) override = System.getenv(ENV);
        if (override != null && !override.isBlank()) return Path.of(override.strip());
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Halsolage");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Halsolage");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("halsolage");
    }

    /** The folder, created if needed. */
    public static Path dir() {
        Path dir = location();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Kan inte skapa mappen " + dir, e);
        }
        return dir;
    }
}
