package se.halsolage.kolada;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import se.halsolage.catalog.KoladaGroups;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.testing.SharedFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A local stand-in for Kolada API v3 on 127.0.0.1, serving Kolada's real v3 shapes built from the real
 * rows in {@code ../shared/data/kolada/} (read through {@link SharedFiles}, never copied into the
 * repository): data rows from {@code n00945.csv} and {@code grp_data.csv}; {@code /v3/kpi},
 * {@code /v3/municipality} and {@code /v3/municipality_groups} from {@code kolada_kpi_catalog_v3.csv},
 * {@code kolada_municipalities_v3.csv} and {@code kolada_municipality_groups_v3.csv} (members written
 * {@code code:name|…} there, served as {@code {"member_id", "member_title"}}). Every list answer is
 * {@code {"count": <total>, "next_url": …|null, "previous_url": …|null, "values": [...]}}. It behaves
 * like Kolada where we rely on it: at most 25 ids per segment and per_page ≤ 5000 (else 422), pages
 * linked by next_url, and group ids answered with the unweighted mean of the members that have a
 * value (count = members contributing). Faults (429, 500, malformed JSON …) can be queued. Every
 * request URI is recorded. {@code new FakeKolada(false)} serves only what a test puts in (no shared files).
 */
final class FakeKolada implements AutoCloseable {
    record Val(String gender, Double value, String status, boolean deleted) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    /** kpi → area → period → values */
    private final Map<String, Map<String, Map<String, List<Val>>>> data = new TreeMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    /** A scripted answer for the next request matching {@code when}. */
    record Fault(Predicate<String> when, int status, String body, Map<String, String> headers) {
    }

    private final List<Map<String, String>> kpiCatalog = new ArrayList<>();
    private final List<Map<String, String>> areaCatalog = new ArrayList<>();
    private final Map<String, KoladaGroup> groupCatalog = new LinkedHashMap<>();

    /** A made-up catalogue entry for a generated KPI, unless the catalogue has it (tests without ../shared). */
    synchronized void addKpiIfMissing(String id) {
        if (kpiCatalog.stream().anyMatch(r -> id.equals(r.get("id")))) return;
        Map<String, String> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("title", "Genererat nyckeltal " + id + " (påhittat, för test)");
        r.put("description", "Påhittade värden för test.");
        r.put("is_divided_by_gender", "TRUE");
        r.put("municipality_type", "K");
        r.put("operating_area", "Test");
        kpiCatalog.add(r);
    }

    /** With Kolada's real rows and catalogue from ../shared/data/kolada/ (the test is skipped without them). */
    FakeKolada() throws IOException {
        this(true);
    }

    FakeKolada(boolean sharedData) throws IOException {
        this(sharedData, 0);
    }

    /** On a fixed port of 127.0.0.1 (0: any free port), for {@link StandInKolada}. */
    FakeKolada(boolean sharedData, int port) throws IOException {
        if (sharedData) {
            loadCsv(SharedFiles.kolada("n00945.csv"));
            loadCsv(SharedFiles.kolada("grp_data.csv"));
            kpiCatalog.addAll(rows(SharedFiles.kolada("kolada_kpi_catalog_v3.csv")));
            areaCatalog.addAll(rows(SharedFiles.kolada("kolada_municipalities_v3.csv")));
            for (Map<String, String> r : rows(SharedFiles.kolada("kolada_municipality_groups_v3.csv"))) {
                groupCatalog.put(r.get("id"), new KoladaGroup(r.get("id"), r.get("title"), KoladaGroups.parseMembers(r.get("members"))));
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/v3/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v3";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void loadCsv(Path file) throws IOException {
        for (Map<String, String> r : rows(file)) {
            String v = r.get("value");
            put(r.get("kpi"), r.get("municipality_id"), r.get("year"),
                    new Val(r.get("gender"), v.isEmpty() || v.equals("NA") ? null : Double.valueOf(v), r.get("status"), false));
        }
    }

    static List<Map<String, String>> rows(Path file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
                out.add(r.toMap());
            }
        }
        return out;
    }

    /** Adds a municipality group to the served catalogue (a test's own, or a changed one). */
    synchronized void putGroup(KoladaGroup g) {
        groupCatalog.put(g.id(), g);
    }

    /**
     * Also serves the 138 910 real values of ../shared/fixtures/real/kolada_values_raw_2024-12-12.csv (290
     * municipalities, 23 KPIs, 2010–2024, K/M/T, statuses "", Missing, Privacy, Not applicable, value null
     * whenever there is a status), as Kolada returned them on 2024-12-12.
     */
    void loadRealValues() throws IOException {
        for (Map<String, String> r : rows(SharedFiles.real("kolada_values_raw_2024-12-12.csv"))) {
            String v = r.get("value");
            put(r.get("kpi"), r.get("municipality_id"), r.get("year"),
                    new Val(r.get("gender"), v.isEmpty() || v.equals("NA") ? null : Double.valueOf(v), r.get("status"), false));
        }
    }

