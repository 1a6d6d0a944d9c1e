package se.halsolage.ui.overview;

import se.halsolage.ui.common.IndicatorRow;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Finding;
import se.halsolage.analysis.Verdict;
import se.halsolage.workbook.Workbook;

import java.util.List;

/** What stands out: the analysis service's findings for the own municipality. */
final class Insights {
    private Insights() {
    }

    static List<OverviewViewModel.Highlight> highlights(Workbook wb, List<IndicatorRow> rows) {
        List<Finding> findings = new AnalysisService(wb).findings();
        return findings.stream().limit(12)
                .map(f -> new OverviewViewModel.Highlight(f.indicatorId(), f.text(), f.verdict() == Verdict.SAMRE)).toList();
    }
}
