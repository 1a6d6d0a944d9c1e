package se.halsolage.importer;

import java.util.List;
import java.util.Optional;

/**
 * The detectors of the built-in recipes, one small method each. Confidences order them where two fit one sheet:
 * the youth-survey layouts are the most specific, then a table that only the statistics reader understands, then
 * the simple readers from the most specific (Skolverket's own export) to the plainest (one row per area), and last
 * the statistics reader for any table it can read that nothing else fits.
 */
final class RecipeDetectors {
    static final double PX_FILE = 1.0;
    static final double SKOLENKATEN = 0.95;
    static final double YOUTH_WIDE = 0.9;
    static final double YOUTH = 0.85;
    static final double STATS_NEEDED = 0.8;
    static final double SKOLVERKET = 0.7;
    static final double PXWEB_TABLE = 0.6;
    static final double LONG = 0.5;
    static final double TABLE = 0.4;
    static final double STATS_ANY = 0.3;

    private RecipeDetectors() {
    }

    static RecipeDetector forBuiltIn(String name, Recipe r) {
        return switch (name) {
            case BuiltInRecipes.SKOLENKATEN -> p -> skolenkaten(p, r);
            case BuiltInRecipes.PXWEB -> p -> p.sheet() == null ? pxFile(p, r) : simple(p, r, PXWEB_TABLE);
            case BuiltInRecipes.SKOLVERKET -> p -> simple(p, r, SKOLVERKET);
            case BuiltInRecipes.LONG -> p -> simple(p, r, LONG);
            case BuiltInRecipes.TABLE -> p -> simple(p, r, TABLE);
            case BuiltInRecipes.YOUTH -> p -> youth(p, r);
            case BuiltInRecipes.YOUTH_WIDE -> p -> youthWide(p, r);
            case BuiltInRecipes.STATS -> p -> stats(p, r);
            default -> p -> Optional.empty(); // a built-in without a detector is used by name only
        };
    }

    /** A .px file is always PxWeb's. */
    static Optional<RecipeDetector.Fit> pxFile(RecipeDetector.Probe p, Recipe r) {
        return p.grid().format() == FileFormat.PX ? Optional.of(new RecipeDetector.Fit(r, PX_FILE)) : Optional.empty();
    }

    /** Skolenkäten: a workbook with a sheet of its three-row header (question / response / Antal–Andel) and values. */
    static Optional<RecipeDetector.Fit> skolenkaten(RecipeDetector.Probe p, Recipe r) {
        if (p.sheet() != null) return Optional.empty();
        GridSource grid = p.grid();
        if (grid.format() != FileFormat.XLSX && grid.format() != FileFormat.XLS) return Optional.empty();
        for (String s : grid.dataSheets()) {
            SkolenkatenMapper.Layout l = SkolenkatenMapper.layout(grid, s);
            if (l.valid() && !l.valueCols.isEmpty()) return Optional.of(new RecipeDetector.Fit(r, SKOLENKATEN));
        }
        return Optional.empty();
    }

    /** A regional youth survey as published: Fråga down, årskurs × kön × (%, n) across in merged header rows. */
    static Optional<RecipeDetector.Fit> youthWide(RecipeDetector.Probe p, Recipe r) {
        Table t = p.sheet() == null ? null : p.table();
        if (t == null || t.col("fråga") < 0 || t.col("kön") >= 0 || WideSurveyMapper.layout(p.grid(), p.sheet()) == null) {
            return Optional.empty();
        }
        return Optional.of(new RecipeDetector.Fit(p.onThisSheet(r), YOUTH_WIDE));
    }

    /** The youth survey in the template's long form: Fråga, Svarsalternativ, Kommun and År columns. */
    static Optional<RecipeDetector.Fit> youth(RecipeDetector.Probe p, Recipe r) {
        Table t = p.sheet() == null ? null : p.table();
        if (t == null || t.col("fråga") < 0 || t.col("svarsalternativ") < 0 || t.col("kommun") < 0 || t.col("år") < 0) {
            return Optional.empty();
        }
        return Optional.of(new RecipeDetector.Fit(r.withSheets(List.of(p.sheet())), YOUTH));
    }

