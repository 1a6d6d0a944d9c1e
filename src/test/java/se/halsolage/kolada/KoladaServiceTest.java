package se.halsolage.kolada;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;
import se.halsolage.workbook.Workbook;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Fetching into a real workbook (Arboga 1984, Region Västmanland 0019, riket, and "Liknande kommuner
 * socioekonomi, Arboga, 2024" G176199) from the local fake Kolada.
 *
 * <p>The real rows (grp_data.csv: N03702/N03703 for Arboga and its seven comparison municipalities,
 * 2012–2023) carry no gender split and no missing values, so the SfH rows with K/M and a suppressed
 * value below are CRAFTED test figures (marked as such), not Kolada's.
 */
class KoladaServiceTest { // KoladaServiceTestOnPostgres runs these on PostgreSQL
    @TempDir
    Path dir;
    FakeKolada kolada;
    FakeClock clock;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        kolada = new FakeKolada();
        clock = new FakeClock();
        // CRAFTED test rows (not real Kolada figures): gender split and a suppressed value.
        kolada.put("N15643", "1984", "2022", new FakeKolada.Val("T", 78.0, "", false));
        kolada.put("N15643", "1984", "2022", new FakeKolada.Val("K", 74.0, "", false));
        kolada.put("N15643", "1984", "2022", new FakeKolada.Val("M", 82.0, "", false));
        kolada.put("N15643", "1984", "2023", new FakeKolada.Val("T", 80.0, "", false));
        kolada.put("N15643", "1984", "2023", new FakeKolada.Val("K", null, "..", false));
        kolada.put("N15643", "1984", "2023", new FakeKolada.Val("M", 83.0, "", false));
        kolada.put("N15643", "0019", "2023", new FakeKolada.Val("T", 84.0, "", false));
        kolada.put("N15643", "0000", "2023", new FakeKolada.Val("T", 86.0, "", false));
        kolada.put("N15643", "0000", "2023", new FakeKolada.Val("K", 85.0, "", false));
        kolada.put("N15643", "0000", "2023", new FakeKolada.Val("M", 87.0, "", false));
        kolada.put("N15643", "0319", "2023", new FakeKolada.Val("T", 70.0, "", false));
        kolada.put("N15643", "0562", "2023", new FakeKolada.Val("T", 76.0, "", false));
        kolada.put("N00923", "1984", "2023", new FakeKolada.Val("T", 80.1, "", false));
        kolada.put("N00923", "0000", "2023", new FakeKolada.Val("T", null, "Missing", false));
        kolada.put("N00923", "0019", "2023", new FakeKolada.Val("T", 79.0, "", true)); // deleted in Kolada
        file = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "arboga");
        Workbooks.createNew(file, new PlanSettings("1984", "0019", null, 2026, "sv", false)).close();
    }

    @AfterEach
    void tearDown() {
        if (kolada != null) kolada.close(); // null when skipped without ../shared
    }

    KoladaService service(int perPage) {
        return new KoladaService(KoladaClient.builder().baseUrl(kolada.baseUrl()).perPage(perPage).clock(clock).build());
    }

    static List<String> sfh(Workbook wb) {
        return KoladaService.catalogueKpis(wb);
    }

    FetchRequest sfhRequest(Workbook wb, KoladaService s) {
        List<String> kpis = new ArrayList<>(sfh(wb));
        kpis.add("N03702");
        KoladaGroup g = s.similarGroup(KoladaService.ownMunicipalityName(wb), "socioekonomi", CancelToken.none(), new ArrayList<>()).orElseThrow();
        return new FetchRequest(kpis, KoladaService.defaultAreas(wb), FetchRequest.parseYears("2012-2025"), List.of(g), false);
    }

    @Test
    void sfhFetchFillsTheWorkbookWithPagingGenderSplitGroupAndProvenance() {
        KoladaService s = service(7);
        List<String> progress = new ArrayList<>();
        FetchSummary sum;
        try (Workbook wb = Workbook.open(file)) {
            assertThat(sfh(wb)).hasSize(39).contains("N15643", "N00923", "U01901");
            assertThat(KoladaService.defaultAreas(wb)).containsExactly("1984", "0019", "0000");
            FetchRequest req = sfhRequest(wb, s);
            assertThat(req.groups().get(0).id()).isEqualTo("G176199");
            sum = s.fetch(wb, req, (d, t, m) -> progress.add(d + "/" + t + " " + m), CancelToken.none());

            // 40 KPIs -> two data requests (25 + 15), each over several pages of 7
            assertThat(sum.requests()).isEqualTo(2);
            assertThat(sum.pages()).isGreaterThan(2);
            assertThat(kolada.requests.stream().filter(u -> u.contains("/data/")).count()).isEqualTo(sum.pages());
            assertThat(progress).last().asString().startsWith("2/2");

            // real rows: Arboga's own N03702 (BRP per invånare) 2012
            Observation arboga2012 = wb.observations().series("N03702", "1984", Group.TOTALT).get(0);
            assertThat(arboga2012.period()).isEqualTo(Period.year(2012));
            assertThat(arboga2012.value()).isEqualTo(268.853441);
            assertThat(wb.observations().series("N03702", "1984", Group.TOTALT)).hasSize(12); // 2012–2023
            // the group's own value: Kolada's unweighted mean of the 7 members (hand-computed from grp_data.csv)
            Observation grp2012 = wb.observations().series("N03702", "G176199", Group.TOTALT).get(0);
            assertThat(grp2012.value()).isCloseTo(2156.670545 / 7, within(1e-9));
            assertThat(grp2012.location()).endsWith("(medel av 7 kommuner)");
            assertThat(wb.areas().get("G176199")).hasValueSatisfying(a -> {
                assertThat(a.kind()).isEqualTo(AreaKind.GROUP);
                assertThat(a.name()).isEqualTo("Liknande kommuner socioekonomi, Arboga, 2024");
            });
            assertThat(wb.areas().members("G176199")).containsExactly("0319", "0562", "0687", "1082", "1083", "1885", "2084");
            assertThat(wb.settings().plan().comparisonGroupId()).isEqualTo("G176199");

            // gender split and a suppressed value that is never 0
            List<Observation> trygg = wb.observations().series("N15643", "1984");
            assertThat(trygg).extracting(o -> o.period().label() + " " + o.group() + " " + o.value())
                    .containsExactly("2022 Totalt 78.0", "2022 Kvinnor 74.0", "2022 Män 82.0",
                            "2023 Totalt 80.0", "2023 Kvinnor null", "2023 Män 83.0");
            Observation suppressed = trygg.get(4);
            assertThat(suppressed.status()).isEqualTo(ObservationStatus.SUPPRESSED);
            assertThat(suppressed.marker()).isEqualTo("..");
            assertThat(wb.observations().series("N15643", "0000")).hasSize(3);
            assertThat(wb.observations().series("N15643", "0019")).hasSize(1);
            // group value for 2023 from the two members with a value: (70 + 76) / 2
            assertThat(wb.observations().series("N15643", "G176199", Group.TOTALT)).singleElement()
                    .satisfies(o -> assertThat(o.value()).isEqualTo(73.0));
            // a status without value -> MISSING; a deleted value is skipped
            assertThat(wb.observations().series("N00923", "0000")).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(ObservationStatus.MISSING);
                assertThat(o.value()).isNull();
                assertThat(o.marker()).isEqualTo("\u2013"); // Kolada's "Missing" is shown as –
            });
            assertThat(wb.observations().series("N00923", "0019")).isEmpty();
            assertThat(sum.deletedSkipped()).isEqualTo(1);

            // provenance: a KOLADA source with the request URL and fetch time; raw pages cached
            Source src = wb.sources().get(arboga2012.sourceId()).orElseThrow();
            assertThat(src.kind()).isEqualTo(SourceKind.KOLADA);
            assertThat(src.request()).startsWith(kolada.baseUrl() + "/data/kpi/").contains("N03702")
                    .contains("/municipality/1984,0019,0000,G176199/year/2012,");
            assertThat(src.importedAt()).isBefore(Instant.now().plusSeconds(1));
            assertThat(src.attribution()).isEqualTo("Källa: Kolada");
            assertThat(arboga2012.location()).startsWith(kolada.baseUrl() + "/data/kpi/");
            assertThat(wb.koladaCache().count()).isEqualTo(sum.pages());
            assertThat(wb.koladaCache().get(arboga2012.location())).hasValueSatisfying(c -> assertThat(c.body()).contains("268.853441"));

            // U01901 (removed from Kolada 2025) comes back empty and is reported
            assertThat(sum.kpisWithoutData()).containsKey("U01901");
            assertThat(sum.indicatorsAdded()).containsExactly("N03702");
            long expected = 12 + 12 + 6 + 3 + 1 + 1 + 1 + 1; // N03702 own+group, N15643 1984/0000/0019/group, N00923 1984/0000
            assertThat(sum.added()).isEqualTo((int) expected);
            assertThat(wb.observations().count()).isEqualTo(expected);
            assertThat(sum.toText()).contains("Källa: Kolada", "Nya värden: " + expected, "U01901");
        }
    }

    @Test
    void refetchReportsNewPeriodsRevisionsAndUnchanged() {
        KoladaService s = service(5000);
        try (Workbook wb = Workbook.open(file)) {
            FetchRequest req = new FetchRequest(List.of("N15643", "N03702"), List.of("1984"), List.of(), List.of(), false);
            FetchSummary first = s.fetch(wb, req, null, null);
            assertThat(first.added()).isEqualTo(18);
            assertThat(first.newPeriods()).isEmpty(); // first fetch: no stored series to compare with

            kolada.put("N15643", "1984", "2023", new FakeKolada.Val("T", 80.5, "", false)); // revised (crafted)
            kolada.put("N15643", "1984", "2024", new FakeKolada.Val("T", 81.0, "", false)); // new year (crafted)
            FetchSummary second = s.fetch(wb, req, null, null);
            assertThat(second.added()).isEqualTo(1);
            assertThat(second.updated()).isEqualTo(1);
            assertThat(second.unchanged()).isEqualTo(17);
            assertThat(second.newPeriods()).containsOnlyKeys("N15643");
            assertThat(second.newPeriods().get("N15643")).containsExactly("2024");
            assertThat(second.revisions()).singleElement().satisfies(r -> {
                assertThat(r.indicatorId() + " " + r.areaId() + " " + r.period() + " " + r.group()).isEqualTo("N15643 1984 2023 Totalt");
                assertThat(r.before()).isEqualTo("80");
                assertThat(r.after()).isEqualTo("80,5");
            });
            assertThat(second.toText()).contains("Reviderade värden: 1", "Nya perioder: N15643 2024", "80 \u2192 80,5");
            assertThat(wb.observations().series("N15643", "1984", Group.TOTALT)).extracting(Observation::value)
                    .containsExactly(78.0, 80.5, 81.0);
        }
    }

    @Test
    void anUnknownStatusIsKeptAsItsMarkerWithAWarning() {
        // CRAFTED: a status text Kolada is not known to use
        kolada.put("N15643", "1984", "2021", new FakeKolada.Val("T", null, "Preliminary", false));
        try (Workbook wb = Workbook.open(file)) {
            FetchSummary s = service(5000).fetch(wb, new FetchRequest(List.of("N15643"), List.of("1984"), List.of(2021), List.of(), false),
                    null, null);
            assertThat(wb.observations().series("N15643", "1984", Group.TOTALT)).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(ObservationStatus.MISSING);
                assertThat(o.value()).isNull();
                assertThat(o.marker()).isEqualTo("Preliminary");
            });
            assertThat(s.warnings()).singleElement().asString().contains("statusen \"Preliminary\"", "inte känner till");
            assertThat(s.toText()).contains("Obs: Kolada gav statusen \"Preliminary\"");
        }
    }

    @Test
    void tooManyIdsOrTooLargeAPageIsAClearSwedishError() {
        KoladaClient c = KoladaClient.builder().baseUrl(kolada.baseUrl()).clock(clock).build();
        String ids = String.join(",", java.util.stream.IntStream.rangeClosed(1, 26).mapToObj(i -> String.format("N%05d", i)).toList());
        for (String url : List.of(kolada.baseUrl() + "/data/kpi/" + ids + "/municipality/0180?per_page=5000",
                kolada.baseUrl() + "/data/kpi/N00945/municipality/0180?per_page=6000")) {
            assertThatThrownBy(() -> c.get(url, CancelToken.none())).isInstanceOfSatisfying(KoladaException.class, e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.kind()).isEqualTo(KoladaException.Kind.HTTP_ERROR);
                assertThat(e.getMessage()).startsWith("Kolada tog inte emot frågan (422): den är för stor")
                        .contains("högst 25 id", "högst 5000 värden per sida").endsWith("Inget i arbetsboken har ändrats.");
            });
        }
        assertThat(kolada.requests).hasSize(2); // a 422 is not retried
    }

    @Test
    void removedKpiKeepsOlderLocalData() {
        KoladaService s = service(5000);
        try (Workbook wb = Workbook.open(file)) {
            wb.inTransaction(w -> {
                long src = w.sources().add(Source.newFile("kolada-2024-export.xlsx", "x", "Blad1", "test", Instant.now())).id();
                w.observations().upsert(Observation.ok("U01901", "1984", Period.year(2022), Group.TOTALT, 4.2, null, src, "R2C3"));
            });
            FetchSummary sum = s.fetch(wb, new FetchRequest(List.of("U01901"), List.of("1984", "0000"), List.of(2020, 2021, 2022),
                    List.of(), false), null, null);
            assertThat(sum.kpisWithoutData()).containsEntry("U01901", 1L);
            assertThat(sum.total()).isZero();
            assertThat(sum.toText()).contains("Inga värden från Kolada för U01901", "1 tidigare hämtade värden finns kvar");
            assertThat(wb.observations().series("U01901", "1984")).singleElement().satisfies(o -> assertThat(o.value()).isEqualTo(4.2));
        }
    }

    @Test
    void unknownKpiIsAClearErrorBeforeAnyDataRequest() throws Exception {
        KoladaService s = service(5000);
        assertUnchangedAfter(wb -> s.fetch(wb, new FetchRequest(List.of("X99999"), List.of("1984"), List.of(), List.of(), false), null, null),
                KoladaException.Kind.UNKNOWN_KPI, "X99999");
        assertThat(kolada.requests).noneMatch(u -> u.contains("/data/"));
    }

    // ------------------------------------------------------------ failures leave the workbook unchanged

    void assertUnchangedAfter(Consumer<Workbook> action, KoladaException.Kind kind, String messagePart) throws Exception {
        String hashBefore = sha256(file);
        long countBefore;
        Map<String, Long> tablesBefore;
        try (Workbook wb = Workbook.open(file)) {
            countBefore = wb.observations().count();
            tablesBefore = wb.tableCounts();
            assertThatThrownBy(() -> action.accept(wb)).isInstanceOfSatisfying(KoladaException.class, e -> {
                assertThat(e.kind()).isEqualTo(kind);
                assertThat(e.getMessage()).contains(messagePart).endsWith("Inget i arbetsboken har ändrats.");
            });
            assertThat(wb.observations().count()).isEqualTo(countBefore);
            assertThat(wb.tableCounts()).isEqualTo(tablesBefore);
        }
        assertThat(sha256(file)).isEqualTo(hashBefore);
    }

    static String sha256(Path p) throws Exception {
        // a county workbook has no file: every row of every table instead
        if (se.halsolage.workbook.PostgresStore.is(p)) {
            try (Workbook wb = Workbook.openReadOnly(p)) {
                return wb.contentDigest();
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /** A previous successful fetch, so "unchanged" means more than an empty workbook. */
    void seed() {
        try (Workbook wb = Workbook.open(file)) {
            service(5000).fetch(wb, new FetchRequest(List.of("N03702"), List.of("1984"), List.of(), List.of(), false), null, null);
        }
    }

    FetchRequest bigRequest() {
        return new FetchRequest(List.of("N03702", "N15643"), List.of("1984", "0000"), List.of(), List.of(), false);
    }

    @Test
    void serverErrorOnTheLastPageChangesNothing() throws Exception {
        seed();
        for (int i = 0; i < 4; i++) kolada.fault(u -> u.contains("&page=3"), 500, "fel", Map.of());
        assertUnchangedAfter(wb -> service(5).fetch(wb, bigRequest(), null, null), KoladaException.Kind.SERVER_ERROR, "serverfel (500)");
        assertThat(kolada.requests.stream().filter(u -> u.contains("&page=3")).count()).isEqualTo(4);
    }

    @Test
    void malformedJsonChangesNothing() throws Exception {
        seed();
        kolada.fault(u -> u.contains("&page=2"), 200, "{\"values\":[{\"kpi\":", Map.of());
        assertUnchangedAfter(wb -> service(5).fetch(wb, bigRequest(), null, null), KoladaException.Kind.MALFORMED, "ogiltig JSON");
    }

    @Test
    void malformedRowChangesNothing() throws Exception {
        seed();
        kolada.fault(u -> u.contains("/data/"), 200,
                "{\"values\":[{\"kpi\":\"N03702\",\"municipality\":\"1984\",\"period\":2012,\"values\":[{\"gender\":\"T\",\"value\":\"x\"}]}],\"next_url\":null}",
                Map.of());
        assertUnchangedAfter(wb -> service(5000).fetch(wb, bigRequest(), null, null), KoladaException.Kind.MALFORMED, "inget tal");
    }

    @Test
    void tooManyRequestsToTheEndChangesNothing() throws Exception {
        seed();
        for (int i = 0; i < 4; i++) kolada.fault(u -> u.contains("/data/"), 429, "", Map.of("Retry-After", "1"));
        assertUnchangedAfter(wb -> service(5000).fetch(wb, bigRequest(), null, null), KoladaException.Kind.RATE_LIMITED, "429");
    }

    @Test
    void rateLimitedOnceThenTheFetchSucceeds() {
        kolada.fault(u -> u.contains("/data/"), 429, "", Map.of("Retry-After", "3"));
        try (Workbook wb = Workbook.open(file)) {
            FetchSummary s = service(5000).fetch(wb, bigRequest(), null, null);
            assertThat(s.added()).isEqualTo(12 + 6 + 3);
        }
        assertThat(clock.sleeps).contains(200_000_000L); // Retry-After 3 s waited in cancellable slices
        assertThat(clock.totalSleptMillis()).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void offlineChangesNothingAndSaysSo() throws Exception {
        seed();
        int port;
        try (ServerSocket sock = new ServerSocket(0)) {
            port = sock.getLocalPort();
        }
        KoladaService offline = new KoladaService(KoladaClient.builder().baseUrl("http://127.0.0.1:" + port + "/v3").clock(clock).build());
        assertUnchangedAfter(wb -> offline.fetch(wb, bigRequest(), null, null), KoladaException.Kind.OFFLINE, "Kan inte nå Kolada");
        // also when the group lookup is the first thing that needs the network
        try (Workbook wb = Workbook.open(file)) {
            assertThatThrownBy(() -> offline.similarGroup("Arboga", null, CancelToken.none(), new ArrayList<>()))
                    .isInstanceOfSatisfying(KoladaException.class, e -> assertThat(e.kind()).isEqualTo(KoladaException.Kind.OFFLINE));
        }
    }

    @Test
    void cancelAfterTheFirstPageChangesNothing() throws Exception {
        seed();
        CancelToken token = new CancelToken();
        assertUnchangedAfter(wb -> service(5).fetch(wb, bigRequest(), (d, t, m) -> {
            if (m.contains("1 sida")) token.cancel();
        }, token), KoladaException.Kind.CANCELLED, "avbröts");
        assertThat(kolada.requests.stream().filter(u -> u.contains("/data/") && u.contains("&page=")).count()).isZero();
    }

    @Test
    void emptyResultAddsNoValues() {
        try (Workbook wb = Workbook.open(file)) {
            long before = wb.observations().count();
            FetchSummary s = service(5000).fetch(wb, new FetchRequest(List.of("N15643"), List.of("0780"), List.of(2023), List.of(), false), null, null);
            assertThat(s.total()).isZero();
            assertThat(s.areasWithoutData()).containsExactly("0780");
            assertThat(wb.observations().count()).isEqualTo(before);
        }
    }

    @Test
    void groupMembersCanBeFetchedToo() {
        try (Workbook wb = Workbook.open(file)) {
            KoladaGroup g = service(5000).group("G176199", CancelToken.none(), new ArrayList<>()).orElseThrow();
            FetchSummary s = service(5000).fetch(wb, new FetchRequest(List.of("N03702"), List.of(), List.of(2012), List.of(g), true), null, null);
            assertThat(s.added()).isEqualTo(8); // 7 members + the group's mean
            assertThat(wb.observations().series("N03702", "2084", Group.TOTALT)).singleElement()
                    .satisfies(o -> assertThat(o.value()).isEqualTo(336.796012));
        }
    }
}
