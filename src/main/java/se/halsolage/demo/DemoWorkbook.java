package se.halsolage.demo;

import org.apache.commons.csv.CSVRecord;
import se.halsolage.catalog.Resources;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.QualityStep;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;
import se.halsolage.domain.Target;
import se.halsolage.domain.TargetGroup;
import se.halsolage.domain.Unit;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds the example workbook for the fictitious "Exempelby kommun". Every value is invented
 * (deterministically, from fixed seeds and the level tables in {@code resources/demo/}), and the
 * workbook is flagged as example data so every chart and report says so.
 */
public final class DemoWorkbook {
    public static final String MUNICIPALITY_ID = "0799";
    public static final String MUNICIPALITY_NAME = "Exempelby";
    public static final String COUNTY_ID = "0007";
    public static final String GROUP_ID = "G-EXEMPEL";
    public static final String GROUP_NAME = "Liknande kommuner, Exempelby (exempel)";
    public static final int PLAN_YEAR = 2026;
    public static final String YOUTH_SOURCE = "Barn- och ungdomsenkäten (exempeldata)";
    private static final Instant CREATED = Instant.parse("2026-01-15T08:00:00Z");
    private static final List<String> GROUP_MEMBERS = List.of("0781", "0764", "0765", "0767", "0685", "1381", "1981");

    private DemoWorkbook() {
    }

    /** Creates the demo workbook at {@code file} (which must not exist) and returns it open. */
    public static Workbook build(Path file) {
        Workbook wb = Workbooks.createNew(file, new PlanSettings(MUNICIPALITY_ID, COUNTY_ID, GROUP_ID, PLAN_YEAR, "sv", true));
        try {
            wb.inTransaction(DemoWorkbook::fill);
            return wb;
        } catch (RuntimeException e) {
            wb.close();
            throw e;
        }
    }

    private static void fill(Workbook wb) {
        wb.areas().save(new Area(MUNICIPALITY_ID, MUNICIPALITY_NAME, AreaKind.MUNICIPALITY, COUNTY_ID, "07"));
        wb.areas().save(new Area(GROUP_ID, GROUP_NAME, AreaKind.GROUP, null, null));
        wb.areas().setMembers(GROUP_ID, GROUP_MEMBERS);
        wb.areas().save(new Area(MUNICIPALITY_ID + "-S1", "Norrskolan (exempel)", AreaKind.SUBAREA, MUNICIPALITY_ID, "07"));
        wb.areas().save(new Area(MUNICIPALITY_ID + "-S2", "Söderskolan (exempel)", AreaKind.SUBAREA, MUNICIPALITY_ID, "07"));

        Source kolada = wb.sources().add(new Source(0, SourceKind.DEMO, "Exempeldata i Kolada-form (påhittade värden)",
                null, null, "demo", CREATED, null, 0, 0, 0, "Alla värden är påhittade för att visa programmet."));
        Source youth = wb.sources().add(new Source(0, SourceKind.DEMO, YOUTH_SOURCE, null, null, "demo", CREATED, null,
                0, 0, 0, "Påhittad regional ungdomsenkät vart tredje år, åk 5, åk 8 och gy 2."));

        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (Indicator i : wb.indicators().all()) indicators.put(i.id(), i);

        List<Observation> obs = new ArrayList<>();
        for (CSVRecord r : Resources.csv("demo/indicator_levels.csv")) {
            Indicator ind = indicators.get(r.get("id"));
            if (ind == null) continue;
            koladaLike(ind, r, kolada.id(), obs);
        }
        youthSurvey(wb, youth.id(), obs);
        var counts = wb.observations().upsertAll(obs);
        wb.sources().update(kolada.withCounts((int) obs.stream().filter(o -> o.sourceId() == kolada.id()).count(), 0, 0));
        wb.sources().update(youth.withCounts((int) obs.stream().filter(o -> o.sourceId() == youth.id()).count(), 0, 0));
        if (counts.added() != obs.size()) throw new IllegalStateException("Exempeldata har dubbletter");

        initiatives(wb);
        targets(wb);
    }

    private static double d(CSVRecord r, String col) {
        return Double.parseDouble(r.get(col));
    }

