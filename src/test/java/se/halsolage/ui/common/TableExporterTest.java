package se.halsolage.ui.common;

import se.halsolage.ui.indicators.IndicatorsViewModel;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Exportera tabell…" in Nyckeltal: real CSV and xlsx files, read back. */
class TableExporterTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://x\")";
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;
    IndicatorsViewModel vm;

    @BeforeEach
    void open() {
        session = TestWorkbooks.session(dir, dialogs);
        vm = new IndicatorsViewModel(session);
        // a hostile title, as if typed in or imported from a mailed spreadsheet
        Indicator n15428 = session.workbook().indicators().get("N15428").orElseThrow();
        vm.saveIndicator(new Indicator(n15428.id(), HYPERLINK, null, n15428.unit(), n15428.direction(),
                n15428.source(), n15428.genderSplit(), n15428.grade(), n15428.malomraden(), n15428.sfhArea(),
                n15428.sfhGoal(), n15428.mappingConfidence(), n15428.description()));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void filteredIndicatorTableAsCsvForSwedishExcel() throws Exception {
        vm.worseOnlyProperty().set(true);
        int shown = vm.filtered().size();
        assertThat(shown).isGreaterThan(0).isLessThan(vm.rows().size());
        Path csv = dir.resolve("nyckeltal.csv");
        dialogs.files.add(csv);
        vm.exportIndicators();

        assertThat(dialogs.errors).isEmpty();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 byte-order mark
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(shown + 1); // header + the filtered rows only
        assertThat(lines.get(0)).isEqualTo("Id;Nyckeltal;SfH-område;Målomr.;Källa;Senaste värde;Enhet;Period;"
                + "Förändring;Sämre än förra;Målstatus");
        String row = lines.stream().filter(l -> l.startsWith("N15428;")).findFirst().orElseThrow();
        List<String> cells = List.of(row.split(";", -1));
        // the formula is neutralised (quoted by CSV because of the double quotes inside)
        assertThat(cells.get(1)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(cells.get(5)).isEqualTo("80,5");   // a number with decimal comma, no % sign
        assertThat(cells.get(7)).isEqualTo("2025");
        assertThat(cells.get(8)).isEqualTo("-1,6");   // 80,5 − 82,1, a plain minus so Excel reads a number
        assertThat(cells.get(9)).isEqualTo("Ja");
        assertThat(dialogs.notes).anyMatch(n -> n.equals("Tabellen (" + shown + " rader) är sparad i " + csv + "."));
    }

    @Test
    void dataTableBehindTheChartAsXlsxKeepsNumbersAndMarkers() throws Exception {
        String withGap = indicatorWithMissingOwnValue();
        vm.select(withGap);
        int values = vm.data().size();
        assertThat(values).isGreaterThan(10);
        Path xlsx = dir.resolve("varden.xlsx");
        dialogs.files.add(xlsx);
        vm.exportData();
        assertThat(dialogs.errors).isEmpty();

        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getSheetName()).isEqualTo(withGap);
            assertThat(s.getLastRowNum()).isEqualTo(values);
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Id", "Område", "Period", "Grupp", "Värde", "Enhet", "Antal", "Status",
                    "Markering", "Ursprung", "Plats i källan");
            int ok = 0;
            int missing = 0;
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                String status = row.getCell(7).getStringCellValue();
                if (status.equals("ok")) {
                    assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                    ok++;
                } else {
                    assertThat(row.getCell(4)).as("no number for a %s value", status).isNull();
                    assertThat(row.getCell(8).getStringCellValue()).isIn("–", "..");
                    missing++;
                }
                assertThat(row.getCell(9).getStringCellValue()).startsWith("Källa: ");
            }
            assertThat(ok).isPositive();
            assertThat(missing).isPositive();
        }
    }

    @Test
    void n15428ValuesInXlsxAreNumbersAndTheTitleIsText() throws Exception {
        Path xlsx = dir.resolve("nyckeltal.xlsx");
        dialogs.files.add(xlsx);
        vm.exportIndicators();
        vm.select("N15428");
        Path data = dir.resolve("n15428.xlsx");
        dialogs.files.add(data);
        vm.exportData();
        assertThat(dialogs.errors).isEmpty();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(vm.rows().size());
            Row row = find(s, 0, "N15428");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(HYPERLINK); // shown as typed, in a text-typed cell
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(80.5);
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(-1.6);
        }
        try (InputStream in = Files.newInputStream(data); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            Row latest = null;
            for (Row r : s) {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().startsWith("Exempelby")
                        && r.getCell(2).getStringCellValue().equals("2025") && r.getCell(3).getStringCellValue().equals("Totalt")) {
                    latest = r;
                }
            }
            assertThat(latest).isNotNull();
            assertThat(latest.getCell(4).getNumericCellValue()).isEqualTo(80.5);
            assertThat(latest.getCell(10).getStringCellValue()).isEqualTo("exempel:N15428/0799/2025");
        }
    }

    @Test
    void aFailedWriteShowsASwedishErrorAndLeavesTheOldFile() throws Exception {
        Path blocked = dir.resolve("finns-inte").resolve("nyckeltal.csv"); // folder does not exist
        dialogs.files.add(blocked);
        vm.exportIndicators();
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e)
                .startsWith("Tabellen kunde inte exporteras: Filen " + blocked + " kunde inte skrivas: "));
        assertThat(blocked).doesNotExist();
    }

    @Test
    void cancelledChooserWritesNothingAndAnEmptyTableIsNotExported() {
        vm.exportIndicators(); // no file answered = cancelled
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.notes).isEmpty();
        vm.searchProperty().set("inget nyckeltal heter så här");
        assertThat(vm.filtered()).isEmpty();
        dialogs.files.add(dir.resolve("tom.csv"));
        vm.exportIndicators();
        assertThat(dir.resolve("tom.csv")).doesNotExist();
        assertThat(dialogs.notes).singleElement().satisfies(n -> assertThat(n).contains("Tabellen är tom"));
    }

    @Test
    void theChosenFileTypeGivesTheExtension() {
        List<DialogService.FileType> types = new TableExporter(session).fileTypes();
        DialogService.FileType csv = types.get(0);
        DialogService.FileType xlsx = types.get(1);
        assertThat(DialogService.withExtension(dir.resolve("tabell"), xlsx, types)).isEqualTo(dir.resolve("tabell.xlsx"));
        assertThat(DialogService.withExtension(dir.resolve("tabell"), csv, types)).isEqualTo(dir.resolve("tabell.csv"));
        assertThat(DialogService.withExtension(dir.resolve("tabell.CSV"), xlsx, types)).isEqualTo(dir.resolve("tabell.CSV"));
        assertThat(DialogService.withExtension(dir.resolve("v.2025"), xlsx, types)).isEqualTo(dir.resolve("v.2025.xlsx"));
    }

    private String indicatorWithMissingOwnValue() {
        for (IndicatorRow r : vm.rows()) {
            List<Observation> own = session.workbook().observations().series(r.id(), "0799");
            if (own.stream().anyMatch(o -> !o.hasValue())) return r.id();
        }
        throw new AssertionError("the demo has no indicator with a missing own value");
    }

    private static Row find(Sheet s, int col, String text) {
        for (Row r : s) if (r.getCell(col) != null && text.equals(r.getCell(col).getStringCellValue())) return r;
        throw new AssertionError("no row with " + text);
    }
}
