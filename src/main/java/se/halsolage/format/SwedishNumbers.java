package se.halsolage.format;

import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Unit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers the Swedish way: decimal comma, narrow no-break space between thousands, the real minus
 * sign (U+2212), "87,7 %", "+2,0 p.e.". Markers: "–" no value, ".." suppressed.
 */
public final class SwedishNumbers {
    /** U+202F NARROW NO-BREAK SPACE, the thin space used between groups of thousands. */
    public static final char THIN_SPACE = '\u202f';
    /** U+00A0 NO-BREAK SPACE, between a number and its unit. */
    public static final char NBSP = '\u00a0';
    public static final char MINUS = '\u2212';

    private SwedishNumbers() {
    }

    /** A number with {@code decimals} decimals: 1234.5 → "1 234,5" (thin space), −3 → "−3". */
    public static String number(double value, int decimals) {
        BigDecimal bd = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        boolean negative = bd.signum() < 0;
        String plain = bd.abs().toPlainString();
        String intPart = plain, frac = "";
        int dot = plain.indexOf('.');
        if (dot >= 0) {
            intPart = plain.substring(0, dot);
            frac = plain.substring(dot + 1);
        }
        StringBuilder sb = new StringBuilder();
        int len = intPart.length();
        for (int i = 0; i < len; i++) {
            sb.append(intPart.charAt(i));
            int left = len - i - 1;
            if (left > 0 && left % 3 == 0) sb.append(THIN_SPACE); // "2 266" as well as "56 836": grouped everywhere
        }
        if (!frac.isEmpty()) sb.append(',').append(frac);
        return (negative ? String.valueOf(MINUS) : "") + sb;
    }

    /** Like {@link #number} but always with a sign: "+2,0", "−1,5", "±0,0". */
    public static String signed(double value, int decimals) {
        String s = number(value, decimals);
        if (s.charAt(0) == MINUS) return s;
        boolean zero = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).signum() == 0;
        return (zero ? "±" : "+") + s;
    }

    /** Default number of decimals for a unit: one for shares, years and days; none for rates and money. */
    public static int decimals(Unit unit) {
        return switch (unit) {
            case PER_100000, KRONOR, COUNT -> 0;
            default -> 1;
        };
    }

    /** A value with its unit: "87,7 %", "81,2 år", "2 310 /100 000", "245 000 kr". */
    public static String value(double value, Unit unit) {
        String n = number(value, decimals(unit));
        return switch (unit) {
            case PERCENT -> n + NBSP + "%";
            case YEARS -> n + NBSP + "år";
            case DAYS -> n + NBSP + "dagar";
            case KRONOR -> n + NBSP + "kr";
            default -> n;
        };
    }

    /** A change: "+2,0 p.e." for shares (procentenheter), else "+0,4 år", "−35". */
    public static String change(double delta, Unit unit) {
        String n = signed(delta, decimals(unit));
        return switch (unit) {
            case PERCENT -> n + NBSP + "p.e.";
            case YEARS -> n + NBSP + "år";
            case DAYS -> n + NBSP + "dagar";
            case KRONOR -> n + NBSP + "kr";
            default -> n;
        };
    }

    /** A relative change: "+12,5 %". */
    public static String percentChange(double fraction) {
        return signed(fraction * 100, 1) + NBSP + "%";
    }

    /** The value of an observation, or its marker: ".." suppressed, "–" missing, "." not applicable. */
    public static String observation(Observation o, Unit unit) {
        if (o == null) return "–";
        if (o.status() == ObservationStatus.OK) return value(o.value(), unit);
        return marker(o.status());
    }

    public static String marker(ObservationStatus status) {
        return status == ObservationStatus.OK ? "" : status.defaultMarker();
    }

    /**
     * For tab-separated CLI output that scripts read: decimal comma, no grouping, up to 4 decimals,
     * ASCII hyphen-minus so the value stays parseable.
     */
    public static String plain(double value) {
        BigDecimal bd = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return bd.toPlainString().replace('.', ',');
    }
}
