package se.halsolage.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * A file opened as a neutral grid: one or more sheets, read row by row. Implementations stream:
 * {@link #read} hands rows to the handler one at a time and keeps none of them.
 */
public interface GridSource {
    /** What a handler gets per row; return false to stop reading. */
    @FunctionalInterface
    interface RowHandler {
        boolean row(GridRow row);
    }

    Path file();

    FileFormat format();

    List<String> sheets();

    /** True for a sheet hidden in Excel (lookup lists, old copies, instructions someone hid). */
    default boolean hidden(String sheet) { return false; }

    /** The sheets in the order to look for data: visible ones first, hidden ones last. */
    default List<String> dataSheets() {
        List<String> out = new java.util.ArrayList<>();
        for (String s : sheets()) if (!hidden(s)) out.add(s);
        for (String s : sheets()) if (hidden(s)) out.add(s);
        return out;
    }

    /** Reads a sheet from the top. May be called more than once (a preview, then the commit). */
    void read(String sheet, RowHandler handler);

    /** The text encoding used (csv, txt, px), or null for spreadsheets. */
    default String encoding() { return null; }

    /** The field separator detected for csv/txt, or 0. */
    default char separator() { return 0; }

    /** Things worth telling the user about the file itself (e.g. it holds macros that are never run). */
    default List<Problem> notices() { return List.of(); }
}
