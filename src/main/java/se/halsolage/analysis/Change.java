package se.halsolage.analysis;

import se.halsolage.domain.Observation;

/**
 * A change from one measurement to a later one.
 *
 * @param absolute to − from in the indicator's unit (procentenheter for shares); NaN when a value is missing
 * @param relative (to − from) / from, or null when from is 0 or missing
 * @param pValue two-sided p-value of the two-proportion test; null when n is unknown (or not a share)
 */
public record Change(Observation from, Observation to, double absolute, Double relative, Verdict verdict, Double pValue) {

    /** True when both values exist. */
    public boolean hasValues() {
        return from != null && to != null && from.hasValue() && to.hasValue();
    }

    /** True when the uncertainty could be judged (n known for both measurements). */
    public boolean uncertaintyKnown() {
        return pValue != null;
    }
}
