package se.halsolage.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to put in the plan.
 *
 * @param year the plan year ("Strategi för hälsa 2026", the initiatives active that year)
 * @param parts the parts to include
 * @param groupBy how "Arbete <år>" groups the initiatives
 * @param date the date printed on the cover
 */
public record ReportOptions(int year, Set<ReportPart> parts, GroupBy groupBy, LocalDate date) {

    public ReportOptions {
        parts = parts == null || parts.isEmpty() ? EnumSet.noneOf(ReportPart.class) : EnumSet.copyOf(parts);
        parts = java.util.Collections.unmodifiableSet(parts);
        groupBy = groupBy == null ? GroupBy.ARBETSGRUPP : groupBy;
        date = date == null ? LocalDate.now() : date;
        if (year < 1990 || year > 2100) throw new IllegalArgumentException("Orimligt planår: " + year);
    }

    /** Every part, grouped by work group, dated today. */
    public static ReportOptions all(int year) {
        return new ReportOptions(year, EnumSet.allOf(ReportPart.class), GroupBy.ARBETSGRUPP, LocalDate.now());
    }

    public boolean includes(ReportPart part) {
        return parts.contains(part);
    }

    public ReportOptions withYear(int y) {
        return new ReportOptions(y, parts, groupBy, date);
    }

    public ReportOptions withGroupBy(GroupBy g) {
        return new ReportOptions(year, parts, g, date);
    }

    public ReportOptions withDate(LocalDate d) {
        return new ReportOptions(year, parts, groupBy, d);
    }

    public ReportOptions without(Collection<ReportPart> left) {
        EnumSet<ReportPart> p = parts.isEmpty() ? EnumSet.noneOf(ReportPart.class) : EnumSet.copyOf(parts);
        p.removeAll(left);
        return new ReportOptions(year, p, groupBy, date);
    }

    public ReportOptions with(ReportPart part, boolean on) {
        EnumSet<ReportPart> p = parts.isEmpty() ? EnumSet.noneOf(ReportPart.class) : EnumSet.copyOf(parts);
        if (on) p.add(part); else p.remove(part);
        return new ReportOptions(year, p, groupBy, date);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportOptions r && r.year == year && r.parts.equals(parts) && r.groupBy == groupBy
                && r.date.equals(date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, parts, groupBy, date);
    }
}
