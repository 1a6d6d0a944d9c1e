package se.halsolage.importer;

import se.halsolage.domain.ObservationStatus;
import se.halsolage.format.SwedishNumbers;

import java.util.List;
import java.util.Map;

/**
 * The columns that belong to a value column rather than being values of their own: its lower and
 * upper confidence bound and its number of respondents (-1 where the file has none). Reads them for one
 * row: a bound that is no number gives no bound; bounds that do not enclose the value are dropped with a
 * warning (the value is kept).
 */
record ConfidenceBounds(int low, int high, int n) {
    static final ConfidenceBounds NONE = new ConfidenceBounds(-1, -1, -1);

    ConfidenceBounds withLow(int c) { return new ConfidenceBounds(c, high, n); }
    ConfidenceBounds withHigh(int c) { return new ConfidenceBounds(low, c, n); }
    ConfidenceBounds withN(int c) { return new ConfidenceBounds(low, high, c); }

    boolean hasBounds() {
        return low >= 0 || high >= 0;
    }

    /** {low, high} for this row's value (already in percent when {@code fraction} converted it), either may be null. */
    Double[] read(GridRow r, Double value, boolean fraction, Map<String, ObservationStatus> markers, Table t, MapContext ctx) {
        Double[] out = {null, null};
        if (value == null || !hasBounds()) return out;
        Double lo = low >= 0 ? number(r.cell(low), fraction, markers) : null;
        Double hi = high >= 0 ? number(r.cell(high), fraction, markers) : null;
        int bad = lo != null && lo > value ? low : hi != null && hi < value ? high : -1;
        if (bad >= 0) {
            Cell cell = r.cell(bad);
            ctx.warning(cell, "Konfidensgränsen " + cell.text().strip() + " i kolumnen \"" + t.header(bad) + "\" ligger på fel sida om värdet "
                    + SwedishNumbers.number(value, decimals(value)) + " (undre " + text(lo) + ", övre " + text(hi)
                    + "). Värdet importerades utan konfidensintervall.");
            return out;
        }
        out[0] = lo;
        out[1] = hi;
        return out;
    }

    /** The number of respondents in this row, or {@code fallback} when there is no such column or no number. */
    Integer respondents(GridRow r, Integer fallback, Map<String, ObservationStatus> markers) {
        if (n < 0) return fallback;
        Values.Parsed p = Values.parse(r.cell(n), markers);
        return p != null && p.ok() ? Integer.valueOf(p.value().intValue()) : fallback;
    }

    private static Double number(Cell cell, boolean fraction, Map<String, ObservationStatus> markers) {
        Values.Parsed p = Values.parse(cell, markers);
        if (p == null || !p.ok()) return null;
        return Values.toPercent(p.value(), fraction).doubleValue();
    }

    private static String text(Double d) {
        return d == null ? "saknas" : SwedishNumbers.number(d, decimals(d));
    }

    private static int decimals(double d) {
        return d == Math.rint(d) ? 0 : Math.abs(d * 10 - Math.rint(d * 10)) < 1e-9 ? 1 : 2;
    }

    /** Whether two columns speak of the same period and group (in wide files: the same period text). */
    interface SameGroup { boolean test(int valueCol, int otherCol); }

    /**
     * Sorts {@code cols} (in file order) into value columns and the columns that belong to one: a bound column
     * (by {@link Headers#boundKind}) goes to the nearest value column on its left, else on its right, of the same
     * group; a respondents column (by {@link Headers#isRespondents}) likewise, but only to a share. Fills {@code
     * ext} and returns the columns that are not values: every bound column (an orphan bound is never an
     * indicator) and every attached respondents column. {@code measureOf} gives the header without its period.
     */
    static java.util.Set<Integer> assign(List<Integer> cols, java.util.function.IntFunction<String> measureOf,
                                         java.util.function.IntPredicate isShare, SameGroup same, Map<Integer, ConfidenceBounds> ext) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        List<Integer> values = new java.util.ArrayList<>();
        for (int c : cols) {
            String m = measureOf.apply(c);
            if (Headers.boundKind(m) == null && !Headers.isRespondents(m)) values.add(c);
        }
        for (int c : cols) {
            String m = measureOf.apply(c);
            Headers.Bound b = Headers.boundKind(m);
            boolean resp = b == null && Headers.isRespondents(m);
            if (b == null && !resp) continue;
            Integer owner = null;
            for (int v : values) {
                if (!same.test(v, c) || resp && !isShare.test(v)) continue;
                if (v < c) owner = v;
                else if (owner == null) { owner = v; break; }
                else break;
            }
            if (b != null) taken.add(c);
            if (owner == null) continue;
            ConfidenceBounds x = ext.getOrDefault(owner, NONE);
            if (b == Headers.Bound.LOW && x.low < 0) x = x.withLow(c);
            else if (b == Headers.Bound.HIGH && x.high < 0) x = x.withHigh(c);
            else if (resp && x.n < 0) { x = x.withN(c); taken.add(c); }
            ext.put(owner, x);
        }
        return taken;
    }
}
