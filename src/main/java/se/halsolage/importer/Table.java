package se.halsolage.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet read as "preamble lines, one header row, data rows": the shape of Skolverket and PxWeb
 * downloads and of most hand-made tables. Finds the header, then streams the data rows.
 */
final class Table {
    final String sheet;
    final int headerRow;          // 0-based
    final List<String> headers;   // by column
    final String preamble;        // text of the lines above the header (title, "Valt läsår: 2023/24" …)
    final List<GridRow> sample;   // the first data rows, for detection

    private Table(String sheet, int headerRow, List<String> headers, String preamble, List<GridRow> sample) {
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.headers = headers;
        this.preamble = preamble;
        this.sample = sample;
    }

    /** Reads the top of a sheet. {@code fixedHeaderRow} is 1-based or null to detect. Returns null for an empty sheet. */
    static Table read(GridSource grid, String sheet, Integer fixedHeaderRow) {
        List<GridRow> head = new ArrayList<>();
        grid.read(sheet, r -> {
            head.add(r);
            return head.size() < 80;
        });
        List<GridRow> rows = head.stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) return null;
        GridRow header = null;
        if (fixedHeaderRow != null) {
            for (GridRow r : head) if (r.row() == fixedHeaderRow - 1) header = r;
            if (header == null) return null;
        } else {
            for (int i = 0; i < rows.size(); i++) {
                GridRow r = rows.get(i);
                if (r.nonBlankCount() < 2) continue;
                int numeric = 0;
                for (int c = 0; c < r.width(); c++) if (r.cell(c).number() != null || Values.number(r.text(c)) != null) numeric++;
                boolean yearsAcross = true;
                for (int c = 0; c < r.width(); c++) {
                    String t = r.text(c);
                    if (!t.isBlank() && Values.number(t) != null && Headers.periodIn(t) == null) yearsAcross = false;
                }
                if (numeric * 2 > r.nonBlankCount() && !yearsAcross) continue;
                GridRow next = i + 1 < rows.size() ? rows.get(i + 1) : null;
                if (next != null && next.nonBlankCount() >= 2 || rows.size() == i + 1) {
                    header = r;
                    break;
                }
            }
            if (header == null) header = rows.get(0);
        }
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < header.width(); c++) headers.add(header.text(c));
        StringBuilder pre = new StringBuilder();
        List<GridRow> sample = new ArrayList<>();
        for (GridRow r : head) {
            if (r.row() < header.row()) {
                for (int c = 0; c < r.width(); c++) if (!r.text(c).isBlank()) pre.append(r.text(c)).append('\n');
            } else if (r.row() > header.row() && !r.isBlank() && sample.size() < 50) {
                sample.add(r);
            }
        }
        return new Table(sheet, header.row(), headers, pre.toString(), sample);
    }

    /**
     * PxWeb with the periods on the header row and the contents ("Andel", "Konfidensintervall nedre gräns") on
     * the row right below it: one header per column ("2018-2021 Andel"), the data starting below the second row.
     * Only when every text on that row stands under a period header (or under the blanks that follow one) and
     * is no number; otherwise (e.g. a first data row, whose area stands under "Region") this table as it is.
     */
    Table withSubHeader() {
        if (sample.isEmpty()) return this;
        GridRow s = sample.get(0);
        if (s.row() != headerRow + 1) return this;
        String carry = null;
        boolean any = false;
        List<String> merged = new ArrayList<>();
        for (int c = 0; c < Math.max(headers.size(), s.width()); c++) {
            String h = header(c);
            String sub = s.text(c);
            if (!h.isBlank()) carry = Headers.periodIn(h) != null ? h.strip() : null;
            if (sub.isEmpty()) {
                merged.add(h);
                continue;
            }
            if (carry == null || Values.parse(s.cell(c), null) != null) return this;
            merged.add(carry + " " + sub);
            any = true;
        }
        if (!any) return this;
        return new Table(sheet, s.row(), merged, preamble, new ArrayList<>(sample.subList(1, sample.size())));
    }

    /** The column whose header matches one of the names (loosely), or -1. Exact matches win over prefixes. */
    int col(String... names) {
        for (String n : names) {
            String nn = Headers.norm(n);
            for (int c = 0; c < headers.size(); c++) if (Headers.norm(headers.get(c)).equals(nn)) return c;
        }
        return -1;
    }

    /** The column whose header contains one of the words, or -1. */
    int colContaining(String... words) {
        for (String w : words) {
            String nw = Headers.norm(w);
            for (int c = 0; c < headers.size(); c++) if (Headers.norm(headers.get(c)).contains(nw)) return c;
        }
        return -1;
    }

    String header(int c) {
        return c >= 0 && c < headers.size() ? headers.get(c) : "";
    }

    Cell headerCell(int c) {
        return new Cell(sheet, headerRow, c, header(c), null, null);
    }

    /** True when most sample values of a column are numbers or markers. */
    boolean numeric(int c) {
        int num = 0, text = 0;
        for (GridRow r : sample) {
            Cell cell = r.cell(c);
            if (cell.isBlank()) continue;
            Values.Parsed p = Values.parse(cell, null);
            if (p == null) text++; else num++;
        }
        return num > 0 && num >= text * 4;
    }

    /** True when all numeric sample values lie in 0–1 (shares written as fractions). */
    boolean fractions(int c) {
        boolean any = false;
        for (GridRow r : sample) {
            Values.Parsed p = Values.parse(r.cell(c), null);
            if (p == null || !p.ok()) continue;
            if (p.percentSign()) return false;
            any = true;
            if (p.value().abs().compareTo(java.math.BigDecimal.ONE) > 0) return false;
        }
        return any;
    }

    /** A footnote or report description below (or inside) the table: one text cell in a wide table. */
    boolean isNote(GridRow r) {
        if (r.nonBlankCount() > 1) return false; // checked first: it is cheap and true for nearly every row
        long named = headers.stream().filter(x -> !x.isBlank()).count();
        if (named < 3) return false;
        for (int c = 0; c < r.width(); c++) {
            String t = r.text(c);
            if (!t.isBlank()) return Values.parse(r.cell(c), null) == null && t.length() > 1 && c == 0 || t.length() > 40;
        }
        return false;
    }

    /** Streams the data rows (below the header), skipping blank ones. */
    boolean rows(GridSource grid, GridSource.RowHandler h) {
        boolean[] stopped = {false};
        grid.read(sheet, r -> {
            if (r.row() <= headerRow || r.isBlank()) return true;
            if (isNote(r)) return true;
            if (!h.row(r)) { stopped[0] = true; return false; }
            return true;
        });
        return !stopped[0];
    }
}
