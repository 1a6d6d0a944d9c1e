package se.halsolage.bench;

import se.halsolage.catalog.CatalogLoader;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Period;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;
import se.halsolage.domain.Unit;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A county analyst's workbook, generated deterministically: riket, 21 regions and 290 municipalities
 * × {@code indicators} indicators × {@code years} years × 3 groups (Totalt, Kvinnor, Män).
 * With the defaults (60 × 15) that is 312 × 60 × 15 × 3 ≈ 842 000 observations; the issue-18 volume workbook
 * (2 000 × 15) holds 312 × 2 000 × 15 × 3 = 28 080 000.
 */
public final class LargeWorkbook {
    public static final String OWN = "0781";

    private LargeWorkbook() {
    }

    /** Indicators written value by value; more are derived from the first (see {@link se.halsolage.workbook.BenchData}). */
    static final int FULL = 60;

    public static Workbook generate(Path file, int indicators, int years) {
        return generate(file, indicators, years, null);
    }

    /** As {@link #generate(Path, int, int)}, telling {@code progress} how many indicators have values so far. */
    public static Workbook generate(Path file, int indicators, int years, java.util.function.IntConsumer progress) {
        Workbook wb = Workbooks.createNew(file, new PlanSettings(OWN, "0007", null, 2026, "sv", true));
        List<Area> areas = CatalogLoader.areas();
        List<Indicator> catalogue = wb.indicators().all();
        List<String> ids = new ArrayList<>();
        wb.inTransaction(w -> {
            for (Indicator i : catalogue) {
                if (ids.size() == indicators) break;
                ids.add(i.id());
            }
            for (int k = ids.size(); k < indicators; k++) {
                String id = String.format("BENCH%03d", k);
                w.indicators().save(new Indicator(id, "Genererat nyckeltal " + k + ", andel (%)", null, Unit.PERCENT,
                        k % 2 == 0 ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER, "bench", true, null,
                        // the first ones belong to an SfH area (so the plan's default set has them), the rest are
                        // imported measures without one, as in a real workbook after a few surveys
                        Set.of(), k < FULL ? SfhArea.values()[k % 3] : null, null, null, null));
                ids.add(id);
            }
        });
        Random rnd = new Random(42);
        int firstYear = 2025 - years + 1;
        // The first FULL indicators are written value by value through the ordinary path; for a larger workbook
        // the rest are derived from the first inside SQLite (BenchData), which writes ~28 M values in minutes.
        int full = Math.min(ids.size(), FULL);
        wb.inTransaction(w -> {
            Source src = w.sources().add(new Source(0, SourceKind.DEMO, "Genererade prestandadata", null, null, "bench",
                    Instant.parse("2026-01-01T00:00:00Z"), null, 0, 0, 0, null));
            List<Observation> batch = new ArrayList<>(50_000);
            for (String ind : ids.subList(0, full)) {
                for (Area a : areas) {
                    if (a.kind() == AreaKind.GROUP) continue;
                    double level = 40 + rnd.nextDouble() * 40;
                    for (int y = firstYear; y <= 2025; y++) {
                        level += rnd.nextGaussian();
                        Period p = Period.year(y);
                        batch.add(Observation.ok(ind, a.id(), p, Group.TOTALT, round(level), null, src.id(), null));
                        batch.add(Observation.ok(ind, a.id(), p, Group.KVINNOR, round(level + 2), null, src.id(), null));
                        batch.add(Observation.ok(ind, a.id(), p, Group.MAN, round(level - 2), null, src.id(), null));
                    }
                    if (batch.size() >= 45_000) {
                        w.observations().upsertAll(batch);
                        batch.clear();
                    }
                }
            }
            w.observations().upsertAll(batch);
            List<String> rest = ids.subList(full, ids.size());
            for (int from = 0; from < rest.size(); from += 100) {
                w.benchData().deriveFrom(ids.get(0), rest.subList(from, Math.min(rest.size(), from + 100)));
                if (progress != null) progress.accept(full + Math.min(rest.size(), from + 100));
            }
        });
        wb.checkpoint();
        return wb;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
