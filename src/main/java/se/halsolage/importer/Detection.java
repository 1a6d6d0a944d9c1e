package se.halsolage.importer;

import java.util.List;

/**
 * What the importer found in a file before anything is mapped: the format, the text encoding and
 * separator (text files), the sheets with their header row and layout, and the recipe it proposes.
 */
public record Detection(String file, FileFormat format, String encoding, Character separator, List<SheetInfo> sheets,
                        String recipe, String recipeDescription) {

    /** What the file is, sheet by sheet, and the recipe chosen for it (the layout step of the flow). */
    static Detection describe(GridSource grid, String fileName, Recipe recipe) {
        List<SheetInfo> sheets = new java.util.ArrayList<>();
        for (String s : grid.sheets()) {
            SkolenkatenMapper.Layout l = grid.format() == FileFormat.XLSX || grid.format() == FileFormat.XLS
                    ? SkolenkatenMapper.layout(grid, s) : null;
            if (l != null && l.valid()) {
                sheets.add(new SheetInfo(s, l.labelRow + 1, l.genderSheet ? "Skolenkäten, per kön" : "Skolenkäten, svar", List.of()));
                continue;
            }
            Table t = Table.read(grid, s, null);
            sheets.add(t == null ? new SheetInfo(s, null, "tomt", List.of()) : new SheetInfo(s, t.headerRow + 1, "tabell", t.headers));
        }
        return new Detection(fileName, grid.format(), grid.encoding(), grid.separator() == 0 ? null : grid.separator(), sheets,
                recipe.name(), recipe.description());
    }

    /** One sheet: its name, 1-based header row (null if none found), a layout word and the headers. */
    public record SheetInfo(String name, Integer headerRow, String layout, List<String> headers) {
    }
}
