package se.halsolage.workbook;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Filling a generated workbook fast, for {@code bench} only: a workbook of 28 million values cannot be
 * written value by value in the time a bench run has, so every further indicator's values are derived
 * inside SQLite from one indicator already written through the ordinary path ({@link ObservationRepository#upsertAll}),
 * with the same areas, groups, periods and source, and values moved by a deterministic amount per indicator,
 * area and period (one {@code INSERT … SELECT} per indicator, all in the caller's transaction).
 */
public final class BenchData {
    private final Workbook wb;

    BenchData(Workbook wb) {
        this.wb = wb;
    }

    /**
     * Gives each of {@code targets} (existing indicators without values) the values of {@code template},
     * shifted by up to ±12 units per indicator and area and ±2 per period, rounded to one decimal.
     * Returns the number of values written.
     */
    public long deriveFrom(String template, List<String> targets) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            long n = 0;
            try (PreparedStatement key = c.prepareStatement("INSERT OR IGNORE INTO obs_indicator(id) VALUES (?)");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO obs(ind, area, grp, period, value, n, ci_low, "
                         + "ci_high, status, marker, origin, col, row) "
                         + "SELECT t.k, o.area, o.grp, o.period, "
                         + "round(o.value + ((t.k * 7919 + o.area * 104729) % 241) / 10.0 - 12.0 "
                         + "+ ((t.k * 31 + o.area * 17 + o.period * 13) % 41) / 10.0 - 2.0, 1), "
                         + "o.n, o.ci_low, o.ci_high, o.status, o.marker, o.origin, o.col, o.row "
                         + "FROM obs o, (SELECT k FROM obs_indicator WHERE id = ?) t "
                         + "WHERE o.ind = (SELECT k FROM obs_indicator WHERE id = ?) ORDER BY o.area, o.grp, o.period")) {
                for (String id : targets) {
                    key.setString(1, id);
                    key.executeUpdate();
                    ins.setString(1, id);
                    ins.setString(2, template);
                    n += ins.executeUpdate();
                }
            }
            return n;
        });
    }
}
