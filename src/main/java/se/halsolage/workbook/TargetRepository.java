package se.halsolage.workbook;

import se.halsolage.domain.Group;
import se.halsolage.domain.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Targets per indicator. */
public final class TargetRepository {
    private final Workbook wb;

    TargetRepository(Workbook wb) {
        this.wb = wb;
    }

    public Target save(Target t) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            if (t.id() == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO targets(indicator_id, area_id, grp, "
                        + "baseline_year, baseline_value, change_per_year, target_value, horizon_year, description) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                    bind(ps, t);
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        return t.withId(k.getLong(1));
                    }
                }
            }
            String columns = "targets(indicator_id, area_id, grp, "
                    + "baseline_year, baseline_value, change_per_year, target_value, horizon_year, description, id) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?)";
            try (PreparedStatement ps = c.prepareStatement(wb.dialect() == Dialect.SQLITE ? "INSERT OR REPLACE INTO " + columns
                    : "INSERT INTO " + columns + " ON CONFLICT(id) DO UPDATE SET indicator_id=excluded.indicator_id, "
                    + "area_id=excluded.area_id, grp=excluded.grp, baseline_year=excluded.baseline_year, "
                    + "baseline_value=excluded.baseline_value, change_per_year=excluded.change_per_year, "
                    + "target_value=excluded.target_value, horizon_year=excluded.horizon_year, description=excluded.description")) {
                bind(ps, t);
                ps.setLong(10, t.id());
                ps.executeUpdate();
            }
            return t;
        });
    }

    private static void bind(PreparedStatement ps, Target t) throws SQLException {
        ps.setString(1, t.indicatorId());
        ps.setString(2, t.areaId());
        ps.setString(3, t.group().label());
        ps.setInt(4, t.baselineYear());
        if (t.baselineValue() == null) ps.setNull(5, Types.REAL); else ps.setDouble(5, t.baselineValue());
        if (t.changePerYear() == null) ps.setNull(6, Types.REAL); else ps.setDouble(6, t.changePerYear());
        if (t.targetValue() == null) ps.setNull(7, Types.REAL); else ps.setDouble(7, t.targetValue());
        ps.setInt(8, t.horizonYear());
        ps.setString(9, t.description());
    }

    public boolean delete(long id) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM targets WHERE id=?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<Target> all() {
        return wb.withConnection(c -> query(c, "SELECT * FROM targets ORDER BY indicator_id, id"));
    }

    public List<Target> forIndicator(String indicatorId) {
        return wb.withConnection(c -> query(c, "SELECT * FROM targets WHERE indicator_id=? ORDER BY id", indicatorId));
    }

    public Optional<Target> get(long id) {
        return wb.withConnection(c -> query(c, "SELECT * FROM targets WHERE id=?", id).stream().findFirst());
    }

    private static List<Target> query(Connection c, String sql, Object... args) throws SQLException {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double bv = rs.getDouble("baseline_value");
                    Double baseline = rs.wasNull() ? null : bv;
                    double cp = rs.getDouble("change_per_year");
                    Double change = rs.wasNull() ? null : cp;
                    double tv = rs.getDouble("target_value");
                    Double target = rs.wasNull() ? null : tv;
                    out.add(new Target(rs.getLong("id"), rs.getString("indicator_id"), rs.getString("area_id"),
                            new Group(rs.getString("grp")), rs.getInt("baseline_year"), baseline, change, target,
                            rs.getInt("horizon_year"), rs.getString("description")));
                }
            }
        }
        return out;
    }
}
