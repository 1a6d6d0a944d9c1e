package se.halsolage.analysis;

import se.halsolage.domain.Observation;

/**
 * The analysed area compared with another area (county, riket, comparison group) in the same period.
 *
 * @param other the other area's observation for the same period (null when it has none)
 * @param difference own − other in the indicator's unit, null when either value is missing
 * @param verdict BATTRE when the own area is better off than the other area, following the direction
 */
public record Comparison(String areaId, String areaName, Observation own, Observation other, Double difference,
                         Verdict verdict) {
}
