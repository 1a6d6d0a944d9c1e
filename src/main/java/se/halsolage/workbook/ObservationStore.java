package se.halsolage.workbook;

import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes observations into the compact table {@code obs} (schema V40): resolves the text key parts
 * (indicator, area, group, period) and the provenance (source and the location's common part) to the
 * small integers of the dictionary tables, creating them on first use, and splits a location
 * "Blad!KR42" into its common part "Blad!" and the cell (column letters "KR", row 42).
 *
 * <p>One instance lives for one write (an upsert batch, an import, an undo) inside one transaction: the
 * dictionary cache is not valid after a rollback, so it is never kept longer.
 */
final class ObservationStore implements AutoCloseable {
    static final String OBS_COLUMNS = "ind, area, grp, period, value, n, ci_low, ci_high, status, marker, origin, col, row";
    static final String PLAIN_COLUMNS = "ind, area, grp, period, value, status, origin, col, row";
    static final int PLAIN_WIDTH = 9;
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Connection c;
    private final Map<String, Integer> indicators = new HashMap<>(), areas = new HashMap<>(), groups = new HashMap<>();
    private final Map<Period, Integer> periods = new HashMap<>();
    private final Map<Origin, Integer> origins = new HashMap<>();
    private final List<PreparedStatement> open = new ArrayList<>();
    private PreparedStatement findInd, addInd, findArea, addArea, findGrp, addGrp, findPeriod, addPeriod, findOrigin, addOrigin,
            lastId, insert, insertOrIgnore, upsert, update, delete;

    private record Origin(long source, String location) { }

    /** A location split into the part stored once per source ({@code origin}) and the cell (or nulls). */
    record Split(String origin, String col, Integer row) {
        String location() {
            return col == null ? origin : origin + col + row;
        }
    }

    /** On PostgreSQL several users may add the same key at once: a dictionary row is added "if absent", then read. */
    private final boolean shared;

    ObservationStore(Connection c) {
        this.c = c;
        boolean pg;
        try {
            pg = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            pg = false;
        }
        this.shared = pg;
    }

    /** Runs an "add" of a dictionary row; its new key, or the key another user's committed row has (PostgreSQL). */
    private Integer added(PreparedStatement add, PreparedStatement find) throws SQLException {
        if (add.executeUpdate() == 1) return (int) lastInsertId();
        return first(find);
    }

    private String addSql(String sql) {
        return shared ? sql + " ON CONFLICT DO NOTHING" : sql;
    }

    /**
     * "prefix!AB12" → ("prefix!", "AB", 12) when the location ends exactly so (1–3 capital letters, a row
     * without leading zeros: the text comes back unchanged); any other location (a Kolada URL, null) whole.
     * The same rule as the V40 migration's SQL.
     */
    static Split split(String location) {
        if (location == null) return new Split(null, null, null);
        int end = location.length(), d = end;
        while (d > 0 && location.charAt(d - 1) >= '0' && location.charAt(d - 1) <= '9') d--;
        int l = d;
        while (l > 0 && UPPER.indexOf(location.charAt(l - 1)) >= 0) l--;
        int digits = end - d, letters = d - l;
        if (l > 0 && location.charAt(l - 1) == '!' && letters >= 1 && letters <= 3 && digits >= 1 && digits <= 9
                && location.charAt(d) != '0') {
            return new Split(location.substring(0, l), location.substring(l, d), Integer.parseInt(location.substring(d)));
        }
        return new Split(location, null, null);
    }

    static int statusCode(ObservationStatus s) {
        return switch (s) {
            case OK -> 0;
            case SUPPRESSED -> 1;
            case MISSING -> 2;
            case NOT_APPLICABLE -> 3;
        };
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        open.add(ps);
        return ps;
    }

    private long lastInsertId() throws SQLException {
        if (lastId == null) lastId = prepare("SELECT last_insert_rowid()");
        try (ResultSet rs = lastId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Integer first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    /** The key of an indicator id; created when {@code create}, else null when it has no values' key yet. */
    Integer indicator(String id, boolean create) throws SQLException {
        Integer k = indicators.get(id);
        if (k != null) return k;
        if (findInd == null) {
            findInd = prepare("SELECT k FROM obs_indicator WHERE id=?");
            addInd = prepare(addSql("INSERT INTO obs_indicator(id) VALUES (?)"));
        }
        findInd.setString(1, id);
        k = first(findInd);
        if (k == null) {
            if (!create) return null;
            addInd.setString(1, id);
            k = added(addInd, findInd);
        }
        indicators.put(id, k);
        return k;
    }

    Integer area(String id, boolean create) throws SQLException {
        Integer k = areas.get(id);
        if (k != null) return k;
        if (findArea == null) {
            findArea = prepare("SELECT k FROM obs_area WHERE id=?");
            addArea = prepare(addSql("INSERT INTO obs_area(id) VALUES (?)"));
        }
        findArea.setString(1, id);
        k = first(findArea);
        if (k == null) {
            if (!create) return null;
            addArea.setString(1, id);
            k = added(addArea, findArea);
        }
        areas.put(id, k);
        return k;
    }

    Integer group(Group group, boolean create) throws SQLException {
        String label = group.label();
        Integer k = groups.get(label);
        if (k != null) return k;
        if (findGrp == null) {
            findGrp = prepare("SELECT k FROM obs_group WHERE label=?");
            addGrp = prepare(addSql("INSERT INTO obs_group(label, breakdown) VALUES (?, ?)"));
        }
        findGrp.setString(1, label);
        k = first(findGrp);
        if (k == null) {
            if (!create) return null;
            addGrp.setString(1, label);
            addGrp.setString(2, group.breakdown());
            k = added(addGrp, findGrp);
        }
        groups.put(label, k);
        return k;
    }

    Integer period(Period p, boolean create) throws SQLException {
        Integer k = periods.get(p);
        if (k != null) return k;
        if (findPeriod == null) {
            findPeriod = prepare("SELECT k FROM obs_period WHERE label=? AND start_year=? AND end_year=?");
            addPeriod = prepare(addSql("INSERT INTO obs_period(label, start_year, end_year) VALUES (?,?,?)"));
        }
        findPeriod.setString(1, p.label());
        findPeriod.setInt(2, p.startYear());
        findPeriod.setInt(3, p.endYear());
        k = first(findPeriod);
        if (k == null) {
            if (!create) return null;
            addPeriod.setString(1, p.label());
            addPeriod.setInt(2, p.startYear());
            addPeriod.setInt(3, p.endYear());
            k = added(addPeriod, findPeriod);
        }
        periods.put(p, k);
        return k;
    }

    int origin(long sourceId, String location) throws SQLException {
        Origin key = new Origin(sourceId, location);
        Integer k = origins.get(key);
        if (k != null) return k;
        if (findOrigin == null) {
            findOrigin = prepare("SELECT k FROM obs_origin WHERE source_id=? AND location IS ?");
            addOrigin = prepare("INSERT INTO obs_origin(source_id, location) VALUES (?,?)");
        }
        findOrigin.setLong(1, sourceId);
        findOrigin.setString(2, location);
        k = first(findOrigin);
        if (k == null) {
            addOrigin.setLong(1, sourceId);
            addOrigin.setString(2, location);
            addOrigin.executeUpdate();
            k = (int) lastInsertId();
        }
        origins.put(key, k);
        return k;
    }

    /** Binds the four key integers after {@code offset}; false when a part has no key yet (and !create). */
    boolean bindKey(PreparedStatement ps, int offset, String indicatorId, String areaId, Group group, Period period,
                    boolean create) throws SQLException {
        Integer i = indicator(indicatorId, create), a = area(areaId, create), g = group(group, create), p = period(period, create);
        if (i == null || a == null || g == null || p == null) return false;
        ps.setInt(offset + 1, i);
        ps.setInt(offset + 2, a);
        ps.setInt(offset + 3, g);
        ps.setInt(offset + 4, p);
        return true;
    }

    /** Binds all {@link #OBS_COLUMNS} of {@code o} after {@code offset} (13 parameters). */
    void bindFull(PreparedStatement ps, int offset, Observation o) throws SQLException {
        bindKey(ps, offset, o.indicatorId(), o.areaId(), o.group(), o.period(), true);
        ObservationRepository.setDouble(ps, offset + 5, o.value());
        ObservationRepository.setInt(ps, offset + 6, o.n());
        ObservationRepository.setDouble(ps, offset + 7, o.ciLow());
        ObservationRepository.setDouble(ps, offset + 8, o.ciHigh());
        ps.setInt(offset + 9, statusCode(o.status()));
        ps.setString(offset + 10, o.marker());
        bindOrigin(ps, offset + 11, o);
    }

    /** Binds the {@value #PLAIN_WIDTH} {@link #PLAIN_COLUMNS} of {@code o} after {@code offset}. */
    void bindPlain(PreparedStatement ps, int offset, Observation o) throws SQLException {
        bindKey(ps, offset, o.indicatorId(), o.areaId(), o.group(), o.period(), true);
        ObservationRepository.setDouble(ps, offset + 5, o.value());
        ps.setInt(offset + 6, statusCode(o.status()));
        bindOrigin(ps, offset + 7, o);
    }

    /** origin, col, row from {@code index} on. */
    private void bindOrigin(PreparedStatement ps, int index, Observation o) throws SQLException {
        Split s = split(o.location());
        ps.setInt(index, origin(o.sourceId(), s.origin()));
        if (s.col() == null) {
            ps.setNull(index + 1, Types.VARCHAR);
            ps.setNull(index + 2, Types.INTEGER);
        } else {
            ps.setString(index + 1, s.col());
            ps.setInt(index + 2, s.row());
        }
    }

    /** Inserts a value whose key is not stored (fails on a stored key). */
    void insert(Observation o) throws SQLException {
        if (insert == null) insert = prepare("INSERT INTO obs(" + OBS_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        bindFull(insert, 0, o);
        insert.executeUpdate();
    }

    /** Inserts unless the key is stored; true when inserted. */
    boolean insertOrIgnore(Observation o) throws SQLException {
        if (insertOrIgnore == null) {
            insertOrIgnore = prepare("INSERT OR IGNORE INTO obs(" + OBS_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
        }
        bindFull(insertOrIgnore, 0, o);
        return insertOrIgnore.executeUpdate() == 1;
    }

    /** Inserts, or replaces every figure and the provenance of a stored value with the same key. */
    int upsert(Observation o) throws SQLException {
        if (upsert == null) {
            upsert = prepare("INSERT INTO obs(" + OBS_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT(ind, area, grp, period) DO UPDATE SET value=excluded.value, n=excluded.n, "
                    + "ci_low=excluded.ci_low, ci_high=excluded.ci_high, status=excluded.status, marker=excluded.marker, "
                    + "origin=excluded.origin, col=excluded.col, row=excluded.row");
        }
        bindFull(upsert, 0, o);
        return upsert.executeUpdate();
    }

    /** Updates a stored value only when its figures differ; 1 when updated. */
    boolean updateIfChanged(Observation o) throws SQLException {
        if (update == null) {
            update = prepare("UPDATE obs SET value=?, n=?, ci_low=?, ci_high=?, status=?, marker=?, origin=?, col=?, row=? "
                    + "WHERE ind=? AND area=? AND grp=? AND period=? AND NOT (value IS ? AND n IS ? AND ci_low IS ? "
                    + "AND ci_high IS ? AND status = ? AND marker IS ?)");
        }
        PreparedStatement u = update;
        ObservationRepository.setDouble(u, 1, o.value());
        ObservationRepository.setInt(u, 2, o.n());
        ObservationRepository.setDouble(u, 3, o.ciLow());
        ObservationRepository.setDouble(u, 4, o.ciHigh());
        u.setInt(5, statusCode(o.status()));
        u.setString(6, o.marker());
        bindOrigin(u, 7, o);
        if (!bindKey(u, 9, o.indicatorId(), o.areaId(), o.group(), o.period(), false)) return false;
        ObservationRepository.setDouble(u, 14, o.value());
        ObservationRepository.setInt(u, 15, o.n());
        ObservationRepository.setDouble(u, 16, o.ciLow());
        ObservationRepository.setDouble(u, 17, o.ciHigh());
        u.setInt(18, statusCode(o.status()));
        u.setString(19, o.marker());
        return u.executeUpdate() == 1;
    }

    /** Deletes the value with this key (period matched by label, as the undo log stores it); rows deleted. */
    int delete(String indicatorId, String areaId, String periodLabel, String group) throws SQLException {
        if (delete == null) {
            delete = prepare("DELETE FROM obs WHERE ind=(SELECT k FROM obs_indicator WHERE id=?) "
                    + "AND area=(SELECT k FROM obs_area WHERE id=?) AND grp=(SELECT k FROM obs_group WHERE label=?) "
                    + "AND period IN (SELECT k FROM obs_period WHERE label=?)");
        }
        delete.setString(1, indicatorId);
        delete.setString(2, areaId);
        delete.setString(3, group);
        delete.setString(4, periodLabel);
        return delete.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : open) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) first = e;
            }
        }
        open.clear();
        if (first != null) throw first;
    }
}
