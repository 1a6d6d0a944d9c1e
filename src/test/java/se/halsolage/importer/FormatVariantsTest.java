package se.halsolage.importer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Unit;
import se.halsolage.workbook.Workbook;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Robustness sweep: files of the kinds the importer knows (Skolverket CSV, Skolenkäten, PxWeb CSV and
 * .px, regional youth surveys, hand-made Excel), in the variants other years, other statistics and
 * other tools produce. Skolverket variants are cut from the real fixture and re-written; the others are
 * written here after the real layouts. Every expected value is read off the file by hand.
 */
class FormatVariantsTest extends DemoWorkbookImportTest {
    static final Charset CP1252 = Charset.forName("windows-1252");
    ImportSummary importFile(Path p) {
        return ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, null);
    }

    static final String PERSONAL_CSV = "Statistik från Skolverket, https://www.skolverket.se\n\n"
            + "Grundskola - Personal\n"
            + "Valt läsår: 2022/23\n\n"
            + "Kommun;Kommunkod;Antal lärare (heltidstjänster);Andel (%) lärare med legitimation och behörighet i minst ett ämne;"
            + "Antal elever per lärare (heltidstjänst)\n"
            + "Riket;;104\u00a0512,3;72,1;11,9\n"
            + "Växjö;0780;1 021,5;79,0;12,4\n"
            + "Alvesta;0764;132,0;..;~12\n"
            + "Uppvidinge;0760;.;68,5;11,0\n"
            + "\n"
            + "Personal omräknat till heltidstjänster. Källa: Skolverket.\n";

    static final String GY_PROGRAM_CSV = "\uFEFFStatistik från Skolverket, https://www.skolverket.se\n\n"
            + "Gymnasieskola - Elever per program\n"
            + "Valt läsår: 2023/24\n\n"
            + "Skola;Skolenhetskod;Skolkommun;Kommunkod;Typ av huvudman;Huvudman;Program;Elever totalt;Andel (%) kvinnor;\n"
            + "Katedralskolan;41925512;Växjö;0780;Kommunal;Växjö kommun;Naturvetenskapsprogrammet;412;55,3;\n"
            + "Katedralskolan;41925512;Växjö;0780;Kommunal;Växjö kommun;Samhällsvetenskapsprogrammet;388;61,1;\n"
            + "Teknikum;18472652;Växjö;0780;Kommunal;Växjö kommun;Teknikprogrammet;301;..;\n";

    static final String FOLKHALSO_CSV = "\"Andel med gott självskattat hälsotillstånd (procent) efter region, kön och år\"\r\n\r\n"
            + "\"Region\",\"Kön\",\"2018-2021 Andel\",\"2018-2021 Konfidensintervall nedre gräns\","
            + "\"2018-2021 Konfidensintervall övre gräns\",\"2019-2022 Andel\",\"2019-2022 Konfidensintervall nedre gräns\","
            + "\"2019-2022 Konfidensintervall övre gräns\"\r\n"
            + "\"Riket\",\"Kvinnor\",71.2,70.8,71.6,70.9,70.5,71.3\r\n"
            + "\"Kronobergs län\",\"Kvinnor\",70.1,68.0,72.2,69.5,67.3,71.7\r\n"
            + "\"0780 Växjö\",\"Män\",\"..\",\"..\",\"..\",75.4,71.0,79.8\r\n"
            + "\"Alvesta\",\"Totalt\",68.0,62.1,73.9,\"...\",\"...\",\"...\"\r\n";

    static final String GENDER_YEAR_CSV = "region;kvinnor 2021;män 2021;kvinnor 2022;män 2022\n"
            + "0780 Växjö;12,5;9,8;12,0;..\n"
            + "0764 Alvesta;14,1;11,0;.;10,2\n";

    // ---------------------------------------------------------------- Skolverket CSV, cut from the real file

    /** Preamble (5 lines), header and the three Växjö rows of the real 2023/24 download, as text. */
    static List<String> realSkolverketLines() throws Exception {
        List<String> all = Files.readAllLines(Fixtures.get(Fixtures.SKOLVERKET), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(all.subList(0, 6));
        out.set(0, out.get(0).replace("\uFEFF", ""));
        for (String l : all) if (l.startsWith("Braås skola") || l.startsWith("Bäckaslövskolan")) out.add(l);
        return out;
    }

    void assertSkolverketVaxjo(String periodLabel) {
        // Bäckaslövskolan;58187316;Växjö;0780;…;48;45,8;274;48,2;17,5;79,9;50;50;40;50;48;36;.;.;.
        assertThat(one("SKV-GRUNDSKOLA-ELEVER-FORSKOLEKLASS", "58187316", periodLabel, Group.TOTALT).value()).isEqualTo(48.0);
        assertThat(one("SKV-GRUNDSKOLA-ANDEL-FLICKOR-FORSKOLEKLASS", "58187316", periodLabel, Group.TOTALT).value()).isEqualTo(45.8);
        assertThat(one("SKV-GRUNDSKOLA-ELEVER-ARSKURS-1-9", "58187316", periodLabel, Group.TOTALT).value()).isEqualTo(274.0);
        Observation none = one("SKV-GRUNDSKOLA-ELEVER-ARSKURS-7", "58187316", periodLabel, Group.TOTALT);
        assertThat(none.value()).isNull();
        assertThat(none.marker()).isEqualTo(".");
        assertThat(wb.areas().get("58187316").orElseThrow().parentId()).isEqualTo("0780");
        assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ANDEL-FLICKOR-FORSKOLEKLASS").orElseThrow().unit()).isEqualTo(Unit.PERCENT);
    }

    @Test
    void skolverketWindows1252WithoutBomOrTrailingSeparator() throws Exception {
        List<String> lines = realSkolverketLines();
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l.endsWith(";") ? l.substring(0, l.length() - 1) : l).append("\r\n");
        Path p = write("skolverket-2024.csv", sb.toString(), CP1252);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.detection().encoding()).isEqualTo("windows-1252");
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.added()).isEqualTo(3 * 15);
        assertSkolverketVaxjo("2023/24");
    }

    @Test
    void skolverketWithThreeAndSevenPreambleLines() throws Exception {
        List<String> lines = realSkolverketLines();
        // 3 lines: title, "Valt läsår", empty
        List<String> three = new ArrayList<>(List.of(lines.get(2), lines.get(3), ""));
        three.addAll(lines.subList(5, lines.size()));
        Path p3 = write("elever3.csv", String.join("\n", three) + "\n", StandardCharsets.UTF_8);
        assertThat(ImportSession.open(wb, p3, ImportOptions.defaults()).recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
        importFile(p3);
        assertSkolverketVaxjo("2023/24");
        // 7 lines, another school year
        List<String> seven = new ArrayList<>(lines.subList(0, 3));
        seven.addAll(List.of("Valt läsår: 2024/25", "Valda kommuner: Växjö", "Urval: samtliga huvudmän", ""));
        seven.addAll(lines.subList(5, lines.size()));
        importFile(write("elever7.csv", String.join("\n", seven) + "\n", StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF));
        assertSkolverketVaxjo("2024/25");
    }

    @Test
    void skolverketPersonnelMunicipalityLevelWithDriftedHeadersAndSpacedThousands() throws Exception {
        String text = PERSONAL_CSV;
        Path p = write("personal-2022.csv", text, CP1252);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
        s.commit(null, null);
        String lar = "SKV-GRUNDSKOLA-PERSONAL-ANTAL-LARARE-HELTIDSTJANSTER";
        assertThat(one(lar, "0780", "2022/23", Group.TOTALT).value()).isEqualTo(1021.5);
        assertThat(one(lar, "0000", "2022/23", Group.TOTALT).value()).isEqualTo(104512.3);
        assertThat(wb.indicators().get(lar).orElseThrow().unit()).isEqualTo(Unit.COUNT);
        String beh = wb.observations().forArea("0764").stream().map(Observation::indicatorId)
                .filter(i -> i.contains("LEGITIMATION")).findFirst().orElseThrow();
        assertThat(one(beh, "0780", "2022/23", Group.TOTALT).value()).isEqualTo(79.0);
        assertThat(one(beh, "0764", "2022/23", Group.TOTALT).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        String per = "SKV-GRUNDSKOLA-PERSONAL-ANTAL-ELEVER-PER-LARARE-HELTIDSTJANST";
        assertThat(one(per, "0764", "2022/23", Group.TOTALT).marker()).isEqualTo("~12");
        assertThat(one(lar, "0760", "2022/23", Group.TOTALT).status()).isEqualTo(ObservationStatus.MISSING);
    }

    @Test
    void skolverketUpperSecondaryOneRowPerSchoolAndProgramme() throws Exception {
        String text = GY_PROGRAM_CSV;
        Path p = write("gy-program.csv", text, StandardCharsets.UTF_8);
        ImportSummary sum = importFile(p);
        assertThat(sum.added()).isEqualTo(6);
        String pre = "SKV-" + Headers.slug("Gymnasieskola - Elever per program", 24) + "-";
        String na = pre + "ELEVER-TOTALT-NATURVETENSKAPSPROGRAMMET";
        assertThat(one(na, "41925512", "2023/24", Group.TOTALT).value()).isEqualTo(412.0);
        assertThat(wb.indicators().get(na).orElseThrow().title()).contains("Naturvetenskapsprogrammet");
        assertThat(one(pre + "ELEVER-TOTALT-SAMHALLSVETENSKAPSPROGRAMMET", "41925512", "2023/24",
                Group.TOTALT).value()).isEqualTo(388.0);
        assertThat(one(pre + "ANDEL-KVINNOR-TEKNIKPROGRAMMET", "18472652", "2023/24",
                Group.TOTALT).status()).isEqualTo(ObservationStatus.SUPPRESSED);
    }

    // ---------------------------------------------------------------- PxWeb / Folkhälsodata CSV

    @Test
    void folkhalsodataRollingPeriodsWithConfidenceColumnsAndCountyNames() throws Exception {
        String text = FOLKHALSO_CSV;
        Path p = write("Halsotillstand.csv", text, CP1252);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.PXWEB);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.skipped()).isZero();
        List<String> ids = wb.observations().forArea("0780").stream().map(Observation::indicatorId)
                .filter(i -> i.startsWith("PX-")).distinct().sorted().toList();
        assertThat(ids).hasSize(1); // the bounds belong to the share: no indicators of their own
        String andel = ids.stream().filter(i -> i.endsWith("-ANDEL")).findFirst().orElseThrow();
        Observation vaxjo = one(andel, "0780", "2019-2022", Group.MAN);
        assertThat(vaxjo.value()).isEqualTo(75.4);
        assertThat(vaxjo.period().startYear()).isEqualTo(2019);
        assertThat(vaxjo.period().endYear()).isEqualTo(2022);
        assertThat(one(andel, "0780", "2018-2021", Group.MAN).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(one(andel, "0007", "2018-2021", Group.KVINNOR).value()).isEqualTo(70.1);
        assertThat(one(andel, "0000", "2019-2022", Group.KVINNOR).value()).isEqualTo(70.9);
        assertThat(one(andel, "0764", "2019-2022", Group.TOTALT).status()).isEqualTo(ObservationStatus.MISSING);
        Observation kron = one(andel, "0007", "2019-2022", Group.KVINNOR);
        assertThat(kron.value()).isEqualTo(69.5);
        assertThat(kron.ciLow()).isEqualTo(67.3);
        assertThat(kron.ciHigh()).isEqualTo(71.7);
    }

    @Test
    void pxWebCsvWideByGenderAndYear() throws Exception {
        String text = GENDER_YEAR_CSV;
        Path p = write("Rokning.csv", text, StandardCharsets.UTF_8);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.PXWEB);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.total()).isEqualTo(8);
        String id = wb.observations().forArea("0780").stream().map(Observation::indicatorId).filter(i -> i.startsWith("PX-"))
                .distinct().reduce((a, b) -> { throw new AssertionError("mer än ett nyckeltal: " + a + ", " + b); }).orElseThrow();
        assertThat(one(id, "0780", "2021", Group.KVINNOR).value()).isEqualTo(12.5);
        assertThat(one(id, "0780", "2021", Group.MAN).value()).isEqualTo(9.8);
        assertThat(one(id, "0780", "2022", Group.MAN).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(one(id, "0764", "2022", Group.KVINNOR).status()).isEqualTo(ObservationStatus.NOT_APPLICABLE);
    }

    // ---------------------------------------------------------------- .px files

    static final String PX_SV = "CHARSET=\"ANSI\";\nAXIS-VERSION=\"2010\";\nCODEPAGE=\"iso-8859-1\";\nLANGUAGE=\"sv\";\n"
            + "MATRIX=\"HLV01\";\nTITLE=\"Andel med fetma efter kön, region och period\";\n"
            + "CONTENTS=\"Andel med fetma\";\nUNITS=\"procent\";\n"
            + "STUB=\"kön\";\nHEADING=\"region\",\"period\";\n"
            + "VALUES(\"kön\")=\"Totalt\",\"Kvinnor\",\"Män\";\n"
            + "VALUES(\"region\")=\"Riket\",\"Kronobergs län\",\n\"Växjö\";\n"
            + "VALUES(\"period\")=\"2017-2020\",\"2018-2021\";\n"
            + "TIMEVAL(\"period\")=TLIST(A1),\"2017-2020\",\"2018-2021\";\n"
            + "DECIMALS=1;\nSOURCE=\"Folkhälsomyndigheten\";\nDATA=\n"
            // kön × (region × period): Totalt, Kvinnor, Män rows; columns Riket 17-20, Riket 18-21, Kron 17-20, Kron 18-21, Vxj 17-20, Vxj 18-21
            + "15.1 15.4 16.0 16.2 14.0 \"..\"\n"
            + "14.8 15.0 15.5 15.9 13.1 12.9\n"
            + "15.4 15.8 16.5 16.5 \"....\" 14.7;\n";

    @Test
    void pxFileInLatin1WithHeadingOfTwoVariablesAndRollingPeriods() throws Exception {
        Path p = write("HLV01.px", PX_SV, StandardCharsets.ISO_8859_1);
        ImportSummary sum = importFile(p);
        assertThat(sum.total()).isEqualTo(18);
        assertThat(sum.skipped()).isZero();
        String id = wb.observations().forArea("0780").stream().map(Observation::indicatorId).filter(i -> i.startsWith("PX-"))
                .distinct().reduce((a, b) -> { throw new AssertionError("mer än ett nyckeltal: " + a + ", " + b); }).orElseThrow();
        assertThat(wb.indicators().get(id).orElseThrow().title()).contains("fetma");
        assertThat(one(id, "0000", "2017-2020", Group.TOTALT).value()).isEqualTo(15.1);
        assertThat(one(id, "0007", "2018-2021", Group.KVINNOR).value()).isEqualTo(15.9);
        assertThat(one(id, "0780", "2018-2021", Group.TOTALT).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(one(id, "0780", "2017-2020", Group.MAN).status()).isEqualTo(ObservationStatus.MISSING);
        assertThat(one(id, "0780", "2018-2021", Group.MAN).value()).isEqualTo(14.7);
    }

    @Test
    void pxFileWithHeadingAndStubSwapped() throws Exception {
        // the fixture's table with STUB and HEADING swapped: the data is laid out in the new order
        String px = Files.readString(Fixtures.get(Fixtures.PX), StandardCharsets.ISO_8859_1);
        String swapped = px.replace("STUB=\"region\",\"age\";", "STUB=\"period\",\"sex\";")
                .replace("HEADING=\"period\",\"sex\";", "HEADING=\"region\",\"age\";");
        // original rows: region × age (12), columns men, women. New: rows men, women; columns region × age.
        swapped = swapped.substring(0, swapped.indexOf("DATA=")) + "DATA=\n"
                + "456 613 835 590 771 924 14 21 26 17 13 20\n"
                + "\".\" \"..\" \"...\" \"....\" \".....\" \"......\" 38 36 36 20 21 23;\n";
        Path p = write("swapped.px", swapped, StandardCharsets.ISO_8859_1);
        ImportSummary sum = importFile(p);
        assertThat(sum.total()).isEqualTo(24);
        List<Observation> sweden20 = wb.observations().forArea("0000").stream().filter(o -> o.indicatorId().startsWith("PX-"))
                .filter(o -> o.group().label().endsWith("age 20")).toList();
        assertThat(sweden20).extracting(o -> o.group().label(), Observation::value, Observation::marker)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Män, age 20", 456.0, null),
                        org.assertj.core.groups.Tuple.tuple("Kvinnor, age 20", null, "."));
        Observation vallentuna22women = wb.observations().forArea("0115").stream()
                .filter(o -> o.group().label().equals("Kvinnor, age 22")).findFirst().orElseThrow();
        assertThat(vallentuna22women.value()).isEqualTo(23.0);
    }

    // ---------------------------------------------------------------- Skolenkäten, after the real layout

    static final String[] OPTIONS = {"Helt och hållet", "Till stor del", "Till viss del", "Inte alls", "Vet inte"};

    /**
     * A Skolenkäten response sheet as Skolinspektionen lays it out (title and question texts on the first
     * row, labels on the second, Index/Medelvärde/Antal/Andel on the third), with the habits of the
     * variant: {@code pad} is appended to labels and names, {@code asText} writes every number as text
     * and shares as "41,7 %" strings.
     */
    static void responseSheet(org.apache.poi.ss.usermodel.Workbook x, String name, String title, String pad, boolean asText,
                              Object[][] rows) {
        Sheet sh = x.createSheet(name);
        Row q = sh.createRow(0), l = sh.createRow(1), k = sh.createRow(2);
        q.createCell(0).setCellValue(title);
        String[] fixed = {"Orgnummer", "Huvudman", "Kommun", "Skolenhetskod", "Skolenhet", "Antal i gruppen", "Antal", "Svarsfrekvens"};
        for (int i = 0; i < fixed.length; i++) l.createCell(i).setCellValue(fixed[i] + pad);
        q.createCell(8).setCellValue("9. Trygghet" + pad);
        k.createCell(8).setCellValue("Index");
        q.createCell(9).setCellValue("Känner du dig trygg i skolan?" + pad);
        k.createCell(9).setCellValue("Medelvärde");
        for (int i = 0; i < OPTIONS.length; i++) {
            int c = 10 + 2 * i;
            l.createCell(c).setCellValue(OPTIONS[i] + pad);
            sh.addMergedRegion(new CellRangeAddress(1, 1, c, c + 1));
            k.createCell(c).setCellValue("Antal");
            k.createCell(c + 1).setCellValue("Andel" + pad);
        }
        q.createCell(20).setCellValue("10. Studiero");
        k.createCell(20).setCellValue("Index");
        for (int r = 0; r < rows.length; r++) {
            Row row = sh.createRow(3 + r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) continue;
                if (v instanceof Number n) {
                    boolean share = c == 7 || (c >= 11 && c < 20 && (c - 11) % 2 == 0);
                    if (!asText) row.createCell(c).setCellValue(n.doubleValue());
                    else if (share) row.createCell(c).setCellValue(se.halsolage.format.SwedishNumbers.number(n.doubleValue() * 100, 1) + " %");
                    else row.createCell(c).setCellValue(String.valueOf(n.intValue() == n.doubleValue() ? n.intValue() : n.doubleValue()).replace('.', ','));
                } else {
                    row.createCell(c).setCellValue(v + (((String) v).matches("[*\\-]+") ? "" : pad));
                }
            }
        }
    }

    static final Object[][] SKOLENKAT_ROWS = {
            {null, "Samtliga deltagande skolor", null, null, null, 1000, 800, 0.8, 8.1, 8.0, 400, 0.4, 420, 0.42, 120, 0.12, 40, 0.04, 20, 0.02, 7.2},
            {"2120000662", "Växjö", null, null, null, 400, 300, 0.75, 8.3, 8.2, 150, 0.5, 111, 0.37, 24, 0.08, "*", "-", "*", "-", 7.5},
            {"2120000662", "Växjö", "Växjö", "12345678", "Testskolan", 40, 30, 0.75, 8.0, 7.9, 12, 0.4, 12, 0.4, 6, 0.2, 0, 0, 0, 0, 7.0},
            {"5566778899", "Montessoriskolan i Småland AB", "Växjö", null, null, 30, 25, 0.833, 7.7, 7.6, 10, 0.4, 10, 0.4, 5, 0.2, 0, 0, 0, 0, 6.8}};

    void assertSkolenkat(String kpi, String grade, String year) {
        String pre = "SKOLENK-" + Headers.gradeCode(grade) + "-KANNER-DU-DIG-TRYGG-I-SKOLAN";
        assertThat(one(kpi, "0780", year, Group.TOTALT).value()).isCloseTo(87.0, within(1e-9));
        assertThat(one(kpi, "0000", year, Group.TOTALT).value()).isCloseTo(82.0, within(1e-9));
        // by default no share per response option (nor its count): the positive share, index and mean values
        assertThat(wb.indicators().get(pre + "-HELT-OCH-HALLET-ANTAL")).isEmpty();
        assertThat(wb.indicators().get(pre + "-TILL-STOR-DEL-ANDEL")).isEmpty();
        assertThat(one(pre + "-POSITIV", "0780", year, Group.TOTALT).n()).isEqualTo(300);
        assertThat(one(pre + "-POSITIV", "12345678", year, Group.TOTALT).value()).isCloseTo(80.0, within(1e-9));
        assertThat(one(pre + "-POSITIV", "HM5566778899", year, Group.TOTALT).value()).isCloseTo(80.0, within(1e-9));
        assertThat(wb.areas().get("12345678").orElseThrow().parentId()).isEqualTo("0780");
        assertThat(wb.areas().get("HM5566778899").orElseThrow().name()).isEqualTo("Montessoriskolan i Småland AB");
        assertThat(one("SKOLENK-" + Headers.gradeCode(grade) + "-SVARSFREKVENS", "0780", year, Group.TOTALT).value())
                .isCloseTo(75.0, within(1e-9));
        assertThat(one("SKOLENK-" + Headers.gradeCode(grade) + "-ANTAL-SVAR", "0780", year, Group.TOTALT).value()).isEqualTo(300.0);
        // a private huvudman never counts as the municipality in Kolada's series
        assertThat(wb.observations().forArea("HM5566778899")).noneMatch(o -> o.indicatorId().equals(kpi));
    }

    @Test
    void skolenkatenGrade5WithHiddenFirstSheetTextNumbersPercentStringsAndTrailingSpaces() throws Exception {
        Path p = dir.resolve("skolenkaten-2024.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            x.createSheet("Info").createRow(0).createCell(0).setCellValue("Intern: uppdaterad av kansliet");
            responseSheet(x, "RESULTAT  elever åk 5 ", "Skolenkäten 2024 - Elever årskurs 5 ", " ", true, SKOLENKAT_ROWS);
            x.setSheetHidden(0, true);
            x.setActiveSheet(1);
            x.setFirstVisibleTab(1);
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLENKATEN);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.skipped()).isZero();
        assertSkolenkat("N15613", "åk 5", "2024");
        // no gender sheet: the index comes from the response sheet, both index columns
        assertThat(one("SKOLENK-AK5-INDEX-TRYGGHET", "0780", "2024", Group.TOTALT).value()).isEqualTo(8.3);
        assertThat(one("SKOLENK-AK5-INDEX-STUDIERO", "0780", "2024", Group.TOTALT).value()).isEqualTo(7.5);
    }

    @Test
    void skolenkatenUpperSecondaryAsOldXlsWithGenderSheetAndNoExplanationSheet() throws Exception {
        Path p = dir.resolve("Skolenkaten_gy2_2023.xls");
        try (HSSFWorkbook x = new HSSFWorkbook()) {
            responseSheet(x, "Resultat elever gy 2", "Skolenkäten 2023 - Elever i gymnasieskolan år 2", "", false, SKOLENKAT_ROWS);
            Sheet g = x.createSheet("Könsuppdelat resultat");
            Row q = g.createRow(0), l = g.createRow(1), k = g.createRow(2);
            q.createCell(0).setCellValue("Skolenkäten 2023 - Elever i gymnasieskolan år 2");
            String[] fixed = {"Orgnummer", "Huvudman", "Kommun", "Skolenhetskod", "Skolenhet", "Antal i gruppen", "Antal", "Svarsfrekvens"};
            for (int i = 0; i < fixed.length; i++) l.createCell(i).setCellValue(fixed[i]);
            q.createCell(8).setCellValue("9. Trygghet");
            String[] groups = {"Totalt", "Flicka", "Pojke"};
            for (int i = 0; i < 3; i++) {
                l.createCell(8 + i).setCellValue(groups[i]);
                k.createCell(8 + i).setCellValue("Index");
            }
            Row vx = g.createRow(3);
            vx.createCell(0).setCellValue("2120000662");
            vx.createCell(1).setCellValue("Växjö kommun");
            vx.createCell(8).setCellValue(8.3);
            vx.createCell(9).setCellValue(8.0);
            vx.createCell(10).setCellValue("*");
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.detection().format()).isEqualTo(FileFormat.XLS);
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLENKATEN);
        s.commit(null, null);
        assertSkolenkat("N17673", "gy 2", "2023");
        assertThat(one("SKOLENK-GY2-INDEX-TRYGGHET", "0780", "2023", Group.FLICKOR).value()).isEqualTo(8.0);
        assertThat(one("SKOLENK-GY2-INDEX-TRYGGHET", "0780", "2023", Group.POJKAR).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        // the index by gender comes from the gender sheet only: the response sheet's total is not written twice
        assertThat(one("SKOLENK-GY2-INDEX-TRYGGHET", "0780", "2023", Group.TOTALT).location()).startsWith("Könsuppdelat resultat!");
    }

    // ---------------------------------------------------------------- regional youth survey, wide with merged headers

    /** Liv & hälsa ung / Barn- och ungdomsenkäten style: one municipality per file, grade × gender × (% , n) across. */
    static Path wideYouthSurvey(Path file) throws Exception {
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            Sheet sh = x.createSheet("Växjö 2023");
            sh.createRow(0).createCell(0).setCellValue("Barn- och ungdomsenkäten 2023 – Växjö kommun");
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 9));
            Row g = sh.createRow(2), k = sh.createRow(3), u = sh.createRow(4);
            g.createCell(0).setCellValue("Fråga");
            g.createCell(1).setCellValue("Svarsalternativ");
            g.createCell(2).setCellValue("Årskurs 9");
            sh.addMergedRegion(new CellRangeAddress(2, 2, 2, 5));
            g.createCell(6).setCellValue("Gymnasiet år 2");
            sh.addMergedRegion(new CellRangeAddress(2, 2, 6, 9));
            for (int i = 0; i < 4; i++) {
                k.createCell(2 + 2 * i).setCellValue(i % 2 == 0 ? "Flickor" : "Pojkar");
                sh.addMergedRegion(new CellRangeAddress(3, 3, 2 + 2 * i, 3 + 2 * i));
                u.createCell(2 + 2 * i).setCellValue("%");
                u.createCell(3 + 2 * i).setCellValue("n");
            }
            Object[][] rows = {
                    {"Hur mår du för det mesta?", "Mycket bra", 31.5, 210, 44.0, 198, 28.0, 150, "*", "*"},
                    {null, "Ganska bra", "45,5", 210, 40.1, 198, 50.2, 150, 47.0, 120},
                    {"Röker du?", "Ja, dagligen", 2.1, 205, 1.0, 195, 3.3, 148, 2.5, 118}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sh.createRow(5 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (v != null) row.createCell(c).setCellValue((String) v);
                }
            }
            sh.addMergedRegion(new CellRangeAddress(5, 6, 0, 0));
            try (OutputStream out = Files.newOutputStream(file)) {
                x.write(out);
            }
        }
        return file;
    }

    @Test
    void wideYouthSurveyWithMergedHeaders() throws Exception {
        Path p = wideYouthSurvey(dir.resolve("bu-enkat-2023.xlsx"));
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.YOUTH_WIDE);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.added()).isEqualTo(12); // 3 rows × 2 grades × 2 genders; the n columns are the shares' n
        assertThat(sum.skipped()).isZero();
        // the same indicators as the long template: both layouts continue one series
        Observation girls9 = one("UNG-HUR-MAR-DU-FOR-DET-MESTA-MYCKET-BRA-AK9", "0780", "2023", Group.FLICKOR);
        assertThat(girls9.value()).isEqualTo(31.5);
        assertThat(girls9.n()).isEqualTo(210);
        assertThat(girls9.location()).isEqualTo("Växjö 2023!C6");
        // the question is merged down over its response rows; "45,5" is text
        assertThat(one("UNG-HUR-MAR-DU-FOR-DET-MESTA-GANSKA-BRA-AK9", "0780", "2023", Group.FLICKOR).value()).isEqualTo(45.5);
        Observation boysGy = one("UNG-HUR-MAR-DU-FOR-DET-MESTA-MYCKET-BRA-GY2", "0780", "2023", Group.POJKAR);
        assertThat(boysGy.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(boysGy.value()).isNull();
        Observation smoke = one("UNG-ROKER-DU-JA-DAGLIGEN-GY2", "0780", "2023", Group.POJKAR);
        assertThat(smoke.value()).isEqualTo(2.5);
        assertThat(smoke.n()).isEqualTo(118);
        assertThat(wb.indicators().get("UNG-ROKER-DU-JA-DAGLIGEN-GY2").orElseThrow().grade()).isEqualTo("gy 2");
        assertThat(wb.indicators().get("UNG-ROKER-DU-JA-DAGLIGEN-GY2").orElseThrow().unit()).isEqualTo(Unit.PERCENT);
    }

    @Test
    void wideRegionalSurveyWithMunicipalityColumnAndYearsAcross() throws Exception {
        Path p = dir.resolve("liv-och-halsa-ung.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            x.createSheet("Om undersökningen").createRow(0).createCell(0).setCellValue("Liv & hälsa ung genomförs vartannat år.");
            Sheet sh = x.createSheet("Tabell");
            sh.createRow(0).createCell(0).setCellValue("Liv & hälsa ung, årskurs 9 – Region Kronoberg");
            Row h = sh.createRow(2), g = sh.createRow(3);
            String[] head = {"Kommun", "Fråga", "Svarsalternativ"};
            for (int i = 0; i < 3; i++) h.createCell(i).setCellValue(head[i]);
            h.createCell(3).setCellValue(2021);
            sh.addMergedRegion(new CellRangeAddress(2, 2, 3, 5));
            h.createCell(6).setCellValue(2023);
            sh.addMergedRegion(new CellRangeAddress(2, 2, 6, 8));
            String[] genders = {"Flickor", "Pojkar", "Totalt"};
            for (int i = 0; i < 6; i++) g.createCell(3 + i).setCellValue(genders[i % 3]);
            Object[][] rows = {
                    {"Växjö", "Känner du dig trygg i skolan?", "Ja", 81.0, 86.5, 83.7, 79.2, 85.0, 82.1},
                    {"Alvesta", "Känner du dig trygg i skolan?", "Ja", "78 %", "84 %", "81 %", "..", "..", "80 %"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sh.createRow(4 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else row.createCell(c).setCellValue((String) v);
                }
            }
            sh.createRow(7).createCell(0).setCellValue("Källa: Region Kronoberg. .. = färre än 10 svar.");
            try (OutputStream out = Files.newOutputStream(p)) {
                x.write(out);
            }
        }
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.YOUTH_WIDE);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.added()).isEqualTo(12);
        String id = "UNG-KANNER-DU-DIG-TRYGG-I-SKOLAN-JA-AK9";
        assertThat(one(id, "0780", "2021", Group.POJKAR).value()).isEqualTo(86.5);
        assertThat(one(id, "0780", "2023", Group.TOTALT).value()).isEqualTo(82.1);
        assertThat(one(id, "0764", "2021", Group.FLICKOR).value()).isEqualTo(78.0);
        assertThat(one(id, "0764", "2023", Group.FLICKOR).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(one(id, "0764", "2023", Group.TOTALT).value()).isEqualTo(80.0);
    }

    @Test
    void wideSurveyWithoutAnyMunicipalityIsRefusedAndNothingIsWritten() throws Exception {
        Path p = wideYouthSurvey(dir.resolve("enkat.xlsx"));
        // same table, but neither title, sheet nor file name names a municipality
        Path q = dir.resolve("enkat2.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook(Files.newInputStream(p))) {
            x.getSheetAt(0).getRow(0).getCell(0).setCellValue("Ungdomsenkäten 2023");
            x.setSheetName(0, "Resultat");
            try (OutputStream out = Files.newOutputStream(q)) {
                x.write(out);
            }
        }
        long before = wb.observations().count();
        assertThatThrownBy(() -> importFile(q)).isInstanceOf(ImportException.class).hasMessageContaining("enkat2.xlsx")
                .hasMessageContaining("blad \"Resultat\"").hasMessageContaining("Hittar ingen kommun");
        assertThat(wb.observations().count()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- Excel habits

    /** A hand-made municipal table: title with the year, percent-formatted cells, text numbers, stray spaces. */
    static void habitsTable(org.apache.poi.ss.usermodel.Workbook x) {
        Sheet lookup = x.createSheet("Kommunlista");
        Row lh = lookup.createRow(0);
        lh.createCell(0).setCellValue("Kommunkod");
        lh.createCell(1).setCellValue("Kommun");
        lh.createCell(2).setCellValue("Antal");
        Row lr = lookup.createRow(1);
        lr.createCell(0).setCellValue("0780");
        lr.createCell(1).setCellValue("Växjö");
        lr.createCell(2).setCellValue(1);
        Sheet sh = x.createSheet("Data");
        sh.createRow(0).createCell(0).setCellValue("Andel elever i åk 9 som känner sig trygga, 2023");
        Row h = sh.createRow(2);
        h.createCell(0).setCellValue("Kommun ");
        h.createCell(1).setCellValue("Andel (%)");
        h.createCell(2).setCellValue("Antal svarande");
        org.apache.poi.ss.usermodel.CellStyle pct = x.createCellStyle();
        pct.setDataFormat(x.createDataFormat().getFormat("0.0%"));
        Object[][] rows = {
                {"Växjö kommun  ", 0.815, "1\u00a0234"},   // typed as 81,5 % in Excel: stored 0.815, shown 81,5 %
                {"ALVESTA", "79,5 %", "'845"},
                {"Uppvidinge", "77.25", 310.0},
                {"Lessebo kommun", "..", "*"}};
        for (int r = 0; r < rows.length; r++) {
            Row row = sh.createRow(3 + r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                if (v instanceof Double d) {
                    cell.setCellValue(d);
                    if (c == 1) cell.setCellStyle(pct);
                } else {
                    cell.setCellValue((String) v);
                }
            }
        }
        // formatted but empty trailing cells and rows, as Excel leaves them
        org.apache.poi.ss.usermodel.CellStyle bold = x.createCellStyle();
        for (int r = 7; r < 12; r++) for (int c = 0; c < 8; c++) sh.createRow(r).createCell(c).setCellStyle(bold);
        sh.getRow(3).createCell(6).setCellValue("");
        x.setSheetHidden(0, true);
        x.setActiveSheet(1);
    }

    void assertHabits() {
        String id = wb.observations().forArea("0760").stream().map(Observation::indicatorId)
                .filter(i -> i.contains("ANDEL")).findFirst().orElseThrow();
        assertThat(wb.indicators().get(id).orElseThrow().unit()).isEqualTo(Unit.PERCENT);
        assertThat(one(id, "0780", "2023", Group.TOTALT).value()).isEqualTo(81.5);
        assertThat(one(id, "0764", "2023", Group.TOTALT).value()).isEqualTo(79.5);
        assertThat(one(id, "0760", "2023", Group.TOTALT).value()).isEqualTo(77.25);
        assertThat(one(id, "0761", "2023", Group.TOTALT).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        // "Antal svarande" right of the share is the share's n, not an indicator of its own
        assertThat(wb.observations().forArea("0760")).extracting(Observation::indicatorId).containsOnly(id);
        assertThat(one(id, "0780", "2023", Group.TOTALT).n()).isEqualTo(1234);
        assertThat(one(id, "0764", "2023", Group.TOTALT).n()).isEqualTo(845);
        assertThat(one(id, "0760", "2023", Group.TOTALT).n()).isEqualTo(310);
        assertThat(one(id, "0761", "2023", Group.TOTALT).n()).isNull(); // "*": no number
        // nothing was read from the hidden lookup sheet
        assertThat(wb.sources().all()).noneMatch(src -> "Kommunlista".equals(src.sheet()));
    }

    @Test
    void excelHabitsInXlsxHiddenLookupSheetPercentCellsTextNumbersAndTrailingBlanks() throws Exception {
        Path p = dir.resolve("trygghet.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            habitsTable(x);
            x.write(out);
        }
        ImportSummary sum = importFile(p);
        assertThat(sum.added()).isEqualTo(4);
        assertThat(sum.skipped()).isZero();
        assertHabits();
    }

    @Test
    void excelHabitsInOldXls() throws Exception {
        Path p = dir.resolve("trygghet.xls");
        try (HSSFWorkbook x = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            habitsTable(x);
            x.write(out);
        }
        ImportSummary sum = importFile(p);
        assertThat(sum.added()).isEqualTo(4);
        assertHabits();
    }

    @Test
    void skolenkatenWithoutOrganisationNumberColumn() throws Exception {
        // some years' files have no Orgnummer column: a huvudman named exactly as a municipality is that municipality
        Path p = dir.resolve("skolenkaten-2023-ak8.xlsx");
        Object[][] rows = new Object[SKOLENKAT_ROWS.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = SKOLENKAT_ROWS[i].clone();
            rows[i][0] = null;
        }
        try (XSSFWorkbook x = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            responseSheet(x, "Resultat", "Skolenkäten 2023 - Elever årskurs 8", "", false, rows);
            x.getSheetAt(0).getRow(1).getCell(0).setCellValue("");
            x.write(out);
        }
        importFile(p);
        assertThat(one("N15643", "0780", "2023", Group.TOTALT).value()).isCloseTo(87.0, within(1e-9));
        assertThat(wb.areas().all()).noneMatch(a -> a.name().equals("Växjö") && !a.id().equals("0780"));
        // the private huvudman without a number is still a sub-area of its own, never a municipality
        assertThat(wb.observations().forArea("0780")).noneMatch(o -> o.location().endsWith("!L7"));
    }

    @Test
    void folkhalsodataLongWithYearColumnAndConfidenceColumns() throws Exception {
        String text = "Region;År;Kön;Andel;Undre konfidensgräns;Övre konfidensgräns;Antal svar\n"
                + "Kronobergs län;2022;Kvinnor;70,1;68,0;72,2;1520\n"
                + "Växjö;2022;Kvinnor;69,4;65,0;73,8;610\n";
        importFile(write("fhm-lang.csv", text, CP1252));
        String id = wb.observations().forArea("0780").stream().map(Observation::indicatorId).filter(i -> i.startsWith("LOK-"))
                .findFirst().orElseThrow();
        Observation o = one(id, "0780", "2022", Group.KVINNOR);
        assertThat(o.value()).isEqualTo(69.4);
        assertThat(o.n()).isEqualTo(610);
        assertThat(one(id, "0007", "2022", Group.KVINNOR).value()).isEqualTo(70.1);
    }

    @Test
    void aFreeTextCommentColumnIsNotADimension() throws Exception {
        ImportSummary sum = importFile(write("trygghet-2023.csv", "Kommun;Andel (%);Kommentar\nVäxjö;81,5;Ny metod i år\n"
                + "Alvesta;79,0;\n", StandardCharsets.UTF_8));
        assertThat(sum.newIndicators()).isEqualTo(1);
        assertThat(one("SKV-TRYGGHET-2023-ANDEL", "0780", "2023", Group.TOTALT).value()).isEqualTo(81.5);
        assertThat(one("SKV-TRYGGHET-2023-ANDEL", "0764", "2023", Group.TOTALT).value()).isEqualTo(79.0);
    }
}