    private static void koladaLike(Indicator ind, CSVRecord r, long sourceId, List<Observation> out) {
        boolean regionOnly = "L".equals(r.get("scope"));
        double start = d(r, "riket_2013"), trend = d(r, "trend"), noise = d(r, "noise"), gap = d(r, "female_minus_male");
        int first = Integer.parseInt(r.get("first_year")), last = Integer.parseInt(r.get("last_year"));
        Map<String, Double> offsets = new LinkedHashMap<>();
        offsets.put(Area.RIKET_ID, 0.0);
        offsets.put(COUNTY_ID, d(r, "county_offset"));
        if (!regionOnly) {
            offsets.put(GROUP_ID, d(r, "group_offset"));
            offsets.put(MUNICIPALITY_ID, d(r, "muni_offset"));
        }
        double shift = d(r, "muni_shift_from_2019");
        for (Map.Entry<String, Double> e : offsets.entrySet()) {
            String area = e.getKey();
            // smaller populations are noisier
            double areaNoise = noise * switch (area) {
                case Area.RIKET_ID -> 0.25;
                case COUNTY_ID -> 0.6;
                case GROUP_ID -> 0.5;
                default -> 1.0;
            };
            Random rnd = new Random((ind.id() + "|" + area).hashCode() * 31L + 7);
            double drift = 0;
            for (int year = first; year <= last; year++) {
                drift = 0.5 * drift + rnd.nextGaussian() * areaNoise;
                double base = start + trend * (year - 2013) + e.getValue() + drift;
                if (area.equals(MUNICIPALITY_ID) && year > 2019) base += shift * (year - 2019);
                Period p = Period.year(year);
                String loc = "exempel:" + ind.id() + "/" + area + "/" + year;
                if (area.equals(MUNICIPALITY_ID) && year == 2016 && ind.id().hashCode() % 5 == 0) {
                    out.add(Observation.withStatus(ind.id(), area, p, Group.TOTALT, ObservationStatus.MISSING, "–", sourceId, loc));
                    if (ind.genderSplit()) {
                        out.add(Observation.withStatus(ind.id(), area, p, Group.KVINNOR, ObservationStatus.MISSING, "–", sourceId, loc));
                        out.add(Observation.withStatus(ind.id(), area, p, Group.MAN, ObservationStatus.MISSING, "–", sourceId, loc));
                    }
                    continue;
                }
                out.add(Observation.ok(ind.id(), area, p, Group.TOTALT, round(ind.unit(), base), null, sourceId, loc));
                if (ind.genderSplit()) {
                    double f = base + gap / 2 + rnd.nextGaussian() * areaNoise * 0.5;
                    double m = base - gap / 2 + rnd.nextGaussian() * areaNoise * 0.5;
                    boolean suppress = area.equals(MUNICIPALITY_ID) && rnd.nextDouble() < 0.04;
                    if (suppress) {
                        out.add(Observation.withStatus(ind.id(), area, p, Group.KVINNOR, ObservationStatus.SUPPRESSED, "..", sourceId, loc));
                        out.add(Observation.withStatus(ind.id(), area, p, Group.MAN, ObservationStatus.SUPPRESSED, "..", sourceId, loc));
                    } else {
                        out.add(Observation.ok(ind.id(), area, p, Group.KVINNOR, round(ind.unit(), f), null, sourceId, loc));
                        out.add(Observation.ok(ind.id(), area, p, Group.MAN, round(ind.unit(), m), null, sourceId, loc));
                    }
                }
            }
        }
    }

    private static double round(Unit unit, double v) {
        if (unit == Unit.PERCENT) v = Math.max(0.3, Math.min(99.7, v));
        if (unit == Unit.KRONOR || unit == Unit.PER_100000) return Math.round(v);
        return Math.round(v * 10) / 10.0;
    }

