package se.halsolage.workbook;


import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The undo log of file imports (tables {@code import_runs}, {@code import_undo}). Only the latest run
 * keeps its undo rows; older runs keep their summary line.
 */
public final class ImportLogRepository {
    /** One import as recorded: the sources it created (undo deletes them) and all it wrote to. */
    public record ImportRun(long id, String file, String recipe, Instant importedAt, List<Long> newSources,
                            List<Long> allSources, String summary, boolean undone,
                            List<String> newIndicators, List<String> newAreas) {
    }

    /** What undoing a run did. */
    public record UndoResult(long values, int indicators, int areas) {
    }

    private final Workbook wb;

    ImportLogRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Starts a run and drops the undo rows of earlier runs (only the last import can be undone). */
    public long start(String file, String recipe) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM import_undo");
                st.executeUpdate("UPDATE import_runs SET undone = 2 WHERE undone = 0");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_runs(file, recipe, imported_at) VALUES (?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, file);
                ps.setString(2, recipe);
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    /** A writer for the observations of a run (with its undo rows); close it before the transaction ends. */
    public ImportWriter writer(long runId) {
        return new ImportWriter(wb, runId);
    }

    /** Records the sources and summary of a run when it finishes. */
    public void finish(long runId, List<Long> newSources, List<Long> allSources, String summary) {
        finish(runId, newSources, allSources, summary, List.of(), List.of());
    }

