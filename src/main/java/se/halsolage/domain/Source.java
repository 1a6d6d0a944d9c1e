package se.halsolage.domain;

import java.time.Instant;

/**
 * Where a set of observations came from: a file (name, sha256, sheet, recipe) or a Kolada request.
 * Counts describe the import that created or last refreshed it.
 */
public record Source(
        long id,
        SourceKind kind,
        String name,
        String sha256,
        String sheet,
        String recipe,
        Instant importedAt,
        String request,
        int rowsAdded,
        int rowsUpdated,
        int rowsSkipped,
        String note) {

    public static Source newFile(String name, String sha256, String sheet, String recipe, Instant at) {
        return new Source(0, SourceKind.FILE, name, sha256, sheet, recipe, at, null, 0, 0, 0, null);
    }

    public static Source newKolada(String request, Instant at) {
        return new Source(0, SourceKind.KOLADA, "Kolada", null, null, null, at, request, 0, 0, 0, null);
    }

    public Source withId(long newId) {
        return new Source(newId, kind, name, sha256, sheet, recipe, importedAt, request, rowsAdded, rowsUpdated,
                rowsSkipped, note);
    }

    public Source withCounts(int added, int updated, int skipped) {
        return new Source(id, kind, name, sha256, sheet, recipe, importedAt, request, added, updated, skipped, note);
    }

    /** The attribution line for charts and tables. Processed figures must not be attributed to Kolada alone. */
    public String attribution() {
        return switch (kind) {
            case KOLADA -> "Källa: Kolada";
            case DEMO -> "Källa: exempeldata (påhittade värden)";
            case FILE -> "Källa: " + name;
            case MANUAL -> "Källa: manuellt inmatat";
            case CATALOG -> "Källa: " + name;
        };
    }
}
