package se.halsolage.importer;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Unit;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Layouts the real-file folder lacks, written here after the published tables: Flickor/Pojkar as the upper of
 * two header rows, a confidence interval as text ("57.9 - 66.7  *") with a significance mark, bounds in
 * lower/upper columns with English headers and gender words, one sheet per type of huvudman, and a file the
 * importer cannot understand (its message names the columns and the --map that would import it).
 */
class CraftedLayoutsTest extends DemoWorkbookImportTest {

    ImportSummary importFile(Path p) {
        return ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, null);
    }

    String byTitle(String title) {
        List<Indicator> hits = wb.indicators().all().stream().filter(i -> i.title().equals(title)).toList();
        assertThat(hits).as("indicator \"%s\" among %s", title, wb.indicators().all().stream().map(Indicator::title).toList()).hasSize(1);
        return hits.get(0).id();
    }

    @Test
    void girlsAndBoysAboveTheMeasureColumns() throws Exception {
        String csv = "\uFEFFStatistik från Skolverket, https://www.skolverket.se\n\nGrundskola - Behörighet åk 9\nValt läsår: 2023/24\n\n"
                + ";;;Flickor;Flickor;Pojkar;Pojkar;Totalt;Totalt\n"
                + "Kommun;Kommun-kod;Typ av huvudman;Antal elever;Andel (%) behöriga;Antal elever;Andel (%) behöriga;Antal elever;Andel (%) behöriga\n"
                + "Växjö;0780;Samtliga;520;88,1;540;84,3;1060;86,2\n"
                + "Växjö;0780;Kommunal;450;87,0;470;83,1;920;85,0\n"
                + "Alvesta;0764;Samtliga;..;..;110;79,5;210;81,0\n\n"
                + "Antal elever;Elever som avslutat årskurs 9\n";
        ImportSession s = ImportSession.open(wb, write("behorighet.csv", csv, StandardCharsets.UTF_8), ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.STATS);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.added()).isEqualTo(9); // three shares per row; the pupils are their n, not indicators
        String id = byTitle("Grundskola: Andel (%) behöriga");
        assertThat(wb.indicators().get(id).orElseThrow().unit()).isEqualTo(Unit.PERCENT);
        Observation girls = one(id, "0780", "2023/24", Group.FLICKOR);
        assertThat(girls.value()).isEqualTo(88.1);
        assertThat(girls.n()).isEqualTo(520);
        assertThat(one(id, "0780", "2023/24", Group.POJKAR).value()).isEqualTo(84.3);
        assertThat(one(id, "0780", "2023/24", Group.TOTALT).value()).isEqualTo(86.2);
        assertThat(one(id, "0780", "2023/24", new Group("Flickor, Kommunal")).value()).isEqualTo(87.0);
        assertThat(one(id, "0780", "2023/24", new Group("Kommunal")).n()).isEqualTo(920);
        Observation masked = one(id, "0764", "2023/24", Group.FLICKOR);
        assertThat(masked.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(masked.n()).isNull();
    }

    @Test
    void youthSurveyWithTheIntervalAsTextAndASignificanceMark() throws Exception {
        String csv = "Liv & hälsa ung 2023 – Växjö kommun\n\n"
                + "Fråga;Svarsalternativ;Kön;Andel (%);Konfidensintervall;Antal svarande\n"
                + "Känner du dig trygg i skolan?;Alltid eller oftast;Flickor;62,3;57.9 - 66.7  *;412\n"
                + "Känner du dig trygg i skolan?;Alltid eller oftast;Pojkar;70,1;65,8 - 74,4;398\n"
                + "Känner du dig trygg i skolan?;Alltid eller oftast;Totalt;66,0;62,9 - 69,1;810\n"
                + "Har du druckit alkohol?;Ja;Flickor;*;;9\n";
        ImportSummary sum = importFile(write("lhu.csv", csv, StandardCharsets.UTF_8));
        assertThat(sum.added()).isEqualTo(4);
        String id = byTitle("Känner du dig trygg i skolan?, Alltid eller oftast");
        Observation girls = one(id, "0780", "2023", Group.FLICKOR);
        assertThat(girls.value()).isEqualTo(62.3);
        assertThat(girls.ciLow()).isEqualTo(57.9);
        assertThat(girls.ciHigh()).isEqualTo(66.7);
        assertThat(girls.marker()).as("the significance mark is kept").isEqualTo("*");
        assertThat(girls.n()).isEqualTo(412);
        Observation boys = one(id, "0780", "2023", Group.POJKAR);
        assertThat(boys.ciLow()).isEqualTo(65.8);
        assertThat(boys.marker()).isNull();
        Observation alcohol = one(byTitle("Har du druckit alkohol?, Ja"), "0780", "2023", Group.FLICKOR);
        assertThat(alcohol.status()).isEqualTo(ObservationStatus.SUPPRESSED);
    }

    @Test
    void englishTidyExportWithBoundColumns() throws Exception {
        String csv = "year,sex,region,indicator,value,ci_low,ci_high\n"
                + "2022,women,Whole Sweden,Daily smokers (%),6.1,5.8,6.4\n"
                + "2022,men,Whole Sweden,Daily smokers (%),5.2,4.9,5.5\n"
                + "2022,women,Kronoberg,Daily smokers (%),5.9,4.1,7.7\n"
                + "2021,Kvinna,Kronobergs län,Daily smokers (%),NA,,\n";
        importFile(write("tidy.csv", csv, StandardCharsets.UTF_8));
        String id = byTitle("Daily smokers (%)");
        Observation se = one(id, "0000", "2022", Group.KVINNOR);
        assertThat(se.value()).isEqualTo(6.1);
        assertThat(se.ciLow()).isEqualTo(5.8);
        assertThat(se.ciHigh()).isEqualTo(6.4);
        assertThat(one(id, "0000", "2022", Group.MAN).value()).isEqualTo(5.2);
        assertThat(one(id, "0007", "2022", Group.KVINNOR).value()).isEqualTo(5.9);
        assertThat(one(id, "0007", "2021", Group.KVINNOR).status()).isEqualTo(ObservationStatus.MISSING);
    }

    @Test
    void oneSheetPerTypeOfHuvudmanIsOneIndicator() throws Exception {
        Path p = dir.resolve("huvudman.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            String[] sheets = {"Samtliga", "Kommunal", "Enskild"};
            double[][] values = {{81.5, 79.0}, {80.2, 78.1}, {90.0, 85.5}};
            for (int i = 0; i < sheets.length; i++) {
                XSSFSheet sh = x.createSheet(sheets[i]);
                sh.createRow(0).createCell(0).setCellValue("Andel elever med godkänt i alla ämnen");
                sh.createRow(1).createCell(0).setCellValue("Valt läsår: 2023/24");
                var h = sh.createRow(3);
                h.createCell(0).setCellValue("Kommun");
                h.createCell(1).setCellValue("Kommunkod");
                h.createCell(2).setCellValue("Andel (%)");
                var r1 = sh.createRow(4);
                r1.createCell(0).setCellValue("Växjö");
                r1.createCell(1).setCellValue("0780");
                r1.createCell(2).setCellValue(values[i][0]);
                var r2 = sh.createRow(5);
                r2.createCell(0).setCellValue("Alvesta");
                r2.createCell(1).setCellValue("0764");
                r2.createCell(2).setCellValue(values[i][1]);
            }
            x.createSheet("Om statistiken").createRow(0).createCell(0).setCellValue("Källa: påhittad.");
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSummary sum = importFile(p);
        assertThat(sum.added()).isEqualTo(6);
        assertThat(sum.warnings()).anyMatch(w -> "Om statistiken".equals(w.sheet()) && w.message().startsWith("Bladet importerades inte"));
        String id = byTitle("Andel elever med godkänt i alla ämnen: Andel (%)");
        assertThat(one(id, "0780", "2023/24", Group.TOTALT).value()).isEqualTo(81.5);
        assertThat(one(id, "0780", "2023/24", new Group("Kommunal")).value()).isEqualTo(80.2);
        assertThat(one(id, "0764", "2023/24", new Group("Enskild")).value()).isEqualTo(85.5);
    }

    @Test
    void anUnknownLayoutNamesItsColumnsAndTheMapThatWouldImportIt() throws Exception {
        String csv = "Plats;Tidpunkt;Mått\nNorrby;vår;12\nSöderby;höst;14\n";
        Path p = write("okand.csv", csv, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(dir.resolve("w.halsa"));
        assertThatThrownBy(() -> ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("\"Plats\", \"Tidpunkt\", \"Mått\"")
                .hasMessageContaining("--map");
        assertThat(Files.readAllBytes(dir.resolve("w.halsa"))).isEqualTo(before);
    }

    @Test
    void folkhalsodataBoundsInRowsOfTheirOwnGoToTheShare() throws Exception {
        String csv = "\"Region\",\"Sociala relationer\",\"Andel och konfidensintervall\",\"Kön\",\"År\",\"Andel\"\n"
                + "\"07 Kronobergs län\",\"Lågt socialt deltagande\",\"Andel\",\"Kvinnor\",\"2019-2022\",31.2\n"
                + "\"07 Kronobergs län\",\"Lågt socialt deltagande\",\"Andel\",\"Män\",\"2019-2022\",29.9\n"
                + "\"07 Kronobergs län\",\"Lågt socialt deltagande\",\"Konfidensintervall nedre gräns\",\"Kvinnor\",\"2019-2022\",29.4\n"
                + "\"07 Kronobergs län\",\"Lågt socialt deltagande\",\"Konfidensintervall nedre gräns\",\"Män\",\"2019-2022\",28.0\n"
                + "\"07 Kronobergs län\",\"Lågt socialt deltagande\",\"Konfidensintervall övre gräns\",\"Kvinnor\",\"2019-2022\",33.0\n"
                + "\"07 Kronobergs län\",\"Lågt socialt deltagande\",\"Konfidensintervall övre gräns\",\"Män\",\"2019-2022\",31.8\n";
        ImportSummary sum = importFile(write("fohm-ki.csv", csv, StandardCharsets.UTF_8));
        assertThat(sum.added()).isEqualTo(2); // the bound rows are no values of their own
        String id = byTitle("Lågt socialt deltagande");
        Observation women = one(id, "0007", "2019-2022", Group.KVINNOR);
        assertThat(women.value()).isEqualTo(31.2);
        assertThat(women.ciLow()).isEqualTo(29.4);
        assertThat(women.ciHigh()).isEqualTo(33.0);
        assertThat(one(id, "0007", "2019-2022", Group.MAN).ciHigh()).isEqualTo(31.8);
    }
}
