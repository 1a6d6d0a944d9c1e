package se.halsolage.importer;

import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every recipe the importer knows, each with the detector that recognises its files (Tablesaw's
 * {@code ReaderRegistry} idea): the built-in ones ({@link BuiltInRecipes}, {@link RecipeDetectors}) and the ones a
 * user saved in the workbook with {@code --save-recipe}. {@link #detect} asks every detector and takes the surest.
 *
 * <p>A saved recipe detects its files in one of two ways. A mapping of the statistics reader (it names columns:
 * {@code --map}, the wizard's roles) fits a sheet that has every column it names, and then wins over the built-ins
 * (the user chose it for files like this). A built-in with choices ({@code --only}, the wizard's ticks, all response
 * shares) fits where that built-in fits, just above it, so next year's file is read with the same choices.
 */
public final class RecipeRegistry {
    /** A saved mapping whose columns are all in the sheet: above every built-in but a .px file. */
    static final double SAVED_MAPPING = 0.99;
    /** How far a saved built-in-with-choices stands above the built-in it was saved from. */
    static final double SAVED_OVER_BUILT_IN = 0.01;

    /** A recipe, whether it ships with the program, and how it recognises its files. */
    public record Entry(Recipe recipe, boolean builtIn, RecipeDetector detector) {
    }

    private final List<Entry> entries;

    private RecipeRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The built-in recipes only. */
    public static RecipeRegistry builtIn() {
        List<Entry> out = new ArrayList<>();
        for (Recipe r : BuiltInRecipes.all()) {
            out.add(new Entry(r, true, RecipeDetectors.forBuiltIn(r.name(), r)));
        }
        return new RecipeRegistry(out);
    }

    /** The built-in recipes and those saved in {@code wb} (a saved one of a built-in's name is found first by name). */
    public static RecipeRegistry of(Workbook wb) {
        RecipeRegistry r = builtIn();
        if (wb == null) return r;
        for (var stored : wb.recipes().all()) {
            Recipe saved;
            try {
                saved = Recipe.fromJson(stored.definition()).withName(stored.name());
            } catch (se.halsolage.domain.UserError e) {
                continue; // an unreadable saved recipe is reported when it is asked for by name, not here
            }
            r = r.with(saved);
        }
        return r;
    }

    /** This registry and one more (saved) recipe. */
    public RecipeRegistry with(Recipe saved) {
        List<Entry> out = new ArrayList<>(entries);
        Entry base = builtInBehind(saved);
        if (base != null) {
            RecipeDetector d = p -> base.detector().fit(p).map(f -> new RecipeDetector.Fit(
                    saved.sheets() == null ? saved.withSheets(f.recipe().sheets()) : saved, f.confidence() + SAVED_OVER_BUILT_IN));
            out.add(new Entry(saved, false, d));
        } else if ((Recipe.STATS.equals(saved.kind()) || Recipe.TABLE.equals(saved.kind())) && !namedColumns(saved).isEmpty()) {
            out.add(new Entry(saved, false, p -> mappingFits(p, saved)));
        } else {
            out.add(new Entry(saved, false, p -> Optional.empty())); // used by name only
        }
        return new RecipeRegistry(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The built-in recipes, in their listed order. */
    public List<Recipe> builtIns() {
        return entries.stream().filter(Entry::builtIn).map(Entry::recipe).toList();
    }

    /** A recipe by name (case-insensitive): a saved one first, then a built-in. */
    public Optional<Recipe> get(String name) {
        if (name == null) return Optional.empty();
        String n = name.strip();
        for (Entry e : entries) if (!e.builtIn() && e.recipe().name().equalsIgnoreCase(n)) return Optional.of(e.recipe());
        for (Entry e : entries) if (e.builtIn() && e.recipe().name().equalsIgnoreCase(n)) return Optional.of(e.recipe());
        return Optional.empty();
    }

    /**
     * The recipe that fits the file, or empty when none does: first the detectors that look at the whole file, then
     * sheet by sheet (the first data sheet with any fit decides), each time the surest fit.
     */
    public Optional<Recipe> detect(GridSource grid) {
        Optional<RecipeDetector.Fit> best = best(new RecipeDetector.Probe(grid, null));
        if (best.isPresent()) return best.map(RecipeDetector.Fit::recipe);
        for (String s : grid.dataSheets()) {
            RecipeDetector.Probe p = new RecipeDetector.Probe(grid, s);
            if (p.table() == null) continue;
            best = best(p);
            if (best.isPresent()) return best.map(RecipeDetector.Fit::recipe);
        }
        return Optional.empty();
    }

    /** The surest fit of all detectors (each answers only in the round it looks at: the whole file, or one sheet). */
    private Optional<RecipeDetector.Fit> best(RecipeDetector.Probe p) {
        RecipeDetector.Fit best = null;
        for (Entry e : entries) {
            Optional<RecipeDetector.Fit> f = e.detector().fit(p);
            if (f.isPresent() && (best == null || f.get().confidence() > best.confidence())) best = f.get();
        }
        return Optional.ofNullable(best);
    }

    /** The built-in a saved recipe was saved from: equal to it but for name, description, sheets and the choices. */
    private Entry builtInBehind(Recipe saved) {
        Recipe bare = bare(saved);
        for (Entry e : entries) if (e.builtIn() && bare(e.recipe()).equals(bare)) return e;
        return null;
    }

    private static Recipe bare(Recipe r) {
        return r.withName("").withDescription(null).withSheets(null).withOnly(null).withResponses(null).withExclude(null);
    }

    /** The columns a mapping names (statistics reader: its roles; one row per area: also its explicit value columns). */
    static List<String> namedColumns(Recipe r) {
        List<String> out = new ArrayList<>();
        for (String c : new String[]{r.area(), r.subareaCode(), r.subareaName(), r.parent(), r.period(), r.group(), r.n()}) {
            if (c != null && !c.isBlank()) out.add(c);
        }
        if (r.value() != null) for (String v : r.value().split(",")) if (!v.isBlank()) out.add(v.strip());
        for (List<String> l : java.util.Arrays.asList(r.indicator(), r.dimensions(), r.breakdowns())) if (l != null) out.addAll(l);
        if (r.columns() != null) {
            for (Recipe.ColumnMap c : r.columns()) if (c.header() != null && !Boolean.TRUE.equals(c.skip())) out.add(c.header());
        }
        return out;
    }

    /**
     * A saved mapping fits a sheet (one of its own sheets, if it names them) that has every column it names, as the
     * statistics reader or the simple table reader sees the header.
     */
    private static Optional<RecipeDetector.Fit> mappingFits(RecipeDetector.Probe p, Recipe saved) {
        if (p.sheet() == null) return Optional.empty();
        if (saved.sheets() != null && saved.sheets().stream().noneMatch(s -> s.equalsIgnoreCase(p.sheet()))) return Optional.empty();
        TableLayout t = TableLayout.read(p.grid(), p.sheet(), saved.headerRow());
        Table simple = p.table();
        for (String col : namedColumns(saved)) {
            boolean found = false;
            if (t.why == null) {
                for (int c = 0; c < t.width() && !found; c++) found = Headers.same(t.key(c), col) || Headers.same(t.fullHeader(c), col);
            }
            if (simple != null) for (int c = 0; c < simple.headers.size() && !found; c++) found = Headers.same(simple.header(c), col);
            if (!found) return Optional.empty();
        }
        Recipe r = saved.sheets() == null && !Objects.equals(p.sheet(), p.grid().dataSheets().get(0)) ? saved.withSheets(List.of(p.sheet())) : saved;
        return Optional.of(new RecipeDetector.Fit(r, SAVED_MAPPING));
    }

    /**
     * Why no recipe fits, for the refusal: an empty file says so; otherwise the columns found and the exact --map that
     * would import them, plus the built-in recipes there are.
     */
    static String refusal(GridSource grid, String fileName) {
        boolean empty = true;
        for (String s : grid.sheets()) if (Table.read(grid, s, null) != null) empty = false;
        if (empty) return "Bladet är tomt: det finns inga rader att importera.";
        StatsMapper.Sheet s = StatsMapper.understand(grid, grid.dataSheets().get(0), null, fileName);
        return StatsMapper.unrecognised(s) + " Eller välj ett recept med --recipe ("
                + String.join(", ", BuiltInRecipes.all().stream().map(Recipe::name).toList()) + ").";
    }
}
