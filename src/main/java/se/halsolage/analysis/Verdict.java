package se.halsolage.analysis;

/**
 * What a difference means, following the indicator's direction. {@link #OSAKER} when the difference is
 * inside the statistical noise (n known, test not significant); {@link #EJ_BEDOMBAR} when the indicator
 * has no better/worse direction or data are missing.
 */
public enum Verdict {
    BATTRE("bättre"),
    SAMRE("sämre"),
    OFORANDRAD("oförändrad"),
    OSAKER("osäker"),
    EJ_BEDOMBAR("kan inte bedömas");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for BATTRE and SAMRE: a difference worth reporting. */
    public boolean isClear() {
        return this == BATTRE || this == SAMRE;
    }
}
