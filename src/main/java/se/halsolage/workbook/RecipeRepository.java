package se.halsolage.workbook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved import recipes (table {@code recipes}): name, format, JSON definition, time saved. */
public final class RecipeRepository {
    /** A stored recipe; {@code definition} is the importer's JSON. */
    public record StoredRecipe(String name, String format, String definition, Instant createdAt) {
    }

    private final Workbook wb;

    RecipeRepository(Workbook wb) {
        this.wb = wb;
    }

    /** Saves or replaces a recipe by name. */
    public void save(String name, String format, String definition) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipes(name, format, definition, created_at) "
                    + "VALUES (?,?,?,?) ON CONFLICT(name) DO UPDATE SET format=excluded.format, "
                    + "definition=excluded.definition, created_at=excluded.created_at")) {
                ps.setString(1, name);
                ps.setString(2, format);
                ps.setString(3, definition);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<StoredRecipe> get(String name) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM recipes WHERE name=? COLLATE NOCASE")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<StoredRecipe>empty();
                }
            }
        });
    }

    public List<StoredRecipe> all() {
        return wb.withConnection(c -> {
            List<StoredRecipe> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM recipes ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        });
    }

    public boolean delete(String name) {
        wb.requireTransaction();
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM recipes WHERE name=?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static StoredRecipe read(ResultSet rs) throws java.sql.SQLException {
        return new StoredRecipe(rs.getString("name"), rs.getString("format"), rs.getString("definition"),
                Instant.parse(rs.getString("created_at")));
    }
}
