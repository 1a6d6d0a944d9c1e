package se.halsolage.importer;

import java.util.List;

/** One row of a grid: its cells by column index (missing columns are blank). */
public final class GridRow {
    private final String sheet;
    private final int row;
    private final Cell[] cells;

    public GridRow(String sheet, int row, List<Cell> list) {
        this.sheet = sheet;
        this.row = row;
        int width = 0;
        for (Cell c : list) width = Math.max(width, c.col() + 1);
        this.cells = new Cell[width];
        for (Cell c : list) cells[c.col()] = c;
    }

    public String sheet() { return sheet; }

    /** 0-based row index. */
    public int row() { return row; }

    public int width() { return cells.length; }

    public Cell cell(int col) {
        if (col >= 0 && col < cells.length && cells[col] != null) return cells[col];
        return new Cell(sheet, row, col, "", null, null);
    }

    public String text(int col) {
        return cell(col).text().strip();
    }

    public boolean isBlank() {
        for (Cell c : cells) if (c != null && !c.isBlank()) return false;
        return true;
    }

    public int nonBlankCount() {
        int n = 0;
        for (Cell c : cells) if (c != null && !c.isBlank()) n++;
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(sheet + "!" + (row + 1) + ":");
        for (Cell c : cells) if (c != null && !c.isBlank()) sb.append(' ').append(c.ref()).append('=').append(c.text());
        return sb.toString();
    }
}
