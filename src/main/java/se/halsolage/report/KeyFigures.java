package se.halsolage.report;

import se.halsolage.domain.Area;
import se.halsolage.workbook.Workbook;

import java.util.List;

/** Nyckeltal chapters and "Vad sticker ut" (temporary: waiting for the analysis API). */
final class KeyFigures {
    KeyFigures(Workbook wb, Area own, Area county, Area group, ReportOptions opt, Runnable check) {
    }

    List<OutlineEntry> outline() { return List.of(); }
    List<OutlineEntry> findingsOutline() { return List.of(); }
    void write(DocxBuilder b, ReportProgress p) { }
    int writeFindings(DocxBuilder b) { return 0; }
    int indicatorCount() { return 0; }
}
