package se.halsolage.analysis;

import org.junit.jupiter.api.Test;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Period;
import se.halsolage.domain.Unit;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The chi-square test for trend, with figures worked out by hand: shares 40, 45, 50, 55, 60 % of 100 each year give
 * p̄ = 0,5, T = Σ t(x − 50) = 50 (scores 0–4; the test does not depend on the origin of the scores), Var =
 * 0,25 · (3 000 − 1 000²/500) = 250, χ² = 2 500 / 250 = 10,0, p = 0,0016. The same shares of 20 give T = 10,
 * Var = 0,25 · (600 − 200²/100) = 50, χ² = 2,0, p = 0,157: no clear trend.
 */
class TrendTestTest {
    static List<Observation> series(int n, double... shares) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            out.add(Observation.ok("X", "0780", Period.year(2018 + i), Group.TOTALT, shares[i], n, 1, null));
        }
        return out;
    }

    @Test
    void risingSharesOfAHundredAreAClearIncrease() {
        TrendTest t = TrendTest.of(series(100, 40, 45, 50, 55, 60), Unit.PERCENT);
        assertThat(t.chiSquare()).isCloseTo(10.0, offset(1e-9));
        assertThat(t.pValue()).isCloseTo(0.00157, offset(0.00001));
        assertThat(t.result()).isEqualTo(TrendTest.Result.OKAR);
        assertThat(t.phrase().replace('\u00a0', ' ')).isEqualTo("ökar 2018–2022 (5 mätningar; chitvåtest för trend (Cochran–Armitage), p = 0,002)");
        TrendTest down = TrendTest.of(series(100, 60, 55, 50, 45, 40), Unit.PERCENT);
        assertThat(down.result()).isEqualTo(TrendTest.Result.MINSKAR);
        assertThat(down.chiSquare()).isCloseTo(10.0, offset(1e-9));
    }

    @Test
    void theSameSharesOfTwentyAreNoClearTrend() {
        TrendTest t = TrendTest.of(series(20, 40, 45, 50, 55, 60), Unit.PERCENT);
        assertThat(t.chiSquare()).isCloseTo(2.0, offset(1e-9));
        assertThat(t.pValue()).isCloseTo(0.1573, offset(0.0001));
        assertThat(t.result()).isEqualTo(TrendTest.Result.INGEN);
        assertThat(t.phrase()).startsWith("ingen tydlig trend 2018–2022");
    }

    @Test
    void onlyTheLastFivePointsWithNAndOnlyShares() {
        List<Observation> s = series(100, 90, 10, 40, 45, 50, 55, 60); // 2018–2024: the first two are dropped
        TrendTest t = TrendTest.of(s, Unit.PERCENT);
        assertThat(t.points()).hasSize(5);
        assertThat(t.points().get(0).period().label()).isEqualTo("2020");
        assertThat(t.chiSquare()).isCloseTo(10.0, offset(1e-9));
        List<Observation> noN = new ArrayList<>();
        for (Observation o : series(100, 40, 45, 50)) noN.add(Observation.ok("X", "0780", o.period(), Group.TOTALT, o.value(), null, 1, null));
        assertThat(TrendTest.of(noN, Unit.PERCENT)).isNull();
        assertThat(TrendTest.of(series(100, 40, 45), Unit.PERCENT)).isNull();
        assertThat(TrendTest.of(series(100, 40, 45, 50), Unit.YEARS)).isNull();
    }
}
