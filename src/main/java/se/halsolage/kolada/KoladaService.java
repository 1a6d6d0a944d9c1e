package se.halsolage.kolada;

import se.halsolage.catalog.KoladaGroups;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.catalog.KpiCatalog;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.ObservationRepository.UpsertCounts;
import se.halsolage.workbook.Workbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Searching Kolada's catalogue (offline) and fetching figures into a workbook, for the CLI and the
 * desktop. A fetch downloads every page first and writes only when all arrived, in one
 * transaction: observations (each with a KOLADA source naming the request URL and fetch time), the
 * raw responses ({@code kolada_responses}), new indicators and Kolada groups with their members,
 * as one entry of the import log (undone in one step). On any failure or cancel nothing in the workbook changes.
 */
public final class KoladaService {
    private final KoladaClient client;

    public KoladaService(KoladaClient client) {
        this.client = Objects.requireNonNull(client);
    }

    public KoladaClient client() {
        return client;
    }

    // ------------------------------------------------------------ offline search

    /**
     * KPIs in the local catalogue matching every word (id, title, description, area): the copy downloaded
     * with {@link CatalogUpdate}, or before the first update only the Strategi för hälsa KPIs
     * ({@link KpiCatalog#current()}, whose {@code describe} says which).
     */
    public static List<KpiInfo> search(String text, int limit) {
        if (text == null || text.isBlank()) throw new UserError("Skriv något att söka efter, t.ex. \"trygg skolan\".");
        return KpiCatalog.current().search(text, limit);
    }

    /** Kolada municipality groups of the downloaded catalogue whose title contains every word. */
    public static List<KoladaGroup> searchGroups(String text, int limit) {
        return KoladaGroups.search(text).stream().limit(limit).toList();
    }

    /**
     * The Kolada KPIs of the workbook's indicator catalogue (the bundled Strategi för hälsa set plus
     * any the user added): indicators whose source is Kolada and whose id looks like a KPI id.
     */
    public static List<String> catalogueKpis(Workbook wb) {
        return wb.indicators().all().stream()
                .filter(i -> i.source() != null && i.source().strip().equalsIgnoreCase("Kolada"))
                .map(Indicator::id).filter(id -> id.matches("[A-Z]\\d{5}")).toList();
    }

    // ------------------------------------------------------------ areas

