package se.halsolage.ui;

import se.halsolage.workbook.Workbook;

import java.util.List;

/** What stands out, from the analysis service. */
final class Insights {
    private Insights() {
    }

    static List<OverviewViewModel.Highlight> highlights(Workbook wb, List<IndicatorRow> rows) {
        return List.of();
    }
}
