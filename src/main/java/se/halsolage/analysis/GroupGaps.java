package se.halsolage.analysis;

import se.halsolage.domain.Breakdown;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gaps between population groups ("jämlik hälsa", issue 21): for one breakdown of an indicator (kön, ålder,
 * utbildning, födelseland, huvudman …) in one area, every group's value per period with its 95 % interval, the most
 * and the least favoured group of the latest period (by the indicator's direction; without one, the highest and the
 * lowest value), and that pair's gap over time, absolute (in the indicator's unit) and relative (the larger value over
 * the smaller).
 *
 * <p>Whether the gap has widened or narrowed is judged between the pair's first and latest common period by a z test
 * of the difference between the two gaps: each value's standard error is taken from its 95 % interval (width / 2 ·
 * 1,96; Wilson for shares with n where the source gives no bounds), the four are treated as independent, and the
 * change counts only when |z| ≥ 1,96. Without intervals for all four values the change is not assessed; the finding
 * says so rather than calling a change in the figures real.
 */
public record GroupGaps(Indicator indicator, String areaId, Breakdown breakdown, List<String> periods,
                        Map<Group, List<Value>> values, Group favoured, Group unfavoured, List<Gap> gaps, Trend trend) {

    /** One group's value in one period with its 95 % interval (null when unknown). */
    public record Value(Group group, Observation obs, Interval ci) {
        public double value() {
            return obs.value();
        }
    }

    /** The pair's gap in one period: favoured minus unfavoured made positive, and the larger value over the smaller. */
    public record Gap(String period, int endYear, double favouredValue, double unfavouredValue, double absolute,
                      Double relative, Double se) {
    }

    public enum Direction {
        WIDER("har ökat"), NARROWER("har minskat"), NO_CLEAR("är oförändrad inom den statistiska osäkerheten"),
        NOT_ASSESSED("förändringen kan inte prövas mot slumpen (värdena saknar osäkerhetsmått)"), ONE_PERIOD("finns bara för en mätning");

        private final String words;

        Direction(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The change of the gap between the first and the latest common period, and the test's z (null: not assessed). */
    public record Trend(Gap first, Gap last, Double z, Direction direction) {
    }

    /**
     * The breakdown worth showing: the first one other than kön with at least two groups with values for the area,
     * else kön; null when there is none.
     */
    public static Breakdown choose(Workbook wb, Indicator ind, String areaId) {
        Breakdown kon = null;
        for (Breakdown b : wb.observations().breakdownsOf(ind.id())) {
            int withValues = 0;
            for (Group g : b.values()) {
                if (wb.observations().series(ind.id(), areaId, g).stream().anyMatch(Observation::hasValue)) withValues++;
            }
            if (withValues < 2) continue;
            if (Group.KON.equals(b.name())) {
                if (kon == null) kon = b;
            } else {
                return b;
            }
        }
        return kon;
    }

    /** The gaps of a breakdown; null when fewer than two of its groups have a value in a common period. */
    public static GroupGaps of(Workbook wb, Indicator ind, String areaId, Breakdown b) {
        Unit u = ind.unit();
        Map<Group, List<Value>> values = new LinkedHashMap<>();
        TreeMap<Integer, String> periods = new TreeMap<>();
        for (Group g : b.values()) {
            List<Value> vs = new ArrayList<>();
            for (Observation o : wb.observations().series(ind.id(), areaId, g)) {
                if (!o.hasValue()) continue;
                vs.add(new Value(g, o, Ranking.interval(o, u)));
                periods.put(o.period().endYear(), o.period().label());
            }
            if (!vs.isEmpty()) values.put(g, vs);
        }
        if (values.size() < 2) return null;
        // the latest period where at least two groups have a value decides the pair
        String lastPeriod = null;
        for (String p : periods.descendingMap().values()) {
            long n = values.values().stream().filter(vs -> at(vs, p) != null).count();
            if (n >= 2) {
                lastPeriod = p;
                break;
            }
        }
        if (lastPeriod == null) return null;
        int sign = ind.direction().sign() >= 0 ? 1 : -1;
        Group fav = null, unfav = null;
        double favV = 0, unfavV = 0;
        for (var e : values.entrySet()) {
            Value v = at(e.getValue(), lastPeriod);
            if (v == null) continue;
            if (fav == null || sign * v.value() > sign * favV) {
                fav = e.getKey();
                favV = v.value();
            }
            if (unfav == null || sign * v.value() < sign * unfavV) {
                unfav = e.getKey();
                unfavV = v.value();
            }
        }
        List<Gap> gaps = new ArrayList<>();
        for (var p : periods.entrySet()) {
            Value f = at(values.get(fav), p.getValue()), w = at(values.get(unfav), p.getValue());
            if (f == null || w == null) continue;
            double lo = Math.min(f.value(), w.value()), hi = Math.max(f.value(), w.value());
            Double rel = lo > 0 ? hi / lo : null;
            Double se = f.ci() == null || w.ci() == null ? null
                    : Math.sqrt(sq(f.ci().width() / (2 * Stats.Z95)) + sq(w.ci().width() / (2 * Stats.Z95)));
            gaps.add(new Gap(p.getValue(), p.getKey(), f.value(), w.value(), sign * (f.value() - w.value()), rel, se));
        }
        Trend trend;
        if (gaps.size() < 2) {
            trend = new Trend(gaps.get(0), gaps.get(0), null, Direction.ONE_PERIOD);
        } else {
            Gap first = gaps.get(0), last = gaps.get(gaps.size() - 1);
            if (first.se() == null || last.se() == null) {
                trend = new Trend(first, last, null, Direction.NOT_ASSESSED);
            } else {
                double se = Math.sqrt(sq(first.se()) + sq(last.se()));
                double z = se == 0 ? 0 : (last.absolute() - first.absolute()) / se;
                trend = new Trend(first, last, z, z >= Stats.Z95 ? Direction.WIDER : z <= -Stats.Z95 ? Direction.NARROWER
                        : Direction.NO_CLEAR);
            }
        }
        return new GroupGaps(ind, areaId, b, List.copyOf(periods.values()), values, fav, unfav, List.copyOf(gaps), trend);
    }

    private static Value at(List<Value> vs, String period) {
        if (vs == null) return null;
        for (Value v : vs) if (v.obs().period().label().equals(period)) return v;
        return null;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Whether the favoured group is the higher value (true unless the indicator is better when lower). */
    private boolean favouredHigher() {
        return indicator.direction().sign() >= 0;
    }

    /** "mest gynnad" / "högst" wording for the pair. */
    private String pairWords() {
        if (indicator.direction().sign() == 0) {
            return "högst (" + favoured.label() + ") och lägst (" + unfavoured.label() + ")";
        }
        return "bäst (" + favoured.label() + ") och sämst (" + unfavoured.label() + ")";
    }

    /**
     * The finding in words: the latest gap, absolute and relative, and how it has changed with the method named, e.g.
     * "Efter utbildning är skillnaden mellan gruppen med bäst (Eftergymnasial) och sämst (Förgymnasial) värde 12,0 p.e.
     * 2022 (1,5 gånger så högt) …".
     */
    public String sentence() {
        Unit u = indicator.unit();
        Gap last = trend.last();
        StringBuilder sb = new StringBuilder("Efter ").append(breakdown.name().toLowerCase(java.util.Locale.ROOT))
                .append(" är skillnaden mellan gruppen med ").append(pairWords()).append(" värde ")
                .append(SwedishNumbers.change(last.absolute(), u).replaceFirst("^\\+", "")).append(' ').append(last.period());
        if (last.relative() != null) {
            sb.append(" (").append(favouredHigher() ? favoured.label() : unfavoured.label()).append(" ")
                    .append(SwedishNumbers.number(last.relative(), 2)).append(" gånger så högt)");
        }
        sb.append('.');
        if (trend.direction() == Direction.ONE_PERIOD) {
            sb.append(" Skillnaden finns bara för en mätning, så dess utveckling kan inte bedömas.");
            return sb.toString();
        }
        Gap first = trend.first();
        sb.append(" Skillnaden var ").append(SwedishNumbers.change(first.absolute(), u).replaceFirst("^\\+", ""))
                .append(' ').append(first.period()).append(first.absolute() < 0 ? " (i omvänd ordning)" : "")
                .append(" och ").append(trend.direction().words());
        if (trend.z() != null) {
            sb.append(" (z-test av skillnaden mellan skillnaderna, z = ").append(SwedishNumbers.signed(trend.z(), 1))
                    .append(", gräns ±1,96)");
        }
        sb.append('.');
        return sb.toString();
    }
}
