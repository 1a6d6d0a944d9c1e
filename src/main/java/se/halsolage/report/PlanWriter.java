package se.halsolage.report;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;
import se.halsolage.domain.TargetGroup;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Builds the plan: cover, contents, Inledning/Syfte, Arbete &lt;år&gt;, Nyckeltal per SfH area, Vad
 * sticker ut and the annex. The same methods decide what goes in for {@link #outline()} and
 * {@link #write(OutputStream)}, so the preview shows exactly the headings that are written.
 */
final class PlanWriter {
    record Stats(int headings, int charts, int tables, int indicators, int initiatives, int findings) {
    }

    static final String OTHER_GROUP = "Övriga insatser";

    private final Workbook wb;
    private final ReportOptions opt;
    private final ReportProgress progress;
    private final BooleanSupplier cancelled;
    private final PlanSettings plan;
    private final Area own, county, group;
    private final ReportTexts texts;
    private final KeyFigures keyFigures;

    PlanWriter(Workbook wb, ReportOptions opt, ReportProgress progress, BooleanSupplier cancelled) {
        this.wb = wb;
        this.opt = opt;
        this.progress = progress;
        this.cancelled = cancelled;
        this.plan = wb.settings().plan();
        this.own = plan.municipalityId() == null ? null : wb.areas().get(plan.municipalityId()).orElse(null);
        this.county = plan.countyId() == null ? null : wb.areas().get(plan.countyId()).orElse(null);
        this.group = plan.comparisonGroupId() == null ? null : wb.areas().get(plan.comparisonGroupId()).orElse(null);
        Map<String, String> ph = new LinkedHashMap<>();
        ph.put("kommun", municipalityName());
        ph.put("år", Integer.toString(opt.year()));
        ph.put("län", county == null ? "länet" : county.name());
        ph.put("jämförelsegrupp", group == null ? "liknande kommuner" : group.name());
        this.texts = new ReportTexts(wb, ph);
        this.keyFigures = new KeyFigures(wb, own, county, group, opt, this::check);
    }

    String municipalityName() {
        return Sv.kommun(own == null ? null : own.name());
    }

    String title() {
        return "Strategi för hälsa " + opt.year() + " – " + municipalityName();
    }

    private void check() {
        if (cancelled.getAsBoolean()) throw new CancellationException("Avbrutet");
    }

    // ------------------------------------------------------------------ outline

    List<OutlineEntry> outline() {
        List<OutlineEntry> out = new ArrayList<>();
        if (opt.includes(ReportPart.STICKER_UT)) out.addAll(keyFigures.findingsOutline());
        if (opt.includes(ReportPart.INLEDNING)) {
            out.add(new OutlineEntry(1, "Inledning", ReportPart.INLEDNING));
            out.add(new OutlineEntry(2, "Syfte", ReportPart.INLEDNING));
        }
        if (opt.includes(ReportPart.ARBETE)) {
            out.add(new OutlineEntry(1, arbeteTitle(), ReportPart.ARBETE));
            for (var e : initiativeGroups().entrySet()) {
                out.add(new OutlineEntry(2, e.getKey(), ReportPart.ARBETE));
                for (Initiative i : e.getValue()) {
                    if (!namesGroup(i, e.getKey())) out.add(new OutlineEntry(3, i.name(), ReportPart.ARBETE));
                }
            }
        }
        if (opt.includes(ReportPart.NYCKELTAL)) out.addAll(keyFigures.outline());
        if (opt.includes(ReportPart.BILAGA)) {
            for (String[] h : annexHeadings()) out.add(new OutlineEntry(Integer.parseInt(h[0]), h[1], ReportPart.BILAGA));
        }
        return out;
    }

    // ------------------------------------------------------------------ write

    Stats write(OutputStream os) throws IOException {
        progress.update(0.0, "Förbereder dokumentet");
        DocxBuilder b = new DocxBuilder();
        try {
            String title = title();
            b.properties(title, municipalityName(), "Folkhälsoarbetets plan för " + opt.year()
                            + " med insatser och nyckeltal enligt SKR:s Strategi för hälsa",
                    "Strategi för hälsa; folkhälsa; nyckeltal; " + municipalityName());
            b.footer("Strategi för hälsa " + opt.year() + " · " + municipalityName());
            cover(b);
            b.toc("Innehåll");
            int initiatives = 0;
            int findings = 0;
            if (opt.includes(ReportPart.STICKER_UT)) {
                progress.update(0.02, "Sammanfattning");
                findings = keyFigures.writeFindings(b, opt.year(), initiativeGroups());
            }
            check();
            if (opt.includes(ReportPart.INLEDNING)) inledning(b);
            check();
            if (opt.includes(ReportPart.ARBETE)) initiatives = arbete(b);
            check();
            progress.update(0.05, "Analyserar nyckeltalen");
            if (opt.includes(ReportPart.NYCKELTAL)) {
                keyFigures.write(b, (f, m) -> progress.update(0.05 + 0.85 * f, m), texts);
            }
            check();
            if (opt.includes(ReportPart.BILAGA)) bilaga(b);
            b.finishToc();
            progress.update(0.95, "Sparar dokumentet");
            b.write(os);
            return new Stats(b.headings().size(), b.pictures(), b.tables(), keyFigures.indicatorCount(), initiatives,
                    findings);
        } finally {
            b.close();
        }
    }

    private void cover(DocxBuilder b) {
        b.styled(DocxBuilder.STYLE_TITLE, "Strategi för hälsa " + opt.year());
        b.styled(DocxBuilder.STYLE_SUBTITLE, municipalityName());
        b.styled(DocxBuilder.STYLE_COVER, "Plan för folkhälsoarbetet " + opt.year()
                + " med insatser och nyckeltal");
        b.styled(DocxBuilder.STYLE_COVER, "Datum: " + Sv.date(opt.date()));
        if (plan.exampleData()) {
            XWPFParagraph p = b.paragraph(DocxBuilder.STYLE_EXAMPLE);
            DocxBuilder.bold(p, "Exempeldata. ");
            DocxBuilder.run(p, "Alla värden, insatser och namn i det här dokumentet är påhittade för att visa "
                    + "programmet Hälsoläge. Dokumentet får inte användas som underlag för beslut.");
        }
    }

    private void inledning(DocxBuilder b) {
        b.heading(1, "Inledning");
        b.texts(texts.get("inledning"));
        b.heading(2, "Syfte");
        b.texts(texts.get("syfte"));
    }

    // ------------------------------------------------------------------ Arbete <år>

    private String arbeteTitle() {
        return "Arbete " + opt.year();
    }

    /** Initiatives active in the plan year, grouped as the options say; insertion order = document order. */
    Map<String, List<Initiative>> initiativeGroups() {
        List<Initiative> active = wb.initiatives().all().stream().filter(i -> i.activeIn(opt.year())).toList();
        Map<String, List<Initiative>> groups = new LinkedHashMap<>();
        if (opt.groupBy() == GroupBy.MALOMRADE) {
            List<Initiative> none = new ArrayList<>();
            for (Malomrade m : Malomrade.values()) {
                for (Initiative i : active) {
                    Malomrade first = i.malomraden().stream().min(Comparator.naturalOrder()).orElse(null);
                    if (first == m) groups.computeIfAbsent(m.label(), k -> new ArrayList<>()).add(i);
                }
            }
            for (Initiative i : active) if (i.malomraden().isEmpty()) none.add(i);
            if (!none.isEmpty()) groups.put("Insatser utan målområde", none);
        } else {
            List<Initiative> others = new ArrayList<>();
            for (Initiative i : active) {
                if (i.workGroup() == null || i.workGroup().isBlank()) others.add(i);
                else groups.computeIfAbsent(i.workGroup().strip(), k -> new ArrayList<>()).add(i);
            }
            if (!others.isEmpty()) groups.put(OTHER_GROUP, others);
            for (var e : groups.entrySet()) {
                e.getValue().sort(Comparator.comparing((Initiative i) -> !namesGroup(i, e.getKey())));
            }
        }
        return groups;
    }

    private int arbete(DocxBuilder b) {
        b.heading(1, arbeteTitle());
        b.texts(texts.get("arbete"));
        Map<String, List<Initiative>> groups = initiativeGroups();
        int n = groups.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            b.text("Inga insatser är registrerade för " + opt.year() + ". Lägg in insatser i Hälsoläge så beskrivs de här.");
            return 0;
        }
        if (opt.groupBy() == GroupBy.MALOMRADE) {
            b.text("Insatserna är ordnade efter nationellt målområde. En insats som berör flera målområden står "
                    + "under det första av dem.");
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (Indicator i : wb.indicators().allIncludingHidden()) indicators.put(i.id(), i);
        for (var e : groups.entrySet()) {
            b.heading(2, e.getKey());
            for (Initiative i : e.getValue()) initiative(b, i, indicators, !namesGroup(i, e.getKey()));
        }
        return n;
    }

    /** An initiative named like its group ("Allas barn" in group "Allas barn") is the group's own text: no H3. */
    static boolean namesGroup(Initiative i, String groupTitle) {
        return i.name().strip().equalsIgnoreCase(groupTitle.strip());
    }

    private void initiative(DocxBuilder b, Initiative i, Map<String, Indicator> indicators, boolean ownHeading) {
        if (ownHeading) b.heading(3, i.name());
        // Prose first, like a municipality's own plan: why (what the data showed, what was decided), what it is,
        // and this year's work; the structured facts follow as a list.
        if (i.background() != null) b.texts(i.background());
        if (i.description() != null) b.texts(i.description());
        String note = i.notes().get(opt.year());
        if (note != null && !note.isBlank()) {
            // This year's work as prose: "Under 2026 genomförs …" stays as written; other notes get the year as a lead.
            String n = note.strip();
            if (n.toLowerCase(java.util.Locale.ROOT).startsWith("under " + opt.year())) {
                b.texts(Sv.sentence(n));
            } else {
                XWPFParagraph p = b.paragraph(null);
                DocxBuilder.bold(p, "Under " + opt.year() + ": ");
                DocxBuilder.run(p, Sv.sentence(n));
            }
        }
        List<String[]> facts = new ArrayList<>();
        String kind = i.kind().label() + " insats";
        if (!i.targetGroups().isEmpty()) {
            kind += " för " + Sv.join(i.targetGroups().stream().sorted().map(PlanWriter::targetGroupWords).toList());
        }
        facts.add(new String[]{"Typ: ", Sv.sentence(kind)});
        if (!i.malomraden().isEmpty()) {
            facts.add(new String[]{i.malomraden().size() == 1 ? "Målområde: " : "Målområden: ",
                    Sv.sentence(String.join("; ", i.malomraden().stream().sorted().map(Malomrade::label).toList()))});
        }
        String resp = i.responsible() == null || i.responsible().isBlank() ? "Ej angivet" : i.responsible().strip();
        if (!i.partners().isEmpty()) resp += ", i samverkan med " + Sv.join(i.partners().stream().map(String::strip).toList());
        facts.add(new String[]{"Ansvar: ", Sv.sentence(resp)});
        String state = i.status().label();
        if (i.maturity() != null) state += ". Mognad " + i.maturity().level() + " av 4: " + Sv.lower(i.maturity().label());
        if (i.startYear() != null || i.endYear() != null) state += ". " + period(i);
        facts.add(new String[]{"Status: ", Sv.sentence(state)});
        if (!i.indicatorIds().isEmpty()) {
            List<String> names = i.indicatorIds().stream()
                    .map(id -> indicators.containsKey(id) ? indicators.get(id).displayTitle() : id).toList();
            facts.add(new String[]{"Följs upp med: ", Sv.sentence(Sv.join(names))});
        }
        b.bullets(facts);
    }

    private static String targetGroupWords(TargetGroup g) {
        return switch (g) {
            case SMA_BARN -> "små barn";
            case SKOLBARN -> "skolbarn";
            case UNGA -> "unga";
            case VUXNA -> "vuxna";
            case ALDRE -> "äldre (65+)";
        };
    }

    private static String period(Initiative i) {
        if (i.startYear() != null && i.endYear() != null) {
            return i.startYear().equals(i.endYear()) ? "Under " + i.startYear()
                    : "Pågår " + i.startYear() + "–" + i.endYear();
        }
        if (i.startYear() != null) return "Sedan " + i.startYear();
        return "Till och med " + i.endYear();
    }

    // ------------------------------------------------------------------ annex

    private List<String[]> annexHeadings() {
        return List.of(new String[]{"1", "Bilaga: Källor och förklaringar"}, new String[]{"2", "Datakällor"},
                new String[]{"2", "Jämförelser"}, new String[]{"2", "Nyckeltal som inte redovisas"},
                new String[]{"2", "Teckenförklaring"},
                new String[]{"2", "Om osäkerhet"});
    }

    private void bilaga(DocxBuilder b) {
        List<String[]> h = annexHeadings();
        b.heading(1, h.get(0)[1]);
        b.text("Bilagan redovisar varifrån siffrorna i dokumentet kommer, vilka områden kommunen jämförs med, "
                + "vad tecknen i tabellerna betyder och hur osäkerheten i nyckeltalen ska förstås.");
        b.heading(2, h.get(1)[1]);
        List<Source> sources = wb.sources().all();
        if (sources.isEmpty()) {
            b.text("Arbetsboken har inga importerade källor.");
        } else {
            b.tableCaption("Datakällor i arbetsboken");
            List<List<String>> rows = new ArrayList<>();
            for (Source s : sources) {
                rows.add(List.of(se.halsolage.catalog.SourceCitations.cite(s, wb.sources().citation(s.id())), s.kind().label(), provenance(s),
                        s.importedAt() == null ? "–" : Sv.date(s.importedAt().atZone(ZoneId.systemDefault()).toLocalDate()),
                        SwedishNumbers.number(wb.sources().observationCount(s.id()), 0)));
            }
            b.table("Datakällor", "Varje källa med utgivare och titel, typ, fil eller förfrågan, datum för import eller hämtning och antal värden.",
                    new double[]{3.0, 1.9, 4.0, 1.9, 1.2},
                    List.of("Källa (utgivare, titel)", "Typ", "Fil, blad eller förfrågan", "Importerad/hämtad", "Antal värden"), rows);
            b.styled(DocxBuilder.STYLE_SOURCE, (sources.stream().anyMatch(s -> s.kind() == SourceKind.KOLADA)
                    ? "Uppgifter från Kolada är hämtade via Koladas öppna API; datum för hämtningen står i tabellen. " : "")
                    + "Bearbetade värden, till exempel förändringar, skillnader mot länet och riket och skillnader "
                    + "mellan könen, är Hälsolägets beräkningar utifrån källornas värden.");
        }
        b.heading(2, h.get(2)[1]);
        List<String> comp = new ArrayList<>();
        comp.add(municipalityName() + " (egen kommun)" + (own == null ? "" : ", kod " + own.id()));
        if (county != null) comp.add(county.name() + " (länet)");
        comp.add("Riket (hela Sverige)");
        if (group != null) {
            int members = wb.areas().members(group.id()).size();
            comp.add(group.name() + (members > 0 ? ", " + members + " kommuner (medelvärde)" : ""));
        }
        b.text("Nyckeltalen jämförs med:");
        b.bulletTexts(comp);
        b.heading(2, h.get(3)[1]);
        leftOut(b);
        b.heading(2, h.get(4)[1]);
        b.tableCaption("Tecken och begrepp i tabeller och diagram");
        List<List<String>> legend = List.of(
                List.of(ObservationStatus.SUPPRESSED.defaultMarker(), Sv.capitalize(ObservationStatus.SUPPRESSED.meaning())
                        + ": källan visar inte värdet (maskat). Det räknas aldrig som noll. I diagrammen är linjen bruten och .. står vid perioden."),
                List.of(ObservationStatus.MISSING.defaultMarker(), Sv.capitalize(ObservationStatus.MISSING.meaning())
                        + ": ingen mätning eller bortfall för perioden. I diagrammen är linjen bruten och – står vid perioden."),
                List.of(ObservationStatus.NOT_APPLICABLE.defaultMarker(), Sv.capitalize(ObservationStatus.NOT_APPLICABLE.meaning()) + "."),
                List.of("p.e.", "Procentenheter: skillnaden mellan två andelar, till exempel från 70\u00a0% till 72\u00a0% = +2\u00a0p.e."),
                List.of("Bättre / Sämre", "Förändringen är tydlig och går åt det håll som är bättre respektive sämre för nyckeltalet."),
                List.of("Oförändrad / Osäker", "Förändringen är liten eller ryms inom den vanliga variationen."),
                List.of("I fas", "Nyckeltalet följer den takt som målet kräver."),
                List.of("Bevaka", "Nyckeltalet ligger något efter målets takt."),
                List.of("Avvikelse", "Nyckeltalet ligger tydligt efter målet eller går åt fel håll."),
                List.of(SwedishNumbers.MINUS + "", "Minustecken framför negativa tal och minskningar."));
        b.table("Teckenförklaring", "Tecken och ord som används i tabeller och diagram och vad de betyder.",
                new double[]{1.6, 6.4}, List.of("Tecken", "Betydelse"), legend);
        b.heading(2, h.get(5)[1]);
        String[] lines = texts.get("osakerhet").split("\\R+");
        if (lines.length > 0) b.text(lines[0].strip());
        List<String> rest = new ArrayList<>();
        for (int k = 1; k < lines.length; k++) if (!lines[k].isBlank()) rest.add(lines[k].strip());
        b.bulletTexts(rest);
        b.text("Dokumentet är framtaget med Hälsoläge " + versionOrEmpty() + Sv.date(opt.date()) + ".");
    }

    /** At most this many names per reason; the rest are counted ("och 155 till"). */
    static final int LEFT_OUT_NAMES = 8;

    /** What of the workbook the plan leaves out and why, compactly: per reason a count and a few names. */
    private void leftOut(DocxBuilder b) {
        List<Indicator> empty = keyFigures.withoutData();
        List<PlanIndicators.Choice> all = keyFigures.choices();
        long in = all.stream().filter(PlanIndicators.Choice::included).count();
        b.text("Planen redovisar " + SwedishNumbers.number(in - empty.size(), 0) + " av arbetsbokens "
                + SwedishNumbers.number(all.size(), 0) + " nyckeltal. Urvalet är nyckeltalen i Strategi för hälsa och de "
                + "som följs upp av en insats eller ett mål; det kan ändras i Hälsoläge (vyn Rapport eller "
                + "report --add/--remove/--indicators). Antal, till exempel antalet svarande, är underlag och inte nyckeltal.");
        List<String> items = new ArrayList<>();
        if (!empty.isEmpty()) {
            items.add(Sv.capitalize(SwedishNumbers.number(empty.size(), 0)) + " i urvalet saknar ännu värden för "
                    + municipalityName() + (county == null ? "" : " och " + county.name()) + ": "
                    + names(empty, Integer.MAX_VALUE));
        }
        for (var e : PlanIndicators.leftOut(all).entrySet()) {
            items.add(Sv.capitalize(SwedishNumbers.number(e.getValue().size(), 0)) + " "
                    + e.getKey().words() + ": " + names(e.getValue(), LEFT_OUT_NAMES));
        }
        if (!items.isEmpty()) b.bulletTexts(items);
    }

    private static String names(List<Indicator> list, int max) {
        List<String> n = list.stream().limit(max).map(PlanWriter::shortName).toList();
        String s = String.join("; ", n);
        if (list.size() > n.size()) s += " och " + SwedishNumbers.number(list.size() - n.size(), 0) + " till";
        return Sv.sentence(s);
    }

    /** A name short enough for a list: the display title cut at about 70 characters on a word boundary. */
    static String shortName(Indicator i) {
        String t = i.displayTitle().strip();
        if (t.length() <= 70) return t;
        int cut = t.lastIndexOf(' ', 68);
        return t.substring(0, cut < 30 ? 68 : cut) + " …";
    }

    private static String versionOrEmpty() {
        String v = PlanWriter.class.getPackage().getImplementationVersion();
        return v == null ? "den " : v + " den ";
    }

    private static final java.util.regex.Pattern KOLADA_DATA = java.util.regex.Pattern.compile(
            ".*/data/kpi/([^/?]+)/municipality/([^/?]+)(?:/year/([^/?]+))?.*");

    /**
     * A Kolada request in words for the annex: "Kolada API v3: 25 nyckeltal (U01901, N80401, N15428 …), områden 0780,
     * 0007, 0000, G37589" instead of a 200-character address that wrapped letter by letter in its column.
     */
    static String koladaRequest(String request) {
        if (request == null) return "Kolada API";
        java.util.regex.Matcher m = KOLADA_DATA.matcher(request);
        if (!m.matches()) return "Kolada API: " + request;
        List<String> kpis = List.of(m.group(1).split(","));
        String shown = String.join(", ", kpis.subList(0, Math.min(3, kpis.size()))) + (kpis.size() > 3 ? " …" : "");
        return "Kolada API v3: " + kpis.size() + (kpis.size() == 1 ? " nyckeltal (" : " nyckeltal (") + shown + "), områden "
                + String.join(", ", m.group(2).split(",")) + (m.group(3) == null ? "" : ", år " + String.join(", ", m.group(3).split(",")));
    }

    private static String provenance(Source s) {
        if (s.kind() == SourceKind.KOLADA) return koladaRequest(s.request());
        StringBuilder sb = new StringBuilder();
        if (s.kind() == SourceKind.FILE) sb.append(s.name());
        if (s.sheet() != null && !s.sheet().isBlank()) sb.append(sb.isEmpty() ? "" : ", ").append("blad ").append(s.sheet());
        if (s.note() != null && !s.note().isBlank()) sb.append(sb.isEmpty() ? "" : ". ").append(s.note().strip());
        return sb.isEmpty() ? "–" : sb.toString();
    }
}
