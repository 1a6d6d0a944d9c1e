package se.halsolage.importer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Excel 97–2003 file (HSSF). The format is limited to 65 536 rows, so the object model is
 * small; it is opened per read and dropped afterwards.
 */
final class XlsGrid implements GridSource {
    private final Path file;
    private final List<String> sheets = new ArrayList<>();
    private final java.util.Set<String> hidden = new java.util.HashSet<>();

    XlsGrid(Path file) {
        this.file = file;
        checkSize(file);
        try (HSSFWorkbook wb = open()) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                sheets.add(wb.getSheetName(i));
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) hidden.add(wb.getSheetName(i));
            }
        } catch (IOException e) {
            throw Readers.broken(file, "Excel 97–2003-fil (xls)", e);
        }
    }

    /**
     * The xls reader holds the whole file in memory, several times its size: a file larger than a
     * sixth of the heap (at least 16 MB) is refused up front rather than running out of memory.
     */
    private static void checkSize(Path file) {
        long limit = Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 6);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw Readers.broken(file, "Excel 97–2003-fil (xls)", e);
        }
        if (size > limit) {
            throw new ImportException(Problem.error(file.getFileName().toString(), null, null, null, "Filen är för stor ("
                    + (size >> 20) + " MB) för att läsas som Excel 97–2003-fil (xls); gränsen är " + (limit >> 20)
                    + " MB. Öppna den i Excel och spara den som .xlsx (som läses utan den gränsen)."));
        }
    }

    private HSSFWorkbook open() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new HSSFWorkbook(in);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override public Path file() { return file; }
    @Override public FileFormat format() { return FileFormat.XLS; }
    @Override public List<String> sheets() { return List.copyOf(sheets); }
    @Override public boolean hidden(String sheet) { return hidden.contains(sheet); }

    @Override
    public void read(String sheetName, RowHandler handler) {
        try (HSSFWorkbook wb = open()) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) throw new IllegalArgumentException("Bladet finns inte: " + sheetName);
            List<CellRangeAddress> merges = sheet.getMergedRegions();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Cell> cells = new ArrayList<>();
                if (row != null) {
                    for (org.apache.poi.ss.usermodel.Cell c : row) {
                        Cell cell = toCell(sheetName, c, mergeOf(merges, r, c.getColumnIndex()));
                        if (cell != null) cells.add(cell);
                    }
                }
                if (!handler.row(new GridRow(sheetName, r, cells))) return;
            }
        } catch (IOException e) {
            throw Readers.broken(file, "Excel 97–2003-fil (xls)", e);
        }
    }

    private static String mergeOf(List<CellRangeAddress> merges, int r, int c) {
        for (CellRangeAddress m : merges) {
            if (m.isInRange(r, c)) return m.formatAsString();
        }
        return null;
    }

    private static Cell toCell(String sheet, org.apache.poi.ss.usermodel.Cell c, String merge) {
        int r = c.getRowIndex(), col = c.getColumnIndex();
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (t) {
            case STRING -> new Cell(sheet, r, col, c.getStringCellValue(), null, merge);
            case NUMERIC -> {
                double d = c.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(c)) {
                    LocalDateTime dt = c.getLocalDateTimeCellValue();
                    yield new Cell(sheet, r, col, dt.toLocalTime().toSecondOfDay() == 0 ? dt.toLocalDate().toString()
                            : dt.toString(), null, merge);
                }
                if (XlsxGrid.isPercentFormat(c.getCellStyle().getDataFormatString())) {
                    yield XlsxGrid.percentCell(sheet, r, col, d, merge);
                }
                yield new Cell(sheet, r, col, XlsxGrid.plain(d), d, merge);
            }
            case BOOLEAN -> new Cell(sheet, r, col, c.getBooleanCellValue() ? "SANT" : "FALSKT", null, merge);
            default -> merge == null ? null : new Cell(sheet, r, col, "", null, merge);
        };
    }
}
