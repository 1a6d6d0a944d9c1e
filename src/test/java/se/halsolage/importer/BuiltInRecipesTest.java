package se.halsolage.importer;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in recipes are JSON resources in the very format a user's --save-recipe stores (issue 16, structure). */
class BuiltInRecipesTest {
    static String resource(String name) throws Exception {
        try (InputStream in = BuiltInRecipes.class.getResourceAsStream("recipes/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyBuiltInRecipeIsAJsonResourceInTheSavedFormat() throws Exception {
        assertThat(BuiltInRecipes.all()).extracting(Recipe::name).containsExactly("skolenkaten", "skolverket", "pxweb", "lang",
                "tabell", "ungdomsenkat", "statistik", "ungdomsenkat-bred");
        for (Recipe r : BuiltInRecipes.all()) {
            String json = resource(r.name() + ".json");
            // what --save-recipe would write for it is the resource itself
            assertThat(r.toJson().strip()).as(r.name()).isEqualTo(json.strip());
            assertThat(Recipe.fromJson(json)).isEqualTo(r);
            assertThat(r.description()).as(r.name()).isNotBlank();
        }
        Recipe ske = BuiltInRecipes.get("skolenkaten").orElseThrow();
        assertThat(ske.shares()).isEqualTo("fraction");
        assertThat(ske.markers()).containsEntry("***", "suppressed");
        assertThat(BuiltInRecipes.get("ungdomsenkat").orElseThrow().sheets()).containsExactly("Data");
    }
}
