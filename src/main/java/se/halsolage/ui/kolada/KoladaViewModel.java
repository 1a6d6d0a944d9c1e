package se.halsolage.ui.kolada;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.catalog.KoladaCatalog;
import se.halsolage.catalog.KoladaGroups;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.catalog.KpiCatalog;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;
import se.halsolage.kolada.CancelToken;
import se.halsolage.kolada.CatalogUpdate;
import se.halsolage.kolada.FetchRequest;
import se.halsolage.kolada.FetchSummary;
import se.halsolage.kolada.KoladaClient;
import se.halsolage.kolada.KoladaService;
import se.halsolage.workbook.Workbook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kolada: search the catalogue, choose KPIs and areas, fetch with progress and cancel, summary. */
public final class KoladaViewModel {
    private final WorkbookViewModel session;
    private final Supplier<KoladaClient> client;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<KpiInfo> results = FXCollections.observableArrayList();
    private final ObservableList<KpiInfo> chosen = FXCollections.observableArrayList();
    public final BooleanProperty own = new SimpleBooleanProperty(true);
    public final BooleanProperty county = new SimpleBooleanProperty(true);
    public final BooleanProperty riket = new SimpleBooleanProperty(true);
    public final BooleanProperty group = new SimpleBooleanProperty(true);
    public final StringProperty years = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty catalogStatus = new SimpleStringProperty("");
    private CancelToken cancel;

    public KoladaViewModel(WorkbookViewModel session, Supplier<KoladaClient> client) {
        this.session = session;
        this.client = client;
        search.addListener((o, a, b) -> research());
        refreshCatalogStatus();
    }

    private void research() {
        String b = search.get();
        results.setAll(b == null || b.isBlank() ? List.of() : KpiCatalog.current().search(b, 100));
    }

    /** What the search covers and how old the local copy of Kolada's catalogue is. */
    public StringProperty catalogStatusProperty() { return catalogStatus; }

    public void refreshCatalogStatus() {
        catalogStatus.set(catalogStatus(session.texts()));
    }

    /** The catalogue line for the Kolada view and the catalogue dialog. */
    public static String catalogStatus(Texts t) {
        KpiCatalog c = KpiCatalog.current();
        if (!c.full()) return t.get("kolada.catalogSfh", String.valueOf(c.size()));
        KoladaCatalog d = c.downloaded().orElseThrow();
        LocalDate today = LocalDate.now();
        return t.get("kolada.catalogFull", String.valueOf(c.size()),
                d.fetchedAt().atZone(ZoneId.systemDefault()).toLocalDate().toString(), String.valueOf(Math.max(0, d.ageDays(today))));
    }

    /**
     * Downloads Kolada's catalogue in the background (progress and cancel as for a fetch) and keeps it on
     * this computer; the search then covers all of it. Returns a problem text, or null when started.
     */
    public String updateCatalog() {
        if (running.get()) return null;
        cancel = new CancelToken();
        CancelToken token = cancel;
        running.set(true);
        progress.set(-1);
        message.set(session.texts().get("kolada.catalogUpdating"));
        session.runner().run(session.texts().get("kolada.catalogUpdating"), p -> new CatalogUpdate(client.get())
                .run((done, total, msg) -> p.update(total == 0 ? -1 : (double) done / total, msg), token), (CatalogUpdate.Result r) -> {
            running.set(false);
            progress.set(1);
            String done = session.texts().get("kolada.catalogDone", String.valueOf(r.catalog().kpis().size()),
                    String.valueOf(r.catalog().groups().size()));
            message.set(done);
            refreshCatalogStatus();
            research();
            session.dialogs().notify(done);
        }, e -> {
            running.set(false);
            progress.set(0);
            message.set(session.message(e));
            if (!token.isCancelled()) session.dialogs().showError(session.texts().get("kolada.catalogFailed"), session.message(e));
        }, (f, m) -> {
            progress.set(f);
            if (m != null && !m.isBlank()) message.set(m);
        });
        return null;
    }

    public StringProperty searchProperty() { return search; }
    public ObservableList<KpiInfo> results() { return results; }
    public ObservableList<KpiInfo> chosen() { return chosen; }
    public BooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty messageProperty() { return message; }
    public StringProperty summaryProperty() { return summary; }

    public void choose(KpiInfo k) {
        if (k != null && chosen.stream().noneMatch(c -> c.id().equals(k.id()))) chosen.add(k);
    }

    public void unchoose(KpiInfo k) {
        chosen.remove(k);
    }

