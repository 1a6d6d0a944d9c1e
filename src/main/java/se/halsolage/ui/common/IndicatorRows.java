package se.halsolage.ui.common;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Change;
import se.halsolage.analysis.IndicatorAnalysis;
import se.halsolage.analysis.TargetEvaluation;
import se.halsolage.analysis.Verdict;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the indicator rows of a workbook from the analysis service (off the FX thread). */
public final class IndicatorRows {
    private IndicatorRows() {
    }

    public static List<IndicatorRow> build(Workbook wb) {
        AnalysisService analysis = new AnalysisService(wb);
        List<IndicatorRow> rows = new ArrayList<>();
        java.util.Map<String, se.halsolage.domain.IndicatorCuration> curation = wb.indicators().curation();
        for (IndicatorAnalysis a : analysis.analyzeAll()) rows.add(row(a, curation.get(a.indicator().id())));
        return rows;
    }

    static IndicatorRow row(IndicatorAnalysis a) {
        return row(a, null);
    }

    static IndicatorRow row(IndicatorAnalysis a, se.halsolage.domain.IndicatorCuration cur) {
        Indicator i = a.indicator();
        List<Double> trend = new ArrayList<>();
        for (Observation o : a.series()) if (o.hasValue()) trend.add(o.value());
        Observation latest = a.latest();
        Change c = a.sincePrevious();
        String change = "";
        Double changeNumber = null;
        boolean worse = false;
        if (c != null && c.hasValues()) {
            changeNumber = java.math.BigDecimal.valueOf(c.absolute()).setScale(6, java.math.RoundingMode.HALF_UP).doubleValue(); // 80,5 − 82,1 = −1,6, not −1,5999999999999943
            change = SwedishNumbers.change(c.absolute(), i.unit());
            worse = c.verdict() == Verdict.SAMRE;
        }
        String mal = i.malomraden().stream().sorted().map(m -> Integer.toString(m.number()))
                .collect(Collectors.joining(", "));
        String area = i.sfhArea() == null ? "" : i.sfhArea().title();
        if (cur != null && cur.hasSuggestion()) {
            // the table shows what is suggested, marked as such, where the indicator itself says nothing yet
            var s = cur.suggestion();
            if (area.isEmpty() && s.area() != null) area = s.area().title() + " (förslag)";
            if (mal.isEmpty() && !s.malomraden().isEmpty()) {
                mal = s.malomraden().stream().sorted().map(m -> Integer.toString(m.number())).collect(Collectors.joining(", "))
                        + " (förslag)";
            }
        }
        return new IndicatorRow(i, i.id(), i.displayTitle(), area, mal,
                i.source() == null ? "" : i.source(),
                latest == null ? "–" : SwedishNumbers.value(latest.value(), i.unit()),
                latest == null ? "" : latest.period().label(), change, worse, status(a), trend,
                latest == null ? null : latest.value(), changeNumber, cur,
                // the plan's own words for the change (analysis.Texts), not a second wording of it
                se.halsolage.analysis.Texts.changePhrase(a), c == null || !c.hasValues() ? null : c.verdict());
    }

    /** The target status in words: "I fas", "Avvikelse" …; empty when the indicator has no target. */
    static String status(IndicatorAnalysis a) {
        if (a.targets() == null || a.targets().isEmpty()) return "";
        return a.targets().stream().map(TargetEvaluation::status).distinct().map(s -> s.label())
                .collect(Collectors.joining(", "));
    }
}
