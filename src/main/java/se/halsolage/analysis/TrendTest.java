package se.halsolage.analysis;

import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

import java.util.ArrayList;
import java.util.List;

/**
 * "ökar / minskar / ingen tydlig trend" over the last (up to) five measurements of a share whose respondents n are
 * known: the chi-square test for trend in proportions (Cochran–Armitage), one degree of freedom, 5 % level, with
 * the period's end year as the score.
 *
 * <p>With x<sub>i</sub> = n<sub>i</sub>p<sub>i</sub>, N = Σn<sub>i</sub>, p̄ = Σx<sub>i</sub>/N and scores t<sub>i</sub>:
 * T = Σ t<sub>i</sub>(x<sub>i</sub> − n<sub>i</sub>p̄), Var(T) = p̄(1 − p̄)·[Σ n<sub>i</sub>t<sub>i</sub>² − (Σ n<sub>i</sub>t<sub>i</sub>)²/N],
 * χ² = T²/Var(T).
 */
public record TrendTest(Result result, double chiSquare, double pValue, List<Observation> points) {
    public static final int POINTS = 5;
    public static final String METHOD = "chitvåtest för trend (Cochran–Armitage)";

    public enum Result {
        OKAR("ökar"), MINSKAR("minskar"), INGEN("ingen tydlig trend");

        private final String words;

        Result(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * Tests the last {@value #POINTS} measurements that have a value and n (in period order). Null when fewer than three
     * have both, when the unit is not a share, or when every share is 0 or 100 % (nothing varies).
     */
    public static TrendTest of(List<Observation> series, Unit unit) {
        if (unit != Unit.PERCENT) return null;
        List<Observation> usable = new ArrayList<>();
        for (Observation o : series) {
            if (o.hasValue() && o.n() != null && o.n() > 0 && o.value() >= 0 && o.value() <= 100) usable.add(o);
        }
        if (usable.size() < 3) return null;
        List<Observation> last = List.copyOf(usable.subList(Math.max(0, usable.size() - POINTS), usable.size()));
        double n = 0, x = 0, nt = 0, nt2 = 0;
        for (Observation o : last) {
            double ni = o.n(), ti = o.period().endYear();
            n += ni;
            x += ni * o.value() / 100.0;
            nt += ni * ti;
            nt2 += ni * ti * ti;
        }
        double pBar = x / n;
        double t = 0;
        for (Observation o : last) t += o.period().endYear() * (o.n() * o.value() / 100.0 - o.n() * pBar);
        double var = pBar * (1 - pBar) * (nt2 - nt * nt / n);
        if (var <= 0) return null;
        double chi2 = t * t / var;
        double p = Stats.erfc(Math.sqrt(chi2 / 2));
        Result r = p >= Stats.ALPHA ? Result.INGEN : t > 0 ? Result.OKAR : Result.MINSKAR;
        return new TrendTest(r, chi2, p, last);
    }

    /** "ökar 2018–2022 (5 mätningar; chitvåtest för trend (Cochran–Armitage), p = 0,002)". */
    public String phrase() {
        String from = points.get(0).period().label(), to = points.get(points.size() - 1).period().label();
        String p = pValue < 0.001 ? "p < 0,001" : "p = " + SwedishNumbers.number(pValue, pValue < 0.01 ? 3 : 2);
        return result.words() + " " + from + "–" + to + " (" + points.size() + " mätningar; " + METHOD + ", " + p + ")";
    }
}
