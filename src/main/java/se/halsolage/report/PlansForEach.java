package se.halsolage.report;

import se.halsolage.analysis.ComparisonSet;
import se.halsolage.domain.Area;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.SettingsRepository;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One plan per municipality of a comparison set in one run ({@code report --for-each SET --out DIR}), as regional
 * analysts write them for all their municipalities. For each member a consistent copy of the workbook is made
 * beside the output (VACUUM INTO), its own municipality and county are set to the member's, the comparison group is
 * cleared (a "Liknande kommuner" group belongs to one municipality), the plan is written with the default options,
 * and the copy is deleted. The original workbook is only read.
 */
public final class PlansForEach {
    private PlansForEach() {
    }

    /** One written plan. */
    public record Written(String areaId, String name, Path file, ReportResult result) {
    }

    /**
     * @param progress called before each plan with (1-based number, municipality name)
     */
    public static List<Written> write(Workbook source, ComparisonSet set, Integer year, Path dir, BiConsumer<Integer, String> progress) {
        if (set.members().isEmpty()) throw new UserError("Jämförelsemängden \"" + set.name() + "\" har inga kommuner.");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("Mappen " + dir + " kan inte skapas: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) throw new UserError(dir + " är ingen mapp. Ange en mapp med --out, t.ex. --out planer.");
        List<Written> out = new ArrayList<>();
        int i = 0;
        for (String id : set.members()) {
            i++;
            Area a = source.areas().get(id).orElseThrow(() -> new UserError("Området " + id + " finns inte i arbetsboken."));
            if (progress != null) progress.accept(i, a.name());
            Path copy = dir.resolve(".halsolage-" + id + "-" + ProcessHandle.current().pid() + ".halsa").toAbsolutePath();
            try {
                Files.deleteIfExists(copy);
                source.copyTo(copy);
                try (Workbook w = Workbook.open(copy)) {
                    w.inTransaction(x -> {
                        x.settings().set(SettingsRepository.MUNICIPALITY, id);
                        x.settings().set(SettingsRepository.COUNTY, a.parentId());
                        x.settings().set(SettingsRepository.COMPARISON_GROUP, null);
                    });
                    ReportService service = new ReportService(w);
                    ReportOptions options = service.defaultOptions();
                    if (year != null) options = options.withYear(year);
                    Path file = dir.resolve(service.suggestedFileName(options));
                    ReportResult r = service.generate(options, file, null, null);
                    out.add(new Written(id, a.name(), r.file(), r));
                }
            } catch (IOException e) {
                throw new UserError("Kopian för " + a.name() + " kunde inte skapas i " + dir + ": " + e.getMessage());
            } finally {
                deleteQuietly(copy);
                deleteQuietly(copy.resolveSibling(copy.getFileName() + ".lock"));
                deleteQuietly(copy.resolveSibling(copy.getFileName() + "-wal"));
                deleteQuietly(copy.resolveSibling(copy.getFileName() + "-shm"));
            }
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover hidden copy is harmless; the next run with the same pid replaces it
        }
    }
}
