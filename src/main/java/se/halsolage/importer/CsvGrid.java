package se.halsolage.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A csv or txt file (also PxWeb's CSV downloads) as a one-sheet grid. Encoding and separator are
 * detected (or given), the text is parsed with commons-csv and streamed record by record.
 */
final class CsvGrid implements GridSource {
    /** How many bytes are checked for the encoding; larger files are checked at their start. */
    private static final int SNIFF_BYTES = 32 * 1024 * 1024;

    private final Path file;
    private final TextDetect.Encoding encoding;
    private final char separator;
    private final String sheet;

    CsvGrid(Path file, String declaredEncoding, Character declaredSeparator) {
        this.file = file;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw Readers.broken(file, "textfil", e);
        }
        this.encoding = declaredEncoding == null || declaredEncoding.isBlank() ? TextDetect.detect(head)
                : TextDetect.declared(file, head, declaredEncoding);
        String text = TextDetect.decode(encoding, head.length > 1_000_000 ? java.util.Arrays.copyOf(head, 1_000_000) : head);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new ImportException(Problem.error(file.getFileName().toString(), null,
                    (int) text.substring(0, nul).chars().filter(ch -> ch == '\n').count() + 1, null,
                    "Filen innehåller NUL-tecken (binära data) och är ingen textfil (csv/txt). Kontrollera att det är rätt fil."));
        }
        this.separator = declaredSeparator != null ? declaredSeparator : TextDetect.separator(text);
        String name = file.getFileName().toString();
        this.sheet = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    @Override public Path file() { return file; }
    @Override public FileFormat format() { return FileFormat.CSV; }
    @Override public List<String> sheets() { return List.of(sheet); }
    @Override public String encoding() { return encoding.charset().name(); }
    @Override public char separator() { return separator; }

    @Override
    public void read(String sheetName, RowHandler handler) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setTrim(false).setAllowMissingColumnNames(true).build();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(encoding.bomLength());
            java.io.Reader r = new BoundedCsvReader(new BufferedReader(new InputStreamReader(in, encoding.charset())),
                    separator, sheet);
            try (CSVParser p = CSVParser.parse(r, fmt)) {
                int row = 0;
                for (CSVRecord rec : p) {
                    List<Cell> cells = new ArrayList<>(rec.size());
                    for (int c = 0; c < rec.size(); c++) {
                        String v = rec.get(c);
                        if (row == 0 && c == 0 && v.startsWith("\uFEFF")) v = v.substring(1);
                        if (!v.isEmpty()) cells.add(new Cell(sheet, row, c, v, null, null));
                    }
                    if (!handler.row(new GridRow(sheet, row, cells))) return;
                    row++;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw ReadFailure.csv(file, sheet, separator, e);
            }
        } catch (ReadFailure.Limit e) {
            throw Readers.broken(file, "textfil", e);
        } catch (IOException e) {
            throw Readers.broken(file, "textfil", e);
        }
    }
}
