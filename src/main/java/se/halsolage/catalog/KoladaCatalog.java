package se.halsolage.catalog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.export.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local copy of Kolada's own catalogue, downloaded from Kolada ({@code /v3/kpi},
 * {@code /v3/municipality}, {@code /v3/municipality_groups}; {@code halsolage kolada catalog update} or
 * the button in the Kolada view) and kept in the application-data folder ({@link AppData}) as
 * {@code kolada/kolada-katalog.json} with the time it was fetched. It is written atomically: a reader
 * sees the whole old copy or the whole new one. The program ships no copy of Kolada's catalogue.
 *
 * @param source the base URL it was fetched from
 */
public record KoladaCatalog(Instant fetchedAt, String source, List<KpiInfo> kpis, List<KoladaArea> areas,
                            List<KoladaGroup> groups) {
    /** One row of {@code /v3/municipality}: type K (kommun) or L (region, riket). */
    public record KoladaArea(String id, String title, String type) {
    }

    public static final String FILE_NAME = "kolada-katalog.json";
    private static final int FORMAT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(KoladaCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Cached(Path path, FileTime modified, long size, KoladaCatalog catalog) {
    }

    private static volatile Cached cached;
    private static volatile String problem;

    public KoladaCatalog {
        kpis = List.copyOf(kpis);
        areas = List.copyOf(areas);
        groups = List.copyOf(groups);
    }

    /** Where the copy is kept (not created). */
    public static Path file() {
        return AppData.location().resolve("kolada").resolve(FILE_NAME);
    }

    /** The downloaded copy, if there is a readable one (read once, again only when the file changed). */
    public static Optional<KoladaCatalog> load() {
        Path f = file();
        try {
            if (!Files.isRegularFile(f)) {
                problem = null;
                return Optional.empty();
            }
            FileTime modified = Files.getLastModifiedTime(f);
            long size = Files.size(f);
            Cached c = cached;
            if (c != null && c.path().equals(f) && c.modified().equals(modified) && c.size() == size) {
                return Optional.of(c.catalog());
            }
            KoladaCatalog cat;
            try (InputStream in = Files.newInputStream(f)) {
                cat = read(JSON.readTree(in));
            }
            cached = new Cached(f, modified, size, cat);
            problem = null;
            return Optional.of(cat);
        } catch (IOException | RuntimeException e) {
            problem = "Den sparade Kolada-katalogen " + f + " går inte att läsa (" + e.getMessage() + "); hämta den igen.";
            LOG.warn(problem);
            return Optional.empty();
        }
    }

    /** Why the last {@link #load()} found no usable copy although a file was there, or null. */
    public static String problem() {
        return problem;
    }

    /** Writes the copy atomically (temporary file, fsync, rename) and makes it the current one. */
    public static Path save(KoladaCatalog cat) {
        Path f = file();
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw new se.halsolage.domain.UserError("Kan inte skapa mappen " + f.getParent() + " (" + e.getMessage() + ").", e);
        }
        AtomicFiles.write(f, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setCodec(JSON);
                write(g, cat);
            }
        });
        cached = null;
        problem = null;
        return f;
    }

    private static void write(JsonGenerator g, KoladaCatalog cat) throws IOException {
        g.writeStartObject();
        g.writeNumberField("format", FORMAT);
        g.writeStringField("fetched_at", cat.fetchedAt().toString());
        g.writeStringField("source", cat.source());
        g.writeArrayFieldStart("kpi");
        for (KpiInfo k : cat.kpis()) {
            g.writeStartObject();
            g.writeStringField("id", k.id());
            g.writeStringField("title", k.title());
            g.writeStringField("description", k.description());
            g.writeBooleanField("is_divided_by_gender", k.genderSplit());
            g.writeStringField("municipality_type", k.municipalityType());
            g.writeStringField("operating_area", k.operatingArea());
            g.writeStringField("publ_period", k.publPeriod());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("municipality");
        for (KoladaArea a : cat.areas()) {
            g.writeStartObject();
            g.writeStringField("id", a.id());
            g.writeStringField("title", a.title());
            g.writeStringField("type", a.type());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("municipality_groups");
        for (KoladaGroup gr : cat.groups()) {
            g.writeStartObject();
            g.writeStringField("id", gr.id());
            g.writeStringField("title", gr.title());
            g.writeArrayFieldStart("members");
            for (Map.Entry<String, String> m : gr.members().entrySet()) {
                g.writeStartObject();
                g.writeStringField("member_id", m.getKey());
                g.writeStringField("member_title", m.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static KoladaCatalog read(JsonNode n) {
        if (n == null || !n.isObject() || n.path("format").asInt() != FORMAT) {
            throw new IllegalStateException("okänt format");
        }
        List<KpiInfo> kpis = new ArrayList<>();
        for (JsonNode k : n.path("kpi")) {
            kpis.add(new KpiInfo(k.path("id").asText(), text(k, "title"), text(k, "description"),
                    k.path("is_divided_by_gender").asBoolean(), text(k, "municipality_type"), text(k, "operating_area"),
                    text(k, "publ_period")));
        }
        List<KoladaArea> areas = new ArrayList<>();
        for (JsonNode a : n.path("municipality")) areas.add(new KoladaArea(a.path("id").asText(), text(a, "title"), text(a, "type")));
        List<KoladaGroup> groups = new ArrayList<>();
        for (JsonNode gr : n.path("municipality_groups")) {
            Map<String, String> members = new LinkedHashMap<>();
            for (JsonNode m : gr.path("members")) members.put(m.path("member_id").asText(), text(m, "member_title"));
            groups.add(new KoladaGroup(gr.path("id").asText(), text(gr, "title"), members));
        }
        return new KoladaCatalog(Instant.parse(n.path("fetched_at").asText()), text(n, "source"), kpis, areas, groups);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** "hämtad 2026-12-04, i dag" / "hämtad 2026-11-30, 4 dagar sedan". */
    public String ageText(LocalDate today) {
        LocalDate d = fetchedAt.atZone(ZoneId.systemDefault()).toLocalDate();
        long days = ChronoUnit.DAYS.between(d, today);
        String ago = days <= 0 ? "i dag" : days == 1 ? "i går" : days + " dagar sedan";
        return "hämtad " + DateTimeFormatter.ISO_LOCAL_DATE.format(d) + ", " + ago;
    }

    /** Days since it was fetched. */
    public long ageDays(LocalDate today) {
        return ChronoUnit.DAYS.between(fetchedAt.atZone(ZoneId.systemDefault()).toLocalDate(), today);
    }
}
