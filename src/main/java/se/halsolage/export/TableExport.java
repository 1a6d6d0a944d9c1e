package se.halsolage.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Exports a table (a header row and rows of texts and numbers) as CSV or xlsx for use in Excel. Text
 * cells pass through {@link SafeCells} (no formula injection), numbers stay numbers, and the file is
 * written with {@link AtomicFiles} (complete or not at all).
 *
 * <p>CSV is what Swedish Excel opens with a double click: UTF-8 with a byte-order mark, {@code ;}
 * between fields, decimal comma, no thousands separator, CRLF line ends. xlsx is streamed with POI's
 * SXSSF, so a large table needs little memory.
 */
public final class TableExport {
    public enum Format {
        CSV, XLSX;

        /** From a file name's extension: .xlsx gives XLSX, anything else CSV. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
        }
    }

    /**
     * A table to export. Cells are {@link String}, {@link Number} or null (empty); anything else is a
     * programming error and stops the export before the file is replaced.
     */
    public record Table(String title, List<String> header, List<? extends List<?>> rows) {
        public Table {
            header = List.copyOf(header);
        }
    }

    private TableExport() {
    }

    public static Path write(Table table, Path file) {
        return write(table, file, Format.of(file));
    }

    public static Path write(Table table, Path file, Format format) {
        return AtomicFiles.write(file, out -> {
            if (format == Format.CSV) csv(table, out);
            else xlsx(table, out);
        });
    }

    private static void csv(Table t, java.io.OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").build();
        CSVPrinter p = new CSVPrinter(w, fmt);
        for (String h : t.header()) p.print(SafeCells.text(h));
        p.println();
        for (List<?> row : t.rows()) {
            for (Object v : row) p.print(csvCell(v));
            p.println();
        }
        p.flush();
    }

    static String csvCell(Object v) {
        if (v == null) return "";
        if (v instanceof Number n) return csvNumber(n);
        if (v instanceof String s) return SafeCells.text(s);
        throw new IllegalArgumentException("Kan inte exportera ett värde av typen " + v.getClass().getSimpleName());
    }

    /** -3.5 → "-3,5"; 1234567.0 → "1234567"; NaN → "". A plain hyphen-minus, so Excel reads a number. */
    static String csvNumber(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        BigDecimal b = n instanceof BigDecimal bd ? bd : BigDecimal.valueOf(d);
        String s = b.stripTrailingZeros().toPlainString().replace('.', ',');
        return s.equals("-0") ? "0" : s;
    }

    private static void xlsx(Table t, java.io.OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            wb.setCompressTempFiles(true);
            SXSSFSheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.title() == null || t.title().isBlank()
                    ? "Tabell" : t.title()));
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            // A text that Excel would read as a formula ("=…", "+…", "@…") goes into a text-typed cell: number
            // format "@" and the quote prefix, Excel's own invisible apostrophe. It shows as typed, stays text
            // when edited, and no visible "'" is added to the value (the CSV needs one; xlsx does not).
            var formats = wb.createDataFormat();
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            text.setQuotePrefixed(true);
            CellStyle boldText = wb.createCellStyle();
            boldText.cloneStyleFrom(bold);
            boldText.setDataFormat(formats.getFormat("@"));
            boldText.setQuotePrefixed(true);
            SXSSFRow hr = sheet.createRow(0);
            for (int c = 0; c < t.header().size(); c++) {
                SXSSFCell cell = hr.createCell(c);
                String h = t.header().get(c);
                cell.setCellValue(h);
                cell.setCellStyle(SafeCells.isDangerous(h) ? boldText : bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> row : t.rows()) {
                SXSSFRow xr = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) continue;
                    SXSSFCell cell = xr.createCell(c);
                    if (v instanceof Number n) {
                        double d = n.doubleValue();
                        if (!Double.isNaN(d) && !Double.isInfinite(d)) cell.setCellValue(d);
                    } else if (v instanceof String s) {
                        cell.setCellValue(s);
                        if (SafeCells.isDangerous(s)) cell.setCellStyle(text);
                    } else {
                        throw new IllegalArgumentException("Kan inte exportera ett värde av typen " + v.getClass().getSimpleName());
                    }
                }
            }
            wb.write(out);
        } finally {
            wb.dispose(); // SXSSF's temporary files
            wb.close();
        }
    }
}
