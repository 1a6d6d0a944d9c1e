package se.halsolage.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An insats: what the municipality does, for whom, and which indicators it should move.
 *
 * @param id 0 for an initiative not yet stored
 * @param workGroup the group that owns it, e.g. "Allas barn" (may be null)
 * @param notes yearly notes by year (the note of the plan year is "this year's work")
 * @param background why it exists: what the data showed, what was decided (prose; may be null)
 */
public record Initiative(
        long id,
        String name,
        String description,
        InitiativeKind kind,
        String workGroup,
        Set<TargetGroup> targetGroups,
        Set<Malomrade> malomraden,
        List<String> indicatorIds,
        String responsible,
        List<String> partners,
        Integer startYear,
        Integer endYear,
        InitiativeStatus status,
        Maturity maturity,
        QualityStep qualityStep,
        Map<Integer, String> notes,
        String background) {

    /** Without a background text. */
    public Initiative(long id, String name, String description, InitiativeKind kind, String workGroup,
                      Set<TargetGroup> targetGroups, Set<Malomrade> malomraden, List<String> indicatorIds,
                      String responsible, List<String> partners, Integer startYear, Integer endYear,
                      InitiativeStatus status, Maturity maturity, QualityStep qualityStep, Map<Integer, String> notes) {
        this(id, name, description, kind, workGroup, targetGroups, malomraden, indicatorIds, responsible, partners,
                startYear, endYear, status, maturity, qualityStep, notes, null);
    }

    public Initiative {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("En insats måste ha ett namn");
        Objects.requireNonNull(kind, "kind");
        status = status == null ? InitiativeStatus.PLANERAD : status;
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        malomraden = malomraden == null ? Set.of() : Set.copyOf(malomraden);
        indicatorIds = indicatorIds == null ? List.of() : List.copyOf(indicatorIds);
        partners = partners == null ? List.of() : List.copyOf(partners);
        notes = notes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(notes));
        background = background == null || background.isBlank() ? null : background.strip();
        if (startYear != null && endYear != null && endYear < startYear) {
            throw new IllegalArgumentException("Insatsen slutar före den börjar");
        }
    }

    /** Active in a year: started by then and not ended before it. */
    public boolean activeIn(int year) {
        return (startYear == null || startYear <= year) && (endYear == null || endYear >= year);
    }

    public Initiative withId(long newId) {
        return new Initiative(newId, name, description, kind, workGroup, targetGroups, malomraden, indicatorIds,
                responsible, partners, startYear, endYear, status, maturity, qualityStep, notes, background);
    }

    public Initiative withBackground(String text) {
        return new Initiative(id, name, description, kind, workGroup, targetGroups, malomraden, indicatorIds,
                responsible, partners, startYear, endYear, status, maturity, qualityStep, notes, text);
    }
}
