package se.halsolage.kolada;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP client against a local fake Kolada (no internet). */
class KoladaClientTest {
    FakeKolada kolada;
    FakeClock clock;

    @BeforeEach
    void start() throws Exception {
        kolada = new FakeKolada();
        clock = new FakeClock();
    }

    @AfterEach
    void stop() {
        if (kolada != null) kolada.close(); // null when skipped without ../shared
    }

    KoladaClient client(int perPage) {
        return KoladaClient.builder().baseUrl(kolada.baseUrl()).perPage(perPage).clock(clock).build();
    }

    @Test
    void splitsIdsIntoSegmentsOfAtMost25() {
        List<String> ids = IntStream.rangeClosed(1, 39).mapToObj(i -> String.format("N%05d", i)).toList();
        List<String> segs = KoladaClient.segments(ids);
        assertThat(segs).hasSize(2);
        assertThat(segs.get(0).split(",")).hasSize(25);
        assertThat(segs.get(1).split(",")).hasSize(14);
        List<Integer> years = IntStream.rangeClosed(1990, 2025).boxed().toList(); // 36 years -> 2 segments
        List<String> urls = client(5000).dataUrls(ids, List.of("1984", "0019", "0000"), years);
        assertThat(urls).hasSize(4);
        assertThat(urls.get(0)).startsWith(kolada.baseUrl() + "/data/kpi/N00001,").contains("/municipality/1984,0019,0000/year/1990,")
                .endsWith("?per_page=5000");
        assertThat(client(5000).dataUrls(List.of("N00945"), List.of("0180"), List.of()))
                .containsExactly(kolada.baseUrl() + "/data/kpi/N00945/municipality/0180?per_page=5000");
    }

    @Test
    void followsNextUrlAcrossPagesAndGetsEveryRealRow() {
        KoladaClient c = client(10);
        String url = c.dataUrls(List.of("N00945"), List.of("0180", "1280", "1480"), List.of()).get(0);
        List<KoladaPage> pages = c.getAll(url, CancelToken.none(), null);
        // n00945.csv has 63 rows (3 cities x 21 years) -> 7 pages of 10
        assertThat(pages).hasSize(7);
        List<DataRow> rows = new ArrayList<>();
        pages.forEach(p -> rows.addAll(KoladaClient.dataRows(p)));
        assertThat(rows).hasSize(63);
        assertThat(kolada.requests).hasSize(7);
        assertThat(kolada.requests.get(6)).endsWith("&page=7");
        DataRow malmo2015 = rows.stream().filter(r -> r.municipality().equals("1280") && r.period().equals("2015")).findFirst().orElseThrow();
        assertThat(malmo2015.values()).singleElement().satisfies(v -> {
            assertThat(v.gender()).isEqualTo("T");
            assertThat(v.value()).isEqualTo(35.78);
            assertThat(v.count()).isEqualTo(1);
        });
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        kolada.fault(429, "{\"error\":\"too many\"}", Map.of("Retry-After", "2"));
        KoladaClient c = client(5000);
        List<KoladaPage> pages = c.getAll(c.dataUrls(List.of("N00945"), List.of("0180"), List.of(2020)).get(0), CancelToken.none(), null);
        assertThat(KoladaClient.dataRows(pages.get(0))).singleElement().satisfies(r -> assertThat(r.values().get(0).value()).isEqualTo(40.8));
        assertThat(kolada.requests).hasSize(2);
        assertThat(clock.totalSleptMillis()).isEqualTo(2000);
    }

