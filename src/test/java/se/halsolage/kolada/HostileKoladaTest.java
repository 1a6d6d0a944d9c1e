package se.halsolage.kolada;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Kolada client against a hostile server on 127.0.0.1 that records every connection, with a second
 * local server on another port as "another host": redirects, next_url to other hosts or schemes, slow
 * and huge bodies, bytes that are not UTF-8 and ids with invalid text. The other server must never be
 * contacted, and every refusal is a KoladaException with a Swedish message.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileKoladaTest {
    static final String PAGE = "{\"values\":[{\"kpi\":\"N00945\",\"municipality\":\"0180\",\"period\":\"2020\","
            + "\"values\":[{\"gender\":\"T\",\"count\":1,\"status\":\"\",\"value\":40.8}]}],\"next_url\":%s}";

    HostileKoladaServer kolada;
    HostileKoladaServer other;

    @BeforeEach
    void start() throws Exception {
        other = new HostileKoladaServer(path -> HostileKoladaServer.json(String.format(PAGE, "null")));
        kolada = new HostileKoladaServer(path -> HostileKoladaServer.json(String.format(PAGE, "null")));
    }

    @AfterEach
    void stop() {
        kolada.close();
        other.close();
    }

    KoladaClient client() {
        return KoladaClient.builder().baseUrl(kolada.baseUrl()).clock(new FakeClock()).maxAttempts(1).build();
    }

    String first() {
        return kolada.baseUrl() + "/data/kpi/N00945/municipality/0180?per_page=5000";
    }

    void assertOtherHostNeverContacted() {
        assertThat(other.connections()).as("connections to the other host").isEmpty();
        assertThat(kolada.connections()).allSatisfy(c -> assertThat(c.host()).isEqualTo("127.0.0.1:" + kolada.port()));
    }

    static void assertSwedishWithoutTrace(Throwable e) {
        assertThat(e.getMessage()).contains("Inget i arbetsboken har ändrats").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRedirectIsRefusedAndItsTargetNeverContacted() {
        for (int status : new int[]{301, 302, 303, 307, 308}) {
            kolada.handler(path -> HostileKoladaServer.redirect(status, "http://127.0.0.1:" + other.port() + "/v3/data"));
            KoladaException e = catchThrowableOfType(() -> client().getAll(first(), CancelToken.none(), null), KoladaException.class);
            assertThat(e).as("status " + status).isNotNull();
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains("omdirigering (" + status + ")").contains("127.0.0.1:" + other.port())
                    .contains("följer inte omdirigeringar");
            assertSwedishWithoutTrace(e);
        }
        assertThat(kolada.connections()).hasSize(5);
        assertOtherHostNeverContacted();
    }

    @Test
    void aNextUrlOffTheConfiguredServerIsRefused() {
        int o = other.port(), k = kolada.port();
        List<String> hostile = List.of(
                "http://localhost:" + o + "/v3/data?page=2",          // another host name (resolves to the other server)
                "//127.0.0.1:" + o + "/v3/data?page=2",               // protocol-relative, another port
                "http://127.0.0.1:" + o + "/v3/data?page=2",          // same address, another port
                "https://127.0.0.1:" + k + "/v3/data?page=2",         // another scheme
                "http://169.254.169.254/latest/meta-data/",           // the cloud metadata address
                "http://evil@127.0.0.1:" + k + "/v3/data?page=2",     // a user name smuggled in
                "file:///etc/passwd",
                "ftp://127.0.0.1:" + o + "/x");
        for (String next : hostile) {
            kolada.handler(path -> HostileKoladaServer.json(String.format(PAGE, "\"" + next + "\"")));
            KoladaException e = catchThrowableOfType(() -> client().getAll(first(), CancelToken.none(), null), KoladaException.class);
            assertThat(e).as(next).isNotNull();
            assertThat(e.getMessage()).as(next).contains("next_url").contains("inte ligger på den inställda servern")
                    .contains(kolada.baseUrl());
            assertSwedishWithoutTrace(e);
        }
        assertThat(kolada.connections()).hasSize(hostile.size());
        assertOtherHostNeverContacted();
    }

    @Test
    void koladaFetchThroughTheCliStoresNothingFromAnotherHost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path w = dir.resolve("w.halsa");
        String before;
        try (se.halsolage.workbook.Workbook wb = se.halsolage.demo.DemoWorkbook.build(w)) {
            before = wb.contentDigest();
        }
        kolada.handler(path -> path.contains("page=2") ? HostileKoladaServer.json(String.format(PAGE, "null"))
                : HostileKoladaServer.json(String.format(PAGE, "\"//localhost:" + other.port() + "/v3/data?page=2\"")));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err, oldOut = System.out;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            code = se.halsolage.cli.Cli.run(new se.halsolage.Main(), "kolada", "fetch", "--workbook", w.toString(),
                    "--kpi", "N00945", "--areas", "0180", "--years", "2020", "--base-url", kolada.baseUrl());
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(1);
        assertThat(text).contains("Fel: ").contains("next_url").doesNotContain("\tat ").doesNotContain("Exception");
        try (se.halsolage.workbook.Workbook wb = se.halsolage.workbook.Workbook.open(w)) {
            assertThat(wb.contentDigest()).isEqualTo(before);
        }
        assertOtherHostNeverContacted();
    }

    @Test
    void aRelativeNextUrlOnTheSameServerIsStillFollowed() {
        kolada.handler(path -> HostileKoladaServer.json(String.format(PAGE, path.contains("page=2") ? "null"
                : "\"/v3/data/kpi/N00945/municipality/0180?per_page=5000&page=2\"")));
        List<KoladaPage> pages = client().getAll(first(), CancelToken.none(), null);
        assertThat(pages).hasSize(2);
        assertThat(kolada.connections()).extracting(HostileKoladaServer.Connection::requestLine)
                .containsExactly("GET /v3/data/kpi/N00945/municipality/0180?per_page=5000 HTTP/1.1",
                        "GET /v3/data/kpi/N00945/municipality/0180?per_page=5000&page=2 HTTP/1.1");
        assertOtherHostNeverContacted();
    }

    @Test
    void aBodyThatTricklesIsCutOffAtTheTotalDeadline() {
        // 100 000 declared bytes at one byte per 50 ms would take 80 minutes; the deadline (1 s) covers the body too
        kolada.handler(path -> HostileKoladaServer.trickle(100_000, 50));
        KoladaClient c = KoladaClient.builder().baseUrl(kolada.baseUrl()).clock(new FakeClock()).maxAttempts(2)
                .requestTimeout(Duration.ofSeconds(1)).build();
        KoladaException e = catchThrowableOfType(() -> c.getAll(first(), CancelToken.none(), null), KoladaException.class);
        assertThat(e.kind()).isEqualTo(KoladaException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("svarade inte inom 1 sekunder");
        assertSwedishWithoutTrace(e);
        assertThat(kolada.connections()).as("one retry, then the refusal").hasSize(2);
        assertThat(kolada.bytesWritten()).isLessThan(100_000);
        assertOtherHostNeverContacted();
    }

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeItIsRead() {
        kolada.handler(path -> HostileKoladaServer.declared(2L << 30)); // 2 GiB
        KoladaException e = catchThrowableOfType(() -> client().getAll(first(), CancelToken.none(), null), KoladaException.class);
        assertThat(e.getMessage()).contains("är för stort (2,0 GB").contains("högst 64,0 MB");
        assertSwedishWithoutTrace(e);
        assertThat(kolada.bytesWritten()).as("what the server got out before the client hung up").isLessThan(64L << 20);
    }

    @Test
    void anEndlessBodyStopsAtTheCapInsteadOfFillingTheMemory() {
        kolada.handler(path -> HostileKoladaServer.endless());
        KoladaClient c = KoladaClient.builder().baseUrl(kolada.baseUrl()).clock(new FakeClock()).maxAttempts(1)
                .maxBodyBytes(4L << 20).build();
        KoladaException e = catchThrowableOfType(() -> c.getAll(first(), CancelToken.none(), null), KoladaException.class);
        assertThat(e.getMessage()).contains("är för stort").contains("högst 4,0 MB");
        assertSwedishWithoutTrace(e);
        assertThat(kolada.bytesWritten()).isLessThan(64L << 20);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] body = String.format(PAGE, "null").replace("0180", "01XX").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("XX");
        body[at] = (byte) 0xC3;      // a lead byte...
        body[at + 1] = (byte) 0x28;  // ...followed by no continuation byte
        byte[] b = body;
        kolada.handler(path -> HostileKoladaServer.bytes(200, "application/json; charset=utf-8", b));
        KoladaException e = catchThrowableOfType(() -> client().getAll(first(), CancelToken.none(), null), KoladaException.class);
        assertThat(e.kind()).isEqualTo(KoladaException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("inte giltig UTF-8");
        assertSwedishWithoutTrace(e);
    }

    @Test
    void anIdWithControlOrReplacementCharactersIsRefused() {
        for (String bad : new String[]{"01\\u000080", "01\\ufffd80", "01\\ud80080"}) {
            kolada.handler(path -> HostileKoladaServer.json(String.format(PAGE, "null").replace("0180", bad)));
            List<KoladaPage> pages = client().getAll(first(), CancelToken.none(), null);
            assertThatThrownBy(() -> KoladaClient.dataRows(pages.get(0))).as(bad).isInstanceOf(KoladaException.class)
                    .hasMessageContaining("fältet \"municipality\" innehåller ogiltiga tecken");
        }
    }

    @Test
    void anHttpNextUrlOnTheHttpsBaseHostIsUpgradedNeverDowngraded() {
        java.net.URI https = java.net.URI.create("https://api.kolada.se/v3");
        assertThat(KoladaClient.onBase(java.net.URI.create("http://api.kolada.se/v3/data/kpi/N00945?per_page=5000&page=2"), https))
                .hasToString("https://api.kolada.se/v3/data/kpi/N00945?per_page=5000&page=2");
        assertThat(KoladaClient.onBase(java.net.URI.create("https://API.kolada.se:443/v3/x?page=2"), https)).isNotNull();
        assertThat(KoladaClient.onBase(java.net.URI.create("http://api.kolada.se:8080/v3/x"), https)).isNull();
        assertThat(KoladaClient.onBase(java.net.URI.create("http://api.kolada.se.evil.example/v3/x"), https)).isNull();
        assertThat(KoladaClient.onBase(java.net.URI.create("https://api.kolada.se/v3/x"), java.net.URI.create("http://api.kolada.se/v3")))
                .as("never from http to https on another port, nor the other way").isNull();
    }

    @Test
    void aBaseUrlThatIsNoHttpAddressIsRefused() {
        for (String base : new String[]{"file:///etc", "ftp://example.org/v3", "http:///v3", "api.kolada.se/v3"}) {
            assertThatThrownBy(() -> KoladaClient.builder().baseUrl(base).build()).as(base).isInstanceOf(KoladaException.class)
                    .hasMessageContaining("ingen http- eller https-adress");
        }
    }
}
