package se.halsolage.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The recipes shipped with Hälsoläge (their detectors are in {@link RecipeDetectors}, all recipes in {@link RecipeRegistry}). */
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
     * in exactly the format {@code --save-recipe} stores and {@code --recipe FILE.json} reads; {@link RecipeRegistry} picks one.
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
