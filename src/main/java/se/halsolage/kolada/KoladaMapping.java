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
     * Why there is no value, from Kolada's status text: ".." or words about secrecy / too few →
     * SUPPRESSED; "." or "ej tillämplig" → NOT_APPLICABLE; anything else (also empty) → MISSING.
     */
    public static ObservationStatus statusFor(String status) {
        if (status == null) return ObservationStatus.MISSING;
        String s = status.strip().toLowerCase(Locale.ROOT);
        if (s.equals("..") || s.contains("sekretess") || s.contains("confidential") || s.contains("suppress")
                || s.contains("för få") || s.contains("skydd")) {
            return ObservationStatus.SUPPRESSED;
        }
        if (s.equals(".") || s.contains("ej tillämp") || s.contains("not applicable")) {
            return ObservationStatus.NOT_APPLICABLE;
        }
        return ObservationStatus.MISSING;
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
        String marker = v.status() == null || v.status().isBlank() ? null : v.status().strip();
        return Observation.withStatus(row.kpi(), row.municipality(), period, g, statusFor(v.status()), marker,
                sourceId, location);
    }
}
