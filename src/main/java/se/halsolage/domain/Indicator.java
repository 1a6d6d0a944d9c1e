package se.halsolage.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A nyckeltal: a Kolada KPI (e.g. N15643) or a local indicator.
 *
 * @param grade survey grade or age group such as "åk 8" (null when not a survey indicator)
 * @param sfhGoal number 1–22 of SKR's Strategi för hälsa goal, or null
 * @param mappingConfidence how sure we are of the goal mapping: "hög", "medel" or "låg" (null if unmapped)
 */
public record Indicator(
        String id,
        String title,
        String shortTitle,
        Unit unit,
        Direction direction,
        String source,
        boolean genderSplit,
        String grade,
        Set<Malomrade> malomraden,
        SfhArea sfhArea,
        Integer sfhGoal,
        String mappingConfidence,
        String description) {

    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        unit = unit == null ? Unit.OTHER : unit;
        direction = direction == null ? Direction.NEITHER : direction;
        malomraden = malomraden == null ? Set.of() : Set.copyOf(malomraden);
    }

    /** The short title when there is one, else the full title. */
    public String displayTitle() {
        return shortTitle == null || shortTitle.isBlank() ? title : shortTitle;
    }

    public Indicator withSfh(SfhArea area, Integer goal, String confidence) {
        return new Indicator(id, title, shortTitle, unit, direction, source, genderSplit, grade, malomraden,
                area, goal, confidence, description);
    }
}
