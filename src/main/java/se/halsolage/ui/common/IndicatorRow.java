package se.halsolage.ui.common;

import se.halsolage.domain.Indicator;

import java.util.List;

/**
 * One line of the indicator table: what the coordinator sees of an indicator at a glance.
 *
 * @param worse true when the latest own value is worse than the previous measurement
 * @param trend the own values (Totalt) in period order, for the sparkline
 * @param latestNumber the latest own value as a number (null when there is none), for exports
 * @param changeNumber the change since the previous measurement (null when unknown), for exports
 * @param curation survey, question and measure of an imported indicator and its unconfirmed suggestion (null: none)
 * @param changePhrase the change as the plan states it, "−3,0 p.e. sedan 2022 (osäker)" (null without an earlier value)
 * @param verdict the change's verdict as the plan gives it (bättre, sämre, oförändrad, osäker; null when unknown)
 */
public record IndicatorRow(Indicator indicator, String id, String title, String area, String malomraden,
                           String source, String latestValue, String period, String change, boolean worse,
                           String targetStatus, List<Double> trend, Double latestNumber,
                           Double changeNumber, se.halsolage.domain.IndicatorCuration curation,
                           String changePhrase, se.halsolage.analysis.Verdict verdict) {
    /** True when a direction, SfH area or målområde is suggested and not yet confirmed. */
    public boolean hasSuggestion() {
        return curation != null && curation.hasSuggestion();
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getArea() { return area; }
    public String getMalomraden() { return malomraden; }
    public String getSource() { return source; }
    public String getLatestValue() { return latestValue; }
    public String getPeriod() { return period; }
    public String getChange() { return change; }
    public String getTargetStatus() { return targetStatus; }
}
