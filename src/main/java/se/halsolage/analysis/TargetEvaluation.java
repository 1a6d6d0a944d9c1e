package se.halsolage.analysis;

import se.halsolage.domain.Observation;
import se.halsolage.domain.Target;
import se.halsolage.domain.TargetStatus;

/**
 * A target checked against the latest measurement.
 *
 * @param baseline the target's baseline value (given, or observed in the baseline year); null if unknown
 * @param expected where the trajectory says the indicator should be in the actual measurement's year
 * @param actual the latest measurement (null when none)
 */
public record TargetEvaluation(Target target, Double baseline, Double expected, Observation actual, TargetStatus status) {
}
