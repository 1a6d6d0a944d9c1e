package se.halsolage.domain;

import java.util.Objects;

/**
 * One figure: indicator × area × period × group → value.
 *
 * @param value null unless status is OK
 * @param n respondents or base, when known
 * @param marker the original marker from the source ("..", "*", "-" …), kept for provenance
 * @param sourceId the Source this came from
 * @param location where in the source: e.g. "Blad1!R12C5" or a Kolada request
 */
public record Observation(
        String indicatorId,
        String areaId,
        Period period,
        Group group,
        Double value,
        Integer n,
        Double ciLow,
        Double ciHigh,
        ObservationStatus status,
        String marker,
        long sourceId,
        String location) {

    public Observation {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(areaId, "areaId");
        Objects.requireNonNull(period, "period");
        group = group == null ? Group.TOTALT : group;
        status = status == null ? (value == null ? ObservationStatus.MISSING : ObservationStatus.OK) : status;
        if (status == ObservationStatus.OK && value == null) {
            throw new IllegalArgumentException("Ett värde med status ok måste ha ett tal");
        }
        if (status != ObservationStatus.OK) value = null;
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException("Ogiltigt tal: " + value);
        }
    }

    public static Observation ok(String indicatorId, String areaId, Period period, Group group, double value,
                                 Integer n, long sourceId, String location) {
        return new Observation(indicatorId, areaId, period, group, value, n, null, null,
                ObservationStatus.OK, null, sourceId, location);
    }

    public static Observation withStatus(String indicatorId, String areaId, Period period, Group group,
                                         ObservationStatus status, String marker, long sourceId, String location) {
        return new Observation(indicatorId, areaId, period, group, null, null, null, null, status, marker,
                sourceId, location);
    }

    public boolean hasValue() {
        return status == ObservationStatus.OK;
    }
}
