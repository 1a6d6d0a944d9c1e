package se.halsolage.importer;

import se.halsolage.domain.ObservationStatus;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Turns the text of a cell into a number or a status. Handles decimal comma and point, thousands
 * separators (space, no-break space, thin space, apostrophe, or a point/comma when unambiguous),
 * "%" signs, a leading apostrophe (Excel's "number as text"), a real minus sign, and the markers
 * statistics use. A marker or an empty cell is never read as 0.
 */
public final class Values {
    private Values() {
    }

    /** A parsed cell: a value (status OK) or a status with the original marker. */
    public record Parsed(BigDecimal value, ObservationStatus status, String marker, boolean percentSign) {
        public boolean ok() { return status == ObservationStatus.OK; }

        public Double asDouble() { return value == null ? null : value.doubleValue(); }

        static Parsed status(ObservationStatus s, String marker) {
            return new Parsed(null, s, marker, false);
        }
    }

    /** The default meaning of markers. Recipes may override (Skolenkäten's "-" means suppressed). */
    public static final Map<String, ObservationStatus> DEFAULT_MARKERS = Map.ofEntries(
            Map.entry(".", ObservationStatus.NOT_APPLICABLE),
            Map.entry("..", ObservationStatus.SUPPRESSED),
            Map.entry("...", ObservationStatus.MISSING),
            Map.entry("....", ObservationStatus.MISSING),
            Map.entry(".....", ObservationStatus.MISSING),
            Map.entry("......", ObservationStatus.MISSING),
            Map.entry("-", ObservationStatus.MISSING),
            Map.entry("–", ObservationStatus.MISSING),
            Map.entry("—", ObservationStatus.MISSING),
            Map.entry("*", ObservationStatus.SUPPRESSED),
            Map.entry("**", ObservationStatus.SUPPRESSED),
            Map.entry("***", ObservationStatus.SUPPRESSED),
            Map.entry("x", ObservationStatus.SUPPRESSED),
            Map.entry("X", ObservationStatus.SUPPRESSED),
            Map.entry("n/a", ObservationStatus.NOT_APPLICABLE),
            Map.entry("NA", ObservationStatus.MISSING),
            Map.entry("#N/A", ObservationStatus.MISSING),
            Map.entry("#SAKNAS!", ObservationStatus.MISSING));

    public static Parsed parse(Cell cell, Map<String, ObservationStatus> markers) {
        if (cell.number() != null) {
            return new Parsed(BigDecimal.valueOf(cell.number()), ObservationStatus.OK, null, false);
        }
        return parse(cell.text(), markers);
    }

    /** Parses text; returns null when the text is neither a number nor a known marker. */
    public static Parsed parse(String raw, Map<String, ObservationStatus> markers) {
        String s = raw == null ? "" : raw.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ');
        s = s.strip();
        if (s.startsWith("'")) s = s.substring(1).strip();
        if (s.isEmpty()) return Parsed.status(ObservationStatus.MISSING, null);
        ObservationStatus marker = markers != null ? markers.get(s) : null;
        if (marker == null) marker = DEFAULT_MARKERS.get(s);
        if (marker != null) return Parsed.status(marker, s);
        // "~100", "<5", "≈0": a value rounded or hidden for confidentiality; never stored as a number
        if (s.matches("[~≈<>≤≥]\\s*\\d+([.,]\\d+)?\\s*%?")) return Parsed.status(ObservationStatus.SUPPRESSED, s);
        BigDecimal n = number(s);
        if (n == null) return null;
        return new Parsed(n, ObservationStatus.OK, null, s.endsWith("%"));
    }

    /** Parses a number written the Swedish or the English way; null when it is not a number. */
    public static BigDecimal number(String text) {
        String s = text.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ')
                .replace('\u2212', '-').replace('–', '-');
        if (s.endsWith("%")) s = s.substring(0, s.length() - 1).strip();
        if (s.startsWith("'")) s = s.substring(1);
        boolean neg = false;
        if (s.startsWith("-")) { neg = true; s = s.substring(1).strip(); }
        else if (s.startsWith("+")) s = s.substring(1).strip();
        if (s.isEmpty()) return null;
        // thousands separators written as spaces or apostrophes: "12 345", "12'345"
        if (s.matches("\\d{1,3}([ '’]\\d{3})+([.,]\\d+)?")) s = s.replaceAll("[ '’]", "");
        if (!s.matches("[0-9.,]+")) {
            if (s.matches("\\d+([.,]\\d+)?[eE][-+]?\\d+")) {
                return signed(new BigDecimal(s.replace(',', '.')), neg);
            }
            return null;
        }
        int commas = count(s, ','), points = count(s, '.');
        String plain;
        if (commas == 0 && points == 0) plain = s;
        else if (commas == 1 && points == 0) plain = s.replace(',', '.');
        else if (points == 1 && commas == 0) {
            // "1.234" is ambiguous; Swedish files use comma decimals, so a point with exactly three digits
            // after it and a leading group of 1–3 digits is read as a decimal point only if not "0.xxx"… keep decimal.
            plain = s;
        } else if (points > 1 && commas <= 1 && s.matches("\\d{1,3}(\\.\\d{3})+(,\\d+)?")) {
            plain = s.replace(".", "").replace(',', '.');
        } else if (commas > 1 && points <= 1 && s.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            plain = s.replace(",", "");
        } else if (commas == 1 && points == 1) {
            plain = s.indexOf(',') < s.indexOf('.') ? s.replace(",", "") : s.replace(".", "").replace(',', '.');
        } else {
            return null;
        }
        if (plain.startsWith(".") || plain.endsWith(".")) {
            if (plain.equals(".")) return null;
        }
        try {
            return signed(new BigDecimal(plain), neg);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal signed(BigDecimal b, boolean neg) {
        return neg ? b.negate() : b;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** A share as percent: fractions (0–1) times 100; exact decimal arithmetic so 0,417 → 41,7. */
    public static BigDecimal toPercent(BigDecimal v, boolean fraction) {
        return fraction ? v.movePointRight(2).stripTrailingZeros() : v;
    }

    /** Whether a header word says the column holds shares: "Andel", "%", "procent", "share". */
    public static boolean isShareHeader(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        return h.contains("andel") || h.contains("%") || h.contains("procent") || h.contains("share");
    }

    /** Whether a header explicitly says percent ("%", "procent"): values are 0–100 then. */
    public static boolean isPercentHeader(String header) {
        String h = header.toLowerCase(java.util.Locale.ROOT);
        return h.contains("%") || h.contains("procent");
    }
}