    /** Chooses every Kolada indicator of the workbook's Strategi för hälsa catalogue (the yearly refresh). */
    public void chooseWorkbookKpis() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        for (String id : KoladaService.catalogueKpis(wb)) {
            KpiCatalog.current().get(id).ifPresent(this::choose);
        }
    }

    /** The areas the check boxes describe, as names for the view. */
    public String areaText() {
        Workbook wb = session.workbook();
        if (wb == null) return "";
        PlanSettings p = wb.settings().plan();
        List<String> names = new ArrayList<>();
        if (own.get() && p.municipalityId() != null) names.add(name(wb, p.municipalityId()));
        if (county.get() && p.countyId() != null) names.add(name(wb, p.countyId()));
        if (riket.get()) names.add("Riket");
        if (group.get() && p.comparisonGroupId() != null) names.add(name(wb, p.comparisonGroupId()));
        return String.join(", ", names);
    }

    private static String name(Workbook wb, String id) {
        return wb.areas().get(id).map(Area::name).orElse(id);
    }

    /** The request the choices describe. Throws a UserError with a Swedish message when incomplete. */
    public FetchRequest request() {
        if (chosen.isEmpty()) throw new se.halsolage.domain.UserError(session.texts().get("kolada.noKpis"));
        return choices().request(session.workbook());
    }

    /** What the form says, taken on the FX thread, so that the request can be read from the workbook elsewhere. */
    private record Choices(List<String> kpis, boolean own, boolean county, boolean riket, boolean group, String years,
                           Texts texts) {
        FetchRequest request(Workbook wb) {
            PlanSettings p = wb.settings().plan();
            List<String> areas = new ArrayList<>();
            if (own && p.municipalityId() != null) areas.add(p.municipalityId());
            if (county && p.countyId() != null) areas.add(p.countyId());
            if (riket) areas.add(Area.RIKET_ID);
            List<KoladaGroup> groups = new ArrayList<>();
            if (group && p.comparisonGroupId() != null) comparisonGroup(wb, p.comparisonGroupId()).ifPresent(groups::add);
            if (areas.isEmpty() && groups.isEmpty()) throw new se.halsolage.domain.UserError(texts.get("kolada.noAreas"));
            return new FetchRequest(kpis, areas, FetchRequest.parseYears(years), groups, false);
        }
    }

    private Choices choices() {
        return new Choices(chosen.stream().map(KpiInfo::id).toList(), own.get(), county.get(), riket.get(), group.get(),
                years.get(), session.texts());
    }

    /** The request and whether the comparison group is still to be found, read from the workbook together. */
    private record Start(FetchRequest req, boolean findGroup) {
    }

    /** The comparison group as the workbook keeps it (from an earlier fetch), else from the local catalogue copy. */
    static Optional<KoladaGroup> comparisonGroup(Workbook wb, String id) {
        Optional<Area> a = wb.areas().get(id).filter(x -> x.kind() == AreaKind.GROUP);
        if (a.isPresent()) {
            Map<String, String> members = new LinkedHashMap<>();
            for (String m : wb.areas().members(id)) members.put(m, wb.areas().get(m).map(Area::name).orElse(null));
            if (!members.isEmpty()) return Optional.of(new KoladaGroup(id, a.get().name(), members));
        }
        return KoladaGroups.byId(id);
    }

    /** One line per Kolada KPI of the workbook: when it was last fetched, for the view. */
    public record LastFetch(String kpi, String title, Instant at) {
    }

    /**
     * The workbook's Kolada KPIs with the time each was last fetched from Kolada (from the sources the
     * fetches left: each names its request, {@code /data/kpi/<ids>/…}), never-fetched ones last.
     */
    public List<LastFetch> lastFetched() {
        Workbook wb = session.workbook();
        if (wb == null) return List.of();
        Map<String, Instant> last = new HashMap<>();
        for (Source src : wb.sources().all()) {
            if (src.kind() != SourceKind.KOLADA || src.request() == null || src.importedAt() == null) continue;
            Matcher m = KPI_SEGMENT.matcher(src.request());
            if (!m.find()) continue;
            for (String k : m.group(1).split(",")) last.merge(k, src.importedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<LastFetch> out = new ArrayList<>();
        for (String id : KoladaService.catalogueKpis(wb)) {
            String title = wb.indicators().get(id).map(i -> i.displayTitle()).orElse(id);
            out.add(new LastFetch(id, title, last.get(id)));
        }
        out.sort(Comparator.comparing((LastFetch f) -> f.at() == null).thenComparing(LastFetch::kpi));
        return out;
    }

    private static final Pattern KPI_SEGMENT = Pattern.compile("/data/kpi/([^/?]+)");

    /** "N15643  Trygga i skolan, åk 8: hämtad 2026-12-04" / "… aldrig hämtad". */
    public String lastFetchedText(LastFetch f) {
        return f.kpi() + "  " + f.title() + ": " + (f.at() == null ? session.texts().get("kolada.neverFetched")
                : session.texts().get("kolada.fetchedOn", f.at().atZone(ZoneId.systemDefault()).toLocalDate().toString()));
    }

    /**
     * "Uppdatera alla": every Kolada KPI of the workbook for the chosen areas, asking Kolada only for what
     * changed since the last fetch of the same request (from_date). Returns a problem text, or null when started.
     */
    public String updateAll() {
        chooseWorkbookKpis();
        return fetch(true);
    }

    /** Fetches in the background. Returns a problem text, or null when started. */
    public String fetch() {
        return fetch(false);
    }

    private String fetch(boolean update) {
        Workbook wb = session.workbook();
        if (wb == null) return session.texts().get("kolada.noWorkbook");
        if (chosen.isEmpty()) return session.texts().get("kolada.noKpis");
        Choices choices = choices();
        running.set(true);
        progress.set(-1);
        summary.set("");
        message.set(session.texts().get("kolada.starting"));
        // the plan settings and the comparison group are read on the task runner (an import may hold the
        // workbook); the fetch starts as a long write when they are read
        session.runner().run(session.texts().get("kolada.starting"), p -> {
            FetchRequest r = choices.request(wb);
            // "Jämförelsegruppen" ticked but none chosen yet: the newest "Liknande kommuner …" of the own municipality,
            // asked of Kolada by title (else the saved catalogue, with a warning), as 'kolada fetch --group liknande' does
            boolean findGroup = choices.group() && r.groups().isEmpty() && wb.settings().plan().municipalityId() != null;
            return new Start(new FetchRequest(r.kpiIds(), r.areaIds(), r.years(), r.groups(), r.includeGroupMembers(), update), findGroup);
        }, (Start start) -> {
            if (session.workbook() != wb) {
                running.set(false);
                return;
            }
            startFetch(wb, start.req(), start.findGroup());
        }, e -> {
            running.set(false);
            progress.set(0);
            message.set(session.message(e));
            session.dialogs().showError(session.texts().get("kolada.failed"), session.message(e));
        });
        return null;
    }

    private void startFetch(Workbook wb, FetchRequest req, boolean findGroup) {
        cancel = new CancelToken();
        CancelToken token = cancel;
        running.set(true);
        progress.set(-1);
        summary.set("");
        message.set(session.texts().get("kolada.starting"));
        List<String> warnings = new ArrayList<>();
        session.runLongWrite(session.texts().get("kolada.fetching"), session.texts().get("lock.kolada"), p -> {
            KoladaService service = new KoladaService(client.get());
            FetchRequest r = req;
            if (findGroup) {
                Optional<KoladaGroup> g = service.similarGroup(KoladaService.ownMunicipalityName(wb), null, token, warnings);
                if (g.isPresent()) {
                    r = new FetchRequest(req.kpiIds(), req.areaIds(), req.years(), List.of(g.get()), req.includeGroupMembers(),
                            req.update());
                } else {
                    warnings.add("Kolada har ingen grupp \"Liknande kommuner …, " + KoladaService.ownMunicipalityName(wb)
                            + ", <år>\"; hämtade utan jämförelsegrupp");
                }
            }
            return service.fetch(wb, r, (done, total, msg) -> p.update(total == 0 ? -1 : (double) done / total, msg), token);
        }, (FetchSummary s) -> {
            running.set(false);
            progress.set(1);
            StringBuilder text = new StringBuilder(s.toText());
            for (String w : warnings) text.append("\nObs: ").append(w);
            summary.set(text.toString());
            message.set(session.texts().get("kolada.done", s.added(), s.updated(), s.unchanged()));
            session.changed();
            session.dialogs().notify(session.texts().get("kolada.done", s.added(), s.updated(), s.unchanged()));
        }, e -> {
            running.set(false);
            progress.set(0);
            message.set(session.message(e));
            if (!token.isCancelled()) session.dialogs().showError(session.texts().get("kolada.failed"), session.message(e));
        }, (f, m) -> {
            progress.set(f);
            if (m != null && !m.isBlank()) message.set(m);
        });
    }

    public void cancel() {
        if (cancel != null) cancel.cancel();
    }
}
