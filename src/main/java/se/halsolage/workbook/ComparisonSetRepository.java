package se.halsolage.workbook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The user's named comparison sets (tables {@code comparison_sets}, {@code comparison_set_members}): a name and
 * the area ids in it. The built-in sets (county, Liknande kommuner, all) live in {@code analysis.ComparisonSets}.
 */
public final class ComparisonSetRepository {
    private final Workbook wb;

    ComparisonSetRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Name → member area ids (in id order), names in alphabetical order. */
    public Map<String, List<String>> all() {
        return wb.withConnection(c -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT s.name, m.area_id FROM comparison_sets s "
                         + "LEFT JOIN comparison_set_members m ON m.set_name = s.name ORDER BY s.name, m.area_id")) {
                while (rs.next()) {
                    List<String> members = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (rs.getString(2) != null) members.add(rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Creates or replaces a set with exactly these members. */
    public void save(String name, Collection<String> areaIds) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO comparison_sets(name, created) VALUES (?, ?) "
                    + "ON CONFLICT(name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setString(2, Instant.now().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM comparison_set_members WHERE set_name=?")) {
                del.setString(1, name);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO comparison_set_members(set_name, area_id) VALUES (?,?)")) {
                for (String id : new LinkedHashSet<>(areaIds)) {
                    ins.setString(1, name);
                    ins.setString(2, id);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** Deletes a set; false when there was none by that name. */
    public boolean delete(String name) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM comparison_sets WHERE name=?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
