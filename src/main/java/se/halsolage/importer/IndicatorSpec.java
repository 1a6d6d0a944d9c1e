package se.halsolage.importer;

import se.halsolage.domain.IndicatorCuration;
import se.halsolage.domain.Unit;

/**
 * The indicator an imported value belongs to: an existing one (a Kolada KPI, matched by id) or a
 * local one the import creates.
 *
 * @param shortTitle a readable short title ("Trygg i skolan, åk 8"); null: derived from the title when it is long
 * @param curation where it sits (survey, question, measure) and what is suggested for it; null when nothing is known
 */
public record IndicatorSpec(String id, String title, Unit unit, String grade, String description, String shortTitle,
                            IndicatorCuration curation) {
    public IndicatorSpec(String id, String title, Unit unit, String grade, String description) {
        this(id, title, unit, grade, description, null, null);
    }
}