    /** The workbook's own municipality, its county's region and riket. */
    public static List<String> defaultAreas(Workbook wb) {
        PlanSettings p = wb.settings().plan();
        if (p.municipalityId() == null || p.municipalityId().isBlank()) {
            throw new UserError("Arbetsboken har ingen egen kommun angiven. Ange områden med --areas, t.ex. --areas 0780,0007,0000.");
        }
        List<String> out = new ArrayList<>();
        out.add(p.municipalityId());
        String county = p.countyId();
        if (county == null || county.isBlank()) {
            county = wb.areas().get(p.municipalityId()).map(Area::parentId).orElse(null);
        }
        if (county != null && !county.isBlank()) out.add(county);
        out.add(Area.RIKET_ID);
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /**
     * Area ids as the user wrote them, with {@code lan} (also "län") for every municipality of the workbook's
     * county and {@code alla} for all of Sweden's municipalities, in code order; repeats dropped. Kolada takes
     * at most 25 ids per request, so a long list becomes several requests (see {@link KoladaClient#dataUrls}).
     */
    public static List<String> expandAreas(Workbook wb, List<String> spec) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String raw : spec) {
            for (String part : raw.split(",")) {
                String a = part.strip();
                if (a.isEmpty()) continue;
                String l = a.toLowerCase(java.util.Locale.ROOT);
                if (l.equals("lan") || l.equals("län")) {
                    String county = ownCounty(wb);
                    wb.areas().byKind(AreaKind.MUNICIPALITY).stream().filter(m -> county.equals(m.parentId()))
                            .map(Area::id).sorted().forEach(out::add);
                } else if (l.equals("alla")) {
                    wb.areas().byKind(AreaKind.MUNICIPALITY).stream().map(Area::id).sorted().forEach(out::add);
                } else {
                    out.add(a);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String ownCounty(Workbook wb) {
        PlanSettings p = wb.settings().plan();
        String county = p.countyId();
        if ((county == null || county.isBlank()) && p.municipalityId() != null) {
            county = wb.areas().get(p.municipalityId()).map(Area::parentId).orElse(null);
        }
        if (county == null || county.isBlank()) {
            throw new UserError("Arbetsboken har inget eget län angivet, så 'lan' går inte att tolka. Ange kommunerna med id.");
        }
        return county;
    }

    /** The name of the workbook's own municipality. */
    public static String ownMunicipalityName(Workbook wb) {
        String id = wb.settings().plan().municipalityId();
        if (id == null || id.isBlank()) throw new UserError("Arbetsboken har ingen egen kommun angiven.");
        return wb.areas().get(id).map(Area::name)
                .orElseThrow(() -> new UserError("Arbetsbokens egen kommun " + id + " finns inte bland områdena."));
    }

    /**
     * The newest "Liknande kommuner <kind>, <municipality>, <år>" group, looked up in Kolada by title (ids
     * change every year; {@code ?title=} is a substring search, so the municipality's name is asked and the
     * titles are matched whole, newest year first). {@code kind} e.g. "socioekonomi"; null = any. When
     * Kolada cannot be reached, answers oddly or has no such group, the downloaded catalogue copy is used
     * and a warning saying so is added to {@code warnings}; without a copy the Kolada error is thrown.
     */
    public Optional<KoladaGroup> similarGroup(String municipalityName, String kind, CancelToken cancel, List<String> warnings) {
        KoladaException failure = null;
        try {
            Optional<KoladaGroup> g = KoladaGroups.similarTo(client.municipalityGroups(municipalityName, cancel), municipalityName, kind);
            if (g.isPresent()) return g;
        } catch (KoladaException e) {
            if (e.kind() == KoladaException.Kind.CANCELLED) throw e;
            failure = e;
        }
        Optional<KoladaGroup> local = KoladaGroups.similarTo(municipalityName, kind);
        if (local.isEmpty()) {
            if (failure != null) throw failure;
            return local;
        }
        warnings.add((failure != null ? "Kolada kunde inte svara på frågan om kommungrupper (" + shortReason(failure) + ")"
                : "Kolada hittade ingen sådan grupp") + "; gruppen " + local.get().title() + " (" + local.get().id()
                + ") och dess medlemmar togs ur katalogen som sparades på datorn " + catalogueDate());
        return local;
    }

    /** A Kolada group by id, asked of Kolada (for fresh members), else the downloaded catalogue copy (with a warning). */
    public Optional<KoladaGroup> group(String id, CancelToken cancel, List<String> warnings) {
        KoladaException failure = null;
        try {
            Optional<KoladaGroup> g = client.municipalityGroupsById(List.of(id), cancel).stream()
                    .filter(x -> x.id().equalsIgnoreCase(id)).findFirst();
            if (g.isPresent()) return g;
        } catch (KoladaException e) {
            if (e.kind() == KoladaException.Kind.CANCELLED) throw e;
            failure = e;
        }
        Optional<KoladaGroup> local = KoladaGroups.byId(id);
        if (local.isEmpty()) {
            if (failure != null) throw failure;
            return local;
        }
        warnings.add((failure != null ? "Kolada kunde inte svara på frågan om kommungruppen " + id + " (" + shortReason(failure) + ")"
                : "Kolada har ingen kommungrupp " + id) + "; dess medlemmar togs ur katalogen som sparades på datorn " + catalogueDate());
        return local;
    }

    private static String catalogueDate() {
        return se.halsolage.catalog.KoladaCatalog.load().map(c -> c.ageText(java.time.LocalDate.now())).orElse("");
    }

    private static String shortReason(KoladaException e) {
        String m = e.getMessage().replace(KoladaException.UNCHANGED, "").strip();
        int dot = m.indexOf(". ");
        return dot > 0 ? m.substring(0, dot) : m;
    }

    // ------------------------------------------------------------ fetch

    private record Planned(String url, List<KoladaPage> pages) {
    }

    private record Key(String indicator, String area, String period, String group) {
    }

    /** Whether any row would add a value or change a stored one (value, status or marker). */
    private static boolean changesSomething(Map<String, List<DataRow>> rowsByUrl, Map<String, Map<Key, Observation>> existing,
                                            Map<String, KoladaGroup> groups) {
        for (List<DataRow> rows : rowsByUrl.values()) {
            for (DataRow r : rows) {
                for (DataRow.Value v : r.values()) {
                    Observation o = KoladaMapping.toObservation(r, v, 0, groups.containsKey(r.municipality()));
                    if (o == null) continue;
                    Observation old = existing.getOrDefault(o.indicatorId() + "|" + o.areaId(), Map.of())
                            .get(new Key(o.indicatorId(), o.areaId(), o.period().label(), o.group().label()));
                    if (old == null || !Objects.equals(old.value(), o.value()) || old.status() != o.status()
                            || !Objects.equals(old.marker(), o.marker())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The date part Kolada's {@code from_date} takes, in Sweden's time zone, for a fetch made at {@code t}. */
    static String fromDate(Instant t) {
        return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(t.atZone(java.time.ZoneId.of("Europe/Stockholm")));
    }

    /** The same request without a from_date (how sources of earlier fetches are compared). */
    static String withoutFromDate(String url) {
        return url == null ? null : url.replaceAll("&from_date=[^&]*", "");
    }

    /** When the workbook last fetched exactly this request (its first-page URL, from_date aside), if ever. */
    static Optional<Instant> lastFetch(Workbook wb, String url) {
        return wb.sources().all().stream()
                .filter(s -> s.kind() == se.halsolage.domain.SourceKind.KOLADA && url.equals(withoutFromDate(s.request())))
                .map(Source::importedAt).filter(Objects::nonNull).max(Instant::compareTo);
    }

    /** How many data requests (before paging) a fetch will make: for a progress bar or a confirmation. */
    public int plannedRequests(FetchRequest req) {
        return client.dataUrls(req.kpiIds(), req.allAreaIds(), req.years()).size();
    }

    /** Fetches, then stores in one transaction. Throws {@link KoladaException} (workbook unchanged) on failure. */
    public FetchSummary fetch(Workbook wb, FetchRequest req, FetchListener listener, CancelToken cancel) {
        FetchListener progress = listener == null ? FetchListener.NONE : listener;
        CancelToken token = cancel == null ? CancelToken.none() : cancel;
        if (req.kpiIds().isEmpty()) throw new UserError("Välj minst ett nyckeltal (t.ex. --kpi N15643).");
        List<String> areas = req.allAreaIds();
        if (areas.isEmpty()) throw new UserError("Välj minst ett område (t.ex. --areas 0780,0007,0000).");
        Map<String, KoladaGroup> groupsById = new LinkedHashMap<>();
        for (KoladaGroup g : req.groups()) groupsById.put(g.id(), g);
        for (String a : areas) {
            if (!groupsById.containsKey(a) && wb.areas().get(a).isEmpty()) {
                throw new UserError("Området \"" + a + "\" finns inte i arbetsboken. Ange Kolada-id som 0780 (kommun), "
                        + "0007 (region), 0000 (riket) eller en kommungrupp med --group.");
            }
        }

        // 1. Indicators: the workbook's, else the local catalogue, else ask Kolada.
        List<Indicator> newIndicators = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : req.kpiIds()) {
            if (wb.indicators().get(id).isPresent()) continue;
            Optional<KpiInfo> k = KpiCatalog.current().get(id);
            if (k.isPresent()) newIndicators.add(KpiCatalog.toIndicator(k.get()));
            else unknown.add(id);
        }
        if (!unknown.isEmpty()) {
            progress.progress(0, 1, "Slår upp nyckeltal i Kolada: " + String.join(", ", unknown));
            for (KpiInfo k : client.kpis(unknown, token)) {
                if (unknown.remove(k.id())) newIndicators.add(KpiCatalog.toIndicator(k));
            }
            if (!unknown.isEmpty()) {
                throw new KoladaException(KoladaException.Kind.UNKNOWN_KPI, 0, "Kolada känner inte till nyckeltalet "
                        + String.join(", ", unknown) + ". Sök med 'halsolage kolada search ORD'." + KoladaException.UNCHANGED, null);
            }
        }

        // 2. Download everything. With update: only what Kolada changed since the last fetch of the same request.
        List<String> urls = new ArrayList<>();
        int firstTime = 0;
        for (String u : client.dataUrls(req.kpiIds(), areas, req.years())) {
            Optional<Instant> last = req.update() ? lastFetch(wb, u) : Optional.empty();
            if (req.update() && last.isEmpty()) firstTime++;
            urls.add(last.map(t -> u + "&from_date=" + fromDate(t)).orElse(u));
        }
        List<Planned> planned = new ArrayList<>();
        int[] pagesSoFar = {0};
        for (int i = 0; i < urls.size(); i++) {
            token.check();
            int done = i;
            progress.progress(done, urls.size(), "Hämtar fråga " + (i + 1) + " av " + urls.size() + " från Kolada");
            List<KoladaPage> pages = client.getAll(urls.get(i), token, p -> {
                pagesSoFar[0]++;
                progress.progress(done, urls.size(), "Hämtar fråga " + (done + 1) + " av " + urls.size()
                        + ", " + pagesSoFar[0] + (pagesSoFar[0] == 1 ? " sida" : " sidor") + " hittills");
            });
            planned.add(new Planned(urls.get(i), pages));
        }
        progress.progress(urls.size(), urls.size(), "Alla svar har kommit; tolkar svaren");

        // 3. Parse everything before touching the workbook.
        Map<String, List<DataRow>> rowsByUrl = new LinkedHashMap<>();
        int rowCount = 0;
        Set<String> kpisSeen = new LinkedHashSet<>();
        Set<String> areasSeen = new LinkedHashSet<>();
        for (Planned p : planned) {
            List<DataRow> rows = new ArrayList<>();
            for (KoladaPage page : p.pages()) rows.addAll(KoladaClient.dataRows(page));
            for (DataRow r : rows) {
                kpisSeen.add(r.kpi());
                areasSeen.add(r.municipality());
            }
            rowCount += rows.size();
            rowsByUrl.put(p.url(), rows);
        }
        token.check();

        // 4. What is stored now, to report new periods and revisions.
        Map<String, Map<Key, Observation>> existing = new HashMap<>();
        for (String k : req.kpiIds()) {
            for (String a : areas) {
                Map<Key, Observation> m = new HashMap<>();
                for (Observation o : wb.observations().series(k, a)) {
                    m.put(new Key(k, a, o.period().label(), o.group().label()), o);
                }
                existing.put(k + "|" + a, m);
            }
        }
        // With --update an empty answer means "nothing changed", not "Kolada has nothing": only whole fetches report gaps.
        boolean whole = urls.stream().noneMatch(u -> u.contains("&from_date="));
        Map<String, Long> kpisWithoutData = new TreeMap<>();
        for (String k : req.kpiIds()) {
            if (whole && !kpisSeen.contains(k)) kpisWithoutData.put(k, (long) wb.observations().forIndicator(k).size());
        }
        List<String> areasWithoutData = whole ? areas.stream().filter(a -> !areasSeen.contains(a)).toList() : List.of();

        // 5. One transaction.
        Instant fetchedAt = planned.stream().flatMap(p -> p.pages().stream()).map(KoladaPage::fetchedAt)
                .max(Instant::compareTo).orElse(Instant.now());
        int pageCount = planned.stream().mapToInt(p -> p.pages().size()).sum();
        List<FetchSummary.Revision> revisions = new ArrayList<>();
        Map<String, SortedSet<String>> newPeriods = new TreeMap<>();
        int[] notOk = {0}, deleted = {0};
        Map<String, Integer> byMarker = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        if (wb.settings().plan().exampleData()) {
            warnings.add("Arbetsboken är en exempelarbetsbok med påhittade värden; Koladas värden blandas nu med dem.");
        }
        if (!whole && rowCount == 0) warnings.add("Kolada har inte ändrat något sedan förra hämtningen av samma fråga");
        if (req.update() && firstTime > 0) {
            warnings.add(firstTime + (firstTime == 1 ? " fråga" : " frågor") + " hade inte hämtats förut och hämtades hela");
        }
        List<String> groupsStored = new ArrayList<>();
        Set<String> unknownStatuses = new TreeSet<>();
        String runLabel = "Kolada: " + String.join(",", req.kpiIds().subList(0, Math.min(5, req.kpiIds().size())))
                + (req.kpiIds().size() > 5 ? " … (" + req.kpiIds().size() + " nyckeltal)" : "") + ", " + areas.size()
                + (areas.size() == 1 ? " område" : " områden") + (req.update() ? ", uppdatering" : "");
        // An answer that changes nothing (no rows, or only values as stored, e.g. a second --update the same
        // day) takes no place in the import log, so the last real change stays the one "Ångra senaste import"
        // takes back.
        boolean anyRows = changesSomething(rowsByUrl, existing, groupsById);
        UpsertCounts counts = wb.transaction(w -> {
            progress.progress(urls.size(), urls.size(), FetchListener.SAVING);
            // one entry in the import log: "Ångra senaste import" (import --undo-last) takes the whole fetch back
            long runId = anyRows ? w.imports().start(runLabel, "kolada") : -1;
            List<Long> newSources = new ArrayList<>();
            for (Indicator ind : newIndicators) {
                w.indicators().save(ind);
                // a KPI outside the SfH catalogue: direction suggested from its title, kept as a suggestion
                se.halsolage.domain.IndicatorCuration.Suggestion s = se.halsolage.catalog.IndicatorSuggestions.forKoladaTitle(ind.title());
                if (s != null) w.indicators().saveCuration(new se.halsolage.domain.IndicatorCuration(ind.id(), null, null, null, s));
            }
            for (KoladaGroup g : groupsById.values()) {
                w.areas().save(new Area(g.id(), g.title(), AreaKind.GROUP, null, null));
                w.areas().setMembers(g.id(), g.members().keySet());
                groupsStored.add(g.title() + " (" + g.id() + ", " + g.members().size() + " kommuner)");
            }
            if (!groupsById.isEmpty()) {
                PlanSettings plan = w.settings().plan();
                if (plan.comparisonGroupId() == null || plan.comparisonGroupId().isBlank()) {
                    w.settings().set(se.halsolage.workbook.SettingsRepository.COMPARISON_GROUP,
                            groupsById.keySet().iterator().next());
                }
            }
            UpsertCounts total = new UpsertCounts(0, 0, 0);
            se.halsolage.workbook.ImportWriter writer = anyRows ? w.imports().writer(runId) : null;
            try {
            for (Planned p : planned) {
                Instant at = p.pages().isEmpty() ? fetchedAt : p.pages().get(0).fetchedAt();
                Source src = w.sources().add(Source.newKolada(p.url(), at));
                newSources.add(src.id());
                Map<Key, Observation> batch = new LinkedHashMap<>();
                for (DataRow r : rowsByUrl.get(p.url())) {
                    if (!req.kpiIds().contains(r.kpi())) {
                        warnings.add("Kolada skickade värden för " + r.kpi() + " som inte efterfrågades; de sparades inte");
                        continue;
                    }
                    boolean isGroup = groupsById.containsKey(r.municipality()) || r.municipality().startsWith("G");
                    for (DataRow.Value v : r.values()) {
                        if (v.deleted()) {
                            deleted[0]++;
                            continue;
                        }
                        Observation o = KoladaMapping.toObservation(r, v, src.id(), isGroup);
                        if (o != null && v.value() == null && !KoladaMapping.status(v.status()).known()) {
                            unknownStatuses.add(v.status().strip());
                        }
                        if (o == null) {
                            warnings.add("Okänd könskod \"" + v.gender() + "\" för " + r.kpi() + " " + r.municipality()
                                    + " " + r.period() + " hoppades över");
                            continue;
                        }
                        batch.put(new Key(o.indicatorId(), o.areaId(), o.period().label(), o.group().label()), o);
                    }
                }
                for (Map.Entry<Key, Observation> e : batch.entrySet()) {
                    Observation o = e.getValue();
                    if (!o.hasValue()) {
                        notOk[0]++;
                        byMarker.merge(o.marker() == null ? o.status().defaultMarker() : o.marker(), 1, Integer::sum);
                    }
                    Map<Key, Observation> before = existing.getOrDefault(o.indicatorId() + "|" + o.areaId(), Map.of());
                    Observation old = before.get(e.getKey());
                    if (old == null) {
                        boolean seriesExisted = before.keySet().stream().anyMatch(k -> k.group().equals(o.group().label()));
                        boolean periodExisted = before.keySet().stream().anyMatch(k -> k.period().equals(o.period().label()));
                        if (seriesExisted && !periodExisted) {
                            newPeriods.computeIfAbsent(o.indicatorId(), x -> new TreeSet<>()).add(o.period().label());
                        }
                    } else if (!Objects.equals(old.value(), o.value()) || old.status() != o.status()) {
                        revisions.add(new FetchSummary.Revision(o.indicatorId(), o.areaId(), o.period().label(),
                                o.group().label(), FetchSummary.show(old.value(), old.status().label(), old.marker()),
                                FetchSummary.show(o.value(), o.status().label(), o.marker())));
                    }
                }
                // nothing to change: counted (all unchanged) without an import-log entry
                UpsertCounts c = writer == null ? w.observations().upsertAll(batch.values())
                        : writer.write(new ArrayList<>(batch.values()), false);
                w.sources().update(src.withCounts(c.added(), c.updated(), c.unchanged()));
                total = total.plus(c);
                for (KoladaPage page : p.pages()) w.koladaCache().put(page.url(), page.fetchedAt(), page.body());
            }
            } finally {
                if (writer != null) writer.close();
            }
            for (String st : unknownStatuses) {
                warnings.add("Kolada gav statusen \"" + st + "\", som Hälsoläge inte känner till; värdena sparades utan tal, "
                        + "som saknade, med markeringen \"" + st + "\"");
            }
            if (anyRows) w.imports().finish(runId, newSources, newSources, total.added() + " nya, " + total.updated() + " reviderade, "
                    + total.unchanged() + " oförändrade värden", newIndicators.stream().map(Indicator::id).toList(), List.of());
            return total;
        });
        return new FetchSummary(fetchedAt, planned.size(), pageCount, rowCount, counts.added(), counts.updated(),
                counts.unchanged(), notOk[0], deleted[0], List.copyOf(revisions), newPeriods, kpisWithoutData,
                areasWithoutData, newIndicators.stream().map(Indicator::id).toList(), List.copyOf(groupsStored),
                List.copyOf(warnings), java.util.Collections.unmodifiableMap(byMarker));
    }
}
