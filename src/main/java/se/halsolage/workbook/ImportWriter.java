package se.halsolage.workbook;

import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import se.halsolage.domain.Observation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one import's observations with its undo log, inside the caller's transaction: what
 * the former per-row undo copy followed by {@link ObservationRepository#upsertAll} did, with the
 * same results and counts, but with statements prepared once per import and a cheap path for values
 * that cannot exist yet.
 *
 * <p>The first time an indicator appears, the keys already stored for it are read once and kept as
 * 64-bit hashes (8 bytes a key, nothing else). A value whose key is not among them, nor among those
 * this import already wrote, is new for certain: it is inserted with one statement and no look-ups. Any
 * other value (stored before, or a rare hash collision) takes the exact path: its previous state is
 * copied to the undo log when it changes, then it is inserted or updated.
 *
 * <p>While open, the page cache of the connection is raised to {@value #CACHE_KIB} KiB (native memory,
 * not Java heap) so the index pages of a large import are not written out and read back repeatedly;
 * {@link #close()} restores it. The cache size has no effect on durability.
 */
public final class ImportWriter implements AutoCloseable {
    static final int CACHE_KIB = 65536;

    private final Workbook wb;
    private final long runId;
    /** Rows of plain new values per multi-row INSERT ({@value ObservationStore#PLAIN_WIDTH} bound values each). */
    static final int ROWS_PER_INSERT = 64;
    private final ObservationStore store;
    private final PreparedStatement keys, insertPlain, insertPlainMany, addedMarker, copy, exists;
    /** Plain values new for certain, waiting to be written {@value #ROWS_PER_INSERT} at a time. */
    private final Observation[] pending = new Observation[ROWS_PER_INSERT];
    private int pendingCount;
    private final long previousCache;
    private final KeySet known = new KeySet();
    private final KeySet written = new KeySet();
    private final Set<String> loaded = new HashSet<>();

    ImportWriter(Workbook wb, long runId) {
        wb.requireTransaction();
        this.wb = wb;
        this.runId = runId;
        Connection c = wb.withConnection(x -> x);
        try {
            store = new ObservationStore(c);
            keys = c.prepareStatement("SELECT a.id, g.label, p.label FROM obs o JOIN obs_area a ON a.k=o.area "
                    + "JOIN obs_group g ON g.k=o.grp JOIN obs_period p ON p.k=o.period "
                    + "WHERE o.ind=(SELECT k FROM obs_indicator WHERE id=?)");
            String row = "(" + String.join(",", java.util.Collections.nCopies(ObservationStore.PLAIN_WIDTH, "?")) + ")";
            // the usual value: no n, CI or marker (the columns default to null)
            insertPlain = c.prepareStatement("INSERT INTO obs(" + ObservationStore.PLAIN_COLUMNS + ") VALUES " + row);
            // One statement for many new rows: SQLite opens its cursors and checks the foreign keys' tables once
            // per statement instead of once per row, and the driver steps and resets once.
            insertPlainMany = c.prepareStatement("INSERT INTO obs(" + ObservationStore.PLAIN_COLUMNS + ") VALUES "
                    + String.join(",", java.util.Collections.nCopies(ROWS_PER_INSERT, row)));
            addedMarker = c.prepareStatement("INSERT INTO import_undo(run_id, existed, indicator_id, area_id, period, grp) "
                    + "VALUES (?,0,?,?,?,?)");
            copy = c.prepareStatement("INSERT INTO import_undo(run_id, existed, indicator_id, area_id, "
                    + "period, start_year, end_year, grp, value, n, ci_low, ci_high, status, marker, source_id, location) "
                    + "SELECT ?, 1, indicator_id, area_id, period, start_year, end_year, grp, value, n, ci_low, ci_high, status, "
                    + "marker, source_id, location FROM observations WHERE indicator_id=? AND area_id=? AND period=? AND grp=? "
                    + "AND NOT (value IS ? AND n IS ? AND ci_low IS ? AND ci_high IS ? AND status = ? AND marker IS ?)");
            exists = c.prepareStatement("SELECT 1 FROM observations WHERE indicator_id=? AND area_id=? AND period=? AND grp=?");
            if (wb.dialect() == Dialect.SQLITE) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA cache_size")) {
                    previousCache = rs.next() ? rs.getLong(1) : -2000;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA cache_size=-" + CACHE_KIB);
                }
            } else {
                previousCache = 0; // the server's shared_buffers are its own
            }
        } catch (SQLException e) {
            throw new WorkbookException("Fel i arbetsboken " + wb.file().getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a batch: every observation is added, updated or left unchanged exactly as
     * {@link ObservationRepository#upsertAll} would; the undo log gets the previous state of each stored
     * value that changes and, when {@code logAdded} (the import reuses an existing source), a marker row
     * for each value added.
     */
    public ObservationRepository.UpsertCounts write(List<Observation> batch, boolean logAdded) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            // sqlite-jdbc otherwise matches every INSERT against a pattern and prepares and runs
            // "SELECT last_insert_rowid()" after it, for getGeneratedKeys(), which nothing here reads.
            if (wb.dialect() != Dialect.SQLITE) return writeBatch(batch, logAdded);
            SQLiteConnectionConfig cfg = c.unwrap(SQLiteConnection.class).getConnectionConfig();
            boolean keysWere = cfg.isGetGeneratedKeys();
            cfg.setGetGeneratedKeys(false);
            try {
                return writeBatch(batch, logAdded);
            } finally {
                cfg.setGetGeneratedKeys(keysWere);
            }
        });
    }

    private ObservationRepository.UpsertCounts writeBatch(List<Observation> batch, boolean logAdded) throws SQLException {
        {
            int added = 0, updated = 0, unchanged = 0;
            for (Observation o : batch) {
                if (loaded.add(o.indicatorId())) loadKeys(o.indicatorId());
                long h = hash(o.indicatorId(), o.areaId(), o.group().label(), o.period().label());
                boolean mayExist = known.contains(h);
                boolean ours = written.contains(h);
                if (!mayExist && !ours) {
                    boolean plain = o.n() == null && o.ciLow() == null && o.ciHigh() == null && o.marker() == null;
                    if (plain && !logAdded) {
                        pending[pendingCount++] = o;
                        if (pendingCount == ROWS_PER_INSERT) flushPending();
                    } else {
                        flushPending();
                        if (plain) {
                            store.bindPlain(insertPlain, 0, o);
                            insertPlain.executeUpdate();
                        } else {
                            store.insert(o);
                        }
                        if (logAdded) marker(o);
                    }
                    written.add(h);
                    added++;
                    continue;
                }
                flushPending(); // the exact path below must see every row written before it
                // Stored before this import: remember what it was, when it changes. Written earlier in this
                // import (two spellings of one area): the undo log already covers it.
                if (mayExist && !ours && copy(o) == 0 && logAdded && !exists(o)) marker(o);
                if (store.insertOrIgnore(o)) {
                    written.add(h);
                    added++;
                    continue;
                }
                if (store.updateIfChanged(o)) updated++; else unchanged++;
            }
            flushPending();
            return new ObservationRepository.UpsertCounts(added, updated, unchanged);
        }
    }

    /** Writes the waiting plain rows: a full set with one statement, fewer one by one. */
    private void flushPending() throws SQLException {
        if (pendingCount == ROWS_PER_INSERT) {
            for (int i = 0; i < pendingCount; i++) store.bindPlain(insertPlainMany, i * ObservationStore.PLAIN_WIDTH, pending[i]);
            insertPlainMany.executeUpdate();
        } else {
            for (int i = 0; i < pendingCount; i++) {
                store.bindPlain(insertPlain, 0, pending[i]);
                insertPlain.executeUpdate();
            }
        }
        java.util.Arrays.fill(pending, 0, pendingCount, null);
        pendingCount = 0;
    }

    private void loadKeys(String indicatorId) throws SQLException {
        keys.setString(1, indicatorId);
        try (ResultSet rs = keys.executeQuery()) {
            while (rs.next()) known.add(hash(indicatorId, rs.getString(1), rs.getString(2), rs.getString(3)));
        }
    }

    private void marker(Observation o) throws SQLException {
        addedMarker.setLong(1, runId);
        addedMarker.setString(2, o.indicatorId());
        addedMarker.setString(3, o.areaId());
        addedMarker.setString(4, o.period().label());
        addedMarker.setString(5, o.group().label());
        addedMarker.executeUpdate();
    }

    private int copy(Observation o) throws SQLException {
        copy.setLong(1, runId);
        copy.setString(2, o.indicatorId());
        copy.setString(3, o.areaId());
        copy.setString(4, o.period().label());
        copy.setString(5, o.group().label());
        copy.setObject(6, o.value(), Types.REAL);
        copy.setObject(7, o.n(), Types.INTEGER);
        copy.setObject(8, o.ciLow(), Types.REAL);
        copy.setObject(9, o.ciHigh(), Types.REAL);
        copy.setString(10, o.status().code());
        copy.setString(11, o.marker());
        return copy.executeUpdate();
    }

    private boolean exists(Observation o) throws SQLException {
        exists.setString(1, o.indicatorId());
        exists.setString(2, o.areaId());
        exists.setString(3, o.period().label());
        exists.setString(4, o.group().label());
        try (ResultSet rs = exists.executeQuery()) {
            return rs.next();
        }
    }

    /** 64-bit FNV-1a over the four key parts, separated by a character no key contains. */
    static long hash(String indicator, String area, String group, String period) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, indicator);
        h = fnv(h, area);
        h = fnv(h, group);
        return fnv(h, period);
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0xFFFF;
        return h * 0x100000001b3L;
    }

    @Override
    public void close() {
        wb.withConnection(c -> {
            for (PreparedStatement ps : List.of(keys, insertPlain, insertPlainMany, addedMarker, copy, exists)) ps.close();
            store.close();
            if (wb.dialect() == Dialect.SQLITE) try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size=" + previousCache);
            }
            return null;
        });
    }

    /** An open-addressing set of 64-bit hashes (0 stands for an empty slot and is remapped). */
    static final class KeySet {
        private long[] table = new long[1 << 10];
        private int size;

        boolean contains(long v) {
            if (v == 0) v = 1;
            int mask = table.length - 1;
            for (int i = (int) (mix(v) & mask); table[i] != 0; i = (i + 1) & mask) if (table[i] == v) return true;
            return false;
        }

        void add(long v) {
            if (v == 0) v = 1;
            if (size * 2 >= table.length) grow();
            int mask = table.length - 1;
            int i = (int) (mix(v) & mask);
            while (table[i] != 0) {
                if (table[i] == v) return;
                i = (i + 1) & mask;
            }
            table[i] = v;
            size++;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            size = 0;
            for (long v : old) if (v != 0) add(v);
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }
    }
}
