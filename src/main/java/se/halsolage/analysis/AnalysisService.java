package se.halsolage.analysis;

import se.halsolage.domain.Area;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Target;
import se.halsolage.domain.TargetStatus;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trends, differences, gender gaps, target status and "Vad sticker ut" for a workbook.
 * The own municipality, county and comparison group come from the workbook's plan settings.
 * Every rule is also a pure static function here (or in {@link Stats}) so it can be tested by hand;
 * docs/analysis-and-charts.md describes them.
 */
public final class AnalysisService {
    /** Default span for "over the span": the latest value is compared with the one at least 4 years earlier. */
    public static final int DEFAULT_SPAN_YEARS = 4;
    /** "Oförändrad" threshold for shares: differences below 1 procentenhet. */
    public static final double SHARE_THRESHOLD = 1.0;
    /** "Oförändrad" threshold for years (e.g. medellivslängd): below 0,2 år. */
    public static final double YEARS_THRESHOLD = 0.2;
    /** "Oförändrad" threshold for other units: below 2 % of the reference value. */
    public static final double RELATIVE_THRESHOLD = 0.02;

    private final Workbook wb;
    private final PlanSettings plan;
    private final int spanYears;
    private final Map<String, String> areaNames = new HashMap<>();

    public AnalysisService(Workbook wb) {
        this(wb, DEFAULT_SPAN_YEARS);
    }

    public AnalysisService(Workbook wb, int spanYears) {
        this.wb = Objects.requireNonNull(wb, "wb");
        this.plan = wb.settings().plan();
        if (spanYears < 1) throw new IllegalArgumentException("Spannet måste vara minst ett år");
        this.spanYears = spanYears;
    }

    public PlanSettings plan() {
        return plan;
    }

    public int spanYears() {
        return spanYears;
    }

    // ------------------------------------------------------------------ instance API

    /** Analysis of an indicator for the own municipality. */
    public IndicatorAnalysis analyze(String indicatorId) {
        if (plan.municipalityId() == null) throw new UserError("Arbetsboken saknar egen kommun i inställningarna.");
        return analyze(indicatorId, plan.municipalityId());
    }

    /** Analysis of an indicator for any area (group Totalt). */
    public IndicatorAnalysis analyze(String indicatorId, String areaId) {
        Indicator ind = wb.indicators().get(indicatorId)
                .orElseThrow(() -> new UserError("Nyckeltalet " + indicatorId + " finns inte i arbetsboken."));
        return analyze(ind, areaId, null);
    }

    /**
     * Series read ahead for many indicators (own municipality, county, riket, comparison group; all groups) and
     * the targets by indicator, while {@link #analyzeAll()} or {@link #findings(java.util.Set)} runs; null otherwise.
     */
    private Map<String, Map<String, List<Observation>>> ahead;
    private Map<String, List<Target>> targetsAhead;

    private List<Observation> seriesOf(Indicator ind, String areaId) {
        if (ahead != null && areaId != null && areaId.equals(plan.municipalityId())) {
            Map<String, List<Observation>> m = ahead.get(ind.id());
            List<Observation> l = m == null ? null : m.get(areaId);
            return l == null ? new ArrayList<>() : l;
        }
        return wb.observations().series(ind.id(), areaId);
    }

    private List<Observation> seriesOf(Indicator ind, String areaId, Group g) {
        if (ahead != null && areaId != null && areaId.equals(plan.municipalityId())) {
            List<Observation> out = new ArrayList<>();
            for (Observation o : seriesOf(ind, areaId)) if (o.group().equals(g)) out.add(o);
            return out;
        }
        if (ahead != null && g.isTotal() && aheadAreas().contains(areaId)) {
            Map<String, List<Observation>> m = ahead.get(ind.id());
            List<Observation> l = m == null ? null : m.get(areaId);
            return l == null ? new ArrayList<>() : new ArrayList<>(l);
        }
        return wb.observations().series(ind.id(), areaId, g);
    }

    private List<String> aheadAreas() {
        List<String> out = new ArrayList<>();
        for (String a : new String[]{plan.municipalityId(), plan.countyId(), Area.RIKET_ID, plan.comparisonGroupId()}) {
            if (a != null) out.add(a);
        }
        return out;
    }

