package se.halsolage.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Swedish prose helpers for the report: dates, lists, capitalisation. */
final class Sv {
    static final Locale SV = Locale.forLanguageTag("sv-SE");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", SV);

    private Sv() {
    }

    /** "15 januari 2026". */
    static String date(LocalDate d) {
        return d.format(LONG_DATE);
    }

    /** "a", "a och b", "a, b och c". */
    static String join(List<String> items) {
        List<String> l = items.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (l.isEmpty()) return "";
        if (l.size() == 1) return l.get(0);
        return String.join(", ", l.subList(0, l.size() - 1)) + " och " + l.get(l.size() - 1);
    }

    static String capitalize(String s) {
        if (s == null || s.isEmpty()) return s;
        return s.substring(0, 1).toUpperCase(SV) + s.substring(1);
    }

    static String lower(String s) {
        if (s == null || s.isEmpty()) return s;
        // keep abbreviations such as "IFO" or "LSS" as they are
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) return s;
        return s.substring(0, 1).toLowerCase(SV) + s.substring(1);
    }

    /** Ends a sentence with a full stop unless it already ends with punctuation. */
    static String sentence(String s) {
        if (s == null || s.isBlank()) return "";
        String t = s.strip();
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == ':' ? t : t + ".";
    }

    /** "Exempelby" → "Exempelby kommun" (names already ending in "kommun" stay). */
    static String kommun(String name) {
        if (name == null) return "Kommunen";
        return name.toLowerCase(SV).endsWith("kommun") || name.toLowerCase(SV).endsWith("stad") ? name : name + " kommun";
    }
}
