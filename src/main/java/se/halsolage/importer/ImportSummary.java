package se.halsolage.importer;

import se.halsolage.format.SwedishNumbers;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param sources     per sheet: the source id and whether the import created it
 * @param added       observations stored for the first time
 * @param updated     observations whose value, status or marker changed
 * @param unchanged   observations already stored with the same figures
 * @param suppressed  of all written, those with status suppressed (masked/sekretess)
 * @param missing     of all written, those missing or not applicable
 * @param skipped     values not stored (area not found …), each explained in a warning
 * @param runId       the import run for undo (0 for a dry run)
 */
public record ImportSummary(String file, String recipe, List<SourceUse> sources, int added, int updated, int unchanged,
                            int suppressed, int missing, int skipped, int newIndicators, int newAreas,
                            List<Problem> warnings, long runId, boolean dryRun) {

    public record SourceUse(String sheet, long sourceId, boolean created) {
    }

    public int total() {
        return added + updated + unchanged;
    }

    /** Swedish lines for the CLI and the wizard's last page. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add((dryRun ? "Provkörning (inget sparades): " : "Importerade ") + file + " med receptet \"" + recipe + "\".");
        out.add("Tillagda: " + n(added) + ", uppdaterade: " + n(updated) + ", oförändrade: " + n(unchanged)
                + ", varav sekretessmarkerade/maskade: " + n(suppressed) + ", saknade: " + n(missing)
                + ", överhoppade: " + n(skipped) + ".");
        out.add("Nya nyckeltal: " + n(newIndicators) + ", nya delområden (skolenheter m.m.): " + n(newAreas) + ".");
        for (SourceUse s : sources) {
            out.add("Källa " + s.sourceId() + (s.created() ? " (ny)" : " (fanns, uppdaterad)") + ": blad \"" + s.sheet() + "\"");
        }
        if (!warnings.isEmpty()) {
            out.add("Varningar (" + warnings.size() + "):");
            for (Problem p : warnings) out.add("  " + p);
        }
        return out;
    }

    private static String n(int v) {
        return SwedishNumbers.number(v, 0);
    }
}
