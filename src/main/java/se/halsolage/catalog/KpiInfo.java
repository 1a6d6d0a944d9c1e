package se.halsolage.catalog;

/**
 * One row of Kolada's KPI catalogue.
 *
 * @param municipalityType K (kommun), L (region/landsting) or A (alla)
 * @param publPeriod latest published period, e.g. "2025"
 */
public record KpiInfo(String id, String title, String description, boolean genderSplit, String municipalityType,
                      String operatingArea, String publPeriod) {
}
