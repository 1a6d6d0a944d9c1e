package se.halsolage.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recipes shipped with Hälsoläge, and detection of which one fits a file. */
public final class BuiltInRecipes {
    public static final String SKOLENKATEN = "skolenkaten";
    public static final String SKOLVERKET = "skolverket";
    public static final String PXWEB = "pxweb";
    public static final String LONG = "lang";
    public static final String TABLE = "tabell";
    public static final String YOUTH = "ungdomsenkat";
    public static final String YOUTH_WIDE = "ungdomsenkat-bred";
    public static final String STATS = "statistik";

    private static final Map<String, Recipe> ALL = new LinkedHashMap<>();

    /**
     * The definitions are JSON resources ({@code se/halsolage/importer/recipes/NAME.json}, listed in {@code index.txt}),
     * in exactly the format {@code --save-recipe} stores and {@code --recipe FILE.json} reads; detection below picks one.
     */
    static {
        for (String name : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Recipe r = Recipe.fromJson(resource(name + ".json"));
            if (!name.equals(r.name())) throw new IllegalStateException("Receptet " + name + ".json heter " + r.name());
            put(r);
        }
        for (String required : List.of(SKOLENKATEN, SKOLVERKET, PXWEB, LONG, TABLE, YOUTH, STATS, YOUTH_WIDE)) {
            if (!ALL.containsKey(required)) throw new IllegalStateException("Det inbyggda receptet " + required + " saknas");
        }
    }

    private static String resource(String name) {
        try (java.io.InputStream in = BuiltInRecipes.class.getResourceAsStream("recipes/" + name)) {
            if (in == null) throw new IllegalStateException("Resursen recipes/" + name + " saknas");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private BuiltInRecipes() {
    }

    private static void put(Recipe r) {
        ALL.put(r.name(), r);
    }

    public static List<Recipe> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Recipe> get(String name) {
        if (name == null) return Optional.empty();
        for (Recipe r : ALL.values()) if (r.name().equalsIgnoreCase(name.strip())) return Optional.of(r);
        return Optional.empty();
    }

    /** The built-in recipe that fits the file, or empty when none does. */
    public static Optional<Recipe> detect(GridSource grid) {
        if (grid.format() == FileFormat.PX) return get(PXWEB);
        if (grid.format() == FileFormat.XLSX || grid.format() == FileFormat.XLS) {
            for (String s : grid.dataSheets()) {
                SkolenkatenMapper.Layout l = SkolenkatenMapper.layout(grid, s);
                if (l.valid() && !l.valueCols.isEmpty()) return get(SKOLENKATEN);
            }
        }
        for (String s : grid.dataSheets()) {
            Table t = Table.read(grid, s, null);
            if (t == null) continue;
            if (t.col("fråga") >= 0 && t.col("kön") < 0 && WideSurveyMapper.layout(grid, s) != null) {
                Recipe w = get(YOUTH_WIDE).orElseThrow();
                return Optional.of(s.equals(grid.dataSheets().get(0)) ? w : w.withSheets(List.of(s)));
            }
            if (t.col("fråga") >= 0 && t.col("svarsalternativ") >= 0 && t.col("kommun") >= 0 && t.col("år") >= 0) {
                Recipe y = get(YOUTH).orElseThrow();
                return Optional.of(new Recipe(y.name(), y.kind(), y.description(), List.of(s), null, y.area(), null, null, null,
                        y.period(), null, y.group(), null, y.indicator(), null, y.indicatorPrefix(), y.value(), y.n(), null,
                        y.shares(), null, null, null, null, null, null, null));
            }
            String pre = t.preamble.toLowerCase(java.util.Locale.ROOT);
            Optional<Recipe> found = detectTable(t.withSubHeader(), pre);
            // the layouts the simple readers get wrong or refuse: several header rows, codes and breakdowns, tidy exports
            StatsMapper.Sheet st = StatsMapper.understand(grid, s, null, grid.file().getFileName().toString());
            if (st.t.why == null && (found.isEmpty() || needsStats(grid, st, found.get()))) {
                Recipe r = get(STATS).orElseThrow();
                return Optional.of(r);
            }
            // the sheet that matched is the one to read (not a hidden or instruction sheet before it)
            if (found.isPresent()) return Optional.of(s.equals(grid.dataSheets().get(0)) ? found.get() : found.get().withSheets(List.of(s)));
        }
        return Optional.empty();
    }

    /** True when a table has what only the statistics reader understands. */
    static boolean needsStats(GridSource grid, StatsMapper.Sheet s, Recipe simple) {
        TableLayout t = s.t;
        if (PXWEB.equals(simple.name()) && t.headerRows == 0) return false;
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

    private static Optional<Recipe> detectTable(Table t, String pre) {
        {
            if (pre.contains("skolverket") || t.colContaining("skolenhetskod") >= 0) return get(SKOLVERKET);
            int periodsAcross = 0;
            for (int c = 0; c < t.headers.size(); c++) {
                if (t.header(c).matches(".*(?<!\\d)(19|20)\\d{2}([MK]\\d{1,2})?(?!\\d).*") && t.numeric(c)) periodsAcross++;
            }
            if (periodsAcross > 0) return get(PXWEB);
            boolean area = t.col("område", "kommun", "region", "kommunkod", "kod", "area") >= 0;
            boolean period = t.col("år", "period", "tid", "läsår", "year") >= 0;
            boolean value = t.col("värde", "value", "andel", "andel (%)", "antal") >= 0;
            if (area && period && value) return get(LONG);
            if (area) return get(TABLE);
        }
        return Optional.empty();
    }

    static Mapper mapperFor(Recipe r) {
        return switch (r.kind() == null ? "" : r.kind().toUpperCase(java.util.Locale.ROOT)) {
            case Recipe.SKOLENKATEN -> new SkolenkatenMapper();
            case Recipe.TABLE -> new TableMapper();
            case Recipe.LONG, Recipe.PXWEB -> new LongMapper();
            case Recipe.WIDE -> new WideSurveyMapper();
            case Recipe.STATS -> new StatsMapper();
            default -> throw new se.halsolage.domain.UserError("Receptet \"" + r.name() + "\" har en okänd sort: " + r.kind()
                    + ". Giltiga: SKOLENKATEN, TABLE, LONG, PXWEB, WIDE, STATS.");
        };
    }
}
