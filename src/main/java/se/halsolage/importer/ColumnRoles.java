package se.halsolage.importer;

import se.halsolage.domain.UserError;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapping step the wizard shows: each column of a sheet with the role the statistics reader gives it, and the
 * recipe (the same a {@code --map} of them gives) from the roles a user chose. Moved out of {@link ImportSession}.
 */
final class ColumnRoles {
    private ColumnRoles() {
    }

    /** The columns of the recipe's first sheet (else the first data sheet) with their roles; empty without a table. */
    static List<ColumnRole> of(GridSource grid, Recipe recipe, String fileName) {
        String sheet = recipe.sheets() != null && !recipe.sheets().isEmpty() ? recipe.sheets().get(0)
                : grid.sheets().isEmpty() ? null : grid.dataSheets().get(0);
        if (sheet == null) return List.of();
        StatsMapper.Sheet s = StatsMapper.understand(grid, sheet, Recipe.STATS.equals(recipe.kind()) ? recipe : null, fileName);
        TableLayout t = s.t;
        if (t.roles == null || t.keyRow < 0) return List.of();
        List<ColumnRole> out = new ArrayList<>();
        for (int c = 0; c < t.roles.length; c++) {
            if (t.key(c).isBlank() && t.upper.get(c).isEmpty()) continue;
            out.add(new ColumnRole(t.fullHeader(c), t.key(c), roleKey(t.roles[c])));
        }
        return out;
    }

    static String roleKey(TableLayout.Role r) {
        if (r == null) return "ignore";
        return switch (r) {
            case AREA_CODE, AREA_NAME, SUB_CODE -> "area";
            case PERIOD -> "period";
            case GROUP, ROW_LABEL -> "group";
            case BREAKDOWN -> "breakdown";
            case DIMENSION, MEASURE_KIND -> "dimension";
            case VALUE -> "value";
            case N -> "n";
            case CI_LOW, CI_HIGH, CI_TEXT -> "ci";
            default -> "ignore";
        };
    }

    /** The statistics reader with exactly the chosen columns (on the current recipe's sheets). */
    static Recipe recipe(Recipe current, List<ColumnRole> roles) {
        StringBuilder map = new StringBuilder();
        for (ColumnRole r : roles) {
            if (r.key().isBlank() || r.role() == null || r.role().equals("ignore") || r.role().equals("ci")) continue;
            if (r.key().contains(",")) {
                throw new UserError("Kolumnen \"" + r.key() + "\" har ett kommatecken i rubriken och kan inte väljas här; "
                        + "använd ett recept (FIL.json).");
            }
            if (map.length() > 0) map.append(',');
            map.append(r.role()).append('=').append(r.key());
        }
        Recipe base = Recipe.STATS.equals(current.kind()) ? current.withRoles(null, null, null, null, null, null, null) : null;
        Recipe r = Recipe.fromMap(map.toString(), base);
        if (current.sheets() != null) r = r.withSheets(current.sheets());
        return r;
    }
}