    /** Runs {@code work} with the series of {@code inds} read ahead in a few statements (one per series otherwise). */
    private <T> T readingAhead(List<Indicator> inds, java.util.function.Supplier<T> work) {
        if (ahead != null) return work.get();
        List<String> ids = new ArrayList<>();
        for (Indicator i : inds) ids.add(i.id());
        // the own municipality with every group (gender gap, targets); the others only as Totalt (comparisons)
        List<String> refs = new ArrayList<>(aheadAreas());
        refs.remove(plan.municipalityId());
        ahead = wb.observations().seriesFor(ids, List.of(plan.municipalityId()), refs, Group.TOTALT);
        targetsAhead = new HashMap<>();
        for (Target t : wb.targets().all()) targetsAhead.computeIfAbsent(t.indicatorId(), x -> new ArrayList<>()).add(t);
        try {
            return work.get();
        } finally {
            ahead = null;
            targetsAhead = null;
        }
    }

    private IndicatorAnalysis analyze(Indicator ind, String areaId, Object unused) {
        List<Observation> series = seriesOf(ind, areaId, Group.TOTALT);
        List<Observation> values = withValues(series);
        Observation latest = values.isEmpty() ? null : values.get(values.size() - 1);
        Observation prev = previousComparable(values, latest);
        Observation start = spanStart(values, latest, spanYears);
        Change sincePrevious = prev == null ? null : change(ind, prev, latest);
        Change overSpan = start == null ? null : change(ind, start, latest);

        Comparison county = compareWith(ind, areaId, plan.countyId(), latest);
        Comparison riket = compareWith(ind, areaId, Area.RIKET_ID, latest);
        Comparison group = compareWith(ind, areaId, plan.comparisonGroupId(), latest, true);

        GenderGap gap = null;
        {
            List<Observation> all = seriesOf(ind, areaId);
            List<Observation> female = new ArrayList<>(), male = new ArrayList<>();
            for (Observation o : all) {
                if (o.group().isFemale()) female.add(o);
                else if (o.group().isMale()) male.add(o);
            }
            if (!female.isEmpty() && !male.isEmpty()) gap = genderGap(ind, female, male);
        }

        List<TargetEvaluation> targets = new ArrayList<>();
        for (Target t : targetsAhead != null ? targetsAhead.getOrDefault(ind.id(), List.of()) : wb.targets().forIndicator(ind.id())) {
            String tArea = t.areaId() == null ? plan.municipalityId() : t.areaId();
            if (!areaId.equals(tArea)) continue;
            List<Observation> ts = t.group().isTotal() ? series : seriesOf(ind, areaId, t.group());
            targets.add(evaluate(t, ind, ts));
        }
        String name = areaName(areaId);
        List<String> sentences = Texts.sentences(ind, name, series, latest, sincePrevious, overSpan, county, riket, group, gap, targets);
        return new IndicatorAnalysis(ind, areaId, series, latest, sincePrevious, overSpan, county, riket, group, gap,
                targets, sentences);
    }

    /** Every indicator of the workbook for the own municipality, in catalogue order. */
    public List<IndicatorAnalysis> analyzeAll() {
        if (plan.municipalityId() == null) throw new UserError("Arbetsboken saknar egen kommun i inställningarna.");
        List<Indicator> inds = wb.indicators().all();
        return readingAhead(inds, () -> {
            List<IndicatorAnalysis> out = new ArrayList<>();
            for (Indicator ind : inds) out.add(analyze(ind, plan.municipalityId(), null));
            return out;
        });
    }

    /** "Vad sticker ut": the notable findings for the own municipality, highest score first. */
    public List<Finding> findings() {
        return findings(null);
    }

    /** "Vad sticker ut" for these indicators only (null: every indicator of the workbook). */
    public List<Finding> findings(java.util.Set<String> indicatorIds) {
        if (plan.municipalityId() == null) throw new UserError("Arbetsboken saknar egen kommun i inställningarna.");
        List<Indicator> inds = new ArrayList<>();
        for (Indicator ind : wb.indicators().all()) if (indicatorIds == null || indicatorIds.contains(ind.id())) inds.add(ind);
        return readingAhead(inds, () -> findingsOf(inds));
    }

    private List<Finding> findingsOf(List<Indicator> inds) {
        Map<String, Change> riketChanges = new LinkedHashMap<>();
        List<IndicatorAnalysis> all = new ArrayList<>();
        for (Indicator ind : inds) all.add(analyze(ind, plan.municipalityId(), null));
        for (IndicatorAnalysis a : all) {
            Change own = a.sincePrevious();
            if (own == null) continue;
            for (String ref : new String[]{Area.RIKET_ID, plan.countyId()}) {
                if (ref == null) continue;
                Change rc = sameSpanChange(a.indicator(), ref, own);
                if (rc != null) {
                    riketChanges.put(a.indicator().id(), rc);
                    break;
                }
            }
        }
        return rankFindings(all, riketChanges, name -> areaName(name), areaName(plan.municipalityId()));
    }

