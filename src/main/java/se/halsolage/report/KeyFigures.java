package se.halsolage.report;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Change;
import se.halsolage.analysis.Comparison;
import se.halsolage.analysis.Finding;
import se.halsolage.analysis.GenderGap;
import se.halsolage.analysis.IndicatorAnalysis;
import se.halsolage.analysis.TargetEvaluation;
import se.halsolage.analysis.Verdict;
import se.halsolage.chart.ChartExport;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.chart.ChartTheme;
import se.halsolage.chart.RenderedChart;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.UserError;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.Observation;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.TargetStatus;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Nyckeltal chapter (one section per SfH area: overview table, then per indicator a chart,
 * caption, source line, what stands out and the linked initiatives) and "Vad sticker ut". All
 * numbers and sentences come from {@link AnalysisService}, all charts from {@link ChartService}.
 */
final class KeyFigures {
    /** Chart size in the document: the full text width, 16 × 9 cm, drawn at 300 dpi. One indicator (heading, chart, caption, source, text) is kept on one page. */
    static final double CHART_W_CM = 15.0, CHART_H_CM = 6.6;
    /**
     * Layout width of the chart in the chart package's 96-dpi units (its default is 900). A font of f units prints
     * at f · width(in) · 72 / LAYOUT_W pt: with 15 cm and 470 units the PRINT theme's 11-unit axis labels print at
     * 9,9 pt and its 10-unit small text at 9,0 pt (at 16 cm and 720 units they were 6,9 pt).
     */
    static final double LAYOUT_W = 470;
    static final int DPI = ChartExport.PRINT_DPI;
    static final String OTHER_AREA = "Övriga nyckeltal";
    /** The findings list is capped so it stays a summary. */
    static final int MAX_FINDINGS = 15;

    /** One indicator as it appears in the report. */
    record Entry(Indicator indicator, IndicatorAnalysis analysis, boolean regionOnly) {
        String areaId() { return analysis.areaId(); }

        /** Only masked (..) or missing values for the own municipality: shown as "..", without a chart. */
        boolean masked() { return !analysis.hasData(); }

        /** The last observation of the series (with or without a value). */
        Observation lastObservation() {
            List<Observation> s = analysis.series();
            return s.isEmpty() ? null : s.get(s.size() - 1);
        }
    }

    private final Workbook wb;
    private final Area own, county, group;
    private final ReportOptions opt;
    private final Runnable check;
    private AnalysisService analysis;
    private Map<String, List<Entry>> sections;
    private List<Indicator> withoutData;
    private List<PlanIndicators.Choice> choices;
    private List<Finding> findings;

    KeyFigures(Workbook wb, Area own, Area county, Area group, ReportOptions opt, Runnable check) {
        this.wb = wb;
        this.own = own;
        this.county = county;
        this.group = group;
        this.opt = opt;
        this.check = check;
    }

    private AnalysisService analysis() {
        if (analysis == null) analysis = new AnalysisService(wb);
        return analysis;
    }

    static String areaTitle(SfhArea a) {
        return a == null ? OTHER_AREA : a.title();
    }

    /** The indicators with values, by SfH area in strategy order (then those without an area). */
    Map<String, List<Entry>> sections() {
        if (sections != null) return sections;
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        for (SfhArea a : SfhArea.values()) out.put(areaTitle(a), new ArrayList<>());
        out.put(OTHER_AREA, new ArrayList<>());
        withoutData = new ArrayList<>();
        choices = PlanIndicators.of(wb);
        List<Indicator> inPlan = choices.stream().filter(PlanIndicators.Choice::included)
                .map(PlanIndicators.Choice::indicator).toList();
        if (own == null) {
            withoutData.addAll(inPlan);
        } else {
            for (Indicator ind : inPlan) {
                check.run();
                IndicatorAnalysis a = analysis().analyze(ind.id());
                boolean regionOnly = false;
                if (!a.hasData() && county != null) {
                    IndicatorAnalysis c = analysis().analyze(ind.id(), county.id());
                    if (c.hasData()) {
                        a = c;
                        regionOnly = true;
                    }
                }
                if (!a.hasData()) {
                    IndicatorAnalysis masked = analysis().analyze(ind.id());
                    if (masked.series().stream().anyMatch(o -> o.status() == se.halsolage.domain.ObservationStatus.SUPPRESSED)) {
                        out.get(areaTitle(ind.sfhArea())).add(new Entry(ind, masked, false));
                    } else {
                        withoutData.add(ind);
                    }
                    continue;
                }
                out.get(areaTitle(ind.sfhArea())).add(new Entry(ind, a, regionOnly));
            }
        }
        out.values().removeIf(List::isEmpty);
        sections = out;
        return out;
    }

