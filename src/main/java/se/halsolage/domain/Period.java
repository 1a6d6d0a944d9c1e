package se.halsolage.domain;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as the source labels it ("2023", "2023/24", "2021–2024") with the years it spans.
 * Periods sort by end year, then start year.
 */
public record Period(String label, int startYear, int endYear) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(?<!\\d)(\\d{4})\\s*/\\s*(\\d{2}|\\d{4})(?!\\d)");

    public Period {
        Objects.requireNonNull(label, "label");
        if (endYear < startYear) throw new IllegalArgumentException("Perioden slutar före den börjar: " + label);
    }

    public static Period year(int year) {
        return new Period(Integer.toString(year), year, year);
    }

    /** Parses a period label. Throws IllegalArgumentException if no year is found. */
    public static Period parse(String raw) {
        if (raw == null) throw new IllegalArgumentException("Period saknas");
        String label = raw.strip();
        if (label.matches("\\d{4}[.,]0+")) return year(Integer.parseInt(label.substring(0, 4))); // Excel's 2019.0
        Matcher school = SCHOOL_YEAR.matcher(label);
        if (school.find()) {
            int start = Integer.parseInt(school.group(1));
            String endPart = school.group(2);
            int end = endPart.length() == 2 ? (start / 100) * 100 + Integer.parseInt(endPart) : Integer.parseInt(endPart);
            if (end < start) end += 100;
            return new Period(label, start, end);
        }
        Matcher m = YEAR.matcher(label);
        int first = -1, last = -1;
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (first < 0) first = y;
            last = y;
        }
        if (first < 0) {
            throw new IllegalArgumentException("Kan inte tolka perioden \"" + raw + "\"");
        }
        return new Period(label, Math.min(first, last), Math.max(first, last));
    }

    public boolean isRolling() {
        return startYear != endYear;
    }

    @Override
    public int compareTo(Period o) {
        int c = Integer.compare(endYear, o.endYear);
        if (c != 0) return c;
        c = Integer.compare(startYear, o.startYear);
        return c != 0 ? c : label.compareTo(o.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
