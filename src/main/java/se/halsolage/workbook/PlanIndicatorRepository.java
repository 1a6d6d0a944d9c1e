package se.halsolage.workbook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's choices for the plan's indicator set (table {@code plan_indicators}): indicators added
 * ({@code true}) or removed ({@code false}) on top of the default set, and whether the set is an
 * explicit list that ignores the default (setting {@value #MODE_KEY} = {@value #EXPLICIT}).
 */
public final class PlanIndicatorRepository {
    public static final String MODE_KEY = "plan_indicators";
    public static final String EXPLICIT = "explicit";

    private final Workbook wb;

    PlanIndicatorRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Indicator id → true (added) / false (removed), in id order. */
    public Map<String, Boolean> choices() {
        return wb.withConnection(c -> {
            Map<String, Boolean> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT indicator_id, included FROM plan_indicators ORDER BY indicator_id")) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2) == 1);
            }
            return out;
        });
    }

    /** True when the set is an explicit list (the default set does not apply). */
    public boolean explicit() {
        return wb.settings().get(MODE_KEY).map(EXPLICIT::equals).orElse(false);
    }

    /** Adds ({@code true}), removes ({@code false}) or forgets the choice for ({@code null}) one indicator. */
    public void set(String indicatorId, Boolean included) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            if (included == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan_indicators WHERE indicator_id=?")) {
                    ps.setString(1, indicatorId);
                    ps.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_indicators(indicator_id, included) VALUES (?,?) "
                    + "ON CONFLICT(indicator_id) DO UPDATE SET included=excluded.included")) {
                ps.setString(1, indicatorId);
                ps.setInt(2, included ? 1 : 0);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The set becomes exactly these indicators (explicit list). */
    public void replaceAll(Collection<String> indicatorIds) {
        wb.requireTransaction();
        clearChoices();
        for (String id : indicatorIds) set(id, true);
        wb.settings().set(MODE_KEY, EXPLICIT);
    }

    /** Back to the default set with no additions or removals. */
    public void reset() {
        wb.requireTransaction();
        clearChoices();
        wb.settings().set(MODE_KEY, null);
    }

    private void clearChoices() {
        wb.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM plan_indicators");
            }
            return null;
        });
    }
}
