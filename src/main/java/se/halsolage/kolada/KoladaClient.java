package se.halsolage.kolada;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.halsolage.catalog.KoladaCatalog.KoladaArea;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.catalog.KpiInfo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Kolada API v3 over {@code java.net.http}: metadata ({@code /kpi}, {@code /kpi_groups},
 * {@code /municipality}, {@code /municipality_groups}) and {@code /data}. A good citizen: at most
 * five requests per second, at most 25 ids per path segment, {@code per_page} ≤ 5000, follows
 * {@code next_url} until it is null, retries 429 (honouring Retry-After) and 5xx with exponential
 * back-off, has connect and request timeouts and can be cancelled. Every failure is a
 * {@link KoladaException} with a Swedish message. It never writes anything: callers store the pages.
 *
 * <p>It talks only to the configured server: redirects are never followed (a 3xx is refused), and every
 * URL it asks for, {@code next_url} included, must have the base URL's scheme, host and port. Each request
 * has a total deadline ({@code requestTimeout}) that covers the body as well as the headers, a body larger
 * than {@code maxBodyBytes} is refused as it arrives (before it fills the memory), and a body that is not
 * valid UTF-8, or an id with control characters or replacement characters, is refused.
 */
public final class KoladaClient {
    public static final String DEFAULT_BASE_URL = "https://api.kolada.se/v3";
    /** System property that overrides the base URL (tests, a mirror, a proxy). */
    public static final String BASE_URL_PROPERTY = "halsolage.kolada.url";
    public static final int MAX_IDS_PER_SEGMENT = 25;
    public static final int MAX_PER_PAGE = 5000;
    private static final int MAX_PAGES = 10_000;
    /** Default cap on one response body: a full page of 5 000 data rows is about 2 MB, the KPI catalogue about 10 MB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(KoladaClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final int perPage;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration requestTimeout;
    private final long maxBodyBytes;
    private final URI base;
    private final KoladaClock clock;
    private final RateLimiter limiter;
    private final HttpClient http;

    private KoladaClient(Builder b) {
        this.baseUrl = stripSlash(b.baseUrl == null ? defaultBaseUrl() : b.baseUrl);
        if (b.perPage < 1 || b.perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page måste vara 1–" + MAX_PER_PAGE);
        }
        this.perPage = b.perPage;
        this.maxAttempts = Math.max(1, b.maxAttempts);
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.requestTimeout = b.requestTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
        this.base = checkedBase(baseUrl);
        this.clock = b.clock;
        this.limiter = new RateLimiter(b.requestsPerSecond, b.clock);
        // never follow redirects: a 3xx could lead to any host (another server, 169.254.169.254, …)
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The base URL from the system property {@value #BASE_URL_PROPERTY}, else {@value #DEFAULT_BASE_URL}. */
    public static String defaultBaseUrl() {
        String p = System.getProperty(BASE_URL_PROPERTY);
        return p == null || p.isBlank() ? DEFAULT_BASE_URL : p.strip();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static KoladaClient create() {
        return builder().build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Settings; the defaults suit the real Kolada. */
    public static final class Builder {
        private String baseUrl;
        private int perPage = MAX_PER_PAGE;
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private double requestsPerSecond = 5;
        private KoladaClock clock = KoladaClock.SYSTEM;

        public Builder baseUrl(String url) { this.baseUrl = url; return this; }
        public Builder perPage(int n) { this.perPage = n; return this; }
        public Builder maxAttempts(int n) { this.maxAttempts = n; return this; }
        public Builder initialBackoff(Duration d) { this.initialBackoff = d; return this; }
        public Builder maxBackoff(Duration d) { this.maxBackoff = d; return this; }
        public Builder maxRetryAfter(Duration d) { this.maxRetryAfter = d; return this; }
        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
        /** The total time one request may take, headers and body together. */
        public Builder requestTimeout(Duration d) { this.requestTimeout = d; return this; }
        /** The largest response body accepted, in bytes. */
        public Builder maxBodyBytes(long n) { this.maxBodyBytes = Math.max(1, n); return this; }
        public Builder requestsPerSecond(double r) { this.requestsPerSecond = Math.min(5, r); return this; }
        public Builder clock(KoladaClock c) { this.clock = c; return this; }

        public KoladaClient build() {
            return new KoladaClient(this);
        }
    }

    // ---------------------------------------------------------------- URLs

    /** Splits ids into comma-joined segments of at most 25. */
    public static List<String> segments(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_IDS_PER_SEGMENT) {
            out.add(String.join(",", ids.subList(i, Math.min(ids.size(), i + MAX_IDS_PER_SEGMENT))));
        }
        return out;
    }

    /**
     * The first-page URLs of a data query: every combination of ≤ 25 KPIs × ≤ 25 areas × ≤ 25 years.
     * With no years, all years are asked for.
     */
    public List<String> dataUrls(List<String> kpis, List<String> areas, List<Integer> years) {
        List<String> out = new ArrayList<>();
        List<String> yearSegs = years == null || years.isEmpty() ? List.of("")
                : segments(years.stream().map(String::valueOf).toList());
        for (String k : segments(kpis)) {
            for (String a : segments(areas)) {
                for (String y : yearSegs) {
                    out.add(baseUrl + "/data/kpi/" + k + "/municipality/" + a + (y.isEmpty() ? "" : "/year/" + y)
                            + "?per_page=" + perPage);
                }
            }
        }
        return out;
    }

    private String metaUrl(String entity, List<String> ids, String title) {
        StringBuilder sb = new StringBuilder(baseUrl).append('/').append(entity);
        if (ids != null && !ids.isEmpty()) sb.append('/').append(String.join(",", ids));
        sb.append("?per_page=").append(perPage);
        if (title != null && !title.isBlank()) sb.append("&title=").append(encode(title.strip()));
        return sb.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- typed queries

    /** KPI metadata for the given ids (split into requests of 25). */
    public List<KpiInfo> kpis(List<String> ids, CancelToken cancel) {
        List<KpiInfo> out = new ArrayList<>();
        for (String seg : segments(ids)) {
            for (KoladaPage p : getAll(metaUrl("kpi", List.of(seg), null), cancel, null)) {
                for (JsonNode n : values(p)) out.add(kpi(n, p.url()));
            }
        }
        return out;
    }

    /** KPIs whose title contains the text (online search). */
    public List<KpiInfo> searchKpis(String title, CancelToken cancel) {
        List<KpiInfo> out = new ArrayList<>();
        for (KoladaPage p : getAll(metaUrl("kpi", null, title), cancel, null)) {
            for (JsonNode n : values(p)) out.add(kpi(n, p.url()));
        }
        return out;
    }

    /** KPI groups ("färdiga presentationer") whose title contains the text; members are KPI ids. */
    public List<KoladaGroup> kpiGroups(String title, CancelToken cancel) {
        return groups("kpi_groups", null, title, cancel);
    }

    /** Municipality groups whose title contains the text, with their members. */
    public List<KoladaGroup> municipalityGroups(String title, CancelToken cancel) {
        return groups("municipality_groups", null, title, cancel);
    }

    /** Municipality groups by id. */
    public List<KoladaGroup> municipalityGroupsById(List<String> ids, CancelToken cancel) {
        List<KoladaGroup> out = new ArrayList<>();
        for (String seg : segments(ids)) out.addAll(groups("municipality_groups", List.of(seg), null, cancel));
        return out;
    }

    /** Municipalities and regions ({id, title, type}) whose title contains the text (all when null). */
    public List<Map<String, String>> municipalities(String title, CancelToken cancel) {
        List<Map<String, String>> out = new ArrayList<>();
        for (KoladaPage p : getAll(metaUrl("municipality", null, title), cancel, null)) {
            for (JsonNode n : values(p)) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("id", text(n, "id", p.url(), true));
                m.put("title", text(n, "title", p.url(), false));
                m.put("type", text(n, "type", p.url(), false));
                out.add(m);
            }
        }
        return out;
    }

    private List<KoladaGroup> groups(String entity, List<String> ids, String title, CancelToken cancel) {
        List<KoladaGroup> out = new ArrayList<>();
        for (KoladaPage p : getAll(metaUrl(entity, ids, title), cancel, null)) out.addAll(parseGroups(p));
        return out;
    }

    /** The first-page URL of a whole catalogue list: "kpi", "municipality" or "municipality_groups". */
    public String catalogUrl(String entity) {
        return metaUrl(entity, null, null);
    }

    /**
     * The groups of a {@code /municipality_groups} or {@code /kpi_groups} page. Kolada v3 writes a group as
     * {@code {"id", "title", "members": [{"member_id": "0781", "member_title": "Ljungby"}]}}.
     */
    public static List<KoladaGroup> parseGroups(KoladaPage p) {
        List<KoladaGroup> out = new ArrayList<>();
        for (JsonNode n : values(p)) {
            Map<String, String> members = new LinkedHashMap<>();
            JsonNode ms = n.get("members");
            if (ms != null && ms.isArray()) {
                for (JsonNode m : ms) {
                    if (m.isObject()) members.put(text(m, "member_id", p.url(), true), text(m, "member_title", p.url(), false));
                    else members.put(m.asText(), null);
                }
            }
            out.add(new KoladaGroup(text(n, "id", p.url(), true), text(n, "title", p.url(), false), members));
        }
        return out;
    }

    /** The KPIs of a {@code /kpi} page. */
    public static List<KpiInfo> parseKpis(KoladaPage p) {
        List<KpiInfo> out = new ArrayList<>();
        for (JsonNode n : values(p)) out.add(kpi(n, p.url()));
        return out;
    }

    /** The areas of a {@code /municipality} page: {@code {"id", "title", "type"}}. */
    public static List<KoladaArea> parseAreas(KoladaPage p) {
        List<KoladaArea> out = new ArrayList<>();
        for (JsonNode n : values(p)) {
            out.add(new KoladaArea(text(n, "id", p.url(), true), text(n, "title", p.url(), false), text(n, "type", p.url(), false)));
        }
        return out;
    }

    private static KpiInfo kpi(JsonNode n, String url) {
        JsonNode g = n.get("is_divided_by_gender");
        boolean gender = g != null && (g.asBoolean() || "1".equals(g.asText()) || "true".equalsIgnoreCase(g.asText()));
        return new KpiInfo(text(n, "id", url, true), text(n, "title", url, false), text(n, "description", url, false),
                gender, text(n, "municipality_type", url, false), text(n, "operating_area", url, false),
                text(n, "publ_period", url, false));
    }

    /** Parses the rows of a data page. */
    public static List<DataRow> dataRows(KoladaPage p) {
        List<DataRow> out = new ArrayList<>();
        for (JsonNode n : values(p)) {
            String kpi = text(n, "kpi", p.url(), true);
            String area = text(n, "municipality", p.url(), true);
            String period = text(n, "period", p.url(), true);
            List<DataRow.Value> vals = new ArrayList<>();
            JsonNode vs = n.get("values");
            if (vs == null || !vs.isArray()) {
                throw KoladaException.malformed(p.url(), "en rad saknar \"values\"", null);
            }
            for (JsonNode v : vs) {
                JsonNode value = v.get("value");
                Double d = null;
                if (value != null && !value.isNull()) {
                    if (!value.isNumber()) {
                        throw KoladaException.malformed(p.url(), "värdet \"" + value.asText() + "\" är inget tal", null);
                    }
                    d = value.asDouble();
                    if (d.isNaN() || d.isInfinite()) d = null;
                }
                JsonNode count = v.get("count");
                JsonNode del = v.get("isdeleted");
                vals.add(new DataRow.Value(text(v, "gender", p.url(), true),
                        count == null || count.isNull() ? null : count.asInt(), text(v, "status", p.url(), false), d,
                        del != null && del.asBoolean(false)));
            }
            out.add(new DataRow(kpi, area, period, List.copyOf(vals), p.url()));
        }
        return out;
    }

    private static List<JsonNode> values(KoladaPage p) {
        List<JsonNode> out = new ArrayList<>();
        p.json().get("values").forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String field, String url, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) throw KoladaException.malformed(url, "fältet \"" + field + "\" saknas", null);
            return v == null || v.isNull() ? null : v.asText();
        }
        String t = v.asText();
        if (required && !cleanText(t)) {
            throw KoladaException.malformed(url, "fältet \"" + field + "\" innehåller ogiltiga tecken (styrtecken, "
                    + "ersättningstecken eller trasig UTF-16): \"" + t.codePoints().limit(40).mapToObj(cp -> Character.isISOControl(cp)
                    || cp == 0xFFFD || Character.isSurrogate((char) cp) ? String.format("\\u%04X", cp) : Character.toString(cp))
                    .collect(java.util.stream.Collectors.joining()) + "\"", null);
        }
        return t;
    }

    /** An id must be printable text: no control characters, no U+FFFD, no unpaired surrogates. */
    static boolean cleanText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFD') return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- paging, retries

    /**
     * Fetches a URL and every page after it (following {@code next_url} until null). Each page is
     * passed to {@code onPage} as it arrives (may be null). Nothing is written anywhere.
     */
    public List<KoladaPage> getAll(String firstUrl, CancelToken cancel, Consumer<KoladaPage> onPage) {
        List<KoladaPage> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String url = firstUrl;
        while (url != null) {
            if (!seen.add(url) || pages.size() >= MAX_PAGES) {
                throw KoladaException.malformed(url, "sidorna pekar i en slinga", null);
            }
            KoladaPage p = get(url, cancel);
            pages.add(p);
            if (onPage != null) onPage.accept(p);
            url = nextUrl(p);
        }
        return pages;
    }

    private String nextUrl(KoladaPage p) {
        JsonNode n = p.json().get("next_url");
        if (n == null) n = p.json().get("next_page");
        if (n == null || n.isNull()) return null;
        String s = n.asText().strip();
        if (s.isEmpty() || s.equals("null")) return null;
        URI next;
        try {
            // relative and protocol-relative ("//host/…") forms are resolved against the page's own address
            next = URI.create(p.url()).resolve(s);
        } catch (IllegalArgumentException e) {
            throw KoladaException.malformed(p.url(), "next_url \"" + shortDetail(s) + "\" är ingen adress", e);
        }
        URI onBase = onBase(next, base);
        if (onBase == null) throw KoladaException.foreignNextUrl(p.url(), shortDetail(s), baseUrl);
        return onBase.toString();
    }

    /**
     * {@code next} if it is on the configured server; the same address over https when the server behind a
     * TLS proxy writes its own host with "http://" and no port (as Kolada's v2 did) while the base URL is
     * https (never the other way round); otherwise null.
     */
    static URI onBase(URI next, URI base) {
        if (sameServer(next, base)) return next;
        if ("http".equalsIgnoreCase(next.getScheme()) && "https".equalsIgnoreCase(base.getScheme()) && next.getHost() != null
                && next.getHost().equalsIgnoreCase(base.getHost()) && (next.getPort() == -1 || next.getPort() == 80)
                && next.getRawUserInfo() == null) {
            try {
                return new URI("https://" + base.getRawAuthority() + (next.getRawPath() == null ? "" : next.getRawPath())
                        + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
        return null;
    }

    /** The base URL must be an http(s) address with a host. */
    private static URI checkedBase(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawUserInfo() == null) return u;
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw KoladaException.badBaseUrl(url);
    }

    /** Same scheme, host and port (the scheme's default port when none is written), and no user name. */
    static boolean sameServer(URI u, URI base) {
        if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null) return false;
        return u.getScheme().equalsIgnoreCase(base.getScheme()) && u.getHost().equalsIgnoreCase(base.getHost())
                && port(u) == port(base);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** One page with retries. The JSON must be an object with a "values" array. */
    public KoladaPage get(String url, CancelToken cancel) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw KoladaException.malformed(url, "ogiltig adress", e);
        }
        if (!sameServer(uri, base)) throw KoladaException.foreignUrl(url, baseUrl);
        String host = uri.getHost();
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                    .header("Accept", "application/json")
                    .header("User-Agent", "Halsolage (folkhälsoverktyg; https://github.com/halsolage)")
                    .build();
        } catch (IllegalArgumentException e) {
            throw KoladaException.malformed(url, "ogiltig adress", e);
        }
        int attempt = 0;
        while (true) {
            attempt++;
            cancel.check();
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KoladaException.cancelled();
            }
            HttpResponse<byte[]> resp;
            try {
                resp = send(req, cancel);
            } catch (HttpConnectTimeoutException e) {
                throw KoladaException.offline(host, e);
            } catch (HttpTimeoutException e) {
                if (attempt >= maxAttempts) throw KoladaException.timeout(url, requestTimeout.toSeconds(), e);
                pause(backoff(attempt), cancel);
                continue;
            } catch (IOException e) {
                if (isOffline(e)) throw KoladaException.offline(host, e);
                if (attempt >= maxAttempts) throw KoladaException.offline(host, e);
                LOG.debug("Kolada-anrop misslyckades ({}), försöker igen", e.toString());
                pause(backoff(attempt), cancel);
                continue;
            }
            Instant at = Instant.now();
            int status = resp.statusCode();
            if (status == 200) {
                String body = strictUtf8(resp.body(), url);
                JsonNode json;
                try {
                    json = JSON.readTree(body);
                } catch (JsonProcessingException e) {
                    throw KoladaException.malformed(url, "ogiltig JSON", e);
                }
                if (json == null || !json.isObject() || json.get("values") == null || !json.get("values").isArray()) {
                    String said = json == null ? null : json.isObject() && json.hasNonNull("error") ? json.get("error").asText()
                            : json.isObject() && json.hasNonNull("message") ? json.get("message").asText() : null;
                    throw KoladaException.malformed(url, "svaret saknar listan \"values\""
                            + (said == null ? "" : "; Kolada skrev: " + shortDetail(said)), null);
                }
                return new KoladaPage(url, at, body, json);
            }
            if (status >= 300 && status < 400) {
                throw KoladaException.redirected(status, url, shortDetail(resp.headers().firstValue("Location").orElse(null)),
                        baseUrl);
            }
            if (status == 429) {
                if (attempt >= maxAttempts) throw KoladaException.rateLimited(url, attempt);
                long wait = retryAfterNanos(resp.headers().firstValue("Retry-After").orElse(null));
                pause(wait >= 0 ? Math.min(wait, maxRetryAfter.toNanos()) : backoff(attempt), cancel);
                continue;
            }
            if (status >= 500) {
                if (attempt >= maxAttempts) throw KoladaException.server(status, url, attempt);
                pause(backoff(attempt), cancel);
                continue;
            }
            throw KoladaException.http(status, url, shortDetail(new String(resp.body(), StandardCharsets.UTF_8)));
        }
    }

    /**
     * Sends one request and reads its body, within one deadline for both ({@code requestTimeout}) and at
     * most {@code maxBodyBytes}; past either the exchange is aborted.
     */
    private HttpResponse<byte[]> send(HttpRequest req, CancelToken cancel) throws IOException {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        CappedBody body = new CappedBody(maxBodyBytes);
        CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(req, body);
        while (true) {
            if (cancel.isCancelled()) {
                body.abort();
                f.cancel(true);
                throw KoladaException.cancelled();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                body.abort();
                f.cancel(true);
                throw new HttpTimeoutException("deadline");
            }
            try {
                return f.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // poll the cancel flag and the deadline again
            } catch (InterruptedException e) {
                body.abort();
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw KoladaException.cancelled();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                for (Throwable t = c; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    if (t instanceof BodyTooLarge big) throw KoladaException.tooLarge(req.uri().toString(), big.bytes, maxBodyBytes);
                }
                if (c instanceof IOException io) throw io;
                if (c instanceof UnresolvedAddressException) throw new UnknownHostException(req.uri().getHost());
                throw new IOException(c);
            }
        }
    }

    /** The body as UTF-8, refusing bytes that are not valid UTF-8 (instead of replacing them with U+FFFD). */
    private static String strictUtf8(byte[] bytes, String url) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw KoladaException.malformed(url, "svaret är inte giltig UTF-8-text", e);
        }
    }

    /** A body over the cap, by its declared length or by what arrived. */
    private static final class BodyTooLarge extends IOException {
        final long bytes;

        BodyTooLarge(long bytes) {
            super("body larger than the cap", null);
            this.bytes = bytes;
        }
    }

    /**
     * Collects a response body up to a cap: a declared Content-Length over it is refused before reading, and
     * reading stops (the exchange is cancelled) as soon as more than the cap has arrived.
     */
    private static final class CappedBody implements HttpResponse.BodyHandler<byte[]> {
        private final long cap;
        private volatile Subscriber current;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            Subscriber s = new Subscriber(cap, declared);
            current = s;
            return s;
        }

        void abort() {
            Subscriber s = current;
            if (s != null) s.fail(new HttpTimeoutException("aborted"));
        }

        private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
            private final long cap;
            private final long declared;
            private final CompletableFuture<byte[]> result = new CompletableFuture<>();
            private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            private volatile java.util.concurrent.Flow.Subscription subscription;
            private long size;

            Subscriber(long cap, long declared) {
                this.cap = cap;
                this.declared = declared;
            }

            @Override
            public java.util.concurrent.CompletionStage<byte[]> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                subscription = s;
                if (result.isDone()) {
                    s.cancel();
                } else if (declared > cap) {
                    fail(new BodyTooLarge(declared));
                } else {
                    s.request(Long.MAX_VALUE);
                }
            }

            @Override
            public void onNext(List<java.nio.ByteBuffer> items) {
                if (result.isDone()) return;
                for (java.nio.ByteBuffer b : items) {
                    size += b.remaining();
                    if (size > cap) {
                        fail(new BodyTooLarge(size));
                        return;
                    }
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    buf.write(chunk, 0, chunk.length);
                }
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                result.complete(buf.toByteArray());
            }

            void fail(Throwable t) {
                java.util.concurrent.Flow.Subscription s = subscription;
                if (s != null) s.cancel();
                result.completeExceptionally(t);
            }
        }
    }

    private static boolean isOffline(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Exponential back-off: initial × 2^(attempt−1), capped. */
    long backoff(int attempt) {
        long n = initialBackoff.toNanos() << Math.min(20, attempt - 1);
        return Math.min(n, maxBackoff.toNanos());
    }

    /** Retry-After as seconds or an HTTP date; −1 when absent or unreadable. */
    static long retryAfterNanos(String header) {
        if (header == null || header.isBlank()) return -1;
        String h = header.strip();
        try {
            return Math.max(0, TimeUnit.SECONDS.toNanos(Long.parseLong(h)));
        } catch (NumberFormatException ignored) {
            // maybe a date
        }
        try {
            ZonedDateTime t = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(Instant.now(), t.toInstant()).toNanos());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private void pause(long nanos, CancelToken cancel) {
        long slice = TimeUnit.MILLISECONDS.toNanos(200);
        long left = nanos;
        try {
            while (left > 0) {
                cancel.check();
                long s = Math.min(slice, left);
                clock.sleep(s);
                left -= s;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KoladaException.cancelled();
        }
        cancel.check();
    }

    private static String shortDetail(String body) {
        if (body == null) return null;
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + " …" : s.toLowerCase(Locale.ROOT).startsWith("<") ? null : s;
    }

    private static String stripSlash(String s) {
        String t = s.strip();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }
}
