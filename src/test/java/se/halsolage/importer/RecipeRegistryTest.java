package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.cli.Cli;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One registry of recipes (issue 16, structure): every built-in detects its own files, and a recipe the user saved
 * is in the same registry, so next year's file of the same kind imports in one step, without naming the recipe, and
 * with the same measures chosen (--only, the wizard's unticked boxes).
 */
class RecipeRegistryTest {
    @TempDir
    Path dir;

    /** The real R export's header (dalarna_voter_turnout.csv, README fact 7) with a next-year line written here. */
    static final String NEXT_YEAR = "\"year\",\"municipality\",\"Valdeltagande i senaste kommunalvalet, andel (%)\","
            + "\"Valdeltagande i senaste regionvalet, andel (%)\",\"Valdeltagande i senaste riksdagsvalet, andel (%)\"\n"
            + "2026,\"Region Dalarna\",79.1,78.2,84.3\n";

    Path demo(String name) {
        Path wb = dir.resolve(name);
        DemoWorkbook.build(wb).close();
        return wb;
    }

    static String indicatorWith(Path wbFile, String word) {
        try (Workbook wb = Workbook.openReadOnly(wbFile)) {
            List<String> ids = wb.indicators().all().stream().filter(i -> i.title().toLowerCase().contains(word)).map(Indicator::id).toList();
            assertThat(ids).as(word).hasSize(1);
            return ids.get(0);
        }
    }

    static List<Observation> series(Path wbFile, String indicator) {
        try (Workbook wb = Workbook.openReadOnly(wbFile)) {
            return wb.observations().series(indicator, "0020", Group.TOTALT);
        }
    }

    @Test
    void everyBuiltInHasADetectorAndTheSurestWins() throws Exception {
        RecipeRegistry reg = RecipeRegistry.builtIn();
        assertThat(reg.builtIns()).extracting(Recipe::name).containsExactlyElementsOf(BuiltInRecipes.all().stream().map(Recipe::name).toList());
        GridSource px = Readers.open(SharedFiles.fixture("BE0101F1datasymbols.px"), null);
        assertThat(reg.detect(px).orElseThrow().name()).isEqualTo(BuiltInRecipes.PXWEB);
        // an R export: year and municipality in English is what only the statistics reader understands (over 'lang')
        GridSource r = Readers.open(SharedFiles.real("dalarna_voter_turnout.csv"), null);
        assertThat(reg.detect(r).orElseThrow().name()).isEqualTo(BuiltInRecipes.STATS);
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "Kommun;Andel trygga\nVäxjö;81\n", StandardCharsets.UTF_8);
        GridSource g = Readers.open(plain, null);
        assertThat(reg.detect(g).orElseThrow().name()).isEqualTo(BuiltInRecipes.TABLE);
    }

    @Test
    void onlySavedWithTheRecipeChoosesTheSameMeasuresInNextYearsFile() throws Exception {
        Path wb = demo("val.halsa");
        ImportCommandTest.Result first = ImportCommandTest.run("import", SharedFiles.real("dalarna_voter_turnout.csv").toString(),
                "--workbook", wb.toString(), "--only", "*riksdagsvalet*", "--save-recipe", "valdeltagande");
        assertThat(first.code()).as(first.err()).isEqualTo(Cli.OK);
        assertThat(first.out()).contains("Tillagda: 28,").contains("Nya nyckeltal: 1,");
        String riksdag = indicatorWith(wb, "riksdagsval");
        assertThat(series(wb, riksdag)).filteredOn(o -> o.period().label().equals("2018")).extracting(Observation::value)
                .containsExactly(87.615847);

        Path next = dir.resolve("valdeltagande-2026.csv");
        Files.writeString(next, NEXT_YEAR, StandardCharsets.UTF_8);
        ImportCommandTest.Result again = ImportCommandTest.run("import", next.toString(), "--workbook", wb.toString());
        assertThat(again.code()).as(again.err()).isEqualTo(Cli.OK);
        assertThat(again.err()).contains("recept: valdeltagande (sparat i arbetsboken och känt igen; --recipe NAMN väljer ett annat)");
        assertThat(again.out()).contains("Tillagda: 1,").contains("Nya nyckeltal: 0");
        assertThat(series(wb, riksdag)).filteredOn(o -> o.period().label().equals("2026")).extracting(Observation::value)
                .containsExactly(84.3);
        try (Workbook w = Workbook.openReadOnly(wb)) {
            assertThat(w.indicators().all()).noneMatch(i -> i.title().toLowerCase().contains("kommunalval"));
        }
    }

    @Test
    void theWizardsUntickedMeasuresAreSavedAndLeftOutOfNextYearsFile() throws Exception {
        Path wbFile = demo("kryss.halsa");
        String kommunval;
        try (Workbook wb = Workbook.open(wbFile)) {
            ImportSession s = ImportSession.open(wb, SharedFiles.real("dalarna_voter_turnout.csv"), ImportOptions.defaults());
            List<ImportSession.MeasureCount> found = s.measures(null, () -> false);
            assertThat(found).hasSize(3);
            List<ImportSession.MeasureCount> off = found.stream().filter(m -> m.title().toLowerCase().contains("kommunalval")).toList();
            assertThat(off).hasSize(1);
            kommunval = off.get(0).id();
            s.exclude(off);
            s.commit(null, null, false, "val utan kommunval");
            Recipe saved = Recipe.fromJson(wb.recipes().get("val utan kommunval").orElseThrow().definition());
            assertThat(saved.exclude()).containsExactly(kommunval);
            assertThat(saved.kind()).isEqualTo(Recipe.STATS);
        }
        Path next = dir.resolve("valdeltagande-2026.csv");
        Files.writeString(next, NEXT_YEAR, StandardCharsets.UTF_8);
        try (Workbook wb = Workbook.open(wbFile)) {
            ImportSession s = ImportSession.open(wb, next, ImportOptions.defaults());
            assertThat(s.recipe().name()).isEqualTo("val utan kommunval");
            assertThat(s.excludedIds()).containsExactly(kommunval);
            ImportSummary sum = s.commit(null, null);
            assertThat(String.join("\n", sum.lines())).contains("Tillagda: 2,").contains("Valdes bort och importerades inte: 1 nyckeltal");
        }
        assertThat(series(wbFile, indicatorWith(wbFile, "regionval"))).filteredOn(o -> o.period().label().equals("2026"))
                .extracting(Observation::value).containsExactly(78.2);
        assertThat(indicatorsLike(wbFile, "kommunalval")).isEmpty();
    }

    static List<Indicator> indicatorsLike(Path wbFile, String word) {
        try (Workbook wb = Workbook.openReadOnly(wbFile)) {
            return wb.indicators().all().stream().filter(i -> i.title().toLowerCase().contains(word)).toList();
        }
    }

    @Test
    void aSavedMappingIsFoundForNextYearsFileWithoutNamingIt() throws Exception {
        Path wb = demo("karta.halsa");
        String head = "Plats;Tidpunkt;Kön;Ämne;Resultat;Svarande\n";
        Path y2023 = dir.resolve("resultat-2023.csv");
        Files.writeString(y2023, head + "Växjö;2023;Flickor;Matematik;81,5;120\n", StandardCharsets.UTF_8);
        ImportCommandTest.Result mapped = ImportCommandTest.run("import", y2023.toString(), "--workbook", wb.toString(),
                "--map", "area=Plats,period=Tidpunkt,group=Kön,dimension=Ämne,value=Resultat,n=Svarande", "--save-recipe", "skolresultat");
        assertThat(mapped.code()).as(mapped.err()).isEqualTo(Cli.OK);
        Path y2024 = dir.resolve("resultat-2024.csv");
        Files.writeString(y2024, head + "Växjö;2024;Flickor;Matematik;82,5;121\n", StandardCharsets.UTF_8);
        ImportCommandTest.Result next = ImportCommandTest.run("import", y2024.toString(), "--workbook", wb.toString());
        assertThat(next.code()).as(next.err()).isEqualTo(Cli.OK);
        assertThat(next.err()).contains("recept: skolresultat");
        try (Workbook w = Workbook.openReadOnly(wb)) {
            assertThat(w.observations().series("LOK-RESULTAT-MATEMATIK", "0780", Group.FLICKOR))
                    .extracting(o -> o.period().label(), Observation::value, Observation::n)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2023", 81.5, 120), org.assertj.core.groups.Tuple.tuple("2024", 82.5, 121));
        }
        // a file without the mapping's columns is not taken for it: still refused with its columns and the --map
        Path other = dir.resolve("annat.csv");
        Files.writeString(other, "Plats;Tidpunkt;Resultat\nNorrby;vt;81,5\n", StandardCharsets.UTF_8);
        ImportCommandTest.Result refused = ImportCommandTest.run("import", other.toString(), "--workbook", wb.toString());
        assertThat(refused.code()).isEqualTo(Cli.USER_ERROR);
        assertThat(refused.err()).contains("\"Plats\", \"Tidpunkt\", \"Resultat\"").contains("--map area=Plats");
    }
}
