package se.halsolage.ui.common;

import javafx.application.Platform;

/**
 * For the cold-start benchmark ({@code halsolage bench}): with {@code -Dhalsolage.startupProbe=true} the
 * application prints {@code FIRST_WINDOW_SHOWN <ms since JVM start>} when its window is first shown and
 * exits; with {@code -Dhalsolage.startupProbe=overview} it prints that line, then
 * {@code OVERVIEW_READY <ms>} when the Översikt view shows the workbook's data, and exits.
 */
public final class StartupProbe {
    static final String WINDOW = "FIRST_WINDOW_SHOWN", OVERVIEW = "OVERVIEW_READY";
    private static final String MODE = System.getProperty("halsolage.startupProbe", "");

    private StartupProbe() {
    }

    public static boolean enabled() {
        return "true".equals(MODE) || "overview".equals(MODE);
    }

    /** Called (on the FX thread) when the main window has been shown. */
    public static void windowShown() {
        if (!enabled()) return;
        print(WINDOW);
        if ("true".equals(MODE)) exit();
    }

    /** Called (on the FX thread) when the Översikt view has filled in its data. */
    public static void overviewReady() {
        if (!"overview".equals(MODE)) return;
        print(OVERVIEW);
        exit();
    }

    private static void print(String what) {
        System.out.println(what + " " + (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
        System.out.flush();
    }

    private static void exit() {
        Platform.exit();
        System.exit(0);
    }
}
