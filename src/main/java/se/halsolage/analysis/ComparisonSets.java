package se.halsolage.analysis;

import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.AreaRepository;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds and saves comparison sets. Built in: {@code lan} (the municipalities of the own county), {@code liknande}
 * (the workbook's comparison group, a Kolada "Liknande kommuner" group, when it has members), {@code alla} (every
 * municipality), any Kolada group by id ({@code G37589}); and the user's saved sets by name.
 */
public final class ComparisonSets {
    public static final String COUNTY = "lan";
    public static final String SIMILAR = "liknande";
    public static final String ALL = "alla";

    private final Workbook wb;
    private final PlanSettings plan;

    public ComparisonSets(Workbook wb) {
        this.wb = wb;
        this.plan = wb.settings().plan();
    }

    /** The built-in sets that have members in this workbook, then the saved ones. */
    public List<ComparisonSet> list() {
        List<ComparisonSet> out = new ArrayList<>();
        if (plan.countyId() != null) out.add(county(plan.countyId()));
        String g = plan.comparisonGroupId();
        if (g != null && !wb.areas().members(g).isEmpty()) out.add(group(g, SIMILAR));
        out.add(all());
        for (var e : wb.comparisonSets().all().entrySet()) {
            out.add(new ComparisonSet(e.getKey(), e.getKey(), ComparisonSet.Kind.SAVED, e.getValue()));
        }
        return out;
    }

    /**
     * The set a user named: {@code lan}/{@code län}, {@code liknande}, {@code alla}, a group id, a region ("Region
     * Kalmar": its municipalities) or a saved set's name (case does not matter). Unknown names are a Swedish error
     * that lists what there is.
     */
    public ComparisonSet resolve(String spec) {
        if (spec == null || spec.isBlank()) return all();
        String s = spec.strip();
        String key = s.toLowerCase(new Locale("sv", "SE"));
        for (var e : wb.comparisonSets().all().entrySet()) {
            if (e.getKey().equalsIgnoreCase(s)) return new ComparisonSet(e.getKey(), e.getKey(), ComparisonSet.Kind.SAVED, e.getValue());
        }
        switch (key) {
            case "lan", "län", "lanet", "länet", "county" -> {
                if (plan.countyId() == null) throw new UserError("Arbetsboken saknar län i inställningarna, så 'lan' går inte att använda.");
                return county(plan.countyId());
            }
            case "liknande", "similar", "grupp" -> {
                String g = plan.comparisonGroupId();
                if (g == null || wb.areas().members(g).isEmpty()) {
                    throw new UserError("Arbetsboken har ingen jämförelsegrupp (Liknande kommuner) med medlemmar. Hämta en med "
                            + "'halsolage kolada fetch --group liknande' eller spara en egen med 'compare-sets --create'.");
                }
                return group(g, SIMILAR);
            }
            case "alla", "all", "riket", "sverige" -> {
                return all();
            }
            default -> {
            }
        }
        Area a = wb.areas().resolve(s).orElse(null);
        if (a != null && a.kind() == AreaKind.GROUP && !wb.areas().members(a.id()).isEmpty()) return group(a.id(), a.id());
        if (a != null && a.kind() == AreaKind.REGION) return county(a.id());
        List<String> names = new ArrayList<>();
        for (ComparisonSet c : list()) names.add(c.code());
        throw new UserError("Jämförelsemängden \"" + s + "\" finns inte. Välj bland: " + String.join(", ", names)
                + " (eller ett Kolada-grupp-id, t.ex. G37589).");
    }

    /**
     * Saves a set of municipalities by name; every member must be found (by code or name), else nothing is saved and
     * the error names what was not found. Names of built-in sets are refused.
     */
    public ComparisonSet save(String name, Collection<String> members) {
        if (name == null || name.isBlank()) throw new UserError("Ange ett namn på jämförelsemängden.");
        String n = name.strip();
        String key = n.toLowerCase(Locale.ROOT);
        if (List.of(COUNTY, "län", SIMILAR, ALL, "all").contains(key)) {
            throw new UserError("Namnet \"" + n + "\" är upptaget av en inbyggd jämförelsemängd. Välj ett annat namn.");
        }
        TreeSet<String> ids = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        AreaRepository areas = wb.areas();
        for (String m : members) {
            if (m == null || m.isBlank()) continue;
            Area a = areas.resolve(m.strip()).orElse(null);
            if (a == null || a.kind() != AreaKind.MUNICIPALITY) unknown.add(m.strip());
            else ids.add(a.id());
        }
        if (!unknown.isEmpty()) {
            throw new UserError("Hittar ingen kommun som heter " + String.join(", ", unknown.stream().map(u -> "\"" + u + "\"").toList())
                    + ". Skriv kommunens namn (Växjö) eller kommunkod (0780), åtskilda med kommatecken. Inget sparades.");
        }
        if (ids.isEmpty()) throw new UserError("Ange minst en kommun i jämförelsemängden \"" + n + "\".");
        wb.transaction(w -> {
            w.comparisonSets().save(n, ids);
            return null;
        });
        return new ComparisonSet(n, n, ComparisonSet.Kind.SAVED, List.copyOf(ids));
    }

    public boolean delete(String name) {
        String n = name == null ? "" : name.strip();
        String stored = null;
        for (String k : wb.comparisonSets().all().keySet()) if (k.equalsIgnoreCase(n)) stored = k;
        if (stored == null) return false;
        String s = stored;
        return wb.transaction(w -> w.comparisonSets().delete(s));
    }

    /** The municipalities of a county (region id "00" + county code). */
    public ComparisonSet county(String regionId) {
        List<String> ids = new ArrayList<>();
        for (Area a : wb.areas().byKind(AreaKind.MUNICIPALITY)) if (regionId.equals(a.parentId())) ids.add(a.id());
        ids.sort(null);
        String region = wb.areas().get(regionId).map(Area::name).orElse(regionId);
        return new ComparisonSet(COUNTY, countyName(region), ComparisonSet.Kind.COUNTY, ids);
    }

    /** "Region Kronoberg" → "Kronobergs läns kommuner"; names that do not start with "Region " are kept. */
    static String countyName(String region) {
        String r = region.startsWith("Region ") ? region.substring(7) : region;
        if (r.endsWith(" län")) return r + "s kommuner";
        String genitive = r.endsWith("s") || r.endsWith("x") || r.endsWith("z") ? r : r + "s";
        return genitive + " läns kommuner";
    }

    private ComparisonSet group(String groupId, String code) {
        String title = wb.areas().get(groupId).map(Area::name).orElse(groupId);
        return new ComparisonSet(code, title, ComparisonSet.Kind.GROUP, wb.areas().members(groupId));
    }

    private ComparisonSet all() {
        List<String> ids = new ArrayList<>();
        for (Area a : wb.areas().byKind(AreaKind.MUNICIPALITY)) ids.add(a.id());
        ids.sort(null);
        return new ComparisonSet(ALL, "Alla kommuner", ComparisonSet.Kind.ALL, ids);
    }

    /** Member count per set code, for lists. */
    public static String describe(ComparisonSet s) {
        return s.code() + "  " + s.name() + " (" + s.members().size() + " kommuner, " + s.kind().label() + ")";
    }

    static Map<String, List<String>> saved(Workbook wb) {
        return wb.comparisonSets().all();
    }
}
