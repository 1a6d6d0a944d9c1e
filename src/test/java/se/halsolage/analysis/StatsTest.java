package se.halsolage.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed values (z = 1,96). */
class StatsTest {
    @Test
    void wilsonIntervalFor80PercentOf100() {
        // center = (0,8 + 1,9208/100)/1,038415 = 0,78890; half = 1,88746·√(0,0016 + 0,000096) = 0,07773
        Interval ci = Stats.wilson(80, 100);
        assertThat(ci.low()).isCloseTo(71.12, within(0.01));
        assertThat(ci.high()).isCloseTo(86.66, within(0.01));
    }

    @Test
    void wilsonIntervalStaysInsideZeroAndHundredAndIsNotSymmetricNearTheEdge() {
        // p = 0: center = 0,0192/1,0384 = 0,0185, half = 1,8875·√(0,000096) = 0,0185 → [0; 3,70 %]
        Interval zero = Stats.wilson(0, 100);
        assertThat(zero.low()).isCloseTo(0.0, within(1e-9));
        assertThat(zero.high()).isCloseTo(3.70, within(0.01));
        Interval high = Stats.wilson(95, 40);
        assertThat(95 - high.low()).isGreaterThan(high.high() - 95);
        assertThat(high.high()).isLessThanOrEqualTo(100);
    }

    @Test
    void wilsonRejectsImpossibleInput() {
        assertThatThrownBy(() -> Stats.wilson(50, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.wilson(120, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoProportionTest80Versus70WithHundredEach() {
        // pooled 0,75; se = √(0,75·0,25·0,02) = 0,061237; z = −0,10/0,061237 = −1,6330; p = 0,1025
        assertThat(Stats.twoProportionZ(80, 100, 70, 100)).isCloseTo(-1.6330, within(0.0005));
        assertThat(Stats.twoProportionPValue(80, 100, 70, 100)).isCloseTo(0.1025, within(0.0005));
    }

    @Test
    void twoProportionTestWithThousandEachIsSignificant() {
        // se = √(0,1875·0,002) = 0,019365; z = −5,164
        assertThat(Stats.twoProportionZ(80, 1000, 70, 1000)).isCloseTo(-5.164, within(0.001));
        assertThat(Stats.twoProportionPValue(80, 1000, 70, 1000)).isLessThan(1e-6);
    }

    @Test
    void normalCdfKnownPoints() {
        assertThat(Stats.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Stats.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(Stats.normalCdf(-1)).isCloseTo(0.158655, within(1e-6));
    }

    @Test
    void equalSharesGiveNoDifference() {
        assertThat(Stats.twoProportionPValue(0, 50, 0, 60)).isEqualTo(1.0, within(1e-6));
    }
}
