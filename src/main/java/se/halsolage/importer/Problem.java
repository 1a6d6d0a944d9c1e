package se.halsolage.importer;

import java.nio.file.Path;

/**
 * Something wrong or worth knowing about an imported file, with its place: file, sheet, row and
 * column (1-based row, column letter; null when not about one cell). Messages are Swedish.
 */
public record Problem(Severity severity, String file, String sheet, Integer row, String column, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, String sheet, Integer row, String column, String message) {
        return new Problem(Severity.ERROR, file, sheet, row, column, message);
    }

    public static Problem warning(String file, String sheet, Integer row, String column, String message) {
        return new Problem(Severity.WARNING, file, sheet, row, column, message);
    }

    public static Problem at(Severity s, Path file, Cell c, String message) {
        return new Problem(s, file.getFileName().toString(), c.sheet(), c.row() + 1, Cell.columnName(c.col()), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "fil.xlsx, blad "Resultat", rad 12, kolumn KR: meddelande". */
    public String where() {
        StringBuilder sb = new StringBuilder(file == null ? "" : file);
        if (sheet != null && !sheet.isBlank()) sb.append(", blad \"").append(sheet).append('"');
        if (row != null) sb.append(", rad ").append(row);
        if (column != null) sb.append(", kolumn ").append(column);
        return sb.toString();
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
