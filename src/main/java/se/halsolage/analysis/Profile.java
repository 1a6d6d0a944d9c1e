package se.halsolage.analysis;

import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A profile ("spine chart", as England's Fingertips): every indicator of an SfH area with a direction, the own
 * value within the spread of the comparison set's municipalities (worst, 25th and 75th percentile, best) for the
 * own municipality's latest period, and the own value against riket decided from the 95 % interval: better or
 * worse when riket's value lies outside the own interval (the source's bounds, else Wilson for a share with n),
 * similar when inside, not assessed when no interval is known.
 */
public record Profile(SfhArea area, ComparisonSet set, List<Row> rows) {

    public enum Against {
        BATTRE("bättre än riket"), SAMRE("sämre än riket"), LIKA("ingen säker skillnad mot riket"), EJ_BEDOMD("ej bedömd (osäkerheten okänd)");

        private final String words;

        Against(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param worst  the worst value among the members (by direction), {@code best} the best; {@code p25}/{@code p75}
     *               the 25th and 75th percentile of the values (linear interpolation between order statistics)
     */
    public record Row(Indicator indicator, Observation own, Observation riket, Interval ci, double worst, double p25,
                      double p75, double best, int members, Against against) {
    }

    public static Profile of(Workbook wb, SfhArea area, ComparisonSet set) {
        String ownId = wb.settings().plan().municipalityId();
        if (ownId == null) throw new UserError("Arbetsboken saknar egen kommun i inställningarna.");
        List<Row> rows = new ArrayList<>();
        for (Indicator ind : wb.indicators().all()) {
            if (ind.sfhArea() != area || ind.direction().sign() == 0) continue;
            Ranking r;
            try {
                r = Ranking.of(wb, ind, set, null);
            } catch (UserError e) {
                continue;
            }
            if (r.own() == null || r.count() < 3 || r.riket() == null) continue;
            double[] v = r.entries().stream().mapToDouble(Ranking.Entry::value).toArray();
            Arrays.sort(v);
            boolean higher = ind.direction().sign() > 0;
            double lo = v[0], hi = v[v.length - 1];
            Interval ci = r.own().ci();
            double rk = r.riket().value();
            Against a = ci == null ? Against.EJ_BEDOMD : ci.contains(rk) ? Against.LIKA
                    : (r.own().value() > rk) == higher ? Against.BATTRE : Against.SAMRE;
            rows.add(new Row(ind, r.own().obs(), r.riket(), ci, higher ? lo : hi, percentile(v, 25), percentile(v, 75),
                    higher ? hi : lo, v.length, a));
        }
        return new Profile(area, set, List.copyOf(rows));
    }

    /** Percentile of sorted values, linear between order statistics (Excel's PERCENTILE.INC, R type 7). */
    public static double percentile(double[] sorted, double pct) {
        if (sorted.length == 1) return sorted[0];
        double h = (sorted.length - 1) * pct / 100.0;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    static boolean isRiket(String id) {
        return Area.RIKET_ID.equals(id);
    }
}