    /** Indicators in the plan's set without values for the own municipality (nor the county). */
    List<Indicator> withoutData() {
        sections();
        return withoutData;
    }

    /** Every indicator of the workbook with the plan's choice. */
    List<PlanIndicators.Choice> choices() {
        sections();
        return choices;
    }

    int indicatorCount() {
        return sections == null ? 0 : sections.values().stream().mapToInt(List::size).sum();
    }

    static String nyckeltalTitle() {
        return "Nyckeltal";
    }

    static String findingsTitle() {
        return "Vad sticker ut";
    }

    static final String SUMMARY = "Sammanfattning", OFF_TRACK = "Mål som inte följer takten", FOCUS = "Årets fokus";
    /** The summary is short: this many findings. */
    static final int SUMMARY_FINDINGS = 8;

    List<OutlineEntry> outline() {
        List<OutlineEntry> out = new ArrayList<>();
        out.add(new OutlineEntry(1, nyckeltalTitle(), ReportPart.NYCKELTAL));
        for (var e : sections().entrySet()) {
            out.add(new OutlineEntry(2, e.getKey(), ReportPart.NYCKELTAL));
            for (Entry en : e.getValue()) out.add(new OutlineEntry(3, heading(en), ReportPart.NYCKELTAL));
        }
        return out;
    }

    List<OutlineEntry> findingsOutline() {
        return List.of(new OutlineEntry(1, SUMMARY, ReportPart.STICKER_UT),
                new OutlineEntry(2, findingsTitle(), ReportPart.STICKER_UT),
                new OutlineEntry(2, OFF_TRACK, ReportPart.STICKER_UT),
                new OutlineEntry(2, FOCUS, ReportPart.STICKER_UT));
    }

    private static String heading(Entry e) {
        return e.indicator().displayTitle();
    }

    private String ownName() {
        return own == null ? "Kommunen" : own.name();
    }

    // ------------------------------------------------------------------ write

    /** A chart being drawn on another thread. */
    private record Pending(Entry entry, RenderedChart chart, Future<byte[]> png, int w, int h, Extra ranking, Extra groups) {
    }

    /**
     * A second picture (the ranking under an indicator, the profile of an area): the chart, its PNG, its height in cm,
     * or, when there is no chart, the words that say why.
     */
    private record Extra(String kind, RenderedChart chart, Future<byte[]> png, int w, int h, double heightCm, String words) {
        static Extra words(String w) {
            return new Extra(null, null, null, 0, 0, 0, w);
        }
    }

    /** A ranking chart only where the workbook holds values for at least this many municipalities (the period's). */
    static final int RANKING_MIN = 10;
    /** The tallest extra chart in the document, so an indicator's pictures stay on about one page. */
    static final double EXTRA_MAX_H_CM = 11.0;

    /** Draws a chart for the document at the height the chart package suggests for its rows, capped. */
    /**
     * The profile is laid out wider than the other charts (600 units for 15 cm: axis text 7,8 pt): its names on the left
     * and its words on the right left no room for the rows at 470, and JFreeChart then drew an empty picture.
     */
    static final double PROFILE_LAYOUT_W = 600;

    private Extra extra(String kind, RenderedChart rc, int suggestedH, ExecutorService pool) {
        double layout = "profil".equals(kind) ? PROFILE_LAYOUT_W : LAYOUT_W;
        ChartImages.withoutTextTitles(rc.chart());
        double hCm = Math.min(EXTRA_MAX_H_CM, CHART_H_CM * suggestedH / (double) ChartTheme.PRINT.defaultHeight());
        hCm = Math.max(CHART_H_CM, hCm);
        int w = (int) Math.round(CHART_W_CM / 2.54 * DPI), h = (int) Math.round(hCm / 2.54 * DPI);
        Future<byte[]> f = CompletableFuture.supplyAsync(() -> ChartImages.png(rc.chart(), w, h, layout, DPI), pool);
        return new Extra(kind, rc, f, w, h, hCm, null);
    }

