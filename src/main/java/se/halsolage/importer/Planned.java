package se.halsolage.importer;

import se.halsolage.domain.Group;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;

/**
 * One observation as the file will give it, before it is written: what, where, when, the value or
 * status with its marker, its respondents and confidence bounds when the file has them, and the cell
 * it came from.
 */
public record Planned(IndicatorSpec indicator, AreaRef area, Period period, Group group, Double value, Integer n,
                      Double ciLow, Double ciHigh,
                      ObservationStatus status, String marker, String sheet, int row, int col) {

    /** Without confidence bounds (most files have none). */
    public Planned(IndicatorSpec indicator, AreaRef area, Period period, Group group, Double value, Integer n,
                   ObservationStatus status, String marker, String sheet, int row, int col) {
        this(indicator, area, period, group, value, n, null, null, status, marker, sheet, row, col);
    }

    /** "Blad!KR42" — the provenance stored in the observation's location. */
    public String location() {
        return sheet + "!" + Cell.columnName(col) + (row + 1);
    }
}
