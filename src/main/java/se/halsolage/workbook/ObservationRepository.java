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
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Observations: indicator × area × period × group → value, with status and provenance. */
public final class ObservationRepository {
    /** The columns of the view {@code observations} (schema V40: the table {@code obs} with its keys resolved). */
    static final String COLUMNS = "indicator_id, area_id, period, start_year, end_year, grp, value, n, "
            + "ci_low, ci_high, status, marker, source_id, location";
    private static final Comparator<Observation> ORDER = Comparator.comparing(Observation::period)
            .thenComparing(Observation::group);

    private final Workbook wb;

    ObservationRepository(Workbook wb) {
        this.wb = wb;
    }

    /** What an upsert did to the stored row. */
    public enum Change { ADDED, UPDATED, UNCHANGED }

    /** Counts of an upsert batch. */
    public record UpsertCounts(int added, int updated, int unchanged) {
        public UpsertCounts plus(UpsertCounts o) {
            return new UpsertCounts(added + o.added, updated + o.updated, unchanged + o.unchanged);
        }

        public int total() {
            return added + updated + unchanged;
        }
    }

    /** Inserts or updates (same indicator, area, period label and group) one observation. */
    public Change upsert(Observation o) {
        UpsertCounts c = upsertAll(List.of(o));
        return c.added() > 0 ? Change.ADDED : c.updated() > 0 ? Change.UPDATED : Change.UNCHANGED;
    }

