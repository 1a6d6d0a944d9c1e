package se.halsolage.domain;

/**
 * The coordinator's choices for a workbook: whose municipality it is and what it is compared with.
 *
 * @param municipalityId own municipality (area id)
 * @param countyId the county's region (area id, e.g. "0007")
 * @param comparisonGroupId a Kolada group such as "Liknande kommuner socioekonomi" (may be null)
 * @param exampleData true for the demo workbook: everything shown must say the values are invented
 */
public record PlanSettings(String municipalityId, String countyId, String comparisonGroupId, int planYear,
                           String language, boolean exampleData) {
}
