package se.halsolage.report;

import java.nio.file.Path;
import java.time.Duration;

/** What a generated report contains, for the CLI's summary line and the desktop. */
public record ReportResult(Path file, int headings, int charts, int tables, int indicators, int initiatives,
                           int findings, long bytes, Duration elapsed) {

    /** One line in Swedish: "47 diagram, 5 tabeller, 11 insatser, 62 rubriker (1,2 MB, 3,4 s)". */
    public String summary() {
        return String.format(java.util.Locale.forLanguageTag("sv-SE"),
                "%d rubriker, %d nyckeltal, %d diagram, %d tabeller, %d insatser, %d fynd (%.1f MB, %.1f s)",
                headings, indicators, charts, tables, initiatives, findings, bytes / 1_000_000.0,
                elapsed.toMillis() / 1000.0);
    }
}
