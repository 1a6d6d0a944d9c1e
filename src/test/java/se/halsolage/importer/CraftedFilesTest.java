package se.halsolage.importer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Unit;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small files made in the test for every layout, encoding and marker, including ones that must fail. */
class CraftedFilesTest extends DemoWorkbookImportTest {
    ImportSummary importFile(Path p, String recipe, String encoding) {
        return ImportSession.open(wb, p, new ImportOptions(recipe, encoding)).commit(null, null);
    }

    static final String LONG = "Område;År;Kön;Nyckeltal;Värde\n"
            + "Växjö;2023;Flickor;Känner sig trygg;81,5\n"
            + "VÄXJÖ KOMMUN;2023;Pojkar;Känner sig trygg;84,0\n"
            + "0780;2022;Totalt;Känner sig trygg;..\n";

    @Test
    void longFormatInEveryEncoding() throws Exception {
        byte[][] boms = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {}, {}, {(byte) 0xFF, (byte) 0xFE}};
        Charset[] sets = {StandardCharsets.UTF_8, StandardCharsets.UTF_8, Charset.forName("windows-1252"), StandardCharsets.UTF_16LE};
        String[] detected = {"UTF-8", "UTF-8", "windows-1252", "UTF-16LE"};
        for (int i = 0; i < sets.length; i++) {
            Path p = write("lang" + i + ".csv", LONG, sets[i], boms[i]);
            ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
            assertThat(s.detection().encoding()).isEqualTo(detected[i]);
            assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.LONG);
            ImportSummary sum = s.commit(null, null);
            assertThat(sum.total()).isEqualTo(3);
            assertThat(wb.indicators().get("LOK-KANNER-SIG-TRYGG").orElseThrow().title()).isEqualTo("Känner sig trygg");
            assertThat(one("LOK-KANNER-SIG-TRYGG", "0780", "2023", Group.FLICKOR).value()).isEqualTo(81.5);
            assertThat(one("LOK-KANNER-SIG-TRYGG", "0780", "2023", Group.POJKAR).value()).isEqualTo(84.0);
            Observation masked = one("LOK-KANNER-SIG-TRYGG", "0780", "2022", Group.TOTALT);
            assertThat(masked.status()).isEqualTo(ObservationStatus.SUPPRESSED);
            assertThat(masked.marker()).isEqualTo("..");
        }
    }

    @Test
    void separatorsPreambleAndTrailingSeparators() throws Exception {
        for (String sep : List.of(";", ",", "\t")) {
            String dec = sep.equals(",") ? "." : ",";
            String text = "Tabell: Andel som röker\nKälla: Region Kronoberg\n\n"
                    + String.join(sep, "Kommun", "År", "Andel (%)") + sep + "\n"
                    + String.join(sep, "Växjö", "2021", "12" + dec + "5") + sep + "\n"
                    + String.join(sep, "Alvesta", "2021", "9" + dec + "0") + sep + "\n";
            Path p = write("sep" + (int) sep.charAt(0) + ".csv", text, StandardCharsets.UTF_8);
            ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
            assertThat(s.detection().separator()).isEqualTo(sep.charAt(0));
            s.commit(null, null);
            Observation o = one("LOK-ANDEL", "0780", "2021", Group.TOTALT);
            assertThat(o.value()).isEqualTo(12.5);
            assertThat(wb.indicators().get("LOK-ANDEL").orElseThrow().unit()).isEqualTo(Unit.PERCENT);
        }
    }

    @Test
    void everyMarkerBecomesAStatusAndNumbersInAllTheirForms() throws Exception {
        String[][] cases = {
                {"1 234,5", "1234.5"}, {"12\u00a0345", "12345"}, {"12\u202f345", "12345"}, {"45 %", "45"}, {"'17", "17"},
                {"3.25", "3.25"}, {"−2,5", "-2.5"}, {"1.234,5", "1234.5"},
                {".", "not_applicable"}, {"..", "suppressed"}, {"...", "missing"}, {"-", "missing"}, {"–", "missing"},
                {"*", "suppressed"}, {"**", "suppressed"}, {"***", "suppressed"}, {"x", "suppressed"}, {"", "missing"},
                {"~100", "suppressed"}};
        StringBuilder sb = new StringBuilder("Område;År;Nyckeltal;Värde\n");
        for (int i = 0; i < cases.length; i++) sb.append("Växjö;").append(2000 + i).append(";Testtal;").append(cases[i][0]).append('\n');
        importFile(write("markers.csv", sb.toString(), StandardCharsets.UTF_8), null, null);
        for (int i = 0; i < cases.length; i++) {
            Observation o = one("LOK-TESTTAL", "0780", String.valueOf(2000 + i), Group.TOTALT);
            String expect = cases[i][1];
            if (Character.isDigit(expect.charAt(expect.length() - 1))) {
                assertThat(o.value()).as(cases[i][0]).isEqualTo(Double.parseDouble(expect));
            } else {
                assertThat(o.status().code()).as(cases[i][0]).isEqualTo(expect);
                assertThat(o.value()).as("never 0: " + cases[i][0]).isNull();
                assertThat(o.marker()).isEqualTo(cases[i][0].isEmpty() ? null : cases[i][0]);
            }
        }
    }

    @Test
    void fractionsAndPercentFromTheHeader() throws Exception {
        importFile(write("andel.csv", "Kommun;År;Andel\nVäxjö;2020;0,417\nAlvesta;2020;0,5\n", StandardCharsets.UTF_8), null, null);
        assertThat(one("LOK-ANDEL", "0780", "2020", Group.TOTALT).value()).isEqualTo(41.7);
        importFile(write("procent.csv", "Kommun;År;Andel (%)\nVäxjö;2019;0,4\nAlvesta;2019;45,2\n", StandardCharsets.UTF_8), null, null);
        assertThat(one("LOK-ANDEL", "0780", "2019", Group.TOTALT).value()).isEqualTo(0.4);
    }

    @Test
    void wideXlsxWithMergedTitleAndYearsAcrossIsPxWebLike() throws Exception {
        Path p = dir.resolve("bred.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            var sh = x.createSheet("Blad1");
            sh.createRow(0).createCell(0).setCellValue("Andel som röker dagligen, 16–84 år");
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            var h = sh.createRow(2);
            h.createCell(0).setCellValue("region");
            h.createCell(1).setCellValue("kön");
            h.createCell(2).setCellValue("2021");
            h.createCell(3).setCellValue("2022");
            var r = sh.createRow(3);
            r.createCell(0).setCellValue("0780 Växjö");
            r.createCell(1).setCellValue("kvinnor");
            r.createCell(2).setCellValue(7.5);
            r.createCell(3).setCellValue("..");
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.PXWEB);
        s.commit(null, null);
        String id = wb.observations().forArea("0780").stream().filter(o -> o.indicatorId().startsWith("PX-"))
                .findFirst().orElseThrow().indicatorId();
        assertThat(one(id, "0780", "2021", Group.KVINNOR).value()).isEqualTo(7.5);
        assertThat(one(id, "0780", "2022", Group.KVINNOR).status()).isEqualTo(ObservationStatus.SUPPRESSED);
    }

    @Test
    void pxWebCsvWithYearsAcross() throws Exception {
        String text = "\"Folkmängd efter region, kön och år\"\n\n"
                + "\"region\",\"kön\",\"2022\",\"2023\"\n"
                + "\"0780 Växjö\",\"män\",47000,47500\n"
                + "\"0780 Växjö\",\"kvinnor\",46800,\"..\"\n";
        Path p = write("BE0101N1.csv", text, Charset.forName("windows-1252"));
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.PXWEB);
        assertThat(s.detection().separator()).isEqualTo(',');
        assertThat(s.detection().encoding()).isEqualTo("windows-1252");
        s.commit(null, null);
        String id = "PX-FOLKMANGD-EFTER-REGION-KON-OCH-AR";
        assertThat(one(id, "0780", "2023", Group.MAN).value()).isEqualTo(47500.0);
        assertThat(one(id, "0780", "2023", Group.KVINNOR).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(one(id, "0780", "2022", Group.KVINNOR).location()).isEqualTo("BE0101N1!C5");
    }

    @Test
    void xlsTableWithNumericMunicipalityCodes() throws Exception {
        Path p = dir.resolve("tabell.xls");
        try (HSSFWorkbook x = new HSSFWorkbook()) {
            var sh = x.createSheet("Invånare");
            sh.createRow(0).createCell(0).setCellValue("Folkmängd 31 december 2023");
            var h = sh.createRow(1);
            h.createCell(0).setCellValue("Kommunkod");
            h.createCell(1).setCellValue("Kommun");
            h.createCell(2).setCellValue("Antal invånare");
            var r = sh.createRow(2);
            r.createCell(0).setCellValue(780);
            r.createCell(1).setCellValue("Växjö");
            r.createCell(2).setCellValue(97000);
            var r2 = sh.createRow(3);
            r2.createCell(0).setCellValue(764);
            r2.createCell(1).setCellValue("Alvesta");
            r2.createCell(2).setCellValue(20000);
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSession s = ImportSession.open(wb, p, new ImportOptions(BuiltInRecipes.TABLE, null));
        assertThat(s.detection().format()).isEqualTo(FileFormat.XLS);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.added()).isEqualTo(2);
        String id = wb.observations().forArea("0764").get(0).indicatorId();
        assertThat(one(id, "0764", "2023", Group.TOTALT).value()).isEqualTo(20000.0);
        assertThat(one(id, "0780", "2023", Group.TOTALT).location()).isEqualTo("Invånare!C3");
    }

    @Test
    void pxFileWithDataSymbols() {
        ImportSummary sum = importFile(Fixtures.get(Fixtures.PX), null, null);
        assertThat(sum.total()).isEqualTo(24);
        // age is a breakdown of the one indicator (its group), not an indicator per age
        List<Observation> sweden = wb.observations().forArea("0000").stream().filter(o -> o.indicatorId().startsWith("PX-"))
                .filter(o -> o.group().label().endsWith("age 20")).toList();
        assertThat(sweden).extracting(o -> o.group().label(), Observation::value, Observation::marker)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Män, age 20", 456.0, null),
                        org.assertj.core.groups.Tuple.tuple("Kvinnor, age 20", null, "."));
        assertThat(wb.observations().forArea("0115")).isNotEmpty(); // 0115 Vallentuna
    }

    @Test
    void regionalYouthSurveyTemplate() throws Exception {
        Path p = dir.resolve("ungdomsenkat-2024.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            x.createSheet("Instruktioner").createRow(0).createCell(0).setCellValue("Fyll i bladet Data.");
            var sh = x.createSheet("Data");
            String[] head = {"År", "Kommun", "Årskurs", "Kön", "Fråga", "Svarsalternativ", "Andel (%)", "Antal svarande"};
            var h = sh.createRow(0);
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            Object[][] rows = {
                    {2024, "Växjö", "åk 9", "Flickor", "Hur mår du?", "Mycket bra", 31.5, 210},
                    {2024, "Växjö", "åk 9", "Pojkar", "Hur mår du?", "Mycket bra", 44.0, 198},
                    {2024, "Växjö", "gy 2", "Flickor", "Hur mår du?", "Mycket bra", "*", 12}};
            for (int i = 0; i < rows.length; i++) {
                var r = sh.createRow(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    if (rows[i][c] instanceof Number n) r.createCell(c).setCellValue(n.doubleValue());
                    else r.createCell(c).setCellValue((String) rows[i][c]);
                }
            }
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.YOUTH);
        s.commit(null, null);
        Observation girls = one("UNG-HUR-MAR-DU-MYCKET-BRA-AK9", "0780", "2024", Group.FLICKOR);
        assertThat(girls.value()).isEqualTo(31.5);
        assertThat(girls.n()).isEqualTo(210);
        assertThat(wb.indicators().get("UNG-HUR-MAR-DU-MYCKET-BRA-AK9").orElseThrow().grade()).isEqualTo("åk 9");
        assertThat(one("UNG-HUR-MAR-DU-MYCKET-BRA-GY2", "0780", "2024", Group.FLICKOR).status()).isEqualTo(ObservationStatus.SUPPRESSED);
    }

    @Test
    void theShippedTemplateIsRecognised() throws Exception {
        Path template = Path.of("resources/import/ungdomsenkat-mall.xlsx");
        assertThat(template).exists();
        GridSource g = Readers.open(template, null);
        assertThat(g.sheets()).contains("Data");
        assertThat(RecipeRegistry.builtIn().detect(g).orElseThrow().name()).isEqualTo(BuiltInRecipes.YOUTH);
    }

    @Test
    void unmatchedNamesAreListedNotGuessed() throws Exception {
        ImportSummary sum = importFile(write("okand.csv", "Område;År;Nyckeltal;Värde\nVäxjö;2023;A;1\nVäxsjö;2023;A;2\n",
                StandardCharsets.UTF_8), null, null);
        assertThat(sum.added()).isEqualTo(1);
        assertThat(sum.skipped()).isEqualTo(1);
        assertThat(sum.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("Växsjö");
            assertThat(w.row()).isEqualTo(3);
            assertThat(w.column()).isEqualTo("D");
        });
    }

    @Test
    void wrongEncodingDeclaredIsRefused() throws Exception {
        Path cp1252 = write("latin.csv", LONG, Charset.forName("windows-1252"));
        assertThatThrownBy(() -> ImportSession.open(wb, cp1252, new ImportOptions(null, "UTF-8")))
                .isInstanceOf(ImportException.class).hasMessageContaining("latin.csv").hasMessageContaining("rad 1")
                .hasMessageContaining("inte UTF-8");
        Path utf8 = write("utf8.csv", LONG, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportSession.open(wb, utf8, new ImportOptions(null, "windows-1252")))
                .isInstanceOf(ImportException.class).hasMessageContaining("utf8.csv").hasMessageContaining("är UTF-8");
    }

    @Test
    void unknownColumnsAreRefused() throws Exception {
        Path p = write("konstig.csv", "Plats;Tidpunkt;Sak;Mängd\nVäxjö;2023;A;5\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportSession.open(wb, p, new ImportOptions(BuiltInRecipes.LONG, null)).commit(null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("konstig.csv").hasMessageContaining("rad 1")
                .hasMessageContaining("Okända kolumner");
        // a saved TABLE recipe naming columns the file does not have
        Recipe r = Recipe.empty("mitt", Recipe.TABLE).withColumns(List.of(new Recipe.ColumnMap("Antal elever", null, null, null, null, null)))
                .withPeriodValue("2023");
        wb.inTransaction(w -> w.recipes().save("mitt", "CSV", r.toJson()));
        Path q = write("tabell.csv", "Kommun;Antal lärare\nVäxjö;12\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportSession.open(wb, q, new ImportOptions("mitt", null)).commit(null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("\"Antal elever\"").hasMessageContaining("rad 1")
                .hasMessageContaining("Okänd kolumn \"Antal lärare\"").hasMessageContaining("kolumn B");
    }

    @Test
    void emptySheetIsRefused() throws Exception {
        Path csv = write("tom.csv", "\n\n \n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportSession.open(wb, csv, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class).hasMessageContaining("tom.csv").hasMessageContaining("tomt");
        Path xlsx = dir.resolve("tom.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            x.createSheet("Blad1");
            x.write(out);
        }
        assertThatThrownBy(() -> ImportSession.open(wb, xlsx, new ImportOptions(BuiltInRecipes.LONG, null)).commit(null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("blad \"Blad1\"").hasMessageContaining("tomt");
    }

    @Test
    void duplicateKeysWithinAFileAreRefusedAndNothingIsWritten() throws Exception {
        long before = wb.observations().count();
        Path p = write("dubbel.csv", "Område;År;Nyckeltal;Värde\nVäxjö;2023;A;1\nAlvesta;2023;A;3\nVäxjö;2023;A;2\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importFile(p, null, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("dubbel.csv").hasMessageContaining("rad 4").hasMessageContaining("kolumn D")
                .hasMessageContaining("Dubblett");
        assertThat(wb.observations().count()).isEqualTo(before);
        assertThat(wb.indicators().get("LOK-A")).isEmpty();
    }

    @Test
    void wrongFileTypeIsRefused() throws Exception {
        Path pdf = write("rapport.xlsx", "%PDF-1.4 hej", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ImportSession.open(wb, pdf, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class).hasMessageContaining("rapport.xlsx").hasMessageContaining("ingen Excel-fil");
        Path bin = dir.resolve("bild.csv");
        Files.write(bin, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
        assertThatThrownBy(() -> ImportSession.open(wb, bin, ImportOptions.defaults()))
                .isInstanceOf(ImportException.class).hasMessageContaining("bild.csv");
    }

    @Test
    void aSavedRecipeImportsNextYearsFileInOneStep() throws Exception {
        Path y1 = write("enkat-2023.csv", "Kommun;Andel trygga\nVäxjö;0,81\n", StandardCharsets.UTF_8);
        ImportSession s = ImportSession.open(wb, y1, new ImportOptions(BuiltInRecipes.TABLE, null));
        s.useRecipe(s.recipe().withColumns(List.of(new Recipe.ColumnMap("Andel trygga", "LOK-TRYGG", "Andel trygga", "percent", null, null)))
                .withShares("fraction"));
        s.commit(null, null, false, "min enkät");
        assertThat(Recipe.fromJson(wb.recipes().get("min enkät").orElseThrow().definition()).columns()).hasSize(1);
        Path y2 = write("enkat-2024.csv", "Kommun;Andel trygga\nVäxjö;0,79\n", StandardCharsets.UTF_8);
        ImportSession.open(wb, y2, new ImportOptions("min enkät", null)).commit(null, null);
        assertThat(one("LOK-TRYGG", "0780", "2023", Group.TOTALT).value()).isEqualTo(81.0);
        assertThat(one("LOK-TRYGG", "0780", "2024", Group.TOTALT).value()).isEqualTo(79.0);
    }

    @Test
    void previewShowsTheObservationsWithoutWriting() throws Exception {
        long before = wb.observations().count();
        Path p = write("p.csv", LONG, StandardCharsets.UTF_8);
        List<PreviewRow> rows = ImportSession.open(wb, p, ImportOptions.defaults()).preview(2);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).areaId()).isEqualTo("0780");
        assertThat(rows.get(0).value()).isEqualTo(81.5);
        assertThat(rows.get(0).location()).isEqualTo("p!E2");
        assertThat(wb.observations().count()).isEqualTo(before);
    }

    @Test
    void validateListsEveryProblemWithItsPlaceWithoutWriting() throws Exception {
        long before = wb.observations().count();
        Path p = write("v.csv", "Område;År;Nyckeltal;Värde\nVäxjö;2023;A;1\nVäxjö;2023;A;2\nAtlantis;2023;A;3\nAlvesta;2023;A;fem\n",
                StandardCharsets.UTF_8);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        List<Problem> problems = s.validate(ProgressListener.NONE, () -> false);
        assertThat(problems).filteredOn(Problem::isError).extracting(Problem::row, Problem::column)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(3, "D"), org.assertj.core.groups.Tuple.tuple(5, "D"));
        assertThat(problems).filteredOn(Problem::isError).allSatisfy(pr -> {
            assertThat(pr.file()).isEqualTo("v.csv");
            assertThat(pr.sheet()).isEqualTo("v");
        });
        assertThat(problems).anySatisfy(pr -> assertThat(pr.toString()).contains("Atlantis").contains("rad 4"));
        assertThat(wb.observations().count()).isEqualTo(before);
    }

    @Test
    void cancellingLeavesTheWorkbookUnchanged() throws Exception {
        long before = wb.observations().count();
        Path p = write("c.csv", LONG, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, () -> true))
                .isInstanceOf(ImportCancelled.class);
        assertThat(wb.observations().count()).isEqualTo(before);
        assertThat(wb.sources().all()).noneMatch(src -> src.name().equals("c.csv"));
    }

    @Test
    void valueParserUnits() {
        assertThat(Values.parse("1\u00a0234,5", Map.of()).asDouble()).isEqualTo(1234.5);
        assertThat(Values.parse("abc", Map.of())).isNull();
        assertThat(Values.toPercent(new java.math.BigDecimal("0.417").add(new java.math.BigDecimal("0.414")), true).doubleValue())
                .isEqualTo(83.1);
    }
}