    private static void youthSurvey(Workbook wb, long sourceId, List<Observation> out) {
        int[] years = {2015, 2018, 2021, 2024};
        int order = 1000;
        for (CSVRecord r : Resources.csv("demo/youth_survey.csv")) {
            Set<Malomrade> mal = EnumSet.noneOf(Malomrade.class);
            for (String m : r.get("malomraden").split(";")) mal.add(Malomrade.of(Integer.parseInt(m)));
            Direction dir = Direction.fromCode(r.get("direction"));
            for (String grade : r.get("grades").split(";")) {
                String id = r.get("id") + "-" + grade.replace("åk ", "AK").replace("gy ", "GY").replace(" ", "");
                double gradeOffset = switch (grade) {
                    case "åk 5" -> 6;
                    case "åk 8" -> 0;
                    default -> -4;
                };
                if (r.get("id").equals("UNG-ALKOHOL")) gradeOffset = grade.equals("åk 8") ? -20 : 25;
                Indicator ind = new Indicator(id, r.get("question") + ", " + grade + ", andel (%)",
                        r.get("question") + ", " + grade, Unit.PERCENT, dir, YOUTH_SOURCE, true, grade, mal,
                        SfhArea.fromCode(r.get("sfh_area")), null, null,
                        "Regional barn- och ungdomsenkät, vart tredje år. Exempeldata: påhittade värden.");
                wb.indicators().save(ind, order++);
                double level = d(r, "county_level_2015") + gradeOffset;
                double trend = d(r, "trend_per_survey"), gap = d(r, "girls_minus_boys"), muni = d(r, "muni_offset");
                Random rnd = new Random(id.hashCode());
                for (int i = 0; i < years.length; i++) {
                    for (String area : List.of(COUNTY_ID, MUNICIPALITY_ID)) {
                        boolean own = area.equals(MUNICIPALITY_ID);
                        int nGroup = own ? 90 + rnd.nextInt(40) : 900 + rnd.nextInt(200);
                        double noise = own ? 2.5 : 0.8;
                        double base = level + trend * i + (own ? muni * (1 + i * 0.5) : 0);
                        double girls = clamp(base + gap / 2 + rnd.nextGaussian() * noise);
                        double boys = clamp(base - gap / 2 + rnd.nextGaussian() * noise);
                        int nGirls = nGroup, nBoys = nGroup - 5 + rnd.nextInt(10);
                        double total = (girls * nGirls + boys * nBoys) / (nGirls + nBoys);
                        Period p = Period.year(years[i]);
                        String loc = "exempel:" + id + "/" + area + "/" + years[i];
                        out.add(Observation.ok(id, area, p, Group.TOTALT, r1(total), nGirls + nBoys, sourceId, loc));
                        out.add(Observation.ok(id, area, p, Group.FLICKOR, r1(girls), nGirls, sourceId, loc));
                        if (own && id.startsWith("UNG-ALKOHOL") && years[i] == 2015) {
                            out.add(Observation.withStatus(id, area, p, Group.POJKAR, ObservationStatus.SUPPRESSED, "*", sourceId, loc));
                        } else {
                            out.add(Observation.ok(id, area, p, Group.POJKAR, r1(boys), nBoys, sourceId, loc));
                        }
                    }
                }
            }
        }
    }

    private static double clamp(double v) {
        return Math.max(1, Math.min(99, v));
    }

    private static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void initiatives(Workbook wb) {
        for (CSVRecord r : Resources.csv("demo/initiatives.csv")) {
            Set<TargetGroup> tg = EnumSet.noneOf(TargetGroup.class);
            for (String t : split(r.get("target_groups"))) tg.add(TargetGroup.fromCode(t));
            Set<Malomrade> mal = EnumSet.noneOf(Malomrade.class);
            for (String m : split(r.get("malomraden"))) mal.add(Malomrade.of(Integer.parseInt(m)));
            Map<Integer, String> notes = new LinkedHashMap<>();
            String ny = Resources.get(r, "note_year");
            if (ny != null) notes.put(Integer.parseInt(ny), r.get("note"));
            String end = Resources.get(r, "end_year");
            wb.initiatives().save(new Initiative(0, r.get("name"), r.get("description"),
                    InitiativeKind.fromCode(r.get("kind")), Resources.get(r, "work_group"), tg, mal,
                    split(r.get("indicators")), r.get("responsible"), split(r.get("partners")),
                    Integer.parseInt(r.get("start_year")), end == null ? null : Integer.parseInt(end),
                    InitiativeStatus.fromCode(r.get("status")), Maturity.of(Integer.parseInt(r.get("maturity"))),
                    QualityStep.of(Integer.parseInt(r.get("quality_step"))), notes).withBackground(Resources.get(r, "background")));
        }
    }

    private static void targets(Workbook wb) {
        for (CSVRecord r : Resources.csv("demo/targets.csv")) {
            String change = Resources.get(r, "change_per_year");
            String value = Resources.get(r, "target_value");
            wb.targets().save(new Target(0, r.get("indicator"), MUNICIPALITY_ID, Group.of(r.get("group")),
                    Integer.parseInt(r.get("baseline_year")), null, change == null ? null : Double.parseDouble(change),
                    value == null ? null : Double.parseDouble(value), Integer.parseInt(r.get("horizon_year")),
                    r.get("description")));
        }
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : s.split(";")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }
}
