package se.halsolage.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Where an imported indicator sits and what Hälsoläge suggests for it (schema 45).
 *
 * @param survey the survey or table it came from, e.g. "Skolenkäten åk 8" (null when not known)
 * @param question the survey question or table measure it answers (full text; null when not known)
 * @param measure what of the question it is: "Andel positiva svar", "Medelvärde", "Index", "Antal" (null when not known)
 * @param suggestion what is suggested and not yet confirmed (null when nothing is)
 */
public record IndicatorCuration(String id, String survey, String question, String measure, Suggestion suggestion) {
    public IndicatorCuration {
        Objects.requireNonNull(id, "id");
        if (suggestion != null && suggestion.isEmpty()) suggestion = null;
    }

    public boolean hasSuggestion() {
        return suggestion != null;
    }

    public IndicatorCuration withSuggestion(Suggestion s) {
        return new IndicatorCuration(id, survey, question, measure, s);
    }

    /**
     * A suggested direction, SfH area/goal and målområden, with what it rests on ("frågans text",
     * "Kolada-nyckeltalet N15643"). Fields are null (or empty) when nothing is suggested for them.
     */
    public record Suggestion(Direction direction, SfhArea area, Integer goal, Set<Malomrade> malomraden, String basis) {
        public Suggestion {
            if (direction == Direction.NEITHER) direction = null;
            malomraden = malomraden == null ? Set.of() : Set.copyOf(malomraden);
        }

        public boolean isEmpty() {
            return direction == null && area == null && goal == null && malomraden.isEmpty();
        }

        /** The indicator with the suggestion applied (what confirming stores); empty fields keep the indicator's. */
        public Indicator applyTo(Indicator i) {
            Set<Malomrade> mal = malomraden.isEmpty() ? i.malomraden() : malomraden;
            return new Indicator(i.id(), i.title(), i.shortTitle(), i.unit(), direction == null ? i.direction() : direction,
                    i.source(), i.genderSplit(), i.grade(), mal, area == null ? i.sfhArea() : area,
                    goal == null ? i.sfhGoal() : goal, i.mappingConfidence(),
                    i.description());
        }
    }
}
