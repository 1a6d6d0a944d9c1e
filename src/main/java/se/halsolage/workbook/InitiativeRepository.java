package se.halsolage.workbook;

import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.QualityStep;
import se.halsolage.domain.TargetGroup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Initiatives (insatser) and their links to indicators, målområden, target groups and partners. */
public final class InitiativeRepository {
    private final Workbook wb;

    InitiativeRepository(Workbook wb) {
        this.wb = wb;
    }

    /**
     * An edit refused because the initiative was changed by someone else (another coordinator's connection, another
     * window) after the editor read it: nothing of the refused edit was written. The message is Swedish and says
     * so; {@link #refused()} is the edit that was not saved, so the caller can show the user's text again.
     */
    public static final class EditConflict extends WorkbookException {
        private final transient Initiative refused;

        EditConflict(Initiative refused) {
            super("Någon annan har ändrat insatsen " + refused.id() + " (" + refused.name() + ") sedan du öppnade den; "
                    + "din ändring sparades inte – öppna den igen och gör ändringen på nytt.");
            this.refused = refused;
        }

        public Initiative refused() {
            return refused;
        }
    }

    /** The initiative's version (raised by one by every save), or empty when there is no such initiative. */
    public java.util.OptionalLong version(long id) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM initiatives WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
                }
            }
        });
    }

    /**
     * Updates an existing initiative only if it is still at {@code expectedVersion} (what the editor read with
     * {@link #version}); otherwise throws {@link EditConflict} and writes nothing. A deleted initiative is a
     * conflict too (it is not silently re-created).
     */
    public Initiative save(Initiative in, long expectedVersion) {
        wb.requireTransaction();
        if (in.id() == 0) throw new IllegalArgumentException("a new initiative has no version to check");
        boolean current = wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE initiatives SET version=version+1 WHERE id=? AND version=?")) {
                ps.setLong(1, in.id());
                ps.setLong(2, expectedVersion);
                return ps.executeUpdate() == 1;
            }
        });
        if (!current) throw new EditConflict(in);
        return write(in, false);
    }

    /** Inserts (id 0) or updates an initiative; returns it with its id. */
    public Initiative save(Initiative in) {
        wb.requireTransaction();
        return write(in, true);
    }

    private Initiative write(Initiative in, boolean raiseVersion) {
        return wb.withConnection(c -> {
            long id = in.id();
            if (id == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO initiatives(name, description, kind, "
                        + "work_group, responsible, start_year, end_year, status, maturity, quality_step) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                    bind(ps, in);
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        id = k.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE initiatives SET name=?, description=?, kind=?, "
                        + "work_group=?, responsible=?, start_year=?, end_year=?, status=?, maturity=?, quality_step=?"
                        + (raiseVersion ? ", version=version+1" : "") + " WHERE id=?")) {
                    bind(ps, in);
                    ps.setLong(11, id);
                    if (ps.executeUpdate() == 0) {
                        // restoring a deleted initiative (undo): keep its id
                        try (PreparedStatement ins = c.prepareStatement("INSERT INTO initiatives(name, description, kind, "
                                + "work_group, responsible, start_year, end_year, status, maturity, quality_step, id) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                            bind(ins, in);
                            ins.setLong(11, id);
                            ins.executeUpdate();
                        }
                    }
                }
                for (String t : List.of("initiative_indicators", "initiative_malomraden", "initiative_target_groups",
                        "initiative_partners", "initiative_notes")) {
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM " + t + " WHERE initiative_id=?")) {
                        del.setLong(1, id);
                        del.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO initiative_indicators VALUES (?,?)")) {
                for (String ind : new LinkedHashSet<>(in.indicatorIds())) {
                    ps.setLong(1, id);
                    ps.setString(2, ind);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO initiative_malomraden VALUES (?,?)")) {
                for (Malomrade m : in.malomraden()) {
                    ps.setLong(1, id);
                    ps.setInt(2, m.number());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO initiative_target_groups VALUES (?,?)")) {
                for (TargetGroup t : in.targetGroups()) {
                    ps.setLong(1, id);
                    ps.setString(2, t.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO initiative_partners VALUES (?,?,?)")) {
                int pos = 0;
                for (String p : in.partners()) {
                    ps.setLong(1, id);
                    ps.setInt(2, pos++);
                    ps.setString(3, p);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO initiative_notes VALUES (?,?,?)")) {
                for (Map.Entry<Integer, String> e : in.notes().entrySet()) {
                    ps.setLong(1, id);
                    ps.setInt(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE initiatives SET background=? WHERE id=?")) {
                ps.setString(1, in.background());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return in.withId(id);
        });
    }

    private static void bind(PreparedStatement ps, Initiative in) throws SQLException {
        ps.setString(1, in.name());
        ps.setString(2, in.description());
        ps.setString(3, in.kind().name());
        ps.setString(4, in.workGroup());
        ps.setString(5, in.responsible());
        if (in.startYear() == null) ps.setNull(6, Types.INTEGER); else ps.setInt(6, in.startYear());
        if (in.endYear() == null) ps.setNull(7, Types.INTEGER); else ps.setInt(7, in.endYear());
        ps.setString(8, in.status().name());
        if (in.maturity() == null) ps.setNull(9, Types.INTEGER); else ps.setInt(9, in.maturity().level());
        if (in.qualityStep() == null) ps.setNull(10, Types.INTEGER); else ps.setInt(10, in.qualityStep().step());
    }

    public boolean delete(long id) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM initiatives WHERE id=?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<Initiative> get(long id) {
        return wb.withConnection(c -> load(c, "WHERE id=" + id).stream().findFirst());
    }

    public List<Initiative> all() {
        return wb.withConnection(c -> load(c, ""));
    }

    /** Initiatives linked to an indicator. */
    public List<Initiative> forIndicator(String indicatorId) {
        return all().stream().filter(i -> i.indicatorIds().contains(indicatorId)).toList();
    }

    private static List<Initiative> load(Connection c, String where) throws SQLException {
        List<Initiative> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM initiatives " + where + " ORDER BY work_group IS NULL, work_group, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                int sy = rs.getInt("start_year");
                Integer start = rs.wasNull() ? null : sy;
                int ey = rs.getInt("end_year");
                Integer end = rs.wasNull() ? null : ey;
                int mat = rs.getInt("maturity");
                Maturity maturity = rs.wasNull() ? null : Maturity.of(mat);
                int qs = rs.getInt("quality_step");
                QualityStep step = rs.wasNull() ? null : QualityStep.of(qs);
                out.add(new Initiative(id, rs.getString("name"), rs.getString("description"),
                        InitiativeKind.valueOf(rs.getString("kind")), rs.getString("work_group"),
                        targetGroups(c, id), malomraden(c, id), strings(c, "SELECT indicator_id FROM initiative_indicators WHERE initiative_id=? ORDER BY indicator_id", id),
                        rs.getString("responsible"), strings(c, "SELECT partner FROM initiative_partners WHERE initiative_id=? ORDER BY position", id),
                        start, end, InitiativeStatus.valueOf(rs.getString("status")), maturity, step, notes(c, id),
                        rs.getString("background")));
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Set<TargetGroup> targetGroups(Connection c, long id) throws SQLException {
        Set<TargetGroup> out = EnumSet.noneOf(TargetGroup.class);
        for (String s : strings(c, "SELECT target_group FROM initiative_target_groups WHERE initiative_id=?", id)) {
            out.add(TargetGroup.valueOf(s));
        }
        return out;
    }

    private static Set<Malomrade> malomraden(Connection c, long id) throws SQLException {
        Set<Malomrade> out = EnumSet.noneOf(Malomrade.class);
        for (String s : strings(c, "SELECT malomrade FROM initiative_malomraden WHERE initiative_id=?", id)) {
            out.add(Malomrade.of(Integer.parseInt(s)));
        }
        return out;
    }

    private static Map<Integer, String> notes(Connection c, long id) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT year, note FROM initiative_notes WHERE initiative_id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }
}
