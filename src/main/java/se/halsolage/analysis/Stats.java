package se.halsolage.analysis;

/**
 * Plain statistics for shares given in percent (0–100) with a known number of respondents n.
 * Pure functions; every number can be checked by hand.
 */
public final class Stats {
    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;
    /** Significance level of the two-proportion test. */
    public static final double ALPHA = 0.05;

    private Stats() {
    }

    /**
     * Wilson score interval (95 %) for a share in percent with n respondents, returned in percent.
     * center = (p + z²/2n) / (1 + z²/n), half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
     */
    public static Interval wilson(double sharePercent, int n) {
        if (n <= 0) throw new IllegalArgumentException("n måste vara större än 0");
        double p = sharePercent / 100.0;
        if (p < 0 || p > 1) throw new IllegalArgumentException("Andelen ska ligga mellan 0 och 100 %: " + sharePercent);
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, center - half) * 100, Math.min(1, center + half) * 100);
    }

    /**
     * z statistic of the pooled two-proportion test for p2 − p1 (shares in percent).
     * pooled = (x1 + x2)/(n1 + n2) with x = p·n; se = √(pooled(1 − pooled)(1/n1 + 1/n2)).
     * Returns 0 when se is 0 (both shares 0 % or both 100 %).
     */
    public static double twoProportionZ(double p1Percent, int n1, double p2Percent, int n2) {
        if (n1 <= 0 || n2 <= 0) throw new IllegalArgumentException("n måste vara större än 0");
        double p1 = p1Percent / 100.0, p2 = p2Percent / 100.0;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) return 0;
        return (p2 - p1) / se;
    }

    /** Two-sided p-value of the pooled two-proportion z-test. */
    public static double twoProportionPValue(double p1Percent, int n1, double p2Percent, int n2) {
        double z = twoProportionZ(p1Percent, n1, p2Percent, n2);
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Standard normal cumulative distribution function. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Complementary error function (Chebyshev fit, fractional error below 1.2·10⁻⁷). */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
