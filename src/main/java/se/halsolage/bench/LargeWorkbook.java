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
 * With the defaults (60 × 15) that is 312 × 60 × 15 × 3 ≈ 842 000 observations.
 */
public final class LargeWorkbook {
    public static final String OWN = "0781";

    private LargeWorkbook() {
    }

    public static Workbook generate(Path file, int indicators, int years) {
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
                        Set.of(), SfhArea.values()[k % 3], null, null, null));
                ids.add(id);
            }
        });
        Random rnd = new Random(42);
        int firstYear = 2025 - years + 1;
        wb.inTransaction(w -> {
            Source src = w.sources().add(new Source(0, SourceKind.DEMO, "Genererade prestandadata", null, null, "bench",
                    Instant.parse("2026-01-01T00:00:00Z"), null, 0, 0, 0, null));
            List<Observation> batch = new ArrayList<>(50_000);
            for (String ind : ids) {
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
        });
        return wb;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
