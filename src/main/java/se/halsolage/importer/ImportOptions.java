package se.halsolage.importer;

/**
 * Choices for an import.
 *
 * @param recipe   a recipe name (saved in the workbook or built in), or null to detect
 * @param encoding a text encoding overriding detection (csv, txt, px), or null
 * @param given    a recipe given whole (from {@code --map}, a recipe JSON file or the wizard), used as it is; or null
 */
public record ImportOptions(String recipe, String encoding, Recipe given) {
    public ImportOptions(String recipe, String encoding) {
        this(recipe, encoding, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null);
    }
}
