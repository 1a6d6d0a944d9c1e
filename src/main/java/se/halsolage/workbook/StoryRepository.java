package se.halsolage.workbook;

import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Workshop stories and their ordered slides. */
public final class StoryRepository {
    private final Workbook wb;

    StoryRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Inserts (id 0) or replaces a story with all its slides; returns it with its id. */
    public Story save(Story story) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            long id = story.id();
            if (id == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories(name) VALUES (?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, story.name());
                    ps.executeUpdate();
                    try (ResultSet k = ps.getGeneratedKeys()) {
                        k.next();
                        id = k.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO stories(id, name) VALUES (?,?) "
                        + "ON CONFLICT(id) DO UPDATE SET name=excluded.name")) {
                    ps.setLong(1, id);
                    ps.setString(2, story.name());
                    ps.executeUpdate();
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM story_slides WHERE story_id=?")) {
                    del.setLong(1, id);
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_slides(story_id, position, kind, "
                    + "indicator_id, chart_kind, area_id, title, body, notes) VALUES (?,?,?,?,?,?,?,?,?)")) {
                int pos = 0;
                for (Slide s : story.slides()) {
                    ps.setLong(1, id);
                    ps.setInt(2, pos++);
                    ps.setString(3, s.kind().name().toLowerCase());
                    ps.setString(4, s.indicatorId());
                    ps.setString(5, s.chartKind());
                    ps.setString(6, s.areaId());
                    ps.setString(7, s.title());
                    ps.setString(8, s.body());
                    ps.setString(9, s.notes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return story.withId(id);
        });
    }

    public boolean delete(long id) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM stories WHERE id=?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** All stories by name, with their slides. */
    public List<Story> all() {
        return wb.withConnection(c -> {
            List<long[]> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM stories ORDER BY name COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new long[]{rs.getLong(1)});
                    names.add(rs.getString(2));
                }
            }
            List<Story> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) out.add(new Story(ids.get(i)[0], names.get(i), slides(c, ids.get(i)[0])));
            return out;
        });
    }

    public Optional<Story> get(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    public Optional<Story> byName(String name) {
        return all().stream().filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    private static List<Slide> slides(java.sql.Connection c, long storyId) throws java.sql.SQLException {
        List<Slide> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, indicator_id, chart_kind, area_id, title, body, notes "
                + "FROM story_slides WHERE story_id=? ORDER BY position")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Slide(Slide.Kind.valueOf(rs.getString(1).toUpperCase()), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }
}
