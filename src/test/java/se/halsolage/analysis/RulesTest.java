package se.halsolage.analysis;

import org.junit.jupiter.api.Test;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.Target;
import se.halsolage.domain.TargetStatus;
import se.halsolage.domain.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every analysis rule with hand-computed expectations. */
class RulesTest {
    static Indicator ind(Unit unit, Direction dir) {
        return new Indicator("X1", "Test", null, unit, dir, "test", true, null, Set.of(), null, null, null, null);
    }

    static Observation ok(String period, double v) {
        return ok(period, v, null);
    }

    static Observation ok(String period, double v, Integer n) {
        return Observation.ok("X1", "0799", Period.parse(period), Group.TOTALT, v, n, 1, null);
    }

    static Observation ok(String period, Group g, double v, Integer n) {
        return Observation.ok("X1", "0799", Period.parse(period), g, v, n, 1, null);
    }

    static Observation status(String period, ObservationStatus s) {
        return Observation.withStatus("X1", "0799", Period.parse(period), Group.TOTALT, s, s.defaultMarker(), 1, null);
    }

    // ---------------------------------------------------------------- change and verdict

    @Test
    void decreaseIsWorseWhenHigherIsBetter() {
        Change c = AnalysisService.change(ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER), ok("2020", 86), ok("2024", 81));
        assertThat(c.absolute()).isCloseTo(-5.0, within(1e-9));
        assertThat(c.relative()).isCloseTo(-5.0 / 86, within(1e-9));
        assertThat(c.verdict()).isEqualTo(Verdict.SAMRE);
        assertThat(c.pValue()).isNull();
        assertThat(c.uncertaintyKnown()).isFalse();
    }

    @Test
    void decreaseIsBetterWhenLowerIsBetter() {
        Change c = AnalysisService.change(ind(Unit.PERCENT, Direction.LOWER_IS_BETTER), ok("2020", 20), ok("2024", 17));
        assertThat(c.absolute()).isCloseTo(-3.0, within(1e-9));
        assertThat(c.verdict()).isEqualTo(Verdict.BATTRE);
        Change up = AnalysisService.change(ind(Unit.PERCENT, Direction.LOWER_IS_BETTER), ok("2020", 17), ok("2024", 20));
        assertThat(up.verdict()).isEqualTo(Verdict.SAMRE);
    }

    @Test
    void smallChangesAreUnchangedUsingTheUnitThreshold() {
        Indicator share = ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER);
        assertThat(AnalysisService.change(share, ok("2023", 50.0), ok("2024", 50.6)).verdict()).isEqualTo(Verdict.OFORANDRAD);
        assertThat(AnalysisService.change(share, ok("2023", 50.0), ok("2024", 51.0)).verdict()).isEqualTo(Verdict.BATTRE);
        Indicator years = ind(Unit.YEARS, Direction.HIGHER_IS_BETTER);
        assertThat(AnalysisService.change(years, ok("2023", 81.0), ok("2024", 81.1)).verdict()).isEqualTo(Verdict.OFORANDRAD);
        assertThat(AnalysisService.change(years, ok("2023", 81.0), ok("2024", 81.3)).verdict()).isEqualTo(Verdict.BATTRE);
        // per 100 000: 2 % of 2 400 = 48
        Indicator rate = ind(Unit.PER_100000, Direction.LOWER_IS_BETTER);
        assertThat(AnalysisService.change(rate, ok("2023", 2400), ok("2024", 2370)).verdict()).isEqualTo(Verdict.OFORANDRAD);
        assertThat(AnalysisService.change(rate, ok("2023", 2400), ok("2024", 2300)).verdict()).isEqualTo(Verdict.BATTRE);
    }

    @Test
    void noDirectionCannotBeJudgedButTheChangeIsStillComputed() {
        Change c = AnalysisService.change(ind(Unit.KRONOR, Direction.NEITHER), ok("2020", 200000), ok("2024", 230000));
        assertThat(c.absolute()).isCloseTo(30000, within(1e-9));
        assertThat(c.relative()).isCloseTo(0.15, within(1e-9));
        assertThat(c.verdict()).isEqualTo(Verdict.EJ_BEDOMBAR);
    }

    @Test
    void missingOrSuppressedValuesCannotBeJudgedAndAreNeverZero() {
        Change c = AnalysisService.change(ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER), status("2020", ObservationStatus.SUPPRESSED), ok("2024", 81));
        assertThat(c.verdict()).isEqualTo(Verdict.EJ_BEDOMBAR);
        assertThat(c.absolute()).isNaN();
        assertThat(c.relative()).isNull();
    }

    @Test
    void changeInsideTheNoiseIsUncertainWhenNIsKnown() {
        Indicator share = ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER);
        // 86 → 81 with n = 400: pooled 0,835, se = √(0,835·0,165·0,005) = 0,026246, z = −1,905, p = 0,0568
        Change noisy = AnalysisService.change(share, ok("2020", 86, 400), ok("2024", 81, 400));
        assertThat(noisy.pValue()).isCloseTo(0.0568, within(0.0005));
        assertThat(noisy.verdict()).isEqualTo(Verdict.OSAKER);
        assertThat(noisy.uncertaintyKnown()).isTrue();
        // with n = 500: se = 0,023475, z = −2,130, p = 0,0332 → a real decrease
        Change clear = AnalysisService.change(share, ok("2020", 86, 500), ok("2024", 81, 500));
        assertThat(clear.pValue()).isCloseTo(0.0332, within(0.0005));
        assertThat(clear.verdict()).isEqualTo(Verdict.SAMRE);
        // n known only for one measurement: no test, said so by a null p-value
        Change half = AnalysisService.change(share, ok("2020", 86, 500), ok("2024", 81));
        assertThat(half.pValue()).isNull();
        assertThat(half.verdict()).isEqualTo(Verdict.SAMRE);
    }

    // ---------------------------------------------------------------- series rules

    @Test
    void suppressedAndMissingPointsAreSkippedWhenFindingThePreviousValue() {
        List<Observation> series = List.of(ok("2019", 80), status("2020", ObservationStatus.SUPPRESSED),
                status("2021", ObservationStatus.MISSING), ok("2022", 76), status("2023", ObservationStatus.SUPPRESSED));
        List<Observation> values = AnalysisService.withValues(series);
        assertThat(values).extracting(o -> o.period().label()).containsExactly("2019", "2022");
        Observation latest = values.get(values.size() - 1);
        assertThat(latest.period().label()).isEqualTo("2022");
        Observation prev = AnalysisService.previousComparable(values, latest);
        assertThat(prev.period().label()).isEqualTo("2019");
        Change c = AnalysisService.change(ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER), prev, latest);
        assertThat(c.absolute()).isCloseTo(-4.0, within(1e-9));
    }

    @Test
    void rollingPeriodsAreComparedWithTheLatestNonOverlappingPeriod() {
        List<Observation> values = AnalysisService.withValues(List.of(ok("2019–2021", 30), ok("2020–2022", 31),
                ok("2021–2023", 32), ok("2022–2024", 34)));
        Observation latest = values.get(3);
        Observation prev = AnalysisService.previousComparable(values, latest);
        assertThat(prev.period().label()).isEqualTo("2019–2021");
        Change c = AnalysisService.change(ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER), prev, latest);
        assertThat(c.absolute()).isCloseTo(4.0, within(1e-9));
        assertThat(c.verdict()).isEqualTo(Verdict.BATTRE);
    }

    @Test
    void rollingPeriodsWithoutANonOverlappingPredecessorUseTheOneBefore() {
        List<Observation> values = AnalysisService.withValues(List.of(ok("2020–2022", 31), ok("2021–2023", 32)));
        assertThat(AnalysisService.previousComparable(values, values.get(1)).period().label()).isEqualTo("2020–2022");
    }

    @Test
    void spanStartIsTheValueAtLeastSpanYearsBefore() {
        List<Observation> yearly = new ArrayList<>();
        for (int y = 2016; y <= 2024; y++) yearly.add(ok(Integer.toString(y), 50 + y - 2016));
        Observation latest = yearly.get(yearly.size() - 1);
        assertThat(AnalysisService.spanStart(yearly, latest, 4).period().label()).isEqualTo("2020");
        List<Observation> survey = List.of(ok("2015", 1), ok("2018", 2), ok("2021", 3), ok("2024", 4));
        assertThat(AnalysisService.spanStart(survey, survey.get(3), 4).period().label()).isEqualTo("2018");
        // a short series starts at its first value
        List<Observation> shortSeries = List.of(ok("2023", 1), ok("2024", 2));
        assertThat(AnalysisService.spanStart(shortSeries, shortSeries.get(1), 4).period().label()).isEqualTo("2023");
        assertThat(AnalysisService.spanStart(List.of(ok("2024", 2)), ok("2024", 2), 4)).isNull();
    }

    // ---------------------------------------------------------------- comparisons and gender gap

    @Test
    void comparisonIsOwnMinusOtherWithDirection() {
        Indicator lower = ind(Unit.PERCENT, Direction.LOWER_IS_BETTER);
        Comparison c = AnalysisService.compare(lower, "0000", "Riket", ok("2024", 12.5), ok("2024", 10.0));
        assertThat(c.difference()).isCloseTo(2.5, within(1e-9));
        assertThat(c.verdict()).isEqualTo(Verdict.SAMRE);
        Comparison missing = AnalysisService.compare(lower, "0000", "Riket", ok("2024", 12.5), null);
        assertThat(missing.difference()).isNull();
        assertThat(missing.verdict()).isEqualTo(Verdict.EJ_BEDOMBAR);
    }

    @Test
    void genderGapIsFemaleMinusMaleAndTestedWhenNIsKnown() {
        Indicator share = ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER);
        // 76 vs 84, n = 200 each: pooled 0,80, se = √(0,16·0,01) = 0,04, z = −2,0, p = 0,0455 → girls worse off
        List<Observation> f = List.of(ok("2021", Group.FLICKOR, 80, 200), ok("2024", Group.FLICKOR, 76, 200));
        List<Observation> m = List.of(ok("2021", Group.POJKAR, 83, 200), ok("2024", Group.POJKAR, 84, 200));
        GenderGap g = AnalysisService.genderGap(share, f, m);
        assertThat(g.gap()).isCloseTo(-8.0, within(1e-9));
        assertThat(g.previousGap()).isCloseTo(-3.0, within(1e-9));
        assertThat(g.significance()).isEqualTo(Verdict.SAMRE);
        assertThat(g.widened()).isTrue();
        assertThat(g.femaleLabel()).isEqualTo("Flickor");
        assertThat(g.maleLabel()).isEqualTo("Pojkar");
        // n = 150 each: se = 0,046188, z = −1,732, p = 0,083 → inside the noise
        GenderGap noisy = AnalysisService.genderGap(share, List.of(ok("2024", Group.FLICKOR, 76, 150)),
                List.of(ok("2024", Group.POJKAR, 84, 150)));
        assertThat(noisy.significance()).isEqualTo(Verdict.OSAKER);
        assertThat(noisy.previousGap()).isNull();
    }

    @Test
    void genderGapSkipsPeriodsWhereOneGroupIsSuppressed() {
        Indicator share = ind(Unit.PERCENT, Direction.LOWER_IS_BETTER);
        List<Observation> f = List.of(ok("2021", Group.KVINNOR, 20, null), ok("2024", Group.KVINNOR, 22, null));
        List<Observation> m = List.of(ok("2021", Group.MAN, 18, null),
                Observation.withStatus("X1", "0799", Period.year(2024), Group.MAN, ObservationStatus.SUPPRESSED, "..", 1, null));
        GenderGap g = AnalysisService.genderGap(share, f, m);
        assertThat(g.female().period().label()).isEqualTo("2021");
        assertThat(g.gap()).isCloseTo(2.0, within(1e-9));
        assertThat(g.significance()).isEqualTo(Verdict.SAMRE); // lower is better, women higher, n unknown
        assertThat(g.femaleLabel()).isEqualTo("Kvinnor");
    }

    // ---------------------------------------------------------------- targets

    static Target target(double perYear) {
        return new Target(1, "X1", "0799", Group.TOTALT, 2022, null, perYear, null, 2026, "test");
    }

    @Test
    void targetTrajectoryTwoPointsPerYear() {
        Indicator share = ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER);
        Target t = target(2);
        assertThat(AnalysisService.expected(t, 80, 2024)).isCloseTo(84, within(1e-9));
        assertThat(AnalysisService.expected(t, 80, 2026)).isCloseTo(88, within(1e-9));
        assertThat(AnalysisService.expected(t, 80, 2030)).isCloseTo(88, within(1e-9)); // clamped at the horizon
        // shortfall ≤ 1 p.e. → I fas; ≤ max(2, 4/2) → Bevaka; else Avvikelse
        assertThat(AnalysisService.evaluate(t, share, List.of(ok("2022", 80), ok("2024", 83))).status()).isEqualTo(TargetStatus.I_FAS);
        assertThat(AnalysisService.evaluate(t, share, List.of(ok("2022", 80), ok("2024", 82))).status()).isEqualTo(TargetStatus.BEVAKA);
        TargetEvaluation off = AnalysisService.evaluate(t, share, List.of(ok("2022", 80), ok("2023", 82), ok("2024", 81)));
        assertThat(off.status()).isEqualTo(TargetStatus.AVVIKELSE);
        assertThat(off.baseline()).isEqualTo(80.0);
        assertThat(off.expected()).isCloseTo(84, within(1e-9));
        assertThat(off.actual().value()).isEqualTo(81.0);
        assertThat(AnalysisService.evaluate(t, share, List.of(ok("2022", 80), ok("2024", 90))).status()).isEqualTo(TargetStatus.I_FAS);
    }

    @Test
    void targetForALowerIsBetterIndicator() {
        Indicator share = ind(Unit.PERCENT, Direction.LOWER_IS_BETTER);
        Target t = new Target(1, "X1", "0799", Group.TOTALT, 2022, 10.0, -0.5, null, 2026, "test");
        // expected 2024: 10 − 0,5·2 = 9,0
        assertThat(AnalysisService.evaluate(t, share, List.of(ok("2024", 9.8))).status()).isEqualTo(TargetStatus.I_FAS);
        assertThat(AnalysisService.evaluate(t, share, List.of(ok("2024", 10.9))).status()).isEqualTo(TargetStatus.BEVAKA);
        assertThat(AnalysisService.evaluate(t, share, List.of(ok("2024", 11.5))).status()).isEqualTo(TargetStatus.AVVIKELSE);
    }

    @Test
    void targetValueGivesAStraightLineFromTheBaseline() {
        Indicator share = ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER);
        Target t = new Target(1, "X1", "0799", Group.TOTALT, 2021, null, null, 75.0, 2025, "test");
        TargetEvaluation e = AnalysisService.evaluate(t, share, List.of(ok("2021", 70), ok("2023", 71.6)));
        assertThat(e.expected()).isCloseTo(72.5, within(1e-9));
        assertThat(e.status()).isEqualTo(TargetStatus.I_FAS); // shortfall 0,9
    }

    @Test
    void targetPerHundredThousandUsesTheRelativeTolerance() {
        Indicator rate = ind(Unit.PER_100000, Direction.LOWER_IS_BETTER);
        Target t = new Target(1, "X1", "0799", Group.TOTALT, 2021, null, -50.0, null, 2025, "test");
        // baseline 2 500, expected 2024 = 2 350, tolerance 50
        List<Observation> base = List.of(ok("2021", 2500));
        assertThat(AnalysisService.evaluate(t, rate, concat(base, ok("2024", 2390))).status()).isEqualTo(TargetStatus.I_FAS);
        assertThat(AnalysisService.evaluate(t, rate, concat(base, ok("2024", 2440))).status()).isEqualTo(TargetStatus.BEVAKA);
        assertThat(AnalysisService.evaluate(t, rate, concat(base, ok("2024", 2460))).status()).isEqualTo(TargetStatus.AVVIKELSE);
    }

    @Test
    void targetWithoutBaselineOrActualCannotBeJudged() {
        Indicator share = ind(Unit.PERCENT, Direction.HIGHER_IS_BETTER);
        Target t = target(2);
        TargetEvaluation noBase = AnalysisService.evaluate(t, share, List.of(status("2022", ObservationStatus.SUPPRESSED), ok("2024", 84)));
        assertThat(noBase.status()).isEqualTo(TargetStatus.OKAND);
        assertThat(noBase.baseline()).isNull();
        TargetEvaluation noData = AnalysisService.evaluate(t, share, List.of());
        assertThat(noData.status()).isEqualTo(TargetStatus.OKAND);
    }

    static List<Observation> concat(List<Observation> a, Observation b) {
        List<Observation> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
