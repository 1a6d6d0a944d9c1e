package se.halsolage.ui;

import se.halsolage.workbook.Workbook;

/** Suggested speaker notes for a chart slide: what stands out about the indicator (analysis). */
final class SlideNotes {
    private SlideNotes() {
    }

    static String suggest(Workbook wb, String indicatorId) {
        return "";
    }
}
