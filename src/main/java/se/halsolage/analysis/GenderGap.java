package se.halsolage.analysis;

import se.halsolage.domain.Observation;

/**
 * The difference between women and men (or girls and boys, following the source's labels) in the
 * latest period where both have a value.
 *
 * @param gap female − male, null when either is missing
 * @param previousGap the same difference in the previous comparable period, null when unknown
 * @param significance from the female group's point of view: BATTRE when women/girls are better off
 *                     than men/boys, SAMRE when worse off, OFORANDRAD when the gap is negligible,
 *                     OSAKER when n is known and the gap is inside the noise, EJ_BEDOMBAR when data
 *                     are missing or the indicator has no better/worse direction
 */
public record GenderGap(Observation female, Observation male, Double gap, Double previousGap, Verdict significance,
                        boolean children) {

    public GenderGap(Observation female, Observation male, Double gap, Double previousGap, Verdict significance) {
        this(female, male, gap, previousGap, significance, false);
    }

    /** "Flickor" for children (whatever the source calls them, e.g. Kolada's "Kvinnor" for 3-åringar), else the source's label. */
    public String femaleLabel() {
        if (children) return "Flickor";
        return female == null ? "Kvinnor" : female.group().label();
    }

    /** "Pojkar" for children, else the source's label ("Män"). */
    public String maleLabel() {
        if (children) return "Pojkar";
        return male == null ? "Män" : male.group().label();
    }

    /** True when the gap is larger in size than in the previous period, null when unknown. */
    public Boolean widened() {
        if (gap == null || previousGap == null) return null;
        return Math.abs(gap) > Math.abs(previousGap);
    }
}
