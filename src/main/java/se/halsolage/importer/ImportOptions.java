package se.halsolage.importer;

/**
 * Choices for an import.
 *
 * @param recipe   a recipe name (saved in the workbook or built in), or null to detect
 * @param encoding a text encoding overriding detection (csv, txt, px), or null
 */
public record ImportOptions(String recipe, String encoding) {
    public static ImportOptions defaults() {
        return new ImportOptions(null, null);
    }
}
