package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.cli.Cli;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping a user controls from the CLI: a file the importer does not understand is refused with its columns
 * and the --map that would import it; that --map imports it, --save-recipe keeps it in the workbook and next
 * year's file imports in one step with --recipe NAME; a recipe file FIL.json does the same; --only chooses measures.
 */
class MappingCommandTest {
    @TempDir
    Path dir;

    static final String HEAD = "Plats;Tidpunkt;Kön;Ämne;Resultat;Svarande\n";

    Path demo() {
        Path wb = dir.resolve("d.halsa");
        DemoWorkbook.build(wb).close();
        return wb;
    }

    List<Observation> series(Path wbFile, String indicator, String area, Group g) {
        try (Workbook wb = Workbook.openReadOnly(wbFile)) {
            return wb.observations().series(indicator, area, g);
        }
    }

    @Test
    void refusedWithTheMapThenMappedSavedAndReusedNextYear() throws Exception {
        Path wb = demo();
        Path y2023 = dir.resolve("resultat-2023.csv");
        Files.writeString(y2023, HEAD + "Växjö;2023;Flickor;Matematik;81,5;120\nVäxjö;2023;Pojkar;Matematik;78,0;118\n"
                + "Alvesta;2023;Flickor;Svenska;90,1;40\n", StandardCharsets.UTF_8);
        // districts the workbook does not know and a period as "vt/ht": nothing to recognise, so it is refused
        Path unknown = dir.resolve("enkat.csv");
        Files.writeString(unknown, "Plats;Tidpunkt;Kön;Ämne;Resultat\nNorrby;vt;Flickor;Matematik;81,5\n"
                + "Söderby;ht;Pojkar;Matematik;78,0\n", StandardCharsets.UTF_8);
        String before = ImportSession.sha256(wb);
        ImportCommandTest.Result refused = ImportCommandTest.run("import", unknown.toString(), "--workbook", wb.toString());
        assertThat(refused.code()).isEqualTo(Cli.USER_ERROR);
        assertThat(refused.err()).contains("\"Plats\", \"Tidpunkt\", \"Kön\", \"Ämne\", \"Resultat\"")
                .contains("--map area=Plats,period=KOLUMN,group=Kön,dimension=Tidpunkt,dimension=Ämne,value=Resultat");
        assertThat(ImportSession.sha256(wb)).isEqualTo(before);

        ImportCommandTest.Result mapped = ImportCommandTest.run("import", y2023.toString(), "--workbook", wb.toString(),
                "--map", "area=Plats,period=Tidpunkt,group=Kön,dimension=Ämne,value=Resultat,n=Svarande", "--save-recipe", "skolresultat");
        assertThat(mapped.code()).as(mapped.err()).isEqualTo(Cli.OK);
        assertThat(mapped.out()).contains("Tillagda: 3").contains("Receptet sparades som \"skolresultat\"");
        Observation girls = series(wb, "LOK-RESULTAT-MATEMATIK", "0780", Group.FLICKOR).get(0);
        assertThat(girls.value()).isEqualTo(81.5);
        assertThat(girls.n()).isEqualTo(120);

        Path y2024 = dir.resolve("resultat-2024.csv");
        Files.writeString(y2024, HEAD + "Växjö;2024;Flickor;Matematik;82,5;121\n", StandardCharsets.UTF_8);
        ImportCommandTest.Result next = ImportCommandTest.run("import", y2024.toString(), "--workbook", wb.toString(),
                "--recipe", "skolresultat");
        assertThat(next.code()).as(next.err()).isEqualTo(Cli.OK);
        assertThat(series(wb, "LOK-RESULTAT-MATEMATIK", "0780", Group.FLICKOR)).extracting(o -> o.period().label(), Observation::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2023", 81.5), org.assertj.core.groups.Tuple.tuple("2024", 82.5));
    }

    @Test
    void aRecipeFileAndOnlyChooseWhatIsImported() throws Exception {
        Path wb = demo();
        Path file = dir.resolve("resultat.csv");
        Files.writeString(file, HEAD + "Växjö;2023;Flickor;Matematik;81,5;120\nVäxjö;2023;Flickor;Svenska;88,0;119\n",
                StandardCharsets.UTF_8);
        Path json = dir.resolve("skolresultat.json");
        Files.writeString(json, "{\"kind\":\"STATS\",\"area\":\"Plats\",\"period\":\"Tidpunkt\",\"group\":\"Kön\","
                + "\"value\":\"Resultat\",\"n\":\"Svarande\",\"dimensions\":[\"Ämne\"]}", StandardCharsets.UTF_8);
        ImportCommandTest.Result r = ImportCommandTest.run("import", file.toString(), "--workbook", wb.toString(),
                "--recipe", json.toString(), "--only", "*svenska*");
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("Tillagda: 1,");
        assertThat(series(wb, "LOK-RESULTAT-SVENSKA", "0780", Group.FLICKOR)).hasSize(1);
        assertThat(series(wb, "LOK-RESULTAT-MATEMATIK", "0780", Group.FLICKOR)).isEmpty();
    }

    @Test
    void onlyNarrowsADetectedRealFile() {
        Path wb = demo();
        Path file = SharedFiles.real("dalarna_voter_turnout.csv");
        ImportCommandTest.Result r = ImportCommandTest.run("import", file.toString(), "--workbook", wb.toString(), "--only", "*riksdagsvalet*");
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("Tillagda: 28,").contains("Nya nyckeltal: 1,");
    }
}