    /** The change in another area between the same two periods as {@code own}, or null. */
    public Change sameSpanChange(Indicator ind, String areaId, Change own) {
        if (own == null || own.from() == null || own.to() == null) return null;
        List<Observation> s = seriesOf(ind, areaId, own.to().group());
        Observation f = byLabel(s, own.from().period().label()), t = byLabel(s, own.to().period().label());
        if (f == null || t == null || !f.hasValue() || !t.hasValue()) return null;
        return change(ind, f, t);
    }

    public String areaName(String areaId) {
        if (areaId == null) return null;
        return areaNames.computeIfAbsent(areaId, id -> wb.areas().get(id).map(Area::name).orElse(id));
    }

    private Comparison compareWith(Indicator ind, String areaId, String otherId, Observation own) {
        return compareWith(ind, areaId, otherId, own, false);
    }

    private Comparison compareWith(Indicator ind, String areaId, String otherId, Observation own, boolean group) {
        if (otherId == null || otherId.equals(areaId)) return null;
        List<Observation> other = group ? groupSeries(wb, ind, otherId) : seriesOf(ind, otherId, Group.TOTALT);
        if (other.isEmpty()) return null;
        Observation same = own == null ? null : byLabel(other, own.period().label());
        return compare(ind, otherId, areaName(otherId), own, same);
    }

    /**
     * The comparison group's series (group Totalt): the group's own values (Kolada's, for a Kolada group), else, for
     * data such as Skolenkäten that has no group values, {@link #memberMean the members' unweighted mean}.
     */
    public static List<Observation> groupSeries(Workbook wb, Indicator ind, String groupId) {
        List<Observation> own = wb.observations().series(ind.id(), groupId, Group.TOTALT);
        if (own.stream().anyMatch(Observation::hasValue)) return own;
        return memberMean(wb, ind, groupId);
    }

    /**
     * Per period the unweighted mean of the group members' values (group Totalt), as Kolada computes a group's value,
     * when at least half of the members have one (Hälsoläge's calculation, so never cited as Kolada's); the
     * observations carry the group's id and the source of a member's value. Empty when the group has no members.
     */
    public static List<Observation> memberMean(Workbook wb, Indicator ind, String groupId) {
        List<String> members = wb.areas().members(groupId);
        if (members.isEmpty()) return List.of();
        Map<String, double[]> sums = new java.util.TreeMap<>();
        Map<String, Observation> any = new java.util.HashMap<>();
        for (String m : members) {
            for (Observation o : wb.observations().series(ind.id(), m, Group.TOTALT)) {
                if (!o.hasValue()) continue;
                double[] acc = sums.computeIfAbsent(o.period().label(), k -> new double[2]);
                acc[0] += o.value();
                acc[1]++;
                any.putIfAbsent(o.period().label(), o);
            }
        }
        List<Observation> out = new ArrayList<>();
        for (var e : sums.entrySet()) {
            if (e.getValue()[1] * 2 < members.size()) continue;
            Observation proto = any.get(e.getKey());
            out.add(Observation.ok(ind.id(), groupId, proto.period(), Group.TOTALT, e.getValue()[0] / e.getValue()[1], null,
                    proto.sourceId(), null));
        }
        out.sort(Comparator.comparing(Observation::period));
        return out;
    }

    // ------------------------------------------------------------------ pure rules

