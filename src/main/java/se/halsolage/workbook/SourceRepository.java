package se.halsolage.workbook;

import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sources: where observations came from. Deleting a source deletes exactly its observations. */
public final class SourceRepository {
    private final Workbook wb;

    SourceRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Stores a new source and returns it with its id. */
    public Source add(Source s) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources(kind, name, sha256, sheet, recipe, "
                    + "imported_at, request, rows_added, rows_updated, rows_skipped, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, s.kind().name());
                ps.setString(2, s.name());
                ps.setString(3, s.sha256());
                ps.setString(4, s.sheet());
                ps.setString(5, s.recipe());
                ps.setString(6, (s.importedAt() == null ? Instant.now() : s.importedAt()).toString());
                ps.setString(7, s.request());
                ps.setInt(8, s.rowsAdded());
                ps.setInt(9, s.rowsUpdated());
                ps.setInt(10, s.rowsSkipped());
                ps.setString(11, s.note());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return s.withId(keys.getLong(1));
                }
            }
        });
    }

    /** Updates the counts, note and time of a stored source. */
    public void update(Source s) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET rows_added=?, rows_updated=?, "
                    + "rows_skipped=?, note=?, imported_at=?, recipe=?, sheet=? WHERE id=?")) {
                ps.setInt(1, s.rowsAdded());
                ps.setInt(2, s.rowsUpdated());
                ps.setInt(3, s.rowsSkipped());
                ps.setString(4, s.note());
                ps.setString(5, (s.importedAt() == null ? Instant.now() : s.importedAt()).toString());
                ps.setString(6, s.recipe());
                ps.setString(7, s.sheet());
                ps.setLong(8, s.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Source> get(long id) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Source>empty();
                }
            }
        });
    }

    /** A file source imported before with the same content hash and sheet, for re-imports. */
    public Optional<Source> findFile(String sha256, String sheet) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE kind='FILE' AND sha256=? "
                    + "AND sheet IS ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, sha256);
                ps.setString(2, sheet);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Source>empty();
                }
            }
        });
    }

    public List<Source> all() {
        return wb.withConnection(c -> {
            List<Source> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        });
    }

    /** Number of observations currently stored from this source. */
    public long observationCount(long sourceId) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM obs WHERE origin IN (SELECT k FROM obs_origin WHERE source_id=?)")) {
                ps.setLong(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Deletes a source and all its observations; returns how many observations went. */
    public long delete(long sourceId) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            long n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM obs WHERE origin IN (SELECT k FROM obs_origin WHERE source_id=?)")) {
                ps.setLong(1, sourceId);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sources WHERE id=?")) {
                ps.setLong(1, sourceId);
                ps.executeUpdate();
            }
            return n;
        });
    }

    /** The stored publisher and title of a source (empty when none is stored). */
    public se.halsolage.domain.Citation citation(long sourceId) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT publisher, title FROM sources WHERE id=?")) {
                ps.setLong(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new se.halsolage.domain.Citation(rs.getString(1), rs.getString(2))
                            : new se.halsolage.domain.Citation(null, null);
                }
            }
        });
    }

    /** Sets (or with an empty citation clears) a source's publisher and title. False when there is no such source. */
    public boolean setCitation(long sourceId, se.halsolage.domain.Citation citation) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET publisher=?, title=? WHERE id=?")) {
                ps.setString(1, citation == null ? null : citation.publisher());
                ps.setString(2, citation == null ? null : citation.title());
                ps.setLong(3, sourceId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** What deleting a source took away. */
    public record Deleted(long values, int indicators, int areas) { }

    /**
     * Deletes a source with exactly its values, then the indicators and sub-areas that the import which created
     * it created, when nothing uses them any more (no values from another source, no initiative, target,
     * slide, mål-område or user edit; for areas no target, slide or group membership). Catalogue indicators
     * and areas are never removed.
     */
    public Deleted deleteWithWhatItAloneCreated(long sourceId) {
        wb.requireTransaction();
        long values = delete(sourceId);
        java.util.Set<String> indicators = new java.util.LinkedHashSet<>(), areas = new java.util.LinkedHashSet<>();
        for (ImportLogRepository.ImportRun r : wb.imports().creatorsOf(sourceId)) {
            indicators.addAll(r.newIndicators());
            areas.addAll(r.newAreas());
        }
        return wb.withConnection(c -> new Deleted(values,
                ImportLogRepository.deleteUnusedIndicators(c, List.copyOf(indicators)),
                ImportLogRepository.deleteUnusedAreas(c, List.copyOf(areas))));
    }

    private static Source read(ResultSet rs) throws SQLException {
        return new Source(rs.getLong("id"), SourceKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("sha256"), rs.getString("sheet"), rs.getString("recipe"),
                Instant.parse(rs.getString("imported_at")), rs.getString("request"), rs.getInt("rows_added"),
                rs.getInt("rows_updated"), rs.getInt("rows_skipped"), rs.getString("note"));
    }
}
