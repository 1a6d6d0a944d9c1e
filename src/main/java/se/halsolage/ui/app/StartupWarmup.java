package se.halsolage.ui.app;

import se.halsolage.ui.common.UiLanguage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.prefs.Preferences;

/**
 * Uses the second core while JavaFX starts: on a background thread it reads the user's preferences (an
 * XML file parsed by the JDK), loads the Swedish/English texts and loads — without initialising — the
 * classes the first window needs, in the order a cold start needs them (the list
 * {@code startup-classes.txt} is recorded from a real start by {@code installer/startup-classes.sh}).
 * The FX thread then finds them already loaded. Nothing here touches JavaFX state: classes are only
 * loaded, not initialised, and preferences and bundles are caches the JDK keeps per JVM.
 *
 * <p>Part of issue 9's cold-start budget; measured in docs/performance.md.</p>
 */
public final class StartupWarmup {
    /** Class names in the order a cold start loads them (one per line, # comments). */
    static final String CLASS_LIST = "/se/halsolage/ui/startup-classes.txt";

    private StartupWarmup() {
    }

    /** Starts the warm-up thread (a daemon: it never keeps the program alive) and returns at once. */
    public static void begin() {
        if (Boolean.getBoolean("halsolage.noWarmup")) return;
        Thread t = new Thread(StartupWarmup::run, "halsolage-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private static void run() {
        try {
            // preferences first: the window's first lines read them (language, text size, recent files)
            Preferences.userRoot().node("se/halsolage").get("language", "sv");
            Preferences.userRoot().node("se/halsolage/ui").getDouble("fontSize", 13);
            Preferences.userRoot().node("se/halsolage/recent").keys();
            ResourceBundle.getBundle("se.halsolage.ui.messages", UiLanguage.current());
        } catch (Exception | LinkageError e) {
            // a warm-up only: whatever fails here will fail (and be reported) where it is really used
        }
        ClassLoader loader = StartupWarmup.class.getClassLoader();
        for (String name : classNames()) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // a stale entry in the list costs nothing but its own time
            }
        }
    }

    /** The recorded class names (empty if the list is missing). */
    static List<String> classNames() {
        List<String> names = new ArrayList<>(2048);
        try (InputStream in = StartupWarmup.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) return names;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
        } catch (IOException e) {
            // no list: no warm-up
        }
        return names;
    }
}