    /** The day a row (kpi, area, period) was last changed, for from_date; rows loaded or put are "old". */
    private final Map<String, java.time.LocalDate> changedOn = new HashMap<>();
    private static final java.time.LocalDate OLD = java.time.LocalDate.of(2024, 12, 12);

    /** Changes one gender's value the way Kolada revises a row: the row counts as changed today. */
    synchronized void change(String kpi, String area, String period, Val v) {
        put(kpi, area, period, v);
        changedOn.put(kpi + "|" + area + "|" + period, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")));
    }

    private java.time.LocalDate changed(String kpi, String area, String period) {
        if (!area.startsWith("G")) return changedOn.getOrDefault(kpi + "|" + area + "|" + period, OLD);
        KoladaGroup g = groupCatalog.get(area);
        java.time.LocalDate d = OLD;
        if (g != null) {
            for (String m : g.members().keySet()) {
                java.time.LocalDate x = changedOn.getOrDefault(kpi + "|" + m + "|" + period, OLD);
                if (x.isAfter(d)) d = x;
            }
        }
        return d;
    }

    /** Adds or replaces one gender's value. */
    synchronized void put(String kpi, String area, String period, Val v) {
        List<Val> vals = data.computeIfAbsent(kpi, k -> new TreeMap<>()).computeIfAbsent(area, a -> new TreeMap<>())
                .computeIfAbsent(period, p -> new ArrayList<>());
        vals.removeIf(x -> x.gender().equals(v.gender()));
        vals.add(v);
        vals.sort((a, b) -> "TKM".indexOf(a.gender()) - "TKM".indexOf(b.gender()));
    }

    synchronized Double value(String kpi, String area, String period, String gender) {
        return data.getOrDefault(kpi, Map.of()).getOrDefault(area, Map.of()).getOrDefault(period, List.of()).stream()
                .filter(v -> v.gender().equals(gender)).map(Val::value).findFirst().orElse(null);
    }

    void fault(Predicate<String> when, int status, String body, Map<String, String> headers) {
        synchronized (faults) {
            faults.add(new Fault(when, status, body, headers));
        }
    }

    void fault(int status, String body, Map<String, String> headers) {
        fault(u -> true, status, body, headers);
    }

    private Fault nextFault(String uri) {
        synchronized (faults) {
            for (var it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (f.when().test(uri)) {
                    it.remove();
                    return f;
                }
            }
        }
        return null;
    }

    private void handle(HttpExchange ex) throws IOException {
        String uri = ex.getRequestURI().toString();
        requests.add(uri);
        try {
            Fault f = nextFault(uri);
            if (f != null) {
                f.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                send(ex, f.status(), f.body());
                return;
            }
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            int perPage = Integer.parseInt(q.getOrDefault("per_page", "5000"));
            if (perPage > 5000 || perPage < 1) {
                send(ex, 422, "{\"detail\":\"per_page must be between 1 and 5000\"}");
                return;
            }
            int page = Integer.parseInt(q.getOrDefault("page", "1"));
            String path = ex.getRequestURI().getPath().substring("/v3/".length());
            String[] parts = path.split("/");
            for (int i = 1; i < parts.length; i++) { // every id segment: /kpi/<ids>, /data/kpi/<ids>/municipality/<ids>/year/<ids>
                if (parts[i].split(",").length > 25) {
                    send(ex, 422, "{\"detail\":\"Too many ids: at most 25 per segment\"}");
                    return;
                }
            }
            List<ObjectNode> all;
            switch (parts[0]) {
                case "data" -> all = dataRows(parts, q.get("from_date"));
                case "municipality_groups" -> all = groups(parts, q.get("title"));
                case "kpi" -> all = kpis(parts, q.get("title"));
                case "municipality" -> all = municipalities(q.get("title"));
                default -> {
                    send(ex, 404, "{\"error\":\"not found\"}");
                    return;
                }
            }
            int from = Math.min(all.size(), (page - 1) * perPage), to = Math.min(all.size(), from + perPage);
            ObjectNode body = json.createObjectNode();
            body.put("count", all.size());
            String self = baseUrl() + "/" + path + "?per_page=" + perPage
                    + (q.containsKey("title") ? "&title=" + KoladaClient.encode(q.get("title")) : "")
                    + (q.containsKey("from_date") ? "&from_date=" + q.get("from_date") : "");
            if (to < all.size()) body.put("next_url", self + "&page=" + (page + 1));
            else body.putNull("next_url");
            if (page > 1) body.put("previous_url", self + "&page=" + (page - 1));
            else body.putNull("previous_url");
            ArrayNode values = body.putArray("values");
            all.subList(from, to).forEach(values::add);
            send(ex, 200, json.writeValueAsString(body));
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error\":\"" + e + "\"}");
        }
    }

