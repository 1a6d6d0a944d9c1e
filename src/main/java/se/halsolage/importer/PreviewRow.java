package se.halsolage.importer;

import se.halsolage.domain.ObservationStatus;

/**
 * One observation as it will be stored, for the preview table: indicator, area (with the id it
 * resolves to, or null when it does not), period, group, value, n, confidence bounds, status, marker and the cell.
 */
public record PreviewRow(String indicatorId, String indicatorTitle, String area, String areaId, boolean newArea,
                         String period, String group, Double value, Integer n, Double ciLow, Double ciHigh,
                         ObservationStatus status, String marker, String location) {
}
