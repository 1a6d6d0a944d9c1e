package se.halsolage.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the first rows of every sheet of a spreadsheet once read. Detection looks at the top of each sheet
 * several times (Skolenkäten's header, the table layout, the sheet list for the wizard); every read of an xlsx
 * opens the package and parses its shared strings again, so a 25-sheet workbook took many seconds to be
 * understood (or refused). Reads that stay within the kept rows now never touch the file; a read that goes on
 * below them continues from the file, skipping the rows already handed over.
 */
final class HeadCachingGrid implements GridSource {
    static final int ROWS = 130;
    private final GridSource grid;
    private final Map<String, Head> heads = new HashMap<>();

    private static final class Head {
        final List<GridRow> rows = new ArrayList<>();
        boolean complete; // the sheet has no rows below these
    }

    HeadCachingGrid(GridSource grid) {
        this.grid = grid;
    }

    @Override public Path file() { return grid.file(); }
    @Override public FileFormat format() { return grid.format(); }
    @Override public List<String> sheets() { return grid.sheets(); }
    @Override public boolean hidden(String sheet) { return grid.hidden(sheet); }
    @Override public String encoding() { return grid.encoding(); }
    @Override public char separator() { return grid.separator(); }
    @Override public List<Problem> notices() { return grid.notices(); }

    @Override
    public void read(String sheet, RowHandler handler) {
        Head h = heads.get(sheet);
        if (h != null) {
            for (GridRow r : h.rows) if (!handler.row(r)) return;
            if (h.complete) return;
        } else {
            h = new Head();
            heads.put(sheet, h);
        }
        Head head = h;
        int last = head.rows.isEmpty() ? -1 : head.rows.get(head.rows.size() - 1).row();
        boolean[] stopped = {false};
        // the first read fills the head even when its handler stops early, so the next looks at the top never
        // open the file again (detection asks for 1, 10, then 130 rows of each sheet)
        boolean[] more = {false};
        grid.read(sheet, r -> {
            if (r.row() <= last) return true;
            if (stopped[0]) {
                if (head.rows.size() < ROWS) { head.rows.add(r); return true; }
                more[0] = true;
                return false;
            }
            if (head.rows.size() < ROWS) head.rows.add(r);
            if (!handler.row(r)) {
                stopped[0] = true;
                if (head.rows.size() < ROWS) return true;
                more[0] = true;
                return false;
            }
            return true;
        });
        if (!more[0] && head.rows.size() < ROWS) head.complete = true;
    }
}
