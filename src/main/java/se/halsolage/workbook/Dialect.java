package se.halsolage.workbook;

import java.util.regex.Pattern;

/**
 * The SQL dialect of a workbook's store. The repositories write SQLite's SQL (the default store, unchanged);
 * on PostgreSQL the few spellings that differ are translated as each statement is prepared
 * ({@link #translate(String)}), and the handful of SQLite-only statements (PRAGMA, VACUUM INTO, sqlite_master)
 * are asked for through {@link Workbook#dialect()} where they are used.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    private static final Pattern INSERT_OR_IGNORE = Pattern.compile("^\\s*INSERT OR IGNORE INTO", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_NOT_PARAM = Pattern.compile("\\bIS NOT \\?", Pattern.CASE_INSENSITIVE);
    private static final Pattern IS_PARAM = Pattern.compile("\\bIS \\?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_ID = Pattern.compile("last_insert_rowid\\(\\)", Pattern.CASE_INSENSITIVE);

    /**
     * SQLite's SQL as this dialect spells it: on PostgreSQL {@code INSERT OR IGNORE} becomes
     * {@code INSERT … ON CONFLICT DO NOTHING}, the null-safe {@code IS ?} becomes {@code IS NOT DISTINCT FROM ?},
     * {@code last_insert_rowid()} becomes {@code lastval()} (the identity columns draw from sequences).
     * {@code COLLATE NOCASE} needs no change: the schema defines a case-insensitive collation "nocase".
     */
    public String translate(String sql) {
        if (this == SQLITE || sql == null) return sql;
        String s = sql;
        if (INSERT_OR_IGNORE.matcher(s).find()) {
            s = INSERT_OR_IGNORE.matcher(s).replaceFirst("INSERT INTO") + " ON CONFLICT DO NOTHING";
        }
        if (s.indexOf('?') >= 0) {
            s = IS_NOT_PARAM.matcher(s).replaceAll("IS DISTINCT FROM ?");
            s = IS_PARAM.matcher(s).replaceAll("IS NOT DISTINCT FROM ?");
        }
        s = LAST_ID.matcher(s).replaceAll("lastval()");
        return s;
    }
}
