package se.halsolage.kolada;

import se.halsolage.catalog.KoladaGroups.KoladaGroup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What to fetch: KPI ids, areas (municipality, region, riket …), years (empty = every year Kolada
 * has) and Kolada municipality groups (stored as areas of kind GROUP with their members; Kolada's
 * own values for the group, an unweighted mean, are fetched too).
 *
 * @param includeGroupMembers also fetch each member municipality's own values
 * @param update ask Kolada only for what changed since the workbook's last fetch of the same request
 *               ({@code from_date}); a request never fetched before is fetched whole
 */
public record FetchRequest(List<String> kpiIds, List<String> areaIds, List<Integer> years, List<KoladaGroup> groups,
                           boolean includeGroupMembers, boolean update) {
    public FetchRequest(List<String> kpiIds, List<String> areaIds, List<Integer> years, List<KoladaGroup> groups,
                        boolean includeGroupMembers) {
        this(kpiIds, areaIds, years, groups, includeGroupMembers, false);
    }

    public FetchRequest {
        kpiIds = normalise(kpiIds, true);
        areaIds = normalise(areaIds, false);
        years = years == null ? List.of() : List.copyOf(new LinkedHashSet<>(years));
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    private static List<String> normalise(List<String> ids, boolean upper) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (ids != null) {
            for (String id : ids) {
                if (id == null) continue;
                for (String part : id.split(",")) {
                    String s = part.strip();
                    if (!s.isEmpty()) out.add(upper ? s.toUpperCase(Locale.ROOT) : s);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every area id asked for: the areas, the groups and (if asked) their members, without repeats. */
    public List<String> allAreaIds() {
        LinkedHashSet<String> out = new LinkedHashSet<>(areaIds);
        for (KoladaGroup g : groups) {
            out.add(g.id());
            if (includeGroupMembers) out.addAll(g.members().keySet());
        }
        return new ArrayList<>(out);
    }

    /** Parses "2014-2025", "2014–2025", "2019,2021,2023" or "2024". */
    public static List<Integer> parseYears(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip().replace('\u2013', '-').replace('\u2212', '-');
            if (p.isEmpty()) continue;
            try {
                if (p.matches("\\d{4}\\s*-\\s*\\d{4}")) {
                    String[] ab = p.split("-");
                    int a = Integer.parseInt(ab[0].strip()), b = Integer.parseInt(ab[1].strip());
                    if (b < a) throw new se.halsolage.domain.UserError("Årsintervallet \"" + p + "\" slutar före det börjar.");
                    if (b - a > 100) throw new se.halsolage.domain.UserError("Årsintervallet \"" + p + "\" är för långt.");
                    for (int y = a; y <= b; y++) out.add(y);
                } else if (p.matches("\\d{4}")) {
                    out.add(Integer.parseInt(p));
                } else {
                    throw new se.halsolage.domain.UserError("Kan inte tolka året \"" + p
                            + "\". Skriv t.ex. 2024, 2014-2025 eller 2019,2021,2023.");
                }
            } catch (NumberFormatException e) {
                throw new se.halsolage.domain.UserError("Kan inte tolka året \"" + p + "\".");
            }
        }
        return out;
    }
}
