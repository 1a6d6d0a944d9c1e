package se.halsolage.kolada;

import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;

import java.util.Locale;

/** Turns Kolada's data values into observations. A missing value is never 0. */
public final class KoladaMapping {
    private KoladaMapping() {
    }

    /** T/K/M to Totalt/Kvinnor/Män; null for anything else. */
    public static Group group(String gender) {
        if (gender == null) return null;
        return switch (gender.strip().toUpperCase(Locale.ROOT)) {
            case "T" -> Group.TOTALT;
            case "K" -> Group.KVINNOR;
            case "M" -> Group.MAN;
            default -> null;
        };
    }

    /**
     * What Kolada's {@code status} of a value without a number means, and the marker shown for it.
     *
     * @param known false for a status text Kolada is not known to use (kept as the marker, with a warning)
     */
    public record Status(ObservationStatus status, String marker, boolean known) {
    }

    /**
     * Kolada v3 writes {@code status} {@code ""} when there is a value, else {@code "Missing"} (saknas, shown
     * as "–"), {@code "Privacy"} (sekretess, "..") or {@code "Not applicable"} (ej tillämpligt, "."), always
     * with {@code value: null}. The web's markers "..", "." and "-" mean the same. An empty status without a
     * value is missing. Anything else is kept as its own marker text, as missing, and flagged unknown.
     */
    public static Status status(String status) {
        String s = status == null ? "" : status.strip();
        String l = s.toLowerCase(Locale.ROOT);
        switch (l) {
            case "privacy", "..", "sekretess" -> {
                return new Status(ObservationStatus.SUPPRESSED, "..", true);
            }
            case "not applicable", "not_applicable", ".", "ej tillämpligt" -> {
                return new Status(ObservationStatus.NOT_APPLICABLE, ".", true);
            }
            case "missing", "", "-", "\u2013", "saknas" -> {
                return new Status(ObservationStatus.MISSING, "\u2013", true);
            }
            default -> {
                return new Status(ObservationStatus.MISSING, s, false);
            }
        }
    }

    /** The status part of {@link #status(String)}. */
    public static ObservationStatus statusFor(String status) {
        return status(status).status();
    }

    /**
     * The observation for one value of a row, or null when the value is marked deleted in Kolada or
     * its gender is unknown. The location is the exact page URL; for a group the number of members
     * behind Kolada's mean is added.
     */
    public static Observation toObservation(DataRow row, DataRow.Value v, long sourceId, boolean isGroup) {
        if (v.deleted()) return null;
        Group g = group(v.gender());
        if (g == null) return null;
        Period period;
        try {
            period = Period.parse(row.period());
        } catch (IllegalArgumentException e) {
            throw KoladaException.malformed(row.pageUrl(), "perioden \"" + row.period() + "\" går inte att tolka", e);
        }
        String location = row.pageUrl();
        if (isGroup && v.count() != null) location = location + " (medel av " + v.count() + " kommuner)";
        if (v.value() != null) {
            return Observation.ok(row.kpi(), row.municipality(), period, g, v.value(), null, sourceId, location);
        }
        Status st = status(v.status());
        return Observation.withStatus(row.kpi(), row.municipality(), period, g, st.status(), st.marker(), sourceId, location);
    }
}
