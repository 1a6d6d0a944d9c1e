package se.halsolage.ui.common;

import javafx.application.Platform;
import se.halsolage.workbook.Workbook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records workbook calls made on the FX thread (test mode, {@code -Dhalsolage.fxcheck=true}): each
 * would freeze the window while an import or a Kolada fetch holds the workbook. Tests read
 * {@link #calls()} to assert that none happened during a flow.
 */
public final class FxThreadCheck {
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private FxThreadCheck() {
    }

    /** Starts recording (idempotent). */
    public static void install() {
        Workbook.setAccessCheck(() -> {
            if (Platform.isFxApplicationThread()) CALLS.add(where());
        });
    }

    public static void uninstall() {
        Workbook.setAccessCheck(null);
    }

    /** Where the workbook was called from on the FX thread since the last {@link #clear()}: the first ui frames. */
    public static List<String> calls() {
        return List.copyOf(CALLS);
    }

    public static void clear() {
        CALLS.clear();
    }

    private static String where() {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (!e.getClassName().startsWith("se.halsolage.ui.") || e.getClassName().equals(FxThreadCheck.class.getName())) continue;
            if (b.length() > 0) b.append(" ← ");
            b.append(e.getClassName().substring("se.halsolage.ui.".length())).append('.').append(e.getMethodName())
                    .append(':').append(e.getLineNumber());
            if (++n == 3) break;
        }
        return b.length() == 0 ? "(utan ui-ram)" : b.toString();
    }
}
