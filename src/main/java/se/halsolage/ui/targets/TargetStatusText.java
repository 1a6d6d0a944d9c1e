package se.halsolage.ui.targets;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.IndicatorAnalysis;
import se.halsolage.analysis.TargetEvaluation;
import se.halsolage.domain.Target;
import se.halsolage.domain.TargetStatus;
import se.halsolage.workbook.Workbook;

import java.util.HashMap;
import java.util.Map;

/** The status of a target in words, from the analysis service. */
interface TargetStatusText {
    String text(Target t);

    static TargetStatusText of(Workbook wb) {
        AnalysisService analysis = new AnalysisService(wb);
        Map<String, IndicatorAnalysis> cache = new HashMap<>();
        return t -> {
            IndicatorAnalysis a = cache.computeIfAbsent(t.indicatorId() + "|" + t.areaId(),
                    k -> t.areaId() == null ? analysis.analyze(t.indicatorId()) : analysis.analyze(t.indicatorId(), t.areaId()));
            return a.targets().stream().filter(e -> e.target().id() == t.id()).map(TargetEvaluation::status)
                    .findFirst().orElse(TargetStatus.OKAND).label();
        };
    }
}
