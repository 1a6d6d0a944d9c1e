package se.halsolage.bench;

import java.util.Locale;

/**
 * One line of the benchmark table: what was measured, the figure, and the limit it is held to
 * (an absolute limit in ms, or a ratio against a reference measured in the same run).
 */
public record BenchResult(String name, double measuredMs, String reference, Double referenceMs, double limit,
                          boolean ratio, String note) {

    public static BenchResult absolute(String name, double ms, double limitMs, String note) {
        return new BenchResult(name, ms, "gräns " + fmt(limitMs) + " ms", null, limitMs, false, note);
    }

    public static BenchResult relative(String name, double ms, String reference, double referenceMs, double maxRatio, String note) {
        return new BenchResult(name, ms, reference, referenceMs, maxRatio, true, note);
    }

    public double value() {
        return ratio ? measuredMs / referenceMs : measuredMs;
    }

    public boolean ok() {
        return value() <= limit;
    }

    public String row() {
        String target = ratio ? String.format(Locale.ROOT, "≤ %.2f × %s (%s ms)", limit, reference, fmt(referenceMs))
                : "≤ " + fmt(limit) + " ms";
        String got = ratio ? String.format(Locale.ROOT, "%s ms = %.2f ×", fmt(measuredMs), value()) : fmt(measuredMs) + " ms";
        return String.format(Locale.ROOT, "| %s | %s | %s | %s |%s", name, got, target, ok() ? "ok" : "**över**",
                note == null || note.isBlank() ? "" : " " + note);
    }

    static String fmt(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
