package se.halsolage.importer;

import se.halsolage.domain.Unit;

/**
 * The indicator an imported value belongs to: an existing one (a Kolada KPI, matched by id) or a
 * local one the import creates.
 */
public record IndicatorSpec(String id, String title, Unit unit, String grade, String description) {
}
