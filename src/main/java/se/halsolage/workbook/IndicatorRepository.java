package se.halsolage.workbook;

import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.IndicatorCuration;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.Unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Indicators (nyckeltal) in a workbook. */
public final class IndicatorRepository {
    private static final String COLUMNS = "id, title, short_title, unit, direction, source, gender_split, grade, "
            + "sfh_area, sfh_goal, mapping_confidence, description";
    private final Workbook wb;

    IndicatorRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Inserts or replaces an indicator (its målområden too). */
    public void save(Indicator ind) {
        save(ind, null);
    }

    public void save(Indicator ind, Integer sortOrder) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO indicators(" + COLUMNS + ", sort_order) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title, "
                    + "short_title=excluded.short_title, unit=excluded.unit, direction=excluded.direction, "
                    + "source=excluded.source, gender_split=excluded.gender_split, grade=excluded.grade, "
                    + "sfh_area=excluded.sfh_area, sfh_goal=excluded.sfh_goal, "
                    + "mapping_confidence=excluded.mapping_confidence, description=excluded.description, "
                    + "sort_order=coalesce(excluded.sort_order, indicators.sort_order)")) {
                ps.setString(1, ind.id());
                ps.setString(2, ind.title());
                ps.setString(3, ind.shortTitle());
                ps.setString(4, ind.unit().code());
                ps.setString(5, ind.direction().code());
                ps.setString(6, ind.source());
                ps.setInt(7, ind.genderSplit() ? 1 : 0);
                ps.setString(8, ind.grade());
                ps.setString(9, ind.sfhArea() == null ? null : ind.sfhArea().code());
                if (ind.sfhGoal() == null) ps.setNull(10, Types.INTEGER); else ps.setInt(10, ind.sfhGoal());
                ps.setString(11, ind.mappingConfidence());
                ps.setString(12, ind.description());
                if (sortOrder == null) ps.setNull(13, Types.INTEGER); else ps.setInt(13, sortOrder);
                ps.executeUpdate();
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM indicator_malomraden WHERE indicator_id=?")) {
                del.setString(1, ind.id());
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO indicator_malomraden VALUES (?,?)")) {
                for (Malomrade m : ind.malomraden()) {
                    ins.setString(1, ind.id());
                    ins.setInt(2, m.number());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    public Optional<Indicator> get(String id) {
        return wb.withConnection(c -> {
            List<Indicator> list = query(c, "SELECT " + COLUMNS + " FROM indicators WHERE id = ? COLLATE NOCASE", id);
            return list.stream().findFirst();
        });
    }

    /**
     * All indicators that are not hidden, in catalogue order (SfH area and goal first, then id): what lists,
     * pickers, analysis and the plan show. Hidden (archived) ones: {@link #hidden()}.
     */
    public List<Indicator> all() {
        return wb.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM indicators WHERE hidden = 0 "
                + "ORDER BY sort_order IS NULL, sort_order, sfh_goal IS NULL, sfh_goal, id"));
    }

    /** Every indicator, hidden ones included, in catalogue order. */
    public List<Indicator> allIncludingHidden() {
        return wb.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM indicators "
                + "ORDER BY sort_order IS NULL, sort_order, sfh_goal IS NULL, sfh_goal, id"));
    }

    /** The hidden (archived) indicators, in catalogue order. */
    public List<Indicator> hidden() {
        return wb.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM indicators WHERE hidden = 1 "
                + "ORDER BY sort_order IS NULL, sort_order, sfh_goal IS NULL, sfh_goal, id"));
    }

    public boolean isHidden(String id) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hidden FROM indicators WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    /**
     * Hides (archives) or shows an indicator: kept with its values, out of lists and the plan while hidden.
     * Returns false when no indicator has this id (nothing changes).
     */
    public boolean setHidden(String id, boolean hidden) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE indicators SET hidden = ? WHERE id = ?")) {
                ps.setInt(1, hidden ? 1 : 0);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Indicators whose id, title or short title contains every word of {@code text}. */
    public List<Indicator> search(String text) {
        String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : all()) {
            String hay = (i.id() + " " + i.title() + " " + (i.shortTitle() == null ? "" : i.shortTitle()) + " "
                    + (i.grade() == null ? "" : i.grade())).toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) out.add(i);
        }
        return out;
    }

    /** By id (case-insensitive), else the single indicator whose text matches; empty if none or ambiguous. */
    public Optional<Indicator> resolve(String idOrText) {
        Optional<Indicator> byId = get(idOrText.trim());
        if (byId.isPresent()) return byId;
        List<Indicator> hits = search(idOrText);
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /**
     * Where every indicator sits (survey, question, measure) and its unconfirmed suggestion, by id; only
     * indicators that have one of them (schema 45).
     */
    public Map<String, IndicatorCuration> curation() {
        return wb.withConnection(c -> {
            Map<String, IndicatorCuration> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, survey, question, measure, suggested_direction, "
                    + "suggested_sfh_area, suggested_sfh_goal, suggested_malomraden, suggestion_basis FROM indicators "
                    + "WHERE survey IS NOT NULL OR question IS NOT NULL OR measure IS NOT NULL OR suggested_direction IS NOT NULL "
                    + "OR suggested_sfh_area IS NOT NULL OR suggested_sfh_goal IS NOT NULL OR suggested_malomraden IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int goal = rs.getInt(7);
                    Integer g = rs.wasNull() ? null : goal;
                    Set<Malomrade> mal = EnumSet.noneOf(Malomrade.class);
                    String m = rs.getString(8);
                    if (m != null) for (String part : m.split(";")) if (!part.isBlank()) mal.add(Malomrade.of(Integer.parseInt(part.trim())));
                    IndicatorCuration.Suggestion sug = new IndicatorCuration.Suggestion(
                            rs.getString(5) == null ? null : Direction.fromCode(rs.getString(5)),
                            SfhArea.fromCode(rs.getString(6)), g, mal, rs.getString(9));
                    out.put(rs.getString(1), new IndicatorCuration(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), sug));
                }
            }
            return out;
        });
    }

    /** The curation of one indicator (empty when it has none). */
    public Optional<IndicatorCuration> curation(String id) {
        return Optional.ofNullable(curation().get(id));
    }

    /** Stores where an indicator sits and its suggestion (null suggestion: none). */
    public void saveCuration(IndicatorCuration cur) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE indicators SET survey=?, question=?, measure=?, "
                    + "suggested_direction=?, suggested_sfh_area=?, suggested_sfh_goal=?, suggested_malomraden=?, "
                    + "suggestion_basis=? WHERE id=?")) {
                IndicatorCuration.Suggestion s = cur.suggestion();
                ps.setString(1, cur.survey());
                ps.setString(2, cur.question());
                ps.setString(3, cur.measure());
                ps.setString(4, s == null || s.direction() == null ? null : s.direction().code());
                ps.setString(5, s == null || s.area() == null ? null : s.area().code());
                if (s == null || s.goal() == null) ps.setNull(6, Types.INTEGER); else ps.setInt(6, s.goal());
                ps.setString(7, s == null || s.malomraden().isEmpty() ? null : s.malomraden().stream().sorted()
                        .map(x -> Integer.toString(x.number())).collect(java.util.stream.Collectors.joining(";")));
                ps.setString(8, s == null ? null : s.basis());
                ps.setString(9, cur.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Confirms an indicator's suggestion: direction, SfH area/goal and målområden move into the indicator (and
     * are marked as the user's edit); the suggestion is cleared. False when the id is unknown or nothing was suggested.
     */
    public boolean confirmSuggestion(String id) {
        wb.requireTransaction();
        Optional<Indicator> ind = get(id);
        if (ind.isEmpty()) return false;
        Optional<IndicatorCuration> cur = curation(ind.get().id());
        if (cur.isEmpty() || !cur.get().hasSuggestion()) return false;
        save(cur.get().suggestion().applyTo(ind.get()));
        saveCuration(cur.get().withSuggestion(null));
        markEdited(ind.get().id());
        return true;
    }

    /** Drops an indicator's suggestion (the user has decided for themselves, e.g. by editing it). */
    public void clearSuggestion(String id) {
        curation(id).ifPresent(c -> saveCuration(c.withSuggestion(null)));
    }

    private void markEdited(String id) {
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE indicators SET user_edited = 1 WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores one of the 22 SfH goals. */
    public void saveGoal(se.halsolage.domain.SfhGoal g) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(wb.dialect() == Dialect.SQLITE
                    ? "INSERT OR REPLACE INTO sfh_goals(number, area, wording) VALUES (?,?,?)"
                    : "INSERT INTO sfh_goals(number, area, wording) VALUES (?,?,?) "
                    + "ON CONFLICT(number) DO UPDATE SET area=excluded.area, wording=excluded.wording")) {
                ps.setInt(1, g.number());
                ps.setString(2, g.area().code());
                ps.setString(3, g.wording());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The SfH goals, by number. */
    public List<se.halsolage.domain.SfhGoal> goals() {
        return wb.withConnection(c -> {
            List<se.halsolage.domain.SfhGoal> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT number, area, wording FROM sfh_goals ORDER BY number");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new se.halsolage.domain.SfhGoal(rs.getInt(1), SfhArea.fromCode(rs.getString(2)), rs.getString(3)));
                }
            }
            return out;
        });
    }

    public boolean delete(String id) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM indicators WHERE id=?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public int count() {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM indicators");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Indicators selected by {@code sql} (of {@link #COLUMNS}) with their målområden. The målområden are read after the
     * indicators: only those of the indicators found when they are few ({@link #get} reads one indicator's, not
     * every indicator's: that made reading N indicators one by one O(N²)), all in one statement otherwise.
     */
    private static List<Indicator> query(Connection c, String sql, Object... args) throws SQLException {
        List<Indicator> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    int goal = rs.getInt("sfh_goal");
                    Integer sfhGoal = rs.wasNull() ? null : goal;
                    out.add(new Indicator(id, rs.getString("title"), rs.getString("short_title"),
                            Unit.fromCode(rs.getString("unit")), Direction.fromCode(rs.getString("direction")),
                            rs.getString("source"), rs.getInt("gender_split") == 1, rs.getString("grade"),
                            Set.of(), SfhArea.fromCode(rs.getString("sfh_area")), sfhGoal,
                            rs.getString("mapping_confidence"), rs.getString("description")));
                }
            }
        }
        if (out.isEmpty()) return out;
        Map<String, Set<Malomrade>> mal = new HashMap<>();
        boolean few = out.size() <= 50;
        StringBuilder in = new StringBuilder();
        if (few) for (int i = 0; i < out.size(); i++) in.append(i == 0 ? "?" : ",?");
        try (PreparedStatement ps = c.prepareStatement("SELECT indicator_id, malomrade FROM indicator_malomraden"
                + (few ? " WHERE indicator_id IN (" + in + ")" : ""))) {
            if (few) for (int i = 0; i < out.size(); i++) ps.setString(i + 1, out.get(i).id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    mal.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Malomrade.class)).add(Malomrade.of(rs.getInt(2)));
                }
            }
        }
        if (mal.isEmpty()) return out;
        for (int i = 0; i < out.size(); i++) {
            Indicator d = out.get(i);
            Set<Malomrade> m = mal.get(d.id());
            if (m != null) out.set(i, new Indicator(d.id(), d.title(), d.shortTitle(), d.unit(), d.direction(), d.source(),
                    d.genderSplit(), d.grade(), m, d.sfhArea(), d.sfhGoal(), d.mappingConfidence(), d.description()));
        }
        return out;
    }
}
