package se.halsolage.ui;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.workbook.Workbook;

/** Suggested speaker notes for a chart slide: what stands out about the indicator (analysis sentences). */
final class SlideNotes {
    private SlideNotes() {
    }

    static String suggest(Workbook wb, String indicatorId) {
        if (wb == null || indicatorId == null) return "";
        return String.join(" ", new AnalysisService(wb).analyze(indicatorId).sentences());
    }
}
