package se.halsolage.analysis;

import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;

import java.util.List;

/**
 * Everything the analysis says about one indicator in one area (group Totalt).
 *
 * @param series all observations of group Totalt ordered by period, statuses kept (suppressed points included)
 * @param latest the latest observation with a value (null when none)
 * @param sincePrevious change since the previous comparable measurement (for rolling periods: the latest
 *                      non-overlapping one); null when there is no earlier value
 * @param overSpan change over the chosen span; null when there is no earlier value
 * @param vsCounty comparison with the county, null when the county has no data for the indicator
 * @param vsRiket comparison with riket, null when riket has no data
 * @param vsGroup comparison with the comparison group, null when none
 * @param genderGap null when the indicator has no gender split in this area
 * @param sentences two or three Swedish sentences on what stands out
 */
public record IndicatorAnalysis(Indicator indicator, String areaId, List<Observation> series, Observation latest,
                                Change sincePrevious, Change overSpan, Comparison vsCounty, Comparison vsRiket,
                                Comparison vsGroup, GenderGap genderGap, List<TargetEvaluation> targets,
                                List<String> sentences) {
    public IndicatorAnalysis {
        series = series == null ? List.of() : List.copyOf(series);
        targets = targets == null ? List.of() : List.copyOf(targets);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    public boolean hasData() {
        return latest != null;
    }

    /**
     * What a speaker says about the gender chart: the gap between the source's own groups (flickor
     * och pojkar for pupils, kvinnor och män for adults), or null when there is no gender split.
     */
    public String genderSentence() {
        if (genderGap == null || genderGap.gap() == null || genderGap.female() == null || genderGap.male() == null) return null;
        return Texts.gapSentence(genderGap, indicator.unit());
    }
}
