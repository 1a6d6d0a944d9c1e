package se.halsolage.analysis;

/** A confidence interval, in the same unit as the value (percent for shares). */
public record Interval(double low, double high) {
    public double width() {
        return high - low;
    }

    public boolean contains(double v) {
        return v >= low && v <= high;
    }
}