    /** The observations that have a value, in the given (period) order. Suppressed and missing are skipped. */
    public static List<Observation> withValues(List<Observation> series) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : series) if (o.hasValue()) out.add(o);
        out.sort(Comparator.comparing(Observation::period));
        return out;
    }

    static Observation byLabel(List<Observation> series, String label) {
        for (Observation o : series) if (o.period().label().equals(label)) return o;
        return null;
    }

    /**
     * The previous comparable measurement: the latest value whose period ends before {@code latest} starts
     * (so rolling periods "2020–2022" and "2022–2024" overlap and are not compared); if there is none, the
     * value just before the latest. Null when there is no earlier value.
     */
    public static Observation previousComparable(List<Observation> values, Observation latest) {
        if (latest == null) return null;
        Observation before = null, nonOverlapping = null;
        for (Observation o : values) {
            if (!o.hasValue() || o.period().compareTo(latest.period()) >= 0) continue;
            before = o;
            if (o.period().endYear() < latest.period().startYear()) nonOverlapping = o;
        }
        return nonOverlapping != null ? nonOverlapping : before;
    }

    /**
     * The start of the span: the latest value whose period ends at least {@code spanYears} before the latest
     * period ends; when the series is shorter, its first value. Null when there is no earlier value.
     */
    public static Observation spanStart(List<Observation> values, Observation latest, int spanYears) {
        if (latest == null) return null;
        Observation first = null, candidate = null;
        for (Observation o : values) {
            if (!o.hasValue() || o.period().compareTo(latest.period()) >= 0) continue;
            if (first == null) first = o;
            if (o.period().endYear() <= latest.period().endYear() - spanYears) candidate = o;
        }
        return candidate != null ? candidate : first;
    }

    /**
     * The "oförändrad" threshold: 1 p.e. for shares, 0,2 år for years, else 2 % of the reference value.
     */
    public static double threshold(Unit unit, double reference) {
        return switch (unit) {
            case PERCENT -> SHARE_THRESHOLD;
            case YEARS -> YEARS_THRESHOLD;
            default -> Math.max(1e-9, Math.abs(reference) * RELATIVE_THRESHOLD);
        };
    }

    /** Two-sided p-value when both are shares with known n, else null. */
    public static Double pValue(Unit unit, Observation a, Observation b) {
        if (unit != Unit.PERCENT || a == null || b == null || !a.hasValue() || !b.hasValue()) return null;
        if (a.n() == null || b.n() == null || a.n() <= 0 || b.n() <= 0) return null;
        if (a.value() < 0 || a.value() > 100 || b.value() < 0 || b.value() > 100) return null;
        return Stats.twoProportionPValue(a.value(), a.n(), b.value(), b.n());
    }

    /**
     * The verdict on a difference {@code delta} (later − earlier, or own − other) for an indicator:
     * EJ_BEDOMBAR without direction; OFORANDRAD when |delta| is below the threshold; OSAKER when a p-value is
     * known and not below 0,05; otherwise BATTRE or SAMRE following the direction.
     */
    public static Verdict verdict(Direction direction, Unit unit, double reference, double delta, Double pValue) {
        if (Double.isNaN(delta) || direction == Direction.NEITHER) return Verdict.EJ_BEDOMBAR;
        if (Math.abs(delta) < threshold(unit, reference)) return Verdict.OFORANDRAD;
        if (pValue != null && pValue >= Stats.ALPHA) return Verdict.OSAKER;
        return delta * direction.sign() > 0 ? Verdict.BATTRE : Verdict.SAMRE;
    }

    /** The change from one observation to a later one. Missing values give NaN and EJ_BEDOMBAR. */
    public static Change change(Indicator ind, Observation from, Observation to) {
        if (from == null || to == null || !from.hasValue() || !to.hasValue()) {
            return new Change(from, to, Double.NaN, null, Verdict.EJ_BEDOMBAR, null);
        }
        double abs = to.value() - from.value();
        Double rel = from.value() == 0 ? null : abs / from.value();
        Double p = pValue(ind.unit(), from, to);
        return new Change(from, to, abs, rel, verdict(ind.direction(), ind.unit(), from.value(), abs, p), p);
    }

    /** Own minus other in the same period; verdict BATTRE when the own area is better off. */
    public static Comparison compare(Indicator ind, String otherId, String otherName, Observation own, Observation other) {
        if (own == null || other == null || !own.hasValue() || !other.hasValue()) {
            return new Comparison(otherId, otherName, own, other, null, Verdict.EJ_BEDOMBAR);
        }
        double diff = own.value() - other.value();
        Double p = pValue(ind.unit(), other, own);
        return new Comparison(otherId, otherName, own, other, diff, verdict(ind.direction(), ind.unit(), other.value(), diff, p));
    }

    /**
     * The gap female − male in the latest period where both have values, and the same gap in the previous
     * comparable period. Verdict from the female group's point of view.
     */
    public static GenderGap genderGap(Indicator ind, List<Observation> female, List<Observation> male) {
        List<Observation> f = withValues(female);
        Map<String, Observation> m = new HashMap<>();
        for (Observation o : withValues(male)) m.put(o.period().label(), o);
        List<Observation> pairedF = new ArrayList<>();
        for (Observation o : f) if (m.containsKey(o.period().label())) pairedF.add(o);
        if (pairedF.isEmpty()) {
            Observation lf = female.isEmpty() ? null : female.get(female.size() - 1);
            Observation lm = male.isEmpty() ? null : male.get(male.size() - 1);
            return new GenderGap(lf, lm, null, null, Verdict.EJ_BEDOMBAR, Texts.isChildren(ind));
        }
        Observation lf = pairedF.get(pairedF.size() - 1);
        Observation lm = m.get(lf.period().label());
        double gap = lf.value() - lm.value();
        Observation pf = previousComparable(pairedF, lf);
        Double prevGap = pf == null ? null : pf.value() - m.get(pf.period().label()).value();
        Double p = pValue(ind.unit(), lm, lf);
        return new GenderGap(lf, lm, gap, prevGap, verdict(ind.direction(), ind.unit(), lm.value(), gap, p), Texts.isChildren(ind));
    }

    /**
     * Where the target's trajectory is in {@code year}: with a change per year, baseline + change·(year − baseline
     * year), not beyond a target value if one is given; with only a target value, the straight line from the
     * baseline to the target value in the horizon year. Years outside baseline…horizon are clamped.
     */
    public static double expected(Target t, double baseline, int year) {
        int y = Math.max(t.baselineYear(), Math.min(t.horizonYear(), year));
        int elapsed = y - t.baselineYear();
        if (t.changePerYear() != null) {
            double v = baseline + t.changePerYear() * elapsed;
            if (t.targetValue() != null) {
                double tv = t.targetValue();
                if ((t.changePerYear() > 0 && v > tv && baseline <= tv) || (t.changePerYear() < 0 && v < tv && baseline >= tv)) v = tv;
            }
            return v;
        }
        int span = t.horizonYear() - t.baselineYear();
        if (span == 0) return t.targetValue();
        return baseline + (t.targetValue() - baseline) * elapsed / span;
    }

    /**
     * Target status. d = the wanted direction (sign of the trajectory, else the indicator's direction);
     * shortfall = d·(expected − actual); tol = {@link #threshold}. I_FAS when shortfall ≤ tol; BEVAKA when
     * shortfall ≤ max(2·tol, |expected − baseline|/2); AVVIKELSE otherwise. Without any direction the
     * distance |actual − expected| is used instead of the shortfall.
     */
    public static TargetStatus targetStatus(Target t, Indicator ind, double baseline, double expected, double actual) {
        double horizon = expected(t, baseline, t.horizonYear());
        int d = (int) Math.signum(horizon - baseline);
        if (d == 0) d = ind.direction().sign();
        double tol = threshold(ind.unit(), baseline);
        double shortfall = d == 0 ? Math.abs(actual - expected) : d * (expected - actual);
        if (shortfall <= tol + 1e-9) return TargetStatus.I_FAS;
        if (shortfall <= Math.max(2 * tol, Math.abs(expected - baseline) / 2) + 1e-9) return TargetStatus.BEVAKA;
        return TargetStatus.AVVIKELSE;
    }

    /** Evaluates a target against a series (one area, the target's group). */
    public static TargetEvaluation evaluate(Target t, Indicator ind, List<Observation> series) {
        List<Observation> values = withValues(series);
        Double baseline = t.baselineValue();
        if (baseline == null) {
            for (Observation o : values) if (o.period().endYear() == t.baselineYear()) baseline = o.value();
        }
        Observation actual = values.isEmpty() ? null : values.get(values.size() - 1);
        if (baseline == null || actual == null || actual.period().endYear() < t.baselineYear()) {
            Double exp = baseline == null || actual == null ? null : expected(t, baseline, actual.period().endYear());
            return new TargetEvaluation(t, baseline, exp, actual, TargetStatus.OKAND);
        }
        double exp = expected(t, baseline, actual.period().endYear());
        return new TargetEvaluation(t, baseline, exp, actual, targetStatus(t, ind, baseline, exp, actual.value()));
    }

    // ------------------------------------------------------------------ findings

    /**
     * Ranks findings. Effects are measured in thresholds (|Δ|/threshold, capped at 10). Candidates per indicator:
     * a clear change over the span (effect, +1,5 when riket moved the other way, +1 when riket stood still, +0,5
     * when the change is larger than riket's, −0,5 when smaller or similar); a clear difference from riket or,
     * without riket, the county (0,8·effect); a clear gender gap (0,5·effect); a target off track (AVVIKELSE
     * 3 + effect of the shortfall, BEVAKA 1 + half of it). At most two findings per indicator; highest score
     * first, ties by indicator id.
     */
    static List<Finding> rankFindings(List<IndicatorAnalysis> all, Map<String, Change> referenceChanges,
                                      java.util.function.Function<String, String> names, String ownName) {
        List<Finding> out = new ArrayList<>();
        for (IndicatorAnalysis a : all) {
            if (!a.hasData()) continue;
            List<Finding> mine = Texts.candidates(a, referenceChanges.get(a.indicator().id()), names, ownName);
            mine.sort(Comparator.comparingDouble(Finding::score).reversed());
            out.addAll(mine.subList(0, Math.min(2, mine.size())));
        }
        out.sort(Comparator.comparingDouble(Finding::score).reversed().thenComparing(Finding::indicatorId));
        return out;
    }
}
