package se.halsolage.workbook;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies a whole workbook between the two stores (a .halsa file and a PostgreSQL schema, either way, or file to
 * file): every row of every table, key for key, so values, sources, provenance, plans and the undo log arrive as
 * they were. The target is created new (refused when it exists), filled in one transaction, and compared row by
 * row with the source afterwards ({@link #rows(Workbook)}); a difference undoes nothing silently: it is reported.
 */
public final class WorkbookCopy {
    private WorkbookCopy() {
    }

    /** What was copied: rows per table. */
    public record Result(Path target, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Opens {@code from} read-only and copies it to the new workbook {@code to}. */
    public static Result copy(Path from, Path to) {
        try (Workbook source = Workbook.openReadOnly(from)) {
            if (source.needsUpgrade()) {
                throw new WorkbookException("Arbetsboken " + source.displayName() + " har ett äldre format och behöver "
                        + "uppgraderas först (halsolage upgrade). Inget kopierades.");
            }
            return copy(source, to);
        }
    }

    static Result copy(Workbook source, Path to) {
        if (!PostgresStore.is(to) && java.nio.file.Files.exists(to)) {
            throw new WorkbookException("Filen finns redan: " + to.toAbsolutePath() + ". Välj ett annat namn. Inget kopierades.");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Workbook target = Workbook.create(to)) {
            try {
                target.inTransaction(t -> source.withConnection(from -> t.withConnection(into -> {
                    for (String table : inDependencyOrder(from, source.dialect())) {
                        counts.put(table, copyTable(from, into, table));
                    }
                    if (t.dialect() == Dialect.POSTGRESQL) resetIdentities(into);
                    return null;
                })));
                Map<String, List<String>> a = rows(source), b = rows(target);
                if (!a.equals(b)) {
                    String table = a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).findFirst().orElse("?");
                    throw new WorkbookException("Kopian av " + source.displayName() + " blev inte lik originalet (tabellen "
                            + table + "). Ta bort kopian " + target.displayName() + " och försök igen.");
                }
            } catch (RuntimeException e) {
                target.close();
                if (PostgresStore.is(to)) PostgresWorkbooks.dropQuietly(PostgresStore.of(to));
                else deleteQuietly(to);
                throw e;
            }
        }
        return new Result(to, counts);
    }

    private static void deleteQuietly(Path file) {
        for (String s : new String[]{"", "-wal", "-shm", ".lock"}) {
            try {
                java.nio.file.Files.deleteIfExists(Path.of(file.toAbsolutePath() + s));
            } catch (java.io.IOException ignored) {
                // a half copy left behind is named in the message
            }
        }
    }

    /** The workbook's tables, each after the tables its foreign keys point to. */
    static List<String> inDependencyOrder(Connection c, Dialect dialect) throws SQLException {
        List<String> tables = Workbook.contentTables(c, dialect);
        Map<String, Set<String>> parents = new TreeMap<>();
        DatabaseMetaData md = c.getMetaData();
        for (String t : tables) {
            Set<String> ps = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, dialect == Dialect.POSTGRESQL ? c.getSchema() : null, t)) {
                while (rs.next()) {
                    String p = rs.getString("PKTABLE_NAME");
                    if (!p.equals(t)) ps.add(p);
                }
            }
            parents.put(t, ps);
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!done.contains(t) && done.containsAll(parents.get(t).stream().filter(tables::contains).toList())) {
                    order.add(t);
                    done.add(t);
                    progress = true;
                }
            }
            if (!progress) throw new SQLException("foreign keys in a cycle: " + parents);
        }
        return order;
    }

    private static long copyTable(Connection from, Connection into, String table) throws SQLException {
        long n = 0;
        try (Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData md = rs.getMetaData();
            int cols = md.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= cols; i++) names.add("\"" + md.getColumnName(i) + "\"");
            String sql = "INSERT INTO \"" + table + "\"(" + String.join(",", names) + ") VALUES ("
                    + String.join(",", java.util.Collections.nCopies(cols, "?")) + ")";
            try (PreparedStatement ins = into.prepareStatement(sql)) {
                int[] types = targetTypes(into, table, names);
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        Object v = rs.getObject(i);
                        if (v == null) ins.setNull(i, types[i - 1]);
                        else ins.setObject(i, v, types[i - 1]);
                    }
                    ins.addBatch();
                    if (++n % 2000 == 0) ins.executeBatch();
                }
                ins.executeBatch();
            }
        }
        return n;
    }

    /** The JDBC types of the target's columns, so each value is bound as the column wants it. */
    private static int[] targetTypes(Connection into, String table, List<String> names) throws SQLException {
        try (Statement st = into.createStatement(); ResultSet rs = st.executeQuery("SELECT " + String.join(",", names)
                + " FROM \"" + table + "\" WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            int[] t = new int[names.size()];
            for (int i = 0; i < t.length; i++) t[i] = md.getColumnType(i + 1);
            return t;
        }
    }

    /** After rows with their own ids: each identity column's next value follows the largest id copied. */
    private static void resetIdentities(Connection c) throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM "
                + "information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            while (rs.next()) cols.add(new String[]{rs.getString(1), rs.getString(2)});
        }
        for (String[] tc : cols) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('\"" + tc[0] + "\"', '" + tc[1] + "'), "
                        + "coalesce((SELECT max(\"" + tc[1] + "\") FROM \"" + tc[0] + "\"), 0) + 1, false)");
            }
        }
    }

    /**
     * Every row of every table as text, numbers written the same way whichever store they come from (1.0 and 1
     * are "1"), sorted: two workbooks hold the same data when their maps are equal.
     */
    public static Map<String, List<String>> rows(Workbook wb) {
        return wb.withConnection(c -> {
            Map<String, List<String>> out = new TreeMap<>();
            for (String table : Workbook.contentTables(c, wb.dialect())) {
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    int cols = md.getColumnCount();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= cols; i++) names.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= cols; i++) sb.append(names.get(i - 1)).append('=').append(cell(rs.getObject(i))).append('\u0001');
                        rows.add(sb.toString());
                    }
                }
                java.util.Collections.sort(rows);
                out.put(table, rows);
            }
            return out;
        });
    }

    private static String cell(Object v) {
        if (v == null) return "∅";
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        return v.toString();
    }
}
