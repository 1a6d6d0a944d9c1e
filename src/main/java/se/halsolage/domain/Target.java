package se.halsolage.domain;

import java.util.Objects;

/**
 * A target for an indicator in an area: from a baseline (year and value) change by
 * {@code changePerYear} each year until {@code horizonYear}, or reach {@code targetValue} by then.
 * E.g. "+2 procentenheter per år i 4 år".
 *
 * @param baselineValue null means: take the observed value in the baseline year
 */
public record Target(
        long id,
        String indicatorId,
        String areaId,
        Group group,
        int baselineYear,
        Double baselineValue,
        Double changePerYear,
        Double targetValue,
        int horizonYear,
        String description) {

    public Target {
        Objects.requireNonNull(indicatorId, "indicatorId");
        group = group == null ? Group.TOTALT : group;
        if (horizonYear < baselineYear) throw new IllegalArgumentException("Målåret ligger före basåret");
        if (changePerYear == null && targetValue == null) {
            throw new IllegalArgumentException("Ett mål behöver en förändring per år eller ett målvärde");
        }
    }

    public Target withId(long newId) {
        return new Target(newId, indicatorId, areaId, group, baselineYear, baselineValue, changePerYear, targetValue,
                horizonYear, description);
    }
}