    /**
     * Inserts or updates many observations inside the current transaction. A stored row whose value,
     * n, CI, status and marker are equal is left alone (and counted as unchanged); otherwise it takes
     * the new values and the new source.
     */
    public UpsertCounts upsertAll(Iterable<Observation> observations) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            // Off while upserting: sqlite-jdbc would otherwise match each INSERT against a pattern and prepare and
            // run "SELECT last_insert_rowid()" after it, for getGeneratedKeys(), which is never read here.
            if (wb.dialect() != Dialect.SQLITE) return upsertEach(c, observations);
            org.sqlite.SQLiteConnectionConfig cfg = c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig();
            boolean keysWere = cfg.isGetGeneratedKeys();
            cfg.setGetGeneratedKeys(false);
            try {
                return upsertEach(c, observations);
            } finally {
                cfg.setGetGeneratedKeys(keysWere);
            }
        });
    }

    private static UpsertCounts upsertEach(Connection c, Iterable<Observation> observations) throws SQLException {
        int added = 0, updated = 0, unchanged = 0;
        try (ObservationStore store = new ObservationStore(c)) {
            for (Observation o : observations) {
                if (store.insertOrIgnore(o)) added++;
                else if (store.updateIfChanged(o)) updated++;
                else unchanged++;
            }
        }
        return new UpsertCounts(added, updated, unchanged);
    }

    static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) ps.setNull(i, Types.REAL); else ps.setDouble(i, v);
    }

    static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v);
    }

    /** One series: an indicator in an area for one group, ordered by period. */
    public List<Observation> series(String indicatorId, String areaId, Group group) {
        return wb.withConnection(c -> {
            if (wb.isInTransaction()) return query(c, "SELECT " + COLUMNS + " FROM observations WHERE indicator_id=? "
                    + "AND area_id=? AND grp=? ORDER BY end_year, start_year, period", indicatorId, areaId, group.label());
            Keys k = keys(c);
            Integer ind = k.indicator(c, indicatorId), area = k.areaKey(areaId), grp = k.groupKey(group.label());
            if (ind == null || area == null || grp == null) return new ArrayList<>();
            List<Observation> list = compact(c, k, indicatorId, "area=? AND grp=?", ind, area, grp);
            list.sort(BY_PERIOD);
            return list;
        });
    }

    /** All groups of an indicator in an area, ordered by period, then group (Totalt first). */
    public List<Observation> series(String indicatorId, String areaId) {
        return wb.withConnection(c -> {
            if (wb.isInTransaction()) {
                List<Observation> list = query(c, "SELECT " + COLUMNS + " FROM observations WHERE indicator_id=? "
                        + "AND area_id=? ORDER BY end_year, start_year, period", indicatorId, areaId);
                list.sort(ORDER);
                return list;
            }
            Keys k = keys(c);
            Integer ind = k.indicator(c, indicatorId), area = k.areaKey(areaId);
            if (ind == null || area == null) return new ArrayList<>();
            List<Observation> list = compact(c, k, indicatorId, "area=?", ind, area);
            list.sort(ORDER);
            return list;
        });
    }

    /**
     * The series of many indicators in a few areas, all groups, by indicator id and then area id, each list ordered
     * as {@link #series(String, String)} orders it: what an overview of every indicator reads (own municipality,
     * county, riket, comparison group). Read by the clustered key in a few statements (indicator keys in chunks of
     * 500 times the areas) instead of one statement per series; indicators or areas without values are absent.
     */
    public Map<String, Map<String, List<Observation>>> seriesFor(Collection<String> indicatorIds, Collection<String> areaIds) {
        return seriesFor(indicatorIds, areaIds, List.of(), null);
    }

    /**
     * As {@link #seriesFor(Collection, Collection)} for {@code areaIds} (all groups), plus only {@code group}'s series in
     * {@code groupOnlyAreas} (what an overview compares with: the county's and riket's Totalt).
     */
    public Map<String, Map<String, List<Observation>>> seriesFor(Collection<String> indicatorIds, Collection<String> areaIds,
                                                                 Collection<String> groupOnlyAreas, Group group) {
        return wb.withConnection(c -> {
            Map<String, Map<String, List<Observation>>> out = new HashMap<>();
            List<String> areaList = new ArrayList<>(new java.util.LinkedHashSet<>(areaIds));
            areaList.removeIf(java.util.Objects::isNull);
            List<String> groupAreas = new ArrayList<>(new java.util.LinkedHashSet<>(groupOnlyAreas));
            groupAreas.removeIf(a -> a == null || areaList.contains(a) || group == null);
            if (indicatorIds.isEmpty() || areaList.isEmpty() && groupAreas.isEmpty()) return out;
            if (wb.isInTransaction()) {
                for (String ind : indicatorIds) {
                    for (String a : areaList) {
                        List<Observation> l = series(ind, a);
                        if (!l.isEmpty()) out.computeIfAbsent(ind, x -> new HashMap<>()).put(a, l);
                    }
                    for (String a : groupAreas) {
                        List<Observation> l = series(ind, a, group);
                        if (!l.isEmpty()) out.computeIfAbsent(ind, x -> new HashMap<>()).put(a, l);
                    }
                }
                return out;
            }
            Keys k = keys(c);
            k.loadIndicators(c);
            String areas = keyList(areaList, k), refs = keyList(groupAreas, k);
            Integer grp = group == null ? null : k.groupKey(group.label());
            Map<Integer, String> byKey = new HashMap<>();
            List<Integer> keys = new ArrayList<>();
            for (String id : indicatorIds) {
                Integer key = k.indicators.get(id);
                if (key != null && byKey.putIfAbsent(key, id) == null) keys.add(key);
            }
            for (int from = 0; from < keys.size(); from += 500) {
                StringBuilder in = new StringBuilder();
                for (Integer key : keys.subList(from, Math.min(keys.size(), from + 500))) {
                    in.append(in.length() == 0 ? "" : ",").append(key.intValue());
                }
                // only integers of our own dictionaries are written into the statements
                if (!areas.isEmpty()) readAhead(c, k, byKey, out, "ind IN (" + in + ") AND area IN (" + areas + ")");
                if (!refs.isEmpty() && grp != null) {
                    readAhead(c, k, byKey, out, "ind IN (" + in + ") AND area IN (" + refs + ") AND grp = " + grp.intValue());
                }
            }
            for (Map<String, List<Observation>> m : out.values()) for (List<Observation> l : m.values()) l.sort(ORDER);
            return out;
        });
    }

    private static String keyList(List<String> areaIds, Keys k) {
        StringBuilder sb = new StringBuilder();
        for (String a : areaIds) {
            Integer key = k.areaKey(a);
            if (key != null) sb.append(sb.length() == 0 ? "" : ",").append(key.intValue());
        }
        return sb.toString();
    }

    /**
     * Reads rows of {@code obs} into {@code out}. Most values have no n, interval, marker or cell: a flag column says
     * so, and only rows that have them read those six columns (each column read is a call into SQLite's driver).
     */
    private static void readAhead(Connection c, Keys k, Map<Integer, String> byKey,
                                  Map<String, Map<String, List<Observation>>> out, String where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ind, area, grp, period, value, status, origin, "
                + "CASE WHEN n IS NOT NULL OR ci_low IS NOT NULL OR ci_high IS NOT NULL OR marker IS NOT NULL OR col IS NOT NULL "
                + "THEN 1 ELSE 0 END, " // an integer in both stores (PostgreSQL gives a boolean for the bare OR)
                + "n, ci_low, ci_high, marker, col, row FROM obs WHERE " + where);
             ResultSet rs = ps.executeQuery()) {
            String lastInd = null, lastArea = null;
            int lastIndKey = -1, lastAreaKey = -1;
            List<Observation> list = null;
            while (rs.next()) {
                int indKey = rs.getInt(1), areaKey = rs.getInt(2);
                if (indKey != lastIndKey || areaKey != lastAreaKey || list == null) {
                    lastInd = byKey.get(indKey);
                    lastArea = k.areas[areaKey];
                    lastIndKey = indKey;
                    lastAreaKey = areaKey;
                    String area = lastArea;
                    list = out.computeIfAbsent(lastInd, x -> new HashMap<>()).computeIfAbsent(area, x -> new ArrayList<>());
                }
                int status = rs.getInt(6), origin = rs.getInt(7);
                Double value = status == 0 ? rs.getDouble(5) : null; // CHECK ((status = 0) = (value IS NOT NULL))
                Integer nn = null;
                Double low = null, high = null;
                String marker = null, location = k.originLocation[origin];
                if (rs.getBoolean(8)) { // a boolean on PostgreSQL, 0/1 on SQLite
                    int n = rs.getInt(9);
                    nn = rs.wasNull() ? null : n;
                    double lo = rs.getDouble(10);
                    low = rs.wasNull() ? null : lo;
                    double hi = rs.getDouble(11);
                    high = rs.wasNull() ? null : hi;
                    marker = rs.getString(12);
                    String col = rs.getString(13);
                    if (col != null) location = location + col + rs.getInt(14);
                }
                list.add(new Observation(lastInd, lastArea, k.periods[rs.getInt(4)], k.groups[rs.getInt(3)],
                        value, nn, low, high, STATUS[status], marker, k.originSource[origin], location));
            }
        }
    }

    /** Every observation of an indicator, all areas and groups. */
    public List<Observation> forIndicator(String indicatorId) {
        return wb.withConnection(c -> {
            if (wb.isInTransaction()) return query(c, "SELECT " + COLUMNS + " FROM observations WHERE indicator_id=? "
                    + "ORDER BY area_id, grp, end_year, start_year, period", indicatorId);
            Keys k = keys(c);
            Integer ind = k.indicator(c, indicatorId);
            if (ind == null) return new ArrayList<>();
            List<Observation> list = compact(c, k, indicatorId, null, ind);
            list.sort(Comparator.comparing(Observation::areaId).thenComparing(o -> o.group().label()).thenComparing(BY_PERIOD));
            return list;
        });
    }

    /**
     * One group's series of an indicator in every area that has it, areas in id order, each series ordered by
     * period: what a chart across all municipalities reads. Searches the unique key by (indicator, *, group)
     * and sorts only the periods inside each area.
     */
    public List<Observation> seriesForAllAreas(String indicatorId, Group group) {
        return wb.withConnection(c -> {
            if (wb.isInTransaction()) return query(c, "SELECT " + COLUMNS + " FROM observations WHERE indicator_id=? AND grp=? "
                    + "ORDER BY area_id, end_year, start_year, period", indicatorId, group.label());
            Keys k = keys(c);
            Integer ind = k.indicator(c, indicatorId), grp = k.groupKey(group.label());
            if (ind == null || grp == null) return new ArrayList<>();
            List<Observation> list = compact(c, k, indicatorId, "grp=?", ind, grp);
            list.sort(Comparator.comparing(Observation::areaId).thenComparing(BY_PERIOD));
            return list;
        });
    }

    /** Every observation in an area (all indicators), for overviews. */
    public List<Observation> forArea(String areaId) {
        // No index starts with the area: the unique key (indicator, area, group, period) is searched once per
        // indicator instead (every observation's indicator exists: foreign key).
        return wb.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM observations WHERE indicator_id IN "
                + "(SELECT id FROM indicators) AND area_id=? ORDER BY indicator_id, grp, end_year, start_year", areaId));
    }

    /** Every observation from one source. */
    public List<Observation> forSource(long sourceId) {
        return wb.withConnection(c -> query(c, "SELECT " + COLUMNS + " FROM observations WHERE source_id=? "
                + "ORDER BY indicator_id, area_id, grp, end_year", sourceId));
    }

    /** The groups present for an indicator in an area. */
    public List<Group> groups(String indicatorId, String areaId) {
        return wb.withConnection(c -> {
            List<Group> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT grp FROM observations WHERE indicator_id=? AND area_id=?")) {
                ps.setString(1, indicatorId);
                ps.setString(2, areaId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Group(rs.getString(1)));
                }
            }
            out.sort(null);
            return out;
        });
    }

    /**
     * The breakdowns an indicator has values for, anywhere (all areas and periods): each with its values in
     * {@link Group} order and the total ({@link Group#TOTALT}) when the indicator has one, else null. "Kön" comes
     * first, then the others by name; an indicator with only Totalt has no breakdown (empty list). The breakdown
     * of a group is the one stored with it (named by the source's column, e.g. "Typ av huvudman") or, for groups
     * stored before schema 42, the one {@link Group#inferBreakdown} gives.
     */
    public List<se.halsolage.domain.Breakdown> breakdownsOf(String indicatorId) {
        return wb.withConnection(c -> {
            java.util.Map<String, List<Group>> by = new java.util.TreeMap<>((a, b) -> a.equals(b) ? 0
                    : a.equals(Group.KON) ? -1 : b.equals(Group.KON) ? 1 : a.compareTo(b));
            boolean total = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT g.label, g.breakdown FROM obs_group g WHERE g.k IN "
                    + "(SELECT DISTINCT o.grp FROM obs o JOIN obs_indicator i ON i.k = o.ind WHERE i.id = ?)")) {
                ps.setString(1, indicatorId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Group g = new Group(rs.getString(1), rs.getString(2));
                        if (g.isTotal()) {
                            total = true;
                            continue;
                        }
                        by.computeIfAbsent(g.breakdown(), x -> new ArrayList<>()).add(g);
                    }
                }
            }
            List<se.halsolage.domain.Breakdown> out = new ArrayList<>();
            for (var e : by.entrySet()) {
                List<Group> values = new ArrayList<>(e.getValue());
                values.sort(null);
                out.add(new se.halsolage.domain.Breakdown(e.getKey(), values, total ? Group.TOTALT : null));
            }
            return out;
        });
    }

    public long count() {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM observations"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Period order as SQL sorted it: end year, start year, label. */
    private static final Comparator<Observation> BY_PERIOD = Comparator.comparingInt((Observation o) -> o.period().endYear())
            .thenComparingInt(o -> o.period().startYear()).thenComparing(o -> o.period().label());

    private volatile Keys keys;

    /**
     * The key dictionaries (schema V40) decoded in memory, so a series is read from {@code obs} alone by its
     * clustered key instead of through the view's four joins a row. Valid while no transaction of this
     * workbook ended and no other connection committed (SQLite's data_version). Never used inside a
     * transaction (its writes add keys, and a rollback may hand the same key to another text): reads there go
     * through the view.
     */
    private Keys keys(Connection c) throws SQLException {
        long version;
        // PostgreSQL: the dictionaries only grow between changes of this workbook (identity keys are never reused), so
        // the newest key of each tells whether another user's commit added any
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(wb.dialect() == Dialect.SQLITE
                ? "PRAGMA data_version" : "SELECT (SELECT coalesce(max(k), 0) FROM obs_indicator) * 1000003 "
                + "+ (SELECT coalesce(max(k), 0) FROM obs_area) * 10007 + (SELECT coalesce(max(k), 0) FROM obs_group) * 101 "
                + "+ (SELECT coalesce(max(k), 0) FROM obs_period) * 7 + (SELECT coalesce(max(k), 0) FROM obs_origin) "
                + "+ (SELECT count(*) FROM obs_indicator) * 31")) {
            rs.next();
            version = rs.getLong(1);
        }
        Keys k = keys;
        long gen = wb.generation();
        if (k != null && k.version == version && k.generation == gen) return k;
        k = Keys.load(c, version, gen);
        keys = k;
        return k;
    }

    private static final class Keys {
        final long version, generation;
        final java.util.Map<String, Integer> areaKeys = new java.util.HashMap<>(), groupKeys = new java.util.HashMap<>();
        String[] areas = new String[0];
        Group[] groups = new Group[0];
        Period[] periods = new Period[0];
        long[] originSource = new long[0];
        String[] originLocation = new String[0];
        final java.util.Map<String, Integer> indicators = new java.util.concurrent.ConcurrentHashMap<>();

        private Keys(long version, long generation) {
            this.version = version;
            this.generation = generation;
        }

        static Keys load(Connection c, long version, long generation) throws SQLException {
            Keys k = new Keys(version, generation);
            try (java.sql.Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT k, id FROM obs_area ORDER BY k DESC")) {
                    while (rs.next()) {
                        int key = rs.getInt(1);
                        if (k.areas.length == 0) k.areas = new String[key + 1];
                        k.areas[key] = rs.getString(2);
                        k.areaKeys.put(rs.getString(2), key);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT k, label, breakdown FROM obs_group ORDER BY k DESC")) {
                    while (rs.next()) {
                        int key = rs.getInt(1);
                        if (k.groups.length == 0) k.groups = new Group[key + 1];
                        k.groups[key] = rs.getString(3) == null ? ObservationRepository.group(rs.getString(2))
                                : new Group(rs.getString(2), rs.getString(3));
                        k.groupKeys.put(rs.getString(2), key);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT k, label, start_year, end_year FROM obs_period ORDER BY k DESC")) {
                    while (rs.next()) {
                        int key = rs.getInt(1);
                        if (k.periods.length == 0) k.periods = new Period[key + 1];
                        k.periods[key] = new Period(rs.getString(2), rs.getInt(3), rs.getInt(4));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT k, source_id, location FROM obs_origin ORDER BY k DESC")) {
                    while (rs.next()) {
                        int key = rs.getInt(1);
                        if (k.originSource.length == 0) {
                            k.originSource = new long[key + 1];
                            k.originLocation = new String[key + 1];
                        }
                        k.originSource[key] = rs.getLong(2);
                        k.originLocation[key] = rs.getString(3);
                    }
                }
            }
            return k;
        }

        Integer indicator(Connection c, String id) throws SQLException {
            Integer v = indicators.get(id);
            if (v != null) return v;
            try (PreparedStatement ps = c.prepareStatement("SELECT k FROM obs_indicator WHERE id=?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    v = rs.getInt(1);
                }
            }
            indicators.put(id, v);
            return v;
        }

        Integer areaKey(String id) {
            return areaKeys.get(id);
        }

        private volatile boolean allIndicators;

        /** Every indicator key at once (an overview asks for all of them). */
        void loadIndicators(Connection c) throws SQLException {
            if (allIndicators) return;
            try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT k, id FROM obs_indicator")) {
                while (rs.next()) indicators.put(rs.getString(2), rs.getInt(1));
            }
            allIndicators = true;
        }

        Integer groupKey(String label) {
            return groupKeys.get(label);
        }
    }

    /** Rows of {@code obs} for one indicator key (and {@code where} on further key columns), decoded. */
    private static List<Observation> compact(Connection c, Keys k, String indicatorId, String where, Object... args)
            throws SQLException {
        List<Observation> out = new ArrayList<>();
        // The driver crosses into SQLite for every column read and every wasNull(): the value is read only when
        // the status says there is one (CHECK (status = 0) = (value IS NOT NULL)) and the rarely set columns only
        // when the flag computed in SQLite says one of them is set (7 calls per row instead of 18, as readAhead)
        try (PreparedStatement ps = c.prepareStatement("SELECT area, grp, period, status, origin, value, "
                + "(n IS NOT NULL OR ci_low IS NOT NULL OR ci_high IS NOT NULL OR marker IS NOT NULL OR col IS NOT NULL), "
                + "n, ci_low, ci_high, marker, col, row FROM obs WHERE ind=?" + (where == null ? "" : " AND " + where))) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int area = rs.getInt(1), grp = rs.getInt(2), period = rs.getInt(3), status = rs.getInt(4),
                            origin = rs.getInt(5);
                    Double value = status == 0 ? rs.getDouble(6) : null;
                    Integer nn = null;
                    Double low = null, high = null;
                    String marker = null, location = k.originLocation[origin];
                    if (rs.getBoolean(7)) {
                        int n = rs.getInt(8);
                        nn = rs.wasNull() ? null : n;
                        double lo = rs.getDouble(9);
                        low = rs.wasNull() ? null : lo;
                        double hi = rs.getDouble(10);
                        high = rs.wasNull() ? null : hi;
                        marker = rs.getString(11);
                        String col = rs.getString(12);
                        if (col != null) location = location + col + rs.getInt(13);
                    }
                    out.add(new Observation(indicatorId, k.areas[area], k.periods[period], k.groups[grp],
                            value, nn, low, high, STATUS[status], marker, k.originSource[origin], location));
                }
            }
        }
        return out;
    }

    private static final ObservationStatus[] STATUS = {ObservationStatus.OK, ObservationStatus.SUPPRESSED,
            ObservationStatus.MISSING, ObservationStatus.NOT_APPLICABLE};

    private static List<Observation> query(Connection c, String sql, Object... args) throws SQLException {
        List<Observation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        }
        return out;
    }

    /** Reads a row selected with {@link #COLUMNS}, by column position (name lookups cost per row). */
    private static Observation read(ResultSet rs) throws SQLException {
        double v = rs.getDouble(7);
        Double value = rs.wasNull() ? null : v;
        int n = rs.getInt(8);
        Integer nn = rs.wasNull() ? null : n;
        double lo = rs.getDouble(9);
        Double low = rs.wasNull() ? null : lo;
        double hi = rs.getDouble(10);
        Double high = rs.wasNull() ? null : hi;
        return new Observation(rs.getString(1), rs.getString(2),
                new Period(rs.getString(3), rs.getInt(4), rs.getInt(5)),
                group(rs.getString(6)), value, nn, low, high,
                status(rs.getString(11)), rs.getString(12), rs.getLong(13), rs.getString(14));
    }

    private static Group group(String label) {
        return switch (label) {
            case "Totalt" -> Group.TOTALT;
            case "Kvinnor" -> Group.KVINNOR;
            case "Män" -> Group.MAN;
            case "Flickor" -> Group.FLICKOR;
            case "Pojkar" -> Group.POJKAR;
            default -> new Group(label);
        };
    }

    private static ObservationStatus status(String code) {
        return switch (code) {
            case "ok" -> ObservationStatus.OK;
            case "suppressed" -> ObservationStatus.SUPPRESSED;
            case "missing" -> ObservationStatus.MISSING;
            default -> ObservationStatus.fromCode(code);
        };
    }
}
