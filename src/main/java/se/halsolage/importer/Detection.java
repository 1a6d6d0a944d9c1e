package se.halsolage.importer;

import java.util.List;

/**
 * What the importer found in a file before anything is mapped: the format, the text encoding and
 * separator (text files), the sheets with their header row and layout, and the recipe it proposes.
 */
public record Detection(String file, FileFormat format, String encoding, Character separator, List<SheetInfo> sheets,
                        String recipe, String recipeDescription) {

    /** One sheet: its name, 1-based header row (null if none found), a layout word and the headers. */
    public record SheetInfo(String name, Integer headerRow, String layout, List<String> headers) {
    }
}
