package se.halsolage.catalog;

import org.apache.commons.csv.CSVRecord;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Kolada's full KPI catalogue (about 6 100 KPIs), bundled for offline search. */
public final class KpiCatalog {
    private static volatile KpiCatalog bundled;
    private final Map<String, KpiInfo> byId;

    public KpiCatalog(List<KpiInfo> kpis) {
        Map<String, KpiInfo> m = new LinkedHashMap<>();
        for (KpiInfo k : kpis) m.put(k.id(), k);
        this.byId = m;
    }

    /** The catalogue shipped in {@code resources/kolada/kpi_catalog.csv}. */
    public static KpiCatalog bundled() {
        KpiCatalog c = bundled;
        if (c == null) {
            synchronized (KpiCatalog.class) {
                c = bundled;
                if (c == null) {
                    List<KpiInfo> list = new ArrayList<>();
                    for (CSVRecord r : Resources.csv("kolada/kpi_catalog.csv")) {
                        list.add(new KpiInfo(r.get("id"), r.get("title"), Resources.get(r, "description"),
                                "TRUE".equalsIgnoreCase(r.get("is_divided_by_gender")) || "1".equals(r.get("is_divided_by_gender")),
                                Resources.get(r, "municipality_type"), Resources.get(r, "operating_area"),
                                Resources.get(r, "publ_period")));
                    }
                    bundled = c = new KpiCatalog(list);
                }
            }
        }
        return c;
    }

    public int size() {
        return byId.size();
    }

    public Optional<KpiInfo> get(String id) {
        return Optional.ofNullable(byId.get(id == null ? null : id.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * KPIs whose id, title, description or operating area contain every word; ranked with title
     * hits first, then by id.
     */
    public List<KpiInfo> search(String text, int limit) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        record Hit(KpiInfo kpi, int score) {
        }
        List<Hit> hits = new ArrayList<>();
        for (KpiInfo k : byId.values()) {
            String title = (k.id() + " " + k.title()).toLowerCase(Locale.ROOT);
            String rest = ((k.description() == null ? "" : k.description()) + " "
                    + (k.operatingArea() == null ? "" : k.operatingArea())).toLowerCase(Locale.ROOT);
            int score = 0;
            boolean all = true;
            for (String w : words) {
                if (w.isEmpty()) continue;
                if (w.equalsIgnoreCase(k.id())) score += 100; // an exact id first
                else if (title.contains(w)) score += 3;
                else if (rest.contains(w)) score += 1;
                else {
                    all = false;
                    break;
                }
            }
            if (all) hits.add(new Hit(k, score));
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(h -> h.kpi().id()));
        return hits.stream().limit(limit).map(Hit::kpi).toList();
    }

    /** A new indicator for a KPI, with the unit guessed from its title and no direction assumed. */
    public static Indicator toIndicator(KpiInfo k) {
        return new Indicator(k.id(), k.title(), null, Unit.guessFromTitle(k.title()), Direction.NEITHER, "Kolada",
                k.genderSplit(), null, Set.of(), null, null, null, k.description());
    }
}
