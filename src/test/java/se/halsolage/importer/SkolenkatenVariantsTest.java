package se.halsolage.importer;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.workbook.Workbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Skolenkäten files of other years and grades, with drifted layouts (an extra preamble line, the
 * columns in another order, no gender sheet): built for the format, not the 2022 åk 8 fixture.
 */
class SkolenkatenVariantsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Skolenkäten 2024 - Elever årskurs 5|N15613|2024|åk 5",
            "Skolenkäten 2023 – Elever i gymnasiet, år 2|N17673|2023|gy 2",
            "Skolenkäten 2022 -  Elever årskurs 8|N15643|2022|åk 8"})
    void otherGradesAndYearsJoinTheirKoladaSeries(String title, String kpi, String year, String grade) throws Exception {
        Path file = dir.resolve("skolenkat.xlsx");
        try (XSSFWorkbook x = new XSSFWorkbook()) {
            var sh = x.createSheet("Resultat");
            sh.createRow(0).createCell(0).setCellValue(title);
            sh.createRow(1).createCell(0).setCellValue("Maskade tabeller");
            var q = sh.createRow(2);
            var l = sh.createRow(3);
            var k = sh.createRow(4);
            String[] fixed = {"Huvudman", "Orgnummer", "Skolenhetskod", "Skolenhet", "Kommun", "Antal"};
            for (int i = 0; i < fixed.length; i++) l.createCell(i).setCellValue(fixed[i]);
            q.createCell(6).setCellValue("9. Trygghet");
            k.createCell(6).setCellValue("Index");
            q.createCell(7).setCellValue("Känner du dig trygg i skolan?");
            k.createCell(7).setCellValue("Medelvärde");
            String[] options = {"Helt och hållet", "Till stor del", "Till viss del", "Inte alls", "Vet inte"};
            for (int i = 0; i < options.length; i++) {
                int c = 8 + 2 * i;
                l.createCell(c).setCellValue(options[i]);
                sh.addMergedRegion(new CellRangeAddress(3, 3, c, c + 1));
                k.createCell(c).setCellValue("Antal");
                k.createCell(c + 1).setCellValue("Andel");
            }
            Object[][] rows = {
                    {"Samtliga deltagande skolor", "", "", "", "", 1000, 8.1, 8.0, 400, 0.4, 420, 0.42, 120, 0.12, 40, 0.04, 20, 0.02},
                    {"Växjö kommun", "2120000662", "", "", "", 300, 8.3, 8.2, 150, 0.5, 111, 0.37, 24, 0.08, "*", "-", "*", "-"},
                    {"Växjö kommun", "2120000662", "12345678", "Testskolan", "Växjö", 30, 8.0, 7.9, "**", "-", 12, 0.4, 6, 0.2, "*", "-", 0, 0}};
            for (int r = 0; r < rows.length; r++) {
                var row = sh.createRow(5 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (!((String) v).isEmpty()) row.createCell(c).setCellValue((String) v);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                x.write(out);
            }
        }
        try (Workbook wb = DemoWorkbook.build(dir.resolve("w.halsa"))) {
            ImportSession s = ImportSession.open(wb, file, ImportOptions.defaults());
            assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLENKATEN);
            s.useRecipe(s.recipe().withResponses(true)); // the share per response option too (--alla-svar)
            s.commit(null, null);
            Observation vaxjo = wb.observations().series(kpi, "0780", Group.TOTALT).stream()
                    .filter(o -> o.period().label().equals(year)).findFirst().orElseThrow();
            assertThat(vaxjo.value()).isCloseTo(87.0, within(1e-9));
            Observation riket = wb.observations().series(kpi, "0000", Group.TOTALT).stream()
                    .filter(o -> o.period().label().equals(year)).findFirst().orElseThrow();
            assertThat(riket.value()).isCloseTo(82.0, within(1e-9));
            String prefix = "SKOLENK-" + Headers.gradeCode(grade) + "-KANNER-DU-DIG-TRYGG-I-SKOLAN";
            // no gender sheet: index and mean come from this sheet
            assertThat(wb.observations().series("SKOLENK-" + Headers.gradeCode(grade) + "-INDEX-TRYGGHET", "0780", Group.TOTALT))
                    .extracting(Observation::value).containsExactly(8.3);
            Observation school = wb.observations().series(prefix + "-POSITIV", "12345678", Group.TOTALT).get(0);
            assertThat(school.status()).isEqualTo(ObservationStatus.SUPPRESSED);
            assertThat(school.marker()).isEqualTo("**");
            assertThat(wb.areas().get("12345678").orElseThrow().parentId()).isEqualTo("0780");
            assertThat(wb.indicators().get(prefix + "-POSITIV").orElseThrow().grade()).isEqualTo(grade);
            // a 0 count is a real zero, shown as such
            // the count of a response is its share's n, not an indicator; a 0 count is a real zero
            assertThat(wb.indicators().get(prefix + "-VET-INTE-ANTAL")).isEmpty();
            assertThat(wb.observations().series(prefix + "-VET-INTE-ANDEL", "12345678", Group.TOTALT).get(0).n()).isEqualTo(0);
        }
    }
}