    private synchronized List<ObjectNode> dataRows(String[] parts, String fromDate) {
        java.time.LocalDate from = fromDate == null ? null : java.time.LocalDate.parse(fromDate);
        Map<String, String> seg = new HashMap<>();
        for (int i = 1; i + 1 < parts.length; i += 2) seg.put(parts[i], parts[i + 1]);
        List<String> kpis = Arrays.asList(seg.get("kpi").split(","));
        List<String> areas = Arrays.asList(seg.get("municipality").split(","));
        List<String> years = seg.containsKey("year") ? Arrays.asList(seg.get("year").split(",")) : null;
        List<ObjectNode> out = new ArrayList<>();
        for (String k : kpis) {
            for (String a : areas) {
                Map<String, List<Val>> byPeriod = a.startsWith("G") ? groupMeans(k, a) : data.getOrDefault(k, Map.of()).getOrDefault(a, Map.of());
                for (Map.Entry<String, List<Val>> e : new TreeMap<>(byPeriod).entrySet()) {
                    if (years != null && !years.contains(e.getKey())) continue;
                    if (from != null && changed(k, a, e.getKey()).isBefore(from)) continue;
                    ObjectNode row = json.createObjectNode();
                    row.put("kpi", k);
                    row.put("municipality", a);
                    row.put("period", Integer.parseInt(e.getKey()));
                    ArrayNode vs = row.putArray("values");
                    for (Val v : e.getValue()) {
                        ObjectNode o = vs.addObject();
                        o.put("gender", v.gender());
                        o.put("count", v.status() != null && v.status().startsWith("count=")
                                ? Integer.parseInt(v.status().substring(6)) : 1);
                        o.put("status", v.status() != null && v.status().startsWith("count=") ? "" : v.status());
                        if (v.value() == null) o.putNull("value");
                        else o.put("value", v.value());
                        o.put("isdeleted", v.deleted());
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Kolada's group value: the unweighted mean of the members with a value; count = how many. */
    private Map<String, List<Val>> groupMeans(String kpi, String groupId) {
        KoladaGroup g = groupCatalog.get(groupId);
        Map<String, List<Val>> out = new TreeMap<>();
        if (g == null) return out;
        Map<String, Map<String, List<Val>>> byArea = data.getOrDefault(kpi, Map.of());
        Map<String, Map<String, double[]>> sums = new TreeMap<>();
        for (String m : g.members().keySet()) {
            for (Map.Entry<String, List<Val>> e : byArea.getOrDefault(m, Map.of()).entrySet()) {
                for (Val v : e.getValue()) {
                    if (v.value() == null) continue;
                    double[] s = sums.computeIfAbsent(e.getKey(), p -> new LinkedHashMap<>())
                            .computeIfAbsent(v.gender(), x -> new double[2]);
                    s[0] += v.value();
                    s[1]++;
                }
            }
        }
        sums.forEach((period, byGender) -> byGender.forEach((gender, s) -> out.computeIfAbsent(period, p -> new ArrayList<>())
                .add(new Val(gender, s[0] / s[1], "count=" + (int) s[1], false))));
        return out;
    }

    private synchronized List<ObjectNode> groups(String[] parts, String title) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> ids = parts.length > 1 ? Arrays.asList(parts[1].split(",")) : null;
        for (KoladaGroup g : groupCatalog.values()) {
            if (ids != null && !ids.contains(g.id())) continue;
            if (title != null && !g.title().toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) continue;
            ObjectNode o = json.createObjectNode();
            o.put("id", g.id());
            o.put("title", g.title());
            ArrayNode ms = o.putArray("members");
            g.members().forEach((id, name) -> ms.addObject().put("member_id", id).put("member_title", name));
            out.add(o);
        }
        return out;
    }

    private List<ObjectNode> kpis(String[] parts, String title) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> ids = parts.length > 1 ? Arrays.asList(parts[1].split(",")) : null;
        for (Map<String, String> r : kpiCatalog) {
            if (ids != null && !ids.contains(r.get("id"))) continue;
            if (title != null && !r.get("title").toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) continue;
            ObjectNode o = json.createObjectNode();
            // every field of Kolada's v3 KPI object, in its order; booleans as JSON booleans
            r.forEach((k, v) -> {
                if (k.equals("is_divided_by_gender") || k.equals("has_ou_data")) o.put(k, "TRUE".equalsIgnoreCase(v));
                else if (v == null || v.isEmpty()) o.putNull(k);
                else o.put(k, v);
            });
            out.add(o);
        }
        return out;
    }

    private List<ObjectNode> municipalities(String title) {
        List<ObjectNode> out = new ArrayList<>();
        for (Map<String, String> r : areaCatalog) {
            if (title != null && !r.get("title").toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) continue;
            out.add(json.createObjectNode().put("id", r.get("id")).put("title", r.get("title")).put("type", r.get("type")));
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) return q;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        } else {
            ex.close();
        }
    }
}