    /** One of the simple readers, when the sheet looks like its kind ({@link #simpleKind}). */
    static Optional<RecipeDetector.Fit> simple(RecipeDetector.Probe p, Recipe r, double confidence) {
        if (p.sheet() == null || p.table() == null) return Optional.empty();
        Optional<Recipe> kind = p.simple();
        if (kind.isEmpty() || !kind.get().name().equals(r.name())) return Optional.empty();
        return Optional.of(new RecipeDetector.Fit(p.onThisSheet(r), confidence));
    }

    /**
     * The statistics reader: sure of itself when the sheet has what only it understands (several header rows, codes,
     * breakdowns, tidy exports, alike sheets), and the last resort for any table it can read that nothing else fits.
     */
    static Optional<RecipeDetector.Fit> stats(RecipeDetector.Probe p, Recipe r) {
        if (p.sheet() == null || p.table() == null) return Optional.empty();
        StatsMapper.Sheet st = p.stats();
        if (st.t.why != null) return Optional.empty();
        Optional<Recipe> simple = p.simple();
        if (simple.isEmpty()) return Optional.of(new RecipeDetector.Fit(r, STATS_ANY));
        return needsStats(p.grid(), st, simple.get()) ? Optional.of(new RecipeDetector.Fit(r, STATS_NEEDED)) : Optional.empty();
    }

    /** True when a table has what only the statistics reader understands. */
    static boolean needsStats(GridSource grid, StatsMapper.Sheet s, Recipe simple) {
        TableLayout t = s.t;
        if (BuiltInRecipes.PXWEB.equals(simple.name()) && t.headerRows == 0) return false;
        if (t.headerRows > 0 || s.area != null) return true;
        for (int c = 0; c < t.width(); c++) {
            TableLayout.Role r = t.roles[c];
            String k = t.key(c);
            if (r == TableLayout.Role.BREAKDOWN || r == TableLayout.Role.STATUS || r == TableLayout.Role.ROW_LABEL
                    || r == TableLayout.Role.CI_TEXT || r == TableLayout.Role.MEASURE_KIND
                    || r == TableLayout.Role.N && !Headers.isRespondents(k)) return true;
            if (r == TableLayout.Role.IGNORE && !k.isBlank() && t.stats(c).numeric() && !TableLayout.headerHas(k, "orgnr")) return true; // a code column
            if (r == TableLayout.Role.IGNORE && k.isBlank() && t.stats(c).filled() > 0) return true;  // row numbers
            if (TableLayout.headerIs(k, "year", "municipality", "municipality_id", "gender", "sex", "kpi", "ar")) return true;
        }
        int alike = 0;
        for (String other : grid.dataSheets()) {
            if (other.equals(t.sheet)) continue;
            TableLayout o = TableLayout.read(grid, other, null);
            if (o.why == null && o.keys.equals(t.keys)) alike++;
            if (alike > 0) return true;
        }
        return false;
    }

    /** Which simple reader a table looks like: Skolverket's export, periods across (PxWeb), one value per row, one row per area. */
    static Optional<Recipe> simpleKind(Table t, String pre) {
        if (pre.contains("skolverket") || t.colContaining("skolenhetskod") >= 0) return BuiltInRecipes.get(BuiltInRecipes.SKOLVERKET);
        int periodsAcross = 0;
        for (int c = 0; c < t.headers.size(); c++) {
            if (t.header(c).matches(".*(?<!\\d)(19|20)\\d{2}([MK]\\d{1,2})?(?!\\d).*") && t.numeric(c)) periodsAcross++;
        }
        if (periodsAcross > 0) return BuiltInRecipes.get(BuiltInRecipes.PXWEB);
        boolean area = t.col("område", "kommun", "region", "kommunkod", "kod", "area") >= 0;
        boolean period = t.col("år", "period", "tid", "läsår", "year") >= 0;
        boolean value = t.col("värde", "value", "andel", "andel (%)", "antal") >= 0;
        if (area && period && value) return BuiltInRecipes.get(BuiltInRecipes.LONG);
        if (area) return BuiltInRecipes.get(BuiltInRecipes.TABLE);
        return Optional.empty();
    }
}