    /** Records the sources, summary and the indicators and sub-areas a run created when it finishes. */
    public void finish(long runId, List<Long> newSources, List<Long> allSources, String summary,
                       List<String> newIndicators, List<String> newAreas) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_runs SET new_sources=?, all_sources=?, summary=?, "
                    + "new_indicators=?, new_areas=? WHERE id=?")) {
                ps.setString(1, join(newSources));
                ps.setString(2, join(allSources));
                ps.setString(3, summary);
                ps.setString(4, String.join("\n", newIndicators));
                ps.setString(5, String.join("\n", newAreas));
                ps.setLong(6, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The latest run that can still be undone. */
    public Optional<ImportRun> last() {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM import_runs WHERE undone = 0 ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<ImportRun>empty();
            }
        });
    }

    public List<ImportRun> all() {
        return wb.withConnection(c -> {
            List<ImportRun> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM import_runs ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        });
    }

    /**
     * Undoes a run: restores the previous state of every observation it overwrote, deletes those it
     * added to a reused source, then deletes the sources it created (with their observations).
     * Returns the number of observations restored or removed.
     */
    public UndoResult undo(ImportRun run) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            long changed = 0;
            try (ObservationStore store = new ObservationStore(c);
                 PreparedStatement rows = c.prepareStatement("SELECT * FROM import_undo WHERE run_id=?")) {
                rows.setLong(1, run.id());
                try (ResultSet rs = rows.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt("existed") == 0) {
                            changed += store.delete(rs.getString("indicator_id"), rs.getString("area_id"),
                                    rs.getString("period"), rs.getString("grp"));
                        } else {
                            // the value this import overwrote, back as it was (same label, years, figures, provenance)
                            changed += store.upsert(new se.halsolage.domain.Observation(rs.getString("indicator_id"),
                                    rs.getString("area_id"), new se.halsolage.domain.Period(rs.getString("period"),
                                    rs.getInt("start_year"), rs.getInt("end_year")), new se.halsolage.domain.Group(rs.getString("grp")),
                                    (Double) nullable(rs, "value", true), (Integer) nullable(rs, "n", false),
                                    (Double) nullable(rs, "ci_low", true), (Double) nullable(rs, "ci_high", true),
                                    se.halsolage.domain.ObservationStatus.fromCode(rs.getString("status")), rs.getString("marker"),
                                    rs.getLong("source_id"), rs.getString("location")));
                        }
                    }
                }
            }
            for (long src : run.newSources()) {
                changed += wb.sources().delete(src);
            }
            int indicators = deleteUnusedIndicators(c, run.newIndicators());
            int areas = deleteUnusedAreas(c, run.newAreas());
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_runs SET undone=1 WHERE id=?")) {
                ps.setLong(1, run.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_undo WHERE run_id=?")) {
                ps.setLong(1, run.id());
                ps.executeUpdate();
            }
            return new UndoResult(changed, indicators, areas);
        });
    }

    /**
     * Deletes those of {@code ids} (indicators an import created) that nothing uses by now: values (from another
     * import or Kolada), an initiative, a target, a slide, a mål-område the user set, or a user edit. Deleting an
     * indicator would otherwise cascade to such rows. Returns how many went.
     */
    static int deleteUnusedIndicators(java.sql.Connection c, List<String> ids) throws java.sql.SQLException {
        int n = 0;
        try (PreparedStatement del = c.prepareStatement(numbered(c, "DELETE FROM indicators WHERE id=? AND user_edited=0 "
                + "AND NOT EXISTS (SELECT 1 FROM obs WHERE ind=(SELECT k FROM obs_indicator WHERE id=?1)) "
                + "AND NOT EXISTS (SELECT 1 FROM initiative_indicators WHERE indicator_id=?1) "
                + "AND NOT EXISTS (SELECT 1 FROM targets WHERE indicator_id=?1) "
                + "AND NOT EXISTS (SELECT 1 FROM story_slides WHERE indicator_id=?1) "
                + "AND NOT EXISTS (SELECT 1 FROM indicator_malomraden WHERE indicator_id=?1)", "indicators.id"))) {
            for (String id : ids) {
                del.setString(1, id);
                n += del.executeUpdate();
            }
        }
        return n;
    }

    /** Deletes those of {@code ids} (sub-areas an import created) that no value, target, slide or group uses. */
    static int deleteUnusedAreas(java.sql.Connection c, List<String> ids) throws java.sql.SQLException {
        int n = 0;
        try (PreparedStatement del = c.prepareStatement(numbered(c, "DELETE FROM areas WHERE id=? AND kind='SUBAREA' "
                // values of the area: the key starts with the indicator, so it is searched once per indicator
                + "AND NOT EXISTS (SELECT 1 FROM obs WHERE ind IN (SELECT k FROM obs_indicator) "
                + "AND area=(SELECT k FROM obs_area WHERE id=?1)) "
                + "AND NOT EXISTS (SELECT 1 FROM targets WHERE area_id=?1) "
                + "AND NOT EXISTS (SELECT 1 FROM story_slides WHERE area_id=?1) "
                + "AND NOT EXISTS (SELECT 1 FROM area_members WHERE group_id=?1 OR member_id=?1)", "areas.id"))) {
            for (String id : ids) {
                del.setString(1, id);
                n += del.executeUpdate();
            }
        }
        return n;
    }

    /**
     * SQLite's "?1" (the first parameter again) as PostgreSQL needs it: the deleted row's own column, which equals
     * the first parameter ({@code id=?}).
     */
    private static String numbered(java.sql.Connection c, String sql, String column) throws java.sql.SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:postgresql:") ? sql.replace("?1", column) : sql;
    }

    /** The runs (undone or not) that created this source: what it alone may have created besides its values. */
    List<ImportRun> creatorsOf(long sourceId) {
        List<ImportRun> out = new ArrayList<>();
        for (ImportRun r : all()) if (r.newSources().contains(sourceId)) out.add(r);
        return out;
    }

    private static Object nullable(ResultSet rs, String column, boolean real) throws java.sql.SQLException {
        Object v = rs.getObject(column);
        if (v == null) return null;
        return real ? (Object) ((Number) v).doubleValue() : (Object) ((Number) v).intValue();
    }

    private static ImportRun read(ResultSet rs) throws java.sql.SQLException {
        return new ImportRun(rs.getLong("id"), rs.getString("file"), rs.getString("recipe"),
                Instant.parse(rs.getString("imported_at")), split(rs.getString("new_sources")),
                split(rs.getString("all_sources")), rs.getString("summary"), rs.getInt("undone") == 1,
                lines(rs.getString("new_indicators")), lines(rs.getString("new_areas")));
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    private static List<Long> split(String s) {
        if (s == null || s.isBlank()) return List.of();
        return Arrays.stream(s.split(",")).map(Long::parseLong).toList();
    }
}