    /** The ranking among all municipalities with a value, or why there is none (null: nothing to say, e.g. region-only). */
    private Extra rankingExtra(ChartService charts, Entry en, ExecutorService pool) {
        if (own == null || en.regionOnly()) return null;
        se.halsolage.analysis.Ranking r;
        try {
            r = charts.rankingOf(en.indicator().id(), null);
        } catch (UserError e) {
            return null;
        }
        if (r.own() == null) return null;
        if (r.count() < RANKING_MIN) {
            return Extra.words("Ingen rangordning visas: arbetsboken har värden " + r.period() + " för "
                    + (r.count() == 1 ? "bara en kommun" : "bara " + SwedishNumbers.number(r.count(), 0) + " kommuner")
                    + ", och ett rangordningsdiagram kräver minst " + RANKING_MIN + ". Hämta nyckeltalet för alla kommuner "
                    + "från Kolada för att se var " + ownName() + " hamnar.");
        }
        RenderedChart rc = charts.ranking(en.indicator().id(), null, ChartTheme.PRINT);
        return extra("rangordning", rc, se.halsolage.chart.ChartService.rankingHeight(r.count(), ChartTheme.PRINT), pool);
    }

    /**
     * The population groups of a breakdown other than kön (ålder, utbildning, födelseland, huvudman …) with the gap
     * between the most and least favoured group and its finding; null for none. Kön is left to the overview table and
     * the indicator's text, which already give women and men (or girls and boys) and their gap.
     */
    private Extra groupsExtra(ChartService charts, Entry en, ExecutorService pool) {
        se.halsolage.analysis.GroupGaps g = charts.groupGaps(en.indicator(), en.areaId());
        if (g == null || se.halsolage.domain.Group.KON.equals(g.breakdown().name())) return null;
        RenderedChart rc = charts.create(ChartKind.GROUPS, en.indicator().id(), en.areaId(), ChartTheme.PRINT);
        Extra x = extra("grupper", rc, ChartTheme.PRINT.defaultHeight(), pool);
        return new Extra(x.kind(), x.chart(), x.png(), x.w(), x.h(), x.heightCm(), g.sentence());
    }

    /** The profile (spine) chart of an SfH area, or null when no indicator of the area can be placed on it. */
    private Extra profileExtra(ChartService charts, List<Entry> entries, ExecutorService pool) {
        if (own == null || entries.isEmpty()) return null;
        Indicator first = entries.get(0).indicator();
        if (first.sfhArea() == null) return null;
        se.halsolage.analysis.Profile p;
        try {
            p = charts.profileOf(first);
        } catch (UserError e) {
            return null;
        }
        if (p.rows().isEmpty()) return null;
        RenderedChart rc = charts.create(ChartKind.PROFILE, first.id(), null, ChartTheme.PRINT);
        return extra("profil", rc, charts.suggestedHeight(ChartKind.PROFILE, first.id(), ChartTheme.PRINT), pool);
    }