    @Test
    void serverErrorIsRetriedWithGrowingBackoffThenAClearError() {
        for (int i = 0; i < 4; i++) kolada.fault(500, "oops", Map.of());
        KoladaClient c = client(5000);
        String url = c.dataUrls(List.of("N00945"), List.of("0180"), List.of()).get(0);
        assertThatThrownBy(() -> c.getAll(url, CancelToken.none(), null))
                .isInstanceOfSatisfying(KoladaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KoladaException.Kind.SERVER_ERROR);
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("serverfel (500)", "4 försök", "Inget i arbetsboken har ändrats");
                });
        assertThat(kolada.requests).hasSize(4);
        // back-off 0.5 s, 1 s, 2 s between the four attempts
        assertThat(clock.totalSleptMillis()).isEqualTo(3500);
    }

    @Test
    void oneServerErrorThenSuccess() {
        kolada.fault(503, "", Map.of());
        KoladaClient c = client(5000);
        List<KoladaPage> pages = c.getAll(c.dataUrls(List.of("N00945"), List.of("1480"), List.of(2019)).get(0), CancelToken.none(), null);
        assertThat(KoladaClient.dataRows(pages.get(0)).get(0).values().get(0).value()).isEqualTo(39.1);
    }

    @Test
    void malformedJsonIsAClearError() {
        kolada.fault(200, "{\"values\": [ {\"kpi\": \"N00945\", ", Map.of());
        KoladaClient c = client(5000);
        assertThatThrownBy(() -> c.get(kolada.baseUrl() + "/data/kpi/N00945/municipality/0180?per_page=5000", CancelToken.none()))
                .isInstanceOfSatisfying(KoladaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KoladaException.Kind.MALFORMED);
                    assertThat(e.getMessage()).contains("inte går att läsa", "ogiltig JSON");
                });
        kolada.fault(200, "{\"rows\": []}", Map.of());
        assertThatThrownBy(() -> c.get(kolada.baseUrl() + "/data/kpi/N00945/municipality/0180?per_page=5000", CancelToken.none()))
                .isInstanceOfSatisfying(KoladaException.class, e -> assertThat(e.getMessage()).contains("\"values\""));
    }

    @Test
    void emptyResultIsNoError() {
        KoladaClient c = client(5000);
        List<KoladaPage> pages = c.getAll(c.dataUrls(List.of("U01901"), List.of("0780"), List.of(2022)).get(0), CancelToken.none(), null);
        assertThat(pages).hasSize(1);
        assertThat(KoladaClient.dataRows(pages.get(0))).isEmpty();
    }

    @Test
    void notFoundIsAnHttpErrorWithoutRetries() {
        KoladaClient c = client(5000);
        assertThatThrownBy(() -> c.get(kolada.baseUrl() + "/nothing?per_page=5000", CancelToken.none()))
                .isInstanceOfSatisfying(KoladaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KoladaException.Kind.HTTP_ERROR);
                    assertThat(e.getMessage()).contains("fel 404");
                });
        assertThat(kolada.requests).hasSize(1);
    }

    @Test
    void connectionRefusedSaysOfflineInSwedish() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        KoladaClient c = KoladaClient.builder().baseUrl("http://127.0.0.1:" + port + "/v3").clock(clock).build();
        assertThatThrownBy(() -> c.get(c.baseUrl() + "/kpi/N00945", CancelToken.none()))
                .isInstanceOfSatisfying(KoladaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KoladaException.Kind.OFFLINE);
                    assertThat(e.getMessage()).startsWith("Kan inte nå Kolada").contains("internetanslutning");
                });
    }

    @Test
    void unknownHostSaysOffline() {
        KoladaClient c = KoladaClient.builder().baseUrl("http://kolada.invalid/v3").clock(clock)
                .connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> c.get(c.baseUrl() + "/kpi/N00945", CancelToken.none()))
                .isInstanceOfSatisfying(KoladaException.class, e -> assertThat(e.kind()).isEqualTo(KoladaException.Kind.OFFLINE));
    }

    @Test
    void cancelledTokenStopsBeforeAnyRequest() {
        CancelToken t = new CancelToken();
        t.cancel();
        KoladaClient c = client(5000);
        assertThatThrownBy(() -> c.get(kolada.baseUrl() + "/kpi/N00945", t))
                .isInstanceOfSatisfying(KoladaException.class, e -> assertThat(e.kind()).isEqualTo(KoladaException.Kind.CANCELLED));
        assertThat(kolada.requests).isEmpty();
    }

    @Test
    void retryAfterAcceptsSecondsAndDates() {
        assertThat(KoladaClient.retryAfterNanos("3")).isEqualTo(3_000_000_000L);
        assertThat(KoladaClient.retryAfterNanos(null)).isEqualTo(-1);
        assertThat(KoladaClient.retryAfterNanos("soon")).isEqualTo(-1);
        assertThat(KoladaClient.retryAfterNanos("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    }

    @Test
    void metadataQueriesServeKoladasRealCatalogue() {
        KoladaClient c = client(50);
        var groups = c.municipalityGroups("Arboga", CancelToken.none());
        assertThat(groups).extracting(g -> g.id()).contains("G176199", "G37329");
        var g = groups.stream().filter(x -> x.id().equals("G176199")).findFirst().orElseThrow();
        assertThat(g.members()).containsKeys("0319", "0562", "0687", "1082", "1083", "1885", "2084").hasSize(7);
        assertThat(c.kpis(List.of("N15643", "N00923"), CancelToken.none())).extracting(k -> k.id()).containsExactly("N00923", "N15643");
        assertThat(c.kpis(List.of("U01901"), CancelToken.none())).isEmpty();
    }

    @Test
    void municipalitiesAcrossPagesAndARelativeNextUrl() {
        KoladaClient c = client(100);
        var all = c.municipalities(null, CancelToken.none());
        assertThat(all).hasSize(312); // kolada_municipalities_v3.csv: riket, 21 regions, 290 municipalities
        assertThat(kolada.requests).hasSize(4);
        assertThat(c.municipalities("Arboga", CancelToken.none())).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("id", "1984").containsEntry("type", "K"));

        kolada.fault(u -> u.contains("/kpi/"), 200, "{\"values\":[],\"next_url\":\"/v3/kpi/N00923?per_page=5000\"}", Map.of());
        List<KoladaPage> pages = c.getAll(kolada.baseUrl() + "/kpi/N00945?per_page=100", CancelToken.none(), null);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).url()).isEqualTo(kolada.baseUrl() + "/kpi/N00923?per_page=5000");
    }

    @Test
    void groupMembersAreReadAsKoladaWritesThem() {
        // Kolada v3 writes members as {member_id, member_title}, for municipality groups and KPI groups alike
        kolada.fault(u -> u.contains("/kpi_groups"), 200, "{\"count\":1,\"next_url\":null,\"previous_url\":null,\"values\":["
                + "{\"id\":\"GKPI1\",\"title\":\"Trygghet i skolan\",\"members\":[{\"member_id\":\"N15643\",\"member_title\":"
                + "\"Elever i åk 8: Känner du dig trygg i skolan?\"},{\"member_id\":\"N15613\",\"member_title\":\"Elever i åk 5\"}]}]}",
                Map.of());
        KoladaClient c = client(5000);
        assertThat(c.kpiGroups("Trygghet", CancelToken.none())).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo("GKPI1");
            assertThat(g.members()).containsExactly(Map.entry("N15643", "Elever i åk 8: Känner du dig trygg i skolan?"),
                    Map.entry("N15613", "Elever i åk 5"));
        });
        // the shape the client used to expect ({id, title}) is not Kolada's: a clear error, not a silent empty group
        kolada.fault(u -> u.contains("/municipality_groups"), 200, "{\"count\":1,\"next_url\":null,\"values\":["
                + "{\"id\":\"G1\",\"title\":\"X\",\"members\":[{\"id\":\"0781\",\"title\":\"Ljungby\"}]}]}", Map.of());
        assertThatThrownBy(() -> c.municipalityGroups("X", CancelToken.none()))
                .isInstanceOfSatisfying(KoladaException.class, e -> assertThat(e.getMessage()).contains("fältet \"member_id\" saknas"));
    }

    @Test
    void anErrorObjectInsteadOfValuesIsQuoted() {
        kolada.fault(200, "{\"error\":\"Unknown KPI\"}", Map.of());
        KoladaClient c = client(5000);
        assertThatThrownBy(() -> c.get(kolada.baseUrl() + "/kpi/N00945", CancelToken.none()))
                .hasMessageContaining("Kolada skrev: Unknown KPI");
    }
}
