package se.halsolage.catalog;

import org.apache.commons.csv.CSVRecord;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kolada's KPI catalogue for searching without internet: the copy downloaded from Kolada
 * ({@link KoladaCatalog}, about 6 100 KPIs) when there is one, else only the KPIs the program's own
 * catalogue names ({@code resources/catalog/indicators.csv}, the Strategi för hälsa set). The program
 * ships no copy of Kolada's catalogue.
 */
public final class KpiCatalog {
    private static volatile KpiCatalog current;
    private static volatile KpiCatalog sfhOnly;
    private final Map<String, KpiInfo> byId;
    private final KoladaCatalog downloaded;

    public KpiCatalog(List<KpiInfo> kpis) {
        this(kpis, null);
    }

    private KpiCatalog(List<KpiInfo> kpis, KoladaCatalog downloaded) {
        Map<String, KpiInfo> m = new LinkedHashMap<>();
        for (KpiInfo k : kpis) m.put(k.id(), k);
        this.byId = m;
        this.downloaded = downloaded;
    }

    /** The downloaded catalogue, or the Strategi för hälsa KPIs before the first update. */
    public static KpiCatalog current() {
        Optional<KoladaCatalog> d = KoladaCatalog.load();
        if (d.isEmpty()) return sfhOnly();
        KpiCatalog c = current;
        if (c == null || c.downloaded != d.get()) current = c = new KpiCatalog(d.get().kpis(), d.get());
        return c;
    }

    /** Only the Kolada KPIs of the program's own catalogue (titles and notes from indicators.csv). */
    public static KpiCatalog sfhOnly() {
        KpiCatalog c = sfhOnly;
        if (c == null) {
            List<KpiInfo> list = new ArrayList<>();
            for (CSVRecord r : Resources.csv("catalog/indicators.csv")) {
                if (!"Kolada".equalsIgnoreCase(Resources.get(r, "source"))) continue;
                list.add(new KpiInfo(r.get("id"), r.get("title"), Resources.get(r, "note"), "1".equals(r.get("gender_split")),
                        null, null, null));
            }
            sfhOnly = c = new KpiCatalog(list, null);
        }
        return c;
    }

    /** Whether this is Kolada's whole catalogue (downloaded) rather than the Strategi för hälsa set. */
    public boolean full() {
        return downloaded != null;
    }

    /** The downloaded copy behind this catalogue, if any. */
    public Optional<KoladaCatalog> downloaded() {
        return Optional.ofNullable(downloaded);
    }

    /**
     * One Swedish line on what the search covers: "Koladas katalog, 6 099 nyckeltal, hämtad 2026-12-04, i dag"
     * or, before the first update, that only the Strategi för hälsa KPIs are searched.
     */
    public String describe(LocalDate today) {
        if (downloaded != null) return "Koladas katalog, " + size() + " nyckeltal, " + downloaded.ageText(today);
        String why = KoladaCatalog.problem();
        return "Söker bara bland de " + size() + " nyckeltal som programmets egen katalog (Strategi för hälsa) namnger. "
                + "Hela Koladas katalog (cirka 6 100 nyckeltal) behöver hämtas från Kolada en gång"
                + (why == null ? "." : ". " + why);
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
