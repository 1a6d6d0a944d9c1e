package se.halsolage.catalog;

import org.apache.commons.csv.CSVRecord;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.SfhGoal;
import se.halsolage.domain.Unit;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue bundled in {@code resources/catalog}: SKR's 22 goals, the indicators we map to them
 * (our best reading, each with a confidence mark, editable in the workbook) and all areas.
 */
public final class CatalogLoader {
    private CatalogLoader() {
    }

    public static List<SfhGoal> goals() {
        List<SfhGoal> out = new ArrayList<>();
        for (CSVRecord r : Resources.csv("catalog/sfh_goals.csv")) {
            out.add(new SfhGoal(Integer.parseInt(r.get("number")), SfhArea.fromCode(r.get("area")), r.get("wording")));
        }
        return out;
    }

    /**
     * The indicators of {@code resources/catalog/indicators.csv}; Kolada's description is added when the
     * downloaded Kolada catalogue ({@link KoladaCatalog}) has the KPI.
     */
    public static List<Indicator> indicators() {
        List<Indicator> out = new ArrayList<>();
        KpiCatalog current = KpiCatalog.current();
        Optional<KpiCatalog> kolada = current.full() ? Optional.of(current) : Optional.empty();
        for (CSVRecord r : Resources.csv("catalog/indicators.csv")) {
            Set<Malomrade> mal = EnumSet.noneOf(Malomrade.class);
            String m = Resources.get(r, "malomraden");
            if (m != null) {
                for (String part : m.split(";")) mal.add(Malomrade.of(Integer.parseInt(part.trim())));
            }
            String goal = Resources.get(r, "sfh_goal");
            String note = Resources.get(r, "note");
            String description = kolada.map(c -> c.get(r.get("id"))).flatMap(o -> o).map(KpiInfo::description).orElse(null);
            if (note != null) description = description == null ? note : note + ". " + description;
            out.add(new Indicator(r.get("id"), r.get("title"), Resources.get(r, "short_title"),
                    Unit.fromCode(r.get("unit")), Direction.fromCode(r.get("direction")), Resources.get(r, "source"),
                    "1".equals(r.get("gender_split")), Resources.get(r, "grade"), mal,
                    SfhArea.fromCode(Resources.get(r, "sfh_area")), goal == null ? null : Integer.parseInt(goal),
                    Resources.get(r, "confidence"), description));
        }
        return out;
    }

    /**
     * Riket, the 21 regions and the 290 municipalities with county membership, all from the public list
     * {@code resources/catalog/municipalities.csv} (a region is Kolada id {@code 00} + county code).
     */
    public static List<Area> areas() {
        List<CSVRecord> rows = Resources.csv("catalog/municipalities.csv");
        List<Area> out = new ArrayList<>();
        out.add(new Area(Area.RIKET_ID, "Riket", AreaKind.RIKET, null, null));
        java.util.Map<String, Area> regions = new java.util.TreeMap<>();
        for (CSVRecord r : rows) {
            String id = r.get("kolada_region_id");
            regions.putIfAbsent(id, new Area(id, r.get("kolada_region"), AreaKind.REGION, Area.RIKET_ID, r.get("lanskod")));
        }
        out.addAll(regions.values());
        for (CSVRecord r : rows) {
            out.add(new Area(r.get("kommunkod"), r.get("kommun"), AreaKind.MUNICIPALITY, r.get("kolada_region_id"),
                    r.get("lanskod")));
        }
        return out;
    }

    /** Loads goals, indicators and areas into a workbook (inside the caller's or a new transaction). */
    public static void populate(Workbook wb) {
        List<SfhGoal> goals = goals();
        List<Indicator> indicators = indicators();
        List<Area> areas = areas();
        wb.inTransaction(w -> {
            for (SfhGoal g : goals) w.indicators().saveGoal(g);
            int order = 0;
            for (Indicator i : indicators) w.indicators().save(i, order++);
            w.areas().saveAll(areas);
        });
    }
}
