package se.halsolage.analysis;

import se.halsolage.domain.Area;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The municipalities of a comparison set ranked for one indicator and period (group Totalt), best first when the
 * indicator has a direction, highest first when it has none. Competition ranking: tied values share the better
 * place ("1, 2, 2, 4"); the rank of a municipality is 1 + the number of members with a strictly better value.
 *
 * @param entries     the members with a value, best (or highest) first
 * @param withoutValue members of the set with no value for the period (suppressed, missing or no row), by id
 * @param own         the own municipality's entry, or null when it has no value (or is not in the set)
 * @param riket       riket's value for the period, or null
 * @param county      the county's (region's) value for the period, or null
 */
public record Ranking(Indicator indicator, ComparisonSet set, String period, List<Entry> entries,
                      List<String> withoutValue, Entry own, Observation riket, Observation county) {

    /** One ranked member; {@code ci} is the 95 % interval (the source's, else Wilson for a share with n), or null. */
    public record Entry(String areaId, String name, Observation obs, Interval ci, int rank) {
        public double value() {
            return obs.value();
        }
    }

    public int count() {
        return entries.size();
    }

    /** Members with a strictly worse value than the own (by direction; for NEITHER: a lower value). */
    public int worseThanOwn() {
        if (own == null) return 0;
        int s = sign();
        int w = 0;
        for (Entry e : entries) if (s * (e.value() - own.value()) < 0) w++;
        return w;
    }

    /** Members other than the own with the same value. */
    public int tiedWithOwn() {
        if (own == null) return 0;
        int t = 0;
        for (Entry e : entries) if (e.value() == own.value() && !e.areaId().equals(own.areaId())) t++;
        return t;
    }

    /** Percentage of the other members the own municipality does better than (0–100), or null without own/others. */
    public Double percentBetterThan() {
        if (own == null || entries.size() < 2) return null;
        return 100.0 * worseThanOwn() / (entries.size() - 1);
    }

    private int sign() {
        int s = indicator.direction().sign();
        return s == 0 ? 1 : s;
    }

    /**
     * The rank in words: "plats 57 av 150, bland de 25 % bästa", "plats 3 av 8 (delad med 1 annan)", for an
     * indicator without a better direction "plats 12 av 150 räknat från det högsta värdet".
     */
    public String rankPhrase() {
        if (own == null) return null;
        int n = entries.size();
        String s = "plats " + own.rank() + " av " + n;
        int ties = tiedWithOwn();
        if (ties > 0) s += " (delad med " + ties + (ties == 1 ? " annan" : " andra") + ")";
        if (indicator.direction() == Direction.NEITHER) return s + " räknat från det högsta värdet";
        String band = band(own.rank(), worseThanOwn(), n);
        return band == null ? s : s + ", " + band;
    }

    /**
     * "bland de 10\u00a0% bästa" when the rank is within the best tenth of the set, "bland de 25\u00a0% bästa" within the best
     * quarter, "bland de 10 %/25 % sämsta" counted the same way from the bottom (1 + the members strictly worse),
     * else "i den bättre/sämre hälften". Tenths only from 10 members, nothing under 4 (quarters mean nothing there).
     */
    static String band(int rank, int worse, int n) {
        if (n < 4) return null;
        int fromBottom = worse + 1; // 1 = the worst value
        if (rank <= 0.10 * n && n >= 10) return "bland de 10\u00a0% bästa";
        if (rank <= 0.25 * n) return "bland de 25\u00a0% bästa";
        if (fromBottom <= 0.10 * n && n >= 10) return "bland de 10\u00a0% sämsta";
        if (fromBottom <= 0.25 * n) return "bland de 25\u00a0% sämsta";
        return rank <= n / 2.0 ? "i den bättre hälften" : "i den sämre hälften";
    }

    /** The 95 % interval of a value: the source's bounds, else Wilson for a share with n, else null. */
    public static Interval interval(Observation o, Unit u) {
        if (o == null || !o.hasValue()) return null;
        if (o.ciLow() != null && o.ciHigh() != null) return new Interval(o.ciLow(), o.ciHigh());
        if (u == Unit.PERCENT && o.n() != null && o.n() > 0 && o.value() >= 0 && o.value() <= 100) return Stats.wilson(o.value(), o.n());
        return null;
    }

    /**
     * Ranks the set's members for {@code periodLabel} (null: the own municipality's latest period with a value, else
     * the period where most members have one).
     */
    public static Ranking of(Workbook wb, Indicator ind, ComparisonSet set, String periodLabel) {
        String ownId = wb.settings().plan().municipalityId();
        String countyId = wb.settings().plan().countyId();
        Set<String> members = new HashSet<>(set.members());
        if (ownId != null) members.add(ownId);
        Map<String, List<Observation>> byArea = new HashMap<>();
        for (Observation o : wb.observations().seriesForAllAreas(ind.id(), Group.TOTALT)) {
            byArea.computeIfAbsent(o.areaId(), k -> new ArrayList<>()).add(o);
        }
        String period = periodLabel;
        if (period == null) {
            List<Observation> own = ownId == null ? List.of() : AnalysisService.withValues(byArea.getOrDefault(ownId, List.of()));
            if (!own.isEmpty()) period = own.get(own.size() - 1).period().label();
            else {
                Map<String, Integer> counts = new TreeMap<>();
                Map<String, Observation> proto = new HashMap<>();
                for (String m : members) for (Observation o : byArea.getOrDefault(m, List.of())) if (o.hasValue()) {
                    counts.merge(o.period().label(), 1, Integer::sum);
                    proto.putIfAbsent(o.period().label(), o);
                }
                period = counts.entrySet().stream().max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> proto.get(e.getKey()).period())).map(Map.Entry::getKey).orElse(null);
            }
        }
        if (period == null) {
            throw new UserError("Inga kommuner i \"" + set.name() + "\" har värden för " + ind.id() + " (" + ind.displayTitle() + ").");
        }
        AnalysisService names = new AnalysisService(wb);
        List<Observation> values = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String m : members) {
            boolean found = false;
            for (Observation o : byArea.getOrDefault(m, List.of())) {
                if (!o.period().label().equals(period) || !o.hasValue()) continue;
                values.add(o);
                found = true;
            }
            if (!found) without.add(m);
        }
        if (values.isEmpty()) {
            throw new UserError("Inga kommuner i \"" + set.name() + "\" har värden för " + ind.id() + " år " + period + ".");
        }
        int s = ind.direction().sign() == 0 ? 1 : ind.direction().sign();
        // ties: the own municipality first (it shares the better place, and its bar stands at that place)
        values.sort(Comparator.comparingDouble((Observation o) -> -s * o.value())
                .thenComparing(o -> !o.areaId().equals(ownId)).thenComparing(Observation::areaId));
        List<Entry> entries = new ArrayList<>();
        Entry own = null;
        for (int i = 0; i < values.size(); i++) {
            Observation o = values.get(i);
            int rank = i + 1;
            if (i > 0 && values.get(i - 1).value().doubleValue() == o.value()) rank = entries.get(i - 1).rank();
            Entry e = new Entry(o.areaId(), names.areaName(o.areaId()), o, interval(o, ind.unit()), rank);
            entries.add(e);
            if (o.areaId().equals(ownId)) own = e;
        }
        without.sort(null);
        return new Ranking(ind, set, period, List.copyOf(entries), List.copyOf(without), own,
                valueAt(byArea.get(Area.RIKET_ID), period), countyId == null ? null : valueAt(byArea.get(countyId), period));
    }

    private static Observation valueAt(List<Observation> series, String period) {
        if (series == null) return null;
        for (Observation o : series) if (o.hasValue() && o.period().label().equals(period)) return o;
        return null;
    }

    /** "Växjö: 83,1 %, plats 3 av 150, bland de 10 % bästa (bättre än 98 % av de övriga)." */
    public String sentence() {
        if (own == null) return null;
        Double p = percentBetterThan();
        String better = p == null || indicator.direction() == Direction.NEITHER ? ""
                : " (bättre än " + SwedishNumbers.number(Math.floor(p), 0) + SwedishNumbers.NBSP + "% av de övriga)";
        return own.name() + ": " + SwedishNumbers.value(own.value(), indicator.unit()) + ", " + rankPhrase() + better + ".";
    }
}
