package se.halsolage.importer;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Watches the characters of a delimited text file on their way into the CSV parser and stops at the
 * first sign of a file that is not a table, before the parser buffers it: a NUL character, a cell
 * longer than {@link ReadFailure#MAX_CELL_CHARS} characters (say one unclosed quote swallowing the
 * rest of a large file) or a line with more than {@link ReadFailure#MAX_COLUMNS} columns. Quotes are
 * followed, so separators and line breaks inside a quoted cell do not count. Rows in the messages are
 * the file's line numbers, as a text editor shows them.
 */
final class BoundedCsvReader extends FilterReader {
    private final char separator;
    private final String sheet;
    private int line = 1;
    private int field;
    private long fieldChars;
    private boolean quoted;

    BoundedCsvReader(Reader in, char separator, String sheet) {
        super(in);
        this.separator = separator;
        this.sheet = sheet;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) see((char) c);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) see(buf[off + i]);
        return n;
    }

    private void see(char c) {
        if (c == '\0') {
            throw new ReadFailure.Limit(sheet, line, Cell.columnName(field), "Cellen innehåller NUL-tecken (binära data). "
                    + "Filen är ingen ren textfil (csv/txt); kontrollera att det är rätt fil.");
        }
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == separator) {
            field++;
            fieldChars = 0;
            if (field >= ReadFailure.MAX_COLUMNS) throw new ReadFailure.Limit(sheet, line, null, ReadFailure.tooManyColumns());
            return;
        } else if (c == '\n') {
            line++;
            if (!quoted) {
                field = 0;
                fieldChars = 0;
                return;
            }
        }
        if (++fieldChars > ReadFailure.MAX_CELL_CHARS) {
            throw new ReadFailure.Limit(sheet, line, Cell.columnName(field), ReadFailure.cellTooLong());
        }
    }
}