    void write(DocxBuilder b, ReportProgress progress, ReportTexts texts) {
        progress.update(0.0, "Analyserar nyckeltalen");
        Map<String, List<Entry>> secs = sections();
        b.heading(1, nyckeltalTitle());
        b.texts(texts.get("nyckeltal"));
        if (secs.isEmpty()) {
            b.text("Arbetsboken har inga värden för " + Sv.kommun(ownName()) + " ännu. Importera data eller hämta från Kolada.");
            return;
        }
        int total = secs.values().stream().mapToInt(List::size).sum();
        int w = (int) Math.round(CHART_W_CM / 2.54 * DPI), h = (int) Math.round(CHART_H_CM / 2.54 * DPI);
        ChartService charts = new ChartService(wb);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rapport-diagram");
            t.setDaemon(true);
            return t;
        });
        try {
            // Charts are built here (they read the workbook) and drawn on the pool while the document grows.
            Map<String, List<Pending>> pending = new LinkedHashMap<>();
            Map<String, Extra> profiles = new LinkedHashMap<>();
            for (var e : secs.entrySet()) {
                List<Pending> list = new ArrayList<>();
                for (Entry en : e.getValue()) {
                    check.run();
                    if (en.masked()) {
                        list.add(new Pending(en, null, null, w, h, null, null));
                        continue;
                    }
                    RenderedChart rc = charts.create(ChartKind.TREND, en.indicator().id(), en.areaId(), ChartTheme.PRINT);
                    ChartImages.withoutTextTitles(rc.chart());
                    Future<byte[]> f = CompletableFuture.supplyAsync(() -> ChartImages.png(rc.chart(), w, h, LAYOUT_W, DPI), pool);
                    list.add(new Pending(en, rc, f, w, h, rankingExtra(charts, en, pool), groupsExtra(charts, en, pool)));
                }
                pending.put(e.getKey(), list);
                profiles.put(e.getKey(), profileExtra(charts, e.getValue(), pool));
            }
            int done = 0;
            boolean firstArea = true;
            for (var e : pending.entrySet()) {
                XWPFParagraph hp = b.heading(2, e.getKey());
                if (!firstArea) hp.setPageBreak(true);
                firstArea = false;
                overview(b, e.getKey(), e.getValue().stream().map(Pending::entry).toList());
                Extra prof = profiles.get(e.getKey());
                if (prof != null) {
                    b.text("Profilen visar för varje nyckeltal i området var " + ownName() + " ligger bland landets kommuner "
                            + "med värde: från det sämsta till det bästa värdet, med den mittersta hälften markerad och riket som mitt.");
                    picture(b, prof, e.getKey());
                }
                for (Pending p : e.getValue()) {
                    check.run();
                    progress.update(done / (double) total, "Diagram " + (done + 1) + " av " + total + ": "
                            + p.entry().indicator().displayTitle());
                    indicator(b, p);
                    done++;
                }
            }
            if (!withoutData.isEmpty()) {
                b.text(withoutData.size() == 1 ? "Ett nyckeltal i planens urval saknar ännu värden; det står i bilagan."
                        : SwedishNumbers.number(withoutData.size(), 0) + " nyckeltal i planens urval saknar ännu värden; de står i bilagan.");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A cell's left and right padding (85 twips each, styles.xml) and a little room for the renderer's rounding. */
    private static final double CELL_PAD_CM = 0.36;

    /**
     * Arial at 9 pt as the document sets its tables (Liberation Sans, with Arial's metrics, where Arial is not
     * installed; Java's fallback font is wider, so the widths err on the safe side).
     */
    private static final java.awt.Font TABLE_FONT = tableFont(java.awt.Font.PLAIN), TABLE_FONT_BOLD = tableFont(java.awt.Font.BOLD);

    private static java.awt.Font tableFont(int style) {
        for (String name : new String[]{"Arial", "Liberation Sans"}) {
            java.awt.Font f = new java.awt.Font(name, style, 9);
            if (!f.getFamily(java.util.Locale.ROOT).equals(java.awt.Font.DIALOG)) return f;
        }
        return new java.awt.Font(java.awt.Font.SANS_SERIF, style, 9);
    }

    /** The widest run a line may not break (ordinary spaces and line breaks end one; no-break spaces do not), in cm. */
    static double widestToken(String text, boolean bold) {
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        double widest = 0;
        for (String t : text.split("[ \\n\\t]+")) {
            widest = Math.max(widest, (bold ? TABLE_FONT_BOLD : TABLE_FONT).getStringBounds(t, frc).getWidth() / 72 * 2.54);
        }
        return widest;
    }

    /**
     * Column widths (cm, summing to {@code total}) where no cell's longest unbreakable word is cut: each column gets at
     * least what its widest word needs at 9 pt (header in bold); a surplus goes to the first column, a shortfall is taken
     * from the columns with the most room to spare. Only when every column is at its need are all scaled down.
     */
    static double[] fitWidths(List<String> header, List<List<String>> rows, double[] base, double total) {
        int n = base.length;
        double[] need = new double[n], w = new double[n];
        for (int c = 0; c < n; c++) {
            double x = widestToken(header.get(c), true);
            for (List<String> r : rows) x = Math.max(x, widestToken(r.get(c), false));
            need[c] = x + CELL_PAD_CM;
            w[c] = Math.max(base[c], need[c]);
        }
        double sum = java.util.Arrays.stream(w).sum();
        while (sum > total + 1e-9) {
            int best = -1;
            for (int c = 0; c < n; c++) if (w[c] - need[c] > 1e-9 && (best < 0 || w[c] - need[c] > w[best] - need[best])) best = c;
            if (best < 0) break;
            double cut = Math.min(sum - total, Math.min(0.05, w[best] - need[best]));
            w[best] -= cut;
            sum -= cut;
        }
        if (sum > total + 1e-9) for (int c = 0; c < n; c++) w[c] *= total / sum;
        else w[0] += total - sum;
        return w;
    }

    /** In a value cell a unit word may go below its figure ("249 572" / "kr", "21,0" / "dagar"); "80,5 %" stays whole. */
    static String breakableUnit(String cell) {
        return cell.replaceAll("(\\d)\u00a0(?=\\p{L})", "$1 ");
    }

    /** The comparison group's column header: "Liknande kommuner" for Kolada's similar-municipality groups, else the name. */
    private String groupColumn() {
        return group.name().startsWith("Liknande kommuner") ? "Liknande kommuner" : group.name();
    }

    /**
     * The own value's column header: the municipality's name when its longest word fits the 1,35 cm column at 9 pt
     * bold (about 6 letters: "Växjö", "Ljusdal" does not), else "Kommun" ("Exempel|by" was cut inside the word).
     */
    static String ownColumn(String name) {
        int longest = 0;
        for (String w : name.split("[\\s-]+")) longest = Math.max(longest, w.length());
        return longest <= 6 ? name : "Kommun";
    }

    private void overview(DocxBuilder b, String areaTitle, List<Entry> entries) {
        String ownCol = ownColumn(ownName());
        String countyCol = "Länet";
        b.tableCaption("Översikt " + areaTitle + ": senaste värde för " + ownName() + ", jämförelse, förändring, kvinnor och män och målstatus");
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : entries) rows.add(overviewRow(e));
        List<String> header = new ArrayList<>(List.of("Nyckeltal och period", ownCol, countyCol, "Riket"));
        // Name column wide enough for the longest words at 9 pt ("Gymnasieexamen", "föräldrapenningdagar"), status
        // column for "Avvikelse": no word is broken inside a cell.
        double[] widths = group == null ? new double[]{3.9, 1.55, 1.5, 1.5, 2.6, 3.0, 1.95}
                : new double[]{3.6, 1.35, 1.35, 1.35, 2.05, 2.15, 2.45, 1.7}; // "kommuner" whole in the group's header
        if (group != null) header.add(groupColumn());
        header.addAll(List.of("Förändring sedan förra mätningen", "Kvinnor och män (flickor och pojkar)", "Mål"));
        widths = fitWidths(header, rows, widths, 16.0);
        b.table("Översikt " + areaTitle,
                "En rad per nyckeltal: senaste värde för " + ownName() + ", länet och riket samma period, "
                        + (group == null ? "" : Sv.lower(groupColumn()) + " samma period, ")
                        + "förändring sedan förra mätningen, värden för kvinnor och män (flickor och pojkar) och målstatus i ord.",
                widths, header, rows);
        b.styled(DocxBuilder.STYLE_SOURCE, "Källa: " + String.join("; ", citations(entries)) + ". "
                + (county == null ? "" : "Länet: " + county.name() + ". ")
                + (group == null ? "" : groupColumn() + ": " + group.name() + ", Koladas värde för gruppen eller, där källan "
                        + "saknar ett, ovägt medel av medlemmarnas värden (Hälsolägets beräkning). ")
                + "Jämförelserna avser samma period som kommunens värde. Förändringen bedöms efter nyckeltalets "
                + "riktning (bättre eller sämre). Tecken: .. " + se.halsolage.domain.ObservationStatus.SUPPRESSED.meaning()
                + ", – " + se.halsolage.domain.ObservationStatus.MISSING.meaning() + ". Se teckenförklaringen i bilagan.");
    }

    private final Map<Long, String> citationCache = new java.util.HashMap<>();

    /** The publisher-and-title citations of the values in an overview table, in order of first use. */
    private List<String> citations(List<Entry> entries) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Entry e : entries) {
            List<Observation> obs = new ArrayList<>();
            obs.add(e.masked() ? e.lastObservation() : e.analysis().latest());
            for (Comparison c : new Comparison[]{e.analysis().vsCounty(), e.analysis().vsRiket(), e.analysis().vsGroup()}) {
                if (c != null && c.other() != null) obs.add(c.other());
            }
            for (Observation o : obs) {
                if (o == null) continue;
                out.add(citationCache.computeIfAbsent(o.sourceId(), id -> wb.sources().get(id)
                        .map(s -> se.halsolage.catalog.SourceCitations.cite(s, wb.sources().citation(id))).orElse("okänd källa")));
            }
        }
        if (out.isEmpty()) out.add("uppgift saknas");
        return new ArrayList<>(out);
    }

    /** One overview row; the own value cell is exactly the workbook's latest value formatted the Swedish way. */
    List<String> overviewRow(Entry e) {
        IndicatorAnalysis a = e.analysis();
        Unit u = e.indicator().unit();
        if (e.masked()) {
            Observation last = e.lastObservation();
            String label = last.period().label();
            List<String> row = new ArrayList<>(List.of(e.indicator().displayTitle() + "\n" + label + unitNote(u),
                    SwedishNumbers.observation(last, u), breakableUnit(same(e.indicator(), county == null ? null : county.id(), label, u)),
                    breakableUnit(same(e.indicator(), Area.RIKET_ID, label, u))));
            if (group != null) row.add(breakableUnit(sameGroup(e.indicator(), label, u)));
            row.addAll(List.of("–", "–", target(a.targets())));
            return row;
        }
        String name = e.indicator().displayTitle() + "\n" + a.latest().period().label() + unitNote(u)
                + (e.regionOnly() ? " (finns bara för regionen)" : "");
        String ownValue = e.regionOnly() ? "–" : SwedishNumbers.observation(a.latest(), u);
        String countyValue = e.regionOnly() ? SwedishNumbers.observation(a.latest(), u) : other(a.vsCounty(), u);
        String riket = other(a.vsRiket(), u);
        List<String> row = new ArrayList<>(List.of(name, breakableUnit(ownValue), breakableUnit(countyValue), breakableUnit(riket)));
        if (group != null) row.add(breakableUnit(e.regionOnly() ? "–" : other(a.vsGroup(), u)));
        row.addAll(List.of(change(a.sincePrevious(), u), gap(a.genderGap(), u), target(a.targets())));
        return row;
    }

    /** The comparison group's value for the period (Kolada's, or the members' mean), as in the chart. */
    private String sameGroup(Indicator ind, String periodLabel, Unit u) {
        for (Observation o : AnalysisService.groupSeries(wb, ind, group.id())) {
            if (o.period().label().equals(periodLabel)) return SwedishNumbers.observation(o, u);
        }
        return "–";
    }

    /** The unit after the period for values printed without one: ", per 100 000 invånare", ", index 0–10", ", antal". */
    static String unitNote(Unit u) {
        return se.halsolage.analysis.Texts.unitNote(u);
    }

    private String same(Indicator ind, String areaId, String periodLabel, Unit u) {
        if (areaId == null) return "–";
        for (Observation o : wb.observations().series(ind.id(), areaId, se.halsolage.domain.Group.TOTALT)) {
            if (o.period().label().equals(periodLabel)) return SwedishNumbers.observation(o, u);
        }
        return "–";
    }

    private static String other(Comparison c, Unit u) {
        if (c == null || c.other() == null) return "–";
        return SwedishNumbers.observation(c.other(), u);
    }

    static String change(Change c, Unit u) {
        String phrase = se.halsolage.analysis.Texts.changePhrase(c, u);
        // In the narrow table cell the figure may stand above its rate ("+8" / "per 100 000 sedan 2022"); the rate
        // itself stays whole (it was cut as "100 00|0").
        return phrase == null ? "Ingen tidigare mätning"
                : phrase.replaceFirst("^([+\u2212±]?[0-9\u00a0\u202f,]+)\u00a0per\u00a0", "$1 per\u00a0");
    }

    /** Both values, as SKR shows them, and which is higher: "Flickor 76,0 %\nPojkar 84,0 %\nPojkar 8,0 p.e. högre". */
    static String gap(GenderGap g, Unit u) {
        if (g == null) return "Redovisas inte per kön";
        String f = g.femaleLabel() + " " + se.halsolage.analysis.Texts.value(g.female(), u);
        String m = g.maleLabel() + " " + se.halsolage.analysis.Texts.value(g.male(), u);
        if (g.gap() == null) return f + "\n" + m;
        double d = g.gap();
        String diff;
        if (SwedishNumbers.change(d, u).startsWith("±")) diff = "Ingen skillnad";
        else {
            String amount = SwedishNumbers.change(Math.abs(d), u).replaceFirst("^[+±]", "");
            diff = (d > 0 ? g.femaleLabel() : g.maleLabel()) + " " + amount + " högre";
        }
        return f + "\n" + m + "\n" + diff + (g.significance() == Verdict.OSAKER ? " (osäker)" : "");
    }

    static String target(List<TargetEvaluation> ts) {
        if (ts.isEmpty()) return "Inget mål";
        TargetStatus worst = TargetStatus.I_FAS;
        for (TargetEvaluation t : ts) if (t.status().ordinal() > worst.ordinal()) worst = t.status();
        return worst.label();
    }

    private void indicator(DocxBuilder b, Pending p) {
        Entry e = p.entry();
        RenderedChart rc = p.chart();
        b.heading(3, heading(e));
        if (e.masked()) {
            b.text(String.join(" ", e.analysis().sentences()) + " Därför finns inget diagram.");
            linkedInitiatives(b, e);
            return;
        }
        byte[] png;
        try {
            png = p.png().get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Avbrutet");
        } catch (ExecutionException ex) {
            throw new IllegalStateException("Diagrammet för " + e.indicator().id() + " kunde inte ritas: "
                    + ex.getCause().getMessage(), ex.getCause());
        }
        b.picture(png, p.w(), p.h(), CHART_W_CM, rc.title(), rc.altText(), "utveckling");
        // The whole indicator (heading, chart, caption, source, text) is kept on one page.
        DocxBuilder.keepNext(b.figureCaption(rc.title()
                + (rc.subtitle() == null || rc.subtitle().isBlank() ? "" : ". " + rc.subtitle())));
        String source = rc.sourceLine() == null ? "" : rc.sourceLine().strip();
        if (rc.note() != null && !rc.note().isBlank()) source = Sv.sentence(source) + " " + rc.note().strip();
        // Heading, chart, caption and source stay together; the text may continue on the next page, so two
        // indicators fit on a page.
        b.styled(DocxBuilder.STYLE_SOURCE, source);
        List<String> s = new ArrayList<>(e.analysis().sentences());
        if (e.regionOnly()) {
            s.add(0, "Nyckeltalet redovisas bara för regionen, så diagrammet visar " + county.name() + ".");
        }
        if (!e.regionOnly()) s.addAll(comparisons(e.indicator()));
        XWPFParagraph tp = b.text(String.join(" ", s));
        DocxBuilder.keepNext(tp); // the text and its "Insatser" line stay together
        linkedInitiatives(b, e);
        if (p.ranking() != null) picture(b, p.ranking(), "rangordningen för " + e.indicator().id());
        if (p.groups() != null) {
            picture(b, p.groups(), "grupperna för " + e.indicator().id());
            b.text(p.groups().words());
        }
    }

    /** An extra chart with its caption and source line (kept together), or its words. */
    private void picture(DocxBuilder b, Extra x, String what) {
        if (x.chart() == null) {
            if (x.words() != null) b.text(x.words());
            return;
        }
        RenderedChart rc = x.chart();
        byte[] png;
        try {
            png = x.png().get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Avbrutet");
        } catch (ExecutionException ex) {
            throw new IllegalStateException("Diagrammet " + what + " kunde inte ritas: " + ex.getCause().getMessage(), ex.getCause());
        }
        b.picture(png, x.w(), x.h(), CHART_W_CM, rc.title(), rc.altText(), x.kind());
        DocxBuilder.keepNext(b.figureCaption(rc.title()
                + (rc.subtitle() == null || rc.subtitle().isBlank() ? "" : ". " + rc.subtitle())));
        String source = rc.sourceLine() == null ? "" : rc.sourceLine().strip();
        if (rc.note() != null && !rc.note().isBlank()) source = Sv.sentence(source) + " " + rc.note().strip();
        b.styled(DocxBuilder.STYLE_SOURCE, source);
    }

    /**
     * The own municipality's place among the county's municipalities and among all municipalities with a value (when
     * at least three have one), and the trend test over the last five shares with n (issue 21).
     */
    List<String> comparisons(Indicator ind) {
        List<String> out = new ArrayList<>();
        if (own == null) return out;
        se.halsolage.analysis.ComparisonSets sets = new se.halsolage.analysis.ComparisonSets(wb);
        List<se.halsolage.analysis.ComparisonSet> chosen = new ArrayList<>();
        if (county != null) chosen.add(sets.county(county.id()));
        chosen.add(sets.resolve(se.halsolage.analysis.ComparisonSets.ALL));
        for (var set : chosen) {
            try {
                var r = se.halsolage.analysis.Ranking.of(wb, ind, set, null);
                if (r.own() == null || r.count() < 3) continue;
                String among = set.kind() == se.halsolage.analysis.ComparisonSet.Kind.ALL ? "Bland landets kommuner med värde"
                        : "Bland " + set.name() + " med värde";
                out.add(among + " " + r.period() + ": " + r.rankPhrase() + ".");
            } catch (UserError ignored) {
                // no values for the set: nothing to say
            }
        }
        var test = se.halsolage.analysis.TrendTest.of(wb.observations().series(ind.id(), own.id(), Group.TOTALT), ind.unit());
        if (test != null) out.add("Trenden de senaste mätningarna: " + test.phrase() + ".");
        return out;
    }

    private void linkedInitiatives(DocxBuilder b, Entry e) {
        List<Initiative> linked = wb.initiatives().forIndicator(e.indicator().id()).stream()
                .filter(i -> i.activeIn(opt.year())).toList();
        XWPFParagraph lp = b.paragraph(null);
        DocxBuilder.bold(lp, "Insatser " + opt.year() + ": ");
        DocxBuilder.run(lp, linked.isEmpty() ? "Inga insatser är kopplade till nyckeltalet."
                : Sv.sentence(Sv.join(linked.stream().map(Initiative::name).toList())));
    }

    // ------------------------------------------------------------------ Vad sticker ut

    List<Finding> findings() {
        if (findings == null) {
            findings = own == null ? List.of() : analysis().findings(new java.util.HashSet<>(
                    choices().stream().filter(PlanIndicators.Choice::included).map(c -> c.indicator().id()).toList()));
        }
        return findings;
    }

    /**
     * The summary that opens the plan: what stands out (the highest ranked findings), the targets off track and the
     * year's focus (the initiatives by group).
     */
    int writeFindings(DocxBuilder b, int year, Map<String, List<Initiative>> focus) {
        b.heading(1, SUMMARY);
        b.text("Sammanfattningen lyfter det som sticker ut i nyckeltalen, de mål som inte följer takten och vad "
                + "arbetet " + year + " inriktas på. Förändringar gäller jämfört med förra jämförbara mätningen.");
        b.heading(2, findingsTitle());
        List<Finding> all = findings();
        int shown = 0;
        if (all.isEmpty()) {
            b.text("Inga nyckeltal sticker ut: det finns för få värden för att jämföra över tid eller med andra.");
        } else {
            List<Finding> top = all.subList(0, Math.min(SUMMARY_FINDINGS, all.size()));
            b.text("De " + top.size() + " tydligaste resultaten" + (all.size() > top.size() ? " av " + all.size() : "")
                    + ": stora förändringar, stora skillnader mot länet och riket och stora skillnader mellan könen.");
            List<String[]> items = new ArrayList<>();
            for (Finding f : top) {
                // The sentence names the indicator; the verdict leads in words (never by colour alone).
                String lead = f.verdict() == null || f.verdict() == Verdict.EJ_BEDOMBAR ? null
                        : Sv.capitalize(f.verdict().label()) + ": ";
                items.add(new String[]{lead, Sv.sentence(f.text())});
            }
            b.numbered(items);
            shown = top.size();
        }
        b.heading(2, OFF_TRACK);
        List<String> off = new ArrayList<>();
        int withTarget = 0;
        for (List<Entry> list : sections().values()) {
            for (Entry e : list) {
                for (TargetEvaluation te : e.analysis().targets()) {
                    withTarget++;
                    if (te.status() != TargetStatus.AVVIKELSE && te.status() != TargetStatus.BEVAKA) continue;
                    Unit u = e.indicator().unit();
                    off.add(e.indicator().displayTitle() + ": " + te.status().label() + ". Enligt målet "
                            + se.halsolage.analysis.Texts.value(te.expected(), u) + " år " + te.actual().period().endYear()
                            + ", utfallet " + se.halsolage.analysis.Texts.value(te.actual(), u) + ".");
                }
            }
        }
        if (withTarget == 0) b.text("Inga nyckeltal i planen har mål med uppföljning ännu.");
        else if (off.isEmpty()) b.text("Alla " + withTarget + " mål med uppföljning är i fas.");
        else b.bulletTexts(off);
        b.heading(2, FOCUS);
        int n = focus.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            b.text("Inga insatser är registrerade för " + year + ".");
        } else {
            b.text("Under " + year + " pågår " + n + (n == 1 ? " insats" : " insatser") + ":");
            List<String> groups = new ArrayList<>();
            for (var g : focus.entrySet()) {
                groups.add(g.getKey() + ": " + Sv.join(g.getValue().stream().map(i -> i.name().strip()).toList()) + ".");
            }
            b.bulletTexts(groups);
        }
        return shown;
    }
}
