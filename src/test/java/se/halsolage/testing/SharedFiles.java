package se.halsolage.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the real third-party files the tests read: they live beside the clone in {@code ../shared/}
 * ({@code fixtures/}, {@code fixtures/real/}, {@code data/kolada/}) and are never copied into the
 * repository. Where the folder is missing (a clone outside this setting) a test that needs it is
 * skipped through a JUnit assumption, and one line per missing folder says so on stderr; no test
 * passes silently without its file.
 *
 * <p>The folder is taken from the system property {@code halsolage.shared} or the environment variable
 * {@code HALSOLAGE_SHARED} when set, else {@code shared/} beside the project folder or one of its
 * parents.
 */
public final class SharedFiles {
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private SharedFiles() {
    }

    /** The {@code shared} folder, if there is one. */
    public static Optional<Path> root() {
        String configured = System.getProperty("halsolage.shared", System.getenv("HALSOLAGE_SHARED"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (dir.getParent() != null && Files.isDirectory(candidate.resolve("fixtures"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code shared/<relative>} exists (without skipping anything). */
    public static boolean available(String relative) {
        return root().map(r -> Files.exists(r.resolve(relative))).orElse(false);
    }

    /**
     * The file {@code shared/<relative>}, e.g. {@code "fixtures/real/mucf_neet_youth_2022.xlsx"}; skips the
     * calling test, naming the folder it needs, when the file is not there.
     */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Path file = root.map(r -> r.resolve(relative)).orElse(null);
        if (file == null || !Files.exists(file)) {
            String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/') + 1) : "";
            String line = "Hoppar över tester som behöver ../shared/" + folder
                    + (root.isEmpty() ? " (ingen mapp ../shared bredvid klonen)" : " (" + relative + " saknas)");
            if (REPORTED.add(folder + (root.isEmpty() ? "" : relative))) {
                System.err.println("[SKIPPED] " + line);
            }
            Assumptions.abort(line);
        }
        return file;
    }

    /** A file of {@code shared/fixtures/}. */
    public static Path fixture(String name) {
        return require("fixtures/" + name);
    }

    /** A file of {@code shared/fixtures/real/}. */
    public static Path real(String name) {
        return require("fixtures/real/" + name);
    }

    /** A file of {@code shared/data/kolada/}. */
    public static Path kolada(String name) {
        return require("data/kolada/" + name);
    }
}
