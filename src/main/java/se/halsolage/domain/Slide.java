package se.halsolage.domain;

import java.util.Objects;

/**
 * One slide of a {@link Story}: a chart of an indicator, or a short text.
 *
 * @param chartKind name of the chart kind (TREND, GENDER, GAP, OVERVIEW) for chart slides
 * @param areaId the area the chart is about; null means the workbook's own municipality
 * @param notes speaker notes shown in the presenter view and exported as PowerPoint notes
 */
public record Slide(Kind kind, String indicatorId, String chartKind, String areaId, String title, String body,
                    String notes) {
    public enum Kind { CHART, TEXT }

    public Slide {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CHART && (indicatorId == null || indicatorId.isBlank())) {
            throw new IllegalArgumentException("En diagrambild behöver ett nyckeltal");
        }
        if (kind == Kind.CHART && (chartKind == null || chartKind.isBlank())) chartKind = "TREND";
    }

    public static Slide chart(String indicatorId, String chartKind, String title, String notes) {
        return new Slide(Kind.CHART, indicatorId, chartKind, null, title, null, notes);
    }

    public static Slide text(String title, String body, String notes) {
        return new Slide(Kind.TEXT, null, null, null, title, body, notes);
    }

    public Slide withNotes(String newNotes) {
        return new Slide(kind, indicatorId, chartKind, areaId, title, body, newNotes);
    }

    public Slide withTitle(String newTitle) {
        return new Slide(kind, indicatorId, chartKind, areaId, newTitle, body, notes);
    }
}
