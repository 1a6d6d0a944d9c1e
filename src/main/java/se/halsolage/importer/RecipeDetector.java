package se.halsolage.importer;

import java.util.Optional;

/**
 * How one recipe recognises its own files: given a look at a file (or one sheet of it), the recipe to use and how
 * sure the detector is. {@link RecipeRegistry} asks every detector and takes the surest answer.
 */
@FunctionalInterface
public interface RecipeDetector {
    /** The recipe for the file or sheet {@code probe} looks at, with a confidence, or empty when it is not this kind. */
    Optional<Fit> fit(Probe probe);

    /**
     * A detector's answer: the recipe (possibly narrowed to the sheet that fits) and a confidence 0–1. The built-in
     * confidences only order the kinds (the more specific layout wins); they are not probabilities.
     */
    record Fit(Recipe recipe, double confidence) {
    }

    /**
     * One look at a file, shared by all detectors so that each layout is read once: the grid, and for sheet-level
     * detectors the sheet with its simple table ({@link Table}) and its statistics layout ({@link StatsMapper.Sheet}),
     * each read when first asked for. {@code sheet} is null for the file-level round.
     */
    final class Probe {
        final GridSource grid;
        final String sheet;
        private Table table;
        private boolean tableRead;
        private StatsMapper.Sheet stats;
        private Optional<Recipe> simple;

        Probe(GridSource grid, String sheet) {
            this.grid = grid;
            this.sheet = sheet;
        }

        public GridSource grid() { return grid; }

        public String sheet() { return sheet; }

        /** The sheet as a simple table (header row found by {@link Table}), or null when it has none. */
        Table table() {
            if (!tableRead && sheet != null) {
                table = Table.read(grid, sheet, null);
                tableRead = true;
            }
            return table;
        }

        /** The sheet as the statistics reader understands it (header block, preamble, roles). */
        StatsMapper.Sheet stats() {
            if (stats == null) stats = StatsMapper.understand(grid, sheet, null, grid.file().getFileName().toString());
            return stats;
        }

        /** Which of the simple readers (skolverket, pxweb, lang, tabell) the sheet looks like, if any. */
        Optional<Recipe> simple() {
            if (simple == null) simple = table() == null ? Optional.empty() : RecipeDetectors.simpleKind(table().withSubHeader(),
                    table().preamble.toLowerCase(java.util.Locale.ROOT));
            return simple;
        }

        /** The recipe limited to this sheet, unless it is the first data sheet (which every reader reads by default). */
        Recipe onThisSheet(Recipe r) {
            return sheet.equals(grid.dataSheets().get(0)) ? r : r.withSheets(java.util.List.of(sheet));
        }
    }
}
