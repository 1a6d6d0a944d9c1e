package se.halsolage.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Comparison;
import se.halsolage.analysis.Interval;
import se.halsolage.analysis.Stats;
import se.halsolage.analysis.Verdict;
import se.halsolage.domain.Area;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.domain.Target;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the charts of one workbook: trend, gender, gap (dumbbell) and SfH area overview. Plain Java2D
 * JFreeChart objects: the desktop wraps them in a ChartViewer, the report and CLI export them.
 */
public final class ChartService {
    private final Workbook wb;
    private final PlanSettings plan;
    private final AnalysisService analysis;
    private final Map<Long, Source> sources = new HashMap<>();
    private final Map<Long, String> citations = new HashMap<>();

    public ChartService(Workbook wb) {
        this.wb = wb;
        this.plan = wb.settings().plan();
        this.analysis = new AnalysisService(wb);
    }

    /** Whether a chart kind makes sense for the indicator (with the own municipality's data). */
    public boolean applies(ChartKind kind, String indicatorId) {
        Indicator ind = wb.indicators().get(indicatorId).orElse(null);
        if (ind == null) return false;
        String own = plan.municipalityId();
        return switch (kind) {
            case TREND -> !wb.observations().series(ind.id(), areaOrOwn(ind, null), Group.TOTALT).isEmpty();
            case GENDER -> genderSeries(ind, areaOrOwn(ind, null)).size() == 2;
            case GAP -> ind.sfhArea() != null && gapRows(ind, areaOrOwn(ind, null)).rows.size() >= 2;
            case OVERVIEW -> ind.sfhArea() != null && own != null && overviewRows(ind, own).size() >= 2;
        };
    }

    /**
     * A height (pixels at 96 dpi, for the theme's default width) that gives every row of a gap or overview chart
     * room to breathe; the theme's default height for trend and gender charts.
     */
    public int suggestedHeight(ChartKind kind, String indicatorId, ChartTheme theme) {
        ChartTheme t = theme == null ? ChartTheme.SCREEN : theme;
        Indicator ind = wb.indicators().get(indicatorId).orElse(null);
        if (ind == null || ind.sfhArea() == null || kind == ChartKind.TREND || kind == ChartKind.GENDER) return t.defaultHeight();
        int rows = kind == ChartKind.GAP ? gapRows(ind, areaOrOwn(ind, null)).rows().size()
                : overviewRows(ind, areaOrOwn(ind, null)).size();
        int perRow = t == ChartTheme.PROJECTOR ? 56 : 32;
        return Math.max(t.defaultHeight(), 230 + rows * perRow);
    }

    /** The kinds that apply to an indicator, in menu order. */
    public List<ChartKind> kinds(String indicatorId) {
        List<ChartKind> out = new ArrayList<>();
        for (ChartKind k : ChartKind.values()) if (applies(k, indicatorId)) out.add(k);
        return out;
    }

    /**
     * Creates a chart. {@code areaId} null means the own municipality (for region-only indicators such as
     * karies, the county).
     */
    public RenderedChart create(ChartKind kind, String indicatorId, String areaId, ChartTheme theme) {
        Indicator ind = wb.indicators().get(indicatorId)
                .orElseThrow(() -> new UserError("Nyckeltalet " + indicatorId + " finns inte i arbetsboken."));
        ChartTheme t = theme == null ? ChartTheme.SCREEN : theme;
        String area = areaOrOwn(ind, areaId);
        if (wb.areas().get(area).isEmpty() && !area.equals(Area.RIKET_ID)) {
            throw new UserError("Området " + area + " finns inte i arbetsboken.");
        }
        return switch (kind) {
            case TREND -> trend(ind, area, t);
            case GENDER -> gender(ind, area, t);
            case GAP -> gap(ind, area, t);
            case OVERVIEW -> overview(ind, area, t);
        };
    }

    private String areaOrOwn(Indicator ind, String areaId) {
        if (areaId != null && !areaId.isBlank()) return areaId;
        String own = plan.municipalityId();
        if (own == null) throw new UserError("Arbetsboken saknar egen kommun i inställningarna.");
        // region-only indicators (e.g. karies) have no municipal values: fall back to the county
        if (wb.observations().series(ind.id(), own, Group.TOTALT).isEmpty() && plan.countyId() != null
                && !wb.observations().series(ind.id(), plan.countyId(), Group.TOTALT).isEmpty()) {
            return plan.countyId();
        }
        return own;
    }

    // ================================================================== trend

    private record Line(String label, String areaId, List<Observation> obs, Color color, Stroke stroke, Shape shape,
                        boolean own) {
    }

    private RenderedChart trend(Indicator ind, String area, ChartTheme t) {
        Unit u = ind.unit();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(name(area), area, wb.observations().series(ind.id(), area, Group.TOTALT), ChartTheme.OWN,
                solid(t.lineWidth()), circle(t.markerSize()), true));
        String county = plan.countyId();
        if (county != null && !county.equals(area)) {
            addIfData(lines, ind, county, ChartTheme.COUNTY, solid(t.lineWidth() * 0.6f), square(t.markerSize() * 0.8));
        }
        String group = plan.comparisonGroupId();
        boolean groupMean = false;
        if (group != null && !group.equals(area)) {
            int before = lines.size();
            addIfData(lines, ind, group, ChartTheme.GROUP, dotted(t.lineWidth() * 0.7f), triangle(t.markerSize() * 0.9));
            if (lines.size() == before) {
                // No group values (survey data such as Skolenkäten): the unweighted mean of the members, as Kolada does.
                List<Observation> mean = memberMean(ind, group);
                if (!mean.isEmpty()) {
                    lines.add(new Line(shortName(group), group, mean, ChartTheme.GROUP, dotted(t.lineWidth() * 0.7f),
                            triangle(t.markerSize() * 0.9), false));
                    groupMean = true;
                }
            }
        }
        if (!Area.RIKET_ID.equals(area)) {
            addIfData(lines, ind, Area.RIKET_ID, ChartTheme.RIKET, dashed(t.lineWidth() * 0.6f), null);
        }
        List<Observation> own = lines.get(0).obs();
        if (AnalysisService.withValues(own).isEmpty()) {
            throw new UserError("Det finns inga värden för " + ind.id() + " i " + name(area) + " att rita.");
        }
        Map<Integer, String> periodLabels = periodLabels(lines);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Map<ObservationStatus, Set<String>> gapPeriods = new java.util.EnumMap<>(ObservationStatus.class);
        Map<Integer, ObservationStatus> ownGaps = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            XYSeries s = new XYSeries(l.label(), true, false);
            Map<Integer, Observation> byYear = new TreeMap<>();
            for (Observation o : l.obs()) byYear.put(o.period().endYear(), o);
            for (Integer year : periodLabels.keySet()) {
                Observation o = byYear.get(year);
                if (o != null && o.hasValue()) s.add((double) year, o.value());
                else {
                    s.add((double) year, null);
                    if (l.own() && o != null || l.own() && year > firstYear(l.obs()) && year < lastYear(l.obs())) {
                        ObservationStatus st = o == null ? ObservationStatus.MISSING : o.status();
                        gapPeriods.computeIfAbsent(st, k -> new TreeSet<>()).add(periodLabels.get(year));
                        ownGaps.put(year, st);
                    }
                }
            }
            data.addSeries(s);
            r.setSeriesPaint(i, l.color());
            r.setSeriesStroke(i, l.stroke());
            if (l.shape() != null) r.setSeriesShape(i, l.shape());
            r.setSeriesShapesVisible(i, l.shape() != null);
            r.setSeriesShapesFilled(i, true);
        }
        XYPlot plot = basePlot(t);
        plot.setDataset(0, data);
        plot.setRenderer(0, r);

        PeriodAxis x = yearAxis(t, periodLabels);
        plot.setDomainAxis(x);
        NumberAxis y = valueAxis(t, u);
        plot.setRangeAxis(y);

        List<String> notes = new ArrayList<>();
        // CI band (Wilson) for the own line when n is known
        YIntervalSeries band = new YIntervalSeries("95\u00a0% konfidensintervall");
        for (Observation o : own) {
            if (o.hasValue() && o.n() != null && o.n() > 0 && u == Unit.PERCENT) {
                Interval ci = o.ciLow() != null && o.ciHigh() != null ? new Interval(o.ciLow(), o.ciHigh())
                        : Stats.wilson(o.value(), o.n());
                band.add(o.period().endYear(), o.value(), ci.low(), ci.high());
            } else if (o.hasValue() && o.ciLow() != null && o.ciHigh() != null) {
                band.add(o.period().endYear(), o.value(), o.ciLow(), o.ciHigh());
            }
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) for (Observation o : l.obs()) if (o.hasValue()) {
            lo = Math.min(lo, o.value());
            hi = Math.max(hi, o.value());
        }
        if (band.getItemCount() > 0) {
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            bands.addSeries(band);
            DeviationRenderer dr = new DeviationRenderer(false, false);
            dr.setSeriesFillPaint(0, ChartTheme.CI_FILL);
            dr.setSeriesPaint(0, new Color(0, 0, 0, 0));
            dr.setAlpha(1f);
            plot.setDataset(1, bands);
            plot.setRenderer(1, dr);
            for (int i = 0; i < band.getItemCount(); i++) {
                lo = Math.min(lo, band.getYLowValue(i));
                hi = Math.max(hi, band.getYHighValue(i));
            }
            notes.add("Skuggat fält: 95\u00a0% konfidensintervall (Wilson) för " + name(area) + ".");
        }
        // target trajectories
        List<Target> targets = new ArrayList<>();
        for (Target tg : wb.targets().forIndicator(ind.id())) {
            String tArea = tg.areaId() == null ? plan.municipalityId() : tg.areaId();
            if (area.equals(tArea) && tg.group().isTotal()) targets.add(tg);
        }
        List<Label> labels = new ArrayList<>();
        if (!targets.isEmpty()) {
            Target tg = targets.get(0);
            Double base = tg.baselineValue();
            if (base == null) for (Observation o : own) if (o.hasValue() && o.period().endYear() == tg.baselineYear()) base = o.value();
            if (base != null) {
                XYSeriesCollection td = new XYSeriesCollection();
                XYSeries ts = new XYSeries("Mål", true, false);
                double end = AnalysisService.expected(tg, base, tg.horizonYear());
                ts.add(tg.baselineYear(), base);
                ts.add(tg.horizonYear(), end);
                td.addSeries(ts);
                XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(true, false);
                tr.setSeriesPaint(0, ChartTheme.TARGET);
                tr.setSeriesStroke(0, dotted(t.lineWidth() * 0.9f));
                plot.setDataset(2, td);
                plot.setRenderer(2, tr);
                lo = Math.min(lo, Math.min(base, end));
                hi = Math.max(hi, Math.max(base, end));
                labels.add(new Label("Mål " + SwedishNumbers.value(end, u) + " (" + tg.horizonYear() + ")", tg.horizonYear(),
                        end, ChartTheme.TARGET, false));
                notes.add("Prickad grön linje: målet " + describeTarget(tg, u) + ".");
                int maxYear = Math.max(lastKey(periodLabels), tg.horizonYear());
                x.putLabel(tg.horizonYear(), Integer.toString(tg.horizonYear()));
                lastYearHint = maxYear;
            }
        }
        Range yr = niceRange(lo, hi, u);
        y.setRange(yr);
        niceTicks(y, yr);
        int minYear = periodLabels.keySet().iterator().next();
        int maxYear = Math.max(lastKey(periodLabels), lastYearHint);
        lastYearHint = Integer.MIN_VALUE;
        double spanX = Math.max(1, maxYear - minYear);
        x.setRange(minYear - spanX * 0.03, maxYear + spanX * 0.03);

        // direct labels at the last value of each line
        for (Line l : lines) {
            List<Observation> v = AnalysisService.withValues(l.obs());
            if (v.isEmpty()) continue;
            Observation last = v.get(v.size() - 1);
            labels.add(new Label(l.label() + " " + SwedishNumbers.value(last.value(), u), last.period().endYear(),
                    last.value(), l.color(), l.own()));
        }
        placeLabels(plot, labels, yr, t, maxYear);
        markGaps(plot, ownGaps, yr, t);
        if (!gapPeriods.isEmpty()) notes.add(gapNote(gapPeriods));
        if (lines.stream().anyMatch(l -> l.areaId().equals(Area.RIKET_ID))) notes.add("Streckad linje: riket.");
        if (groupMean) {
            notes.add("Prickad linje: liknande kommuner, ovägt medel av värdena för de av gruppens "
                    + wb.areas().members(group).size() + " kommuner som har ett (minst hälften), beräknat av Hälsoläge.");
        }
        if (area.equals(plan.countyId()) && plan.municipalityId() != null
                && wb.observations().series(ind.id(), plan.municipalityId(), Group.TOTALT).isEmpty()) {
            notes.add(0, "Uppgiften finns bara för regioner, därför visas länet.");
        }

        String title = ind.displayTitle();
        String periodSpan = span(periodLabels.get(minYear), lastLabel(own));
        String subtitle = measure(ind) + ", " + population(ind, Group.TOTALT) + ", " + periodSpan;
        Observation latest = AnalysisService.withValues(own).get(AnalysisService.withValues(own).size() - 1);
        String alt = trendAlt(ind, area, lines, latest);
        return finish(plot, t, title, subtitle, alt, allObs(lines), notes);
    }

    private int lastYearHint = Integer.MIN_VALUE;

    /**
     * "Luckor i linjen: .. sekretess eller för få svar (2021); – uppgift saknas (2023)." The markers and words are
     * those of the tables and the plan's legend ({@link ObservationStatus#meaning()}).
     */
    static String gapNote(Map<ObservationStatus, Set<String>> gaps) {
        List<String> parts = new ArrayList<>();
        for (var e : gaps.entrySet()) {
            parts.add(e.getKey().defaultMarker() + " " + e.getKey().meaning() + " (" + String.join(", ", e.getValue()) + ")");
        }
        return "Luckor i linjen: " + String.join("; ", parts) + ".";
    }

    /** Writes the marker (".." or "–") just above the period axis where the own line has a gap. */
    private static void markGaps(XYPlot plot, Map<Integer, ObservationStatus> gaps, Range yr, ChartTheme t) {
        double y = yr.getLowerBound() + yr.getLength() * 0.04;
        for (var e : gaps.entrySet()) {
            XYTextAnnotation a = new XYTextAnnotation(e.getValue().defaultMarker(), e.getKey(), y);
            a.setFont(t.baseFont().deriveFont(java.awt.Font.BOLD));
            a.setPaint(ChartTheme.OWN);
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(a);
        }
    }

    private String trendAlt(Indicator ind, String area, List<Line> lines, Observation latest) {
        Unit u = ind.unit();
        StringBuilder s = new StringBuilder("Linjediagram över " + lower(ind.displayTitle()) + " för " + name(area));
        List<Observation> v = AnalysisService.withValues(lines.get(0).obs());
        Observation first = v.get(0);
        s.append(" från ").append(first.period().label()).append(" till ").append(latest.period().label()).append(". ");
        // The same change figures, words and baselines as the plan's table and text (analysis.Texts).
        se.halsolage.analysis.IndicatorAnalysis a = analysis.analyze(ind.id(), area);
        s.append("Senaste värdet ").append(se.halsolage.analysis.Texts.value(latest, u)).append(" (")
                .append(latest.period().label()).append(")");
        String change = se.halsolage.analysis.Texts.changePhrase(a);
        s.append(change == null ? "; ingen tidigare jämförbar mätning." : ": " + change + ".");
        String trend = se.halsolage.analysis.Texts.trendPhrase(a);
        if (trend != null) s.append(' ').append(trend).append('.');
        for (int i = 1; i < lines.size(); i++) {
            Line l = lines.get(i);
            Observation same = null;
            for (Observation o : l.obs()) if (o.hasValue() && o.period().label().equals(latest.period().label())) same = o;
            if (same != null) s.append(" ").append(l.label()).append(": ").append(se.halsolage.analysis.Texts.value(same, u)).append('.');
        }
        if (ind.direction() != Direction.NEITHER) s.append(" ").append(ind.direction().label()).append('.');
        return s.toString();
    }

    /**
     * Per period the unweighted mean of the group members' values (group Totalt), when at least half of the members
     * have one; the observations carry the group's id and no source. Empty when the group has no members.
     */
    List<Observation> memberMean(Indicator ind, String groupId) {
        return AnalysisService.memberMean(wb, ind, groupId);
    }

    private void addIfData(List<Line> lines, Indicator ind, String areaId, Color c, Stroke s, Shape shape) {
        List<Observation> obs = wb.observations().series(ind.id(), areaId, Group.TOTALT);
        if (obs.stream().anyMatch(Observation::hasValue)) lines.add(new Line(shortName(areaId), areaId, obs, c, s, shape, false));
    }

    // ================================================================== gender

    private List<List<Observation>> genderSeries(Indicator ind, String area) {
        List<Observation> all = wb.observations().series(ind.id(), area);
        List<Observation> f = new ArrayList<>(), m = new ArrayList<>();
        for (Observation o : all) {
            if (o.group().isFemale()) f.add(o);
            else if (o.group().isMale()) m.add(o);
        }
        if (AnalysisService.withValues(f).isEmpty() || AnalysisService.withValues(m).isEmpty()) return List.of();
        return List.of(f, m);
    }

    private RenderedChart gender(Indicator ind, String area, ChartTheme t) {
        Unit u = ind.unit();
        List<List<Observation>> fm = genderSeries(ind, area);
        if (fm.isEmpty()) throw new UserError("Nyckeltalet " + ind.id() + " har inga värden uppdelade på kön för " + name(area) + ".");
        String fLabel = fm.get(0).get(0).group().label(), mLabel = fm.get(1).get(0).group().label();
        if (se.halsolage.analysis.Texts.isChildren(ind)) {
            // children are girls and boys, also when the source (Kolada) says Kvinnor/Män
            fLabel = "Flickor";
            mLabel = "Pojkar";
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(fLabel, area, fm.get(0), ChartTheme.FEMALE, solid(t.lineWidth()), circle(t.markerSize()), true));
        lines.add(new Line(mLabel, area, fm.get(1), ChartTheme.MALE, dashed(t.lineWidth()), square(t.markerSize()), true));
        List<Observation> total = wb.observations().series(ind.id(), area, Group.TOTALT);
        if (total.stream().anyMatch(Observation::hasValue)) {
            lines.add(new Line("Totalt", area, total, ChartTheme.COUNTY, dotted(t.lineWidth() * 0.5f), null, false));
        }
        Map<Integer, String> periodLabels = periodLabels(lines);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Map<ObservationStatus, Set<String>> gapPeriods = new java.util.EnumMap<>(ObservationStatus.class);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            XYSeries s = new XYSeries(l.label(), true, false);
            Map<Integer, Observation> byYear = new TreeMap<>();
            for (Observation o : l.obs()) byYear.put(o.period().endYear(), o);
            for (Integer year : periodLabels.keySet()) {
                Observation o = byYear.get(year);
                if (o != null && o.hasValue()) {
                    s.add((double) year, o.value());
                    lo = Math.min(lo, o.value());
                    hi = Math.max(hi, o.value());
                } else {
                    s.add((double) year, null);
                    if (o != null && l.own()) {
                        gapPeriods.computeIfAbsent(o.status(), k -> new TreeSet<>()).add(l.label() + " " + periodLabels.get(year));
                    }
                }
            }
            data.addSeries(s);
            r.setSeriesPaint(i, l.color());
            r.setSeriesStroke(i, l.stroke());
            if (l.shape() != null) r.setSeriesShape(i, l.shape());
            r.setSeriesShapesVisible(i, l.shape() != null);
        }
        XYPlot plot = basePlot(t);
        plot.setDataset(data);
        plot.setRenderer(r);
        PeriodAxis x = yearAxis(t, periodLabels);
        plot.setDomainAxis(x);
        NumberAxis y = valueAxis(t, u);
        plot.setRangeAxis(y);
        Range yr = niceRange(lo, hi, u);
        y.setRange(yr);
        niceTicks(y, yr);
        int minYear = periodLabels.keySet().iterator().next(), maxYear = lastKey(periodLabels);
        double spanX = Math.max(1, maxYear - minYear);
        x.setRange(minYear - spanX * 0.03, maxYear + spanX * 0.03);
        List<Label> labels = new ArrayList<>();
        for (Line l : lines) {
            List<Observation> v = AnalysisService.withValues(l.obs());
            Observation last = v.get(v.size() - 1);
            labels.add(new Label(l.label() + " " + SwedishNumbers.value(last.value(), u), last.period().endYear(), last.value(),
                    l.color(), l.own()));
        }
        placeLabels(plot, labels, yr, t, maxYear);

        var gg = AnalysisService.genderGap(ind, fm.get(0), fm.get(1));
        List<String> notes = new ArrayList<>();
        if (!gapPeriods.isEmpty()) notes.add(gapNote(gapPeriods));
        notes.add("Heldragen linje med cirklar: " + fLabel.toLowerCase() + "; streckad linje med kvadrater: " + mLabel.toLowerCase() + ".");
        String gapText = "";
        if (gg.gap() != null) {
            gapText = "Skillnad " + gg.female().period().label() + ": " + fLabel + " − " + mLabel.toLowerCase() + " = "
                    + SwedishNumbers.change(gg.gap(), u)
                    + (gg.significance() == Verdict.OSAKER ? " (inom den statistiska osäkerheten)" : "");
        }
        String subtitle = measure(ind) + ", " + population(ind, null) + ", " + span(periodLabels.get(minYear), periodLabels.get(maxYear))
                + (gapText.isEmpty() ? "" : ". " + gapText);
        StringBuilder alt = new StringBuilder("Linjediagram över " + lower(ind.displayTitle()) + " för " + fLabel.toLowerCase()
                + " och " + mLabel.toLowerCase() + " i " + name(area) + ". ");
        if (gg.gap() != null) {
            alt.append("År ").append(gg.female().period().label()).append(": ").append(fLabel.toLowerCase()).append(' ')
                    .append(SwedishNumbers.value(gg.female().value(), u)).append(", ").append(mLabel.toLowerCase()).append(' ')
                    .append(SwedishNumbers.value(gg.male().value(), u)).append(", skillnad ")
                    .append(SwedishNumbers.change(gg.gap(), u)).append('.');
            if (gg.previousGap() != null) {
                alt.append(" Skillnaden var ").append(SwedishNumbers.change(gg.previousGap(), u)).append(" mätningen innan.");
            }
        }
        List<Observation> shown = new ArrayList<>();
        for (Line l : lines) shown.addAll(l.obs());
        if (!gapText.isEmpty()) notes.add(COMPUTED_NOTE);
        return finish(plot, t, ind.displayTitle() + ": " + fLabel.toLowerCase() + " och " + mLabel.toLowerCase(), subtitle,
                alt.toString(), shown, notes);
    }

    // ================================================================== gap (dumbbell)

    private record GapRow(Indicator ind, Observation own, Observation ref, double diff, Verdict verdict) {
    }

    private record GapRows(boolean genderMode, String ownLabel, String refLabel, List<GapRow> rows) {
    }

    private GapRows gapRows(Indicator ind, String area) {
        boolean hasRiket = !Area.RIKET_ID.equals(area)
                && wb.observations().series(ind.id(), Area.RIKET_ID, Group.TOTALT).stream().anyMatch(Observation::hasValue);
        List<GapRow> rows = new ArrayList<>();
        String ownLabel = name(area), refLabel = "Riket";
        String selectedFemale = null;
        for (Indicator other : wb.indicators().all()) {
            if (other.sfhArea() != ind.sfhArea() || other.unit() != ind.unit()) continue;
            if (hasRiket) {
                List<Observation> own = AnalysisService.withValues(wb.observations().series(other.id(), area, Group.TOTALT));
                if (own.isEmpty()) continue;
                Observation o = own.get(own.size() - 1);
                Observation rk = null;
                for (Observation x : wb.observations().series(other.id(), Area.RIKET_ID, Group.TOTALT)) {
                    if (x.hasValue() && x.period().label().equals(o.period().label())) rk = x;
                }
                if (rk == null) continue;
                Comparison c = AnalysisService.compare(other, Area.RIKET_ID, "Riket", o, rk);
                rows.add(new GapRow(other, o, rk, c.difference(), c.verdict()));
            } else {
                List<List<Observation>> fm = genderSeries(other, area);
                if (fm.isEmpty()) continue;
                var gg = AnalysisService.genderGap(other, fm.get(0), fm.get(1));
                if (gg.gap() == null) continue;
                // follow the source's labels: only rows labelled like the chosen indicator (Flickor/Pojkar or Kvinnor/Män)
                if (selectedFemale == null) {
                    List<List<Observation>> own = genderSeries(ind, area);
                    selectedFemale = own.isEmpty() ? gg.femaleLabel() : own.get(0).get(0).group().label();
                }
                if (!gg.femaleLabel().equals(selectedFemale)) continue;
                ownLabel = gg.femaleLabel();
                refLabel = gg.maleLabel();
                rows.add(new GapRow(other, gg.female(), gg.male(), gg.gap(), gg.significance()));
            }
        }
        // worst (for the own area / for girls) first, by direction-adjusted difference
        rows.sort(Comparator.comparingDouble((GapRow g) -> g.ind().direction().sign() == 0 ? 0 : g.diff() * g.ind().direction().sign())
                .thenComparing(g -> -Math.abs(g.diff())));
        return new GapRows(!hasRiket, ownLabel, refLabel, rows);
    }

    /**
     * The row labels of a horizontal chart (gap, overview): one row per name, top to bottom, no axis line or
     * ticks, starting at {@code top} (room above the first row for direct labels when below -0.6).
     */
    private static void rowAxis(XYPlot plot, ChartTheme t, String[] names, double top) {
        SymbolAxis cat = new SymbolAxis(null, names);
        cat.setTickLabelFont(t.baseFont());
        cat.setTickLabelPaint(ChartTheme.TEXT);
        cat.setGridBandsVisible(false);
        cat.setInverted(true);
        cat.setRange(top, names.length - 0.4);
        cat.setAxisLineVisible(false);
        cat.setTickMarksVisible(false);
        plot.setDomainAxis(cat);
        plot.setDomainGridlinesVisible(false);
    }

    private RenderedChart gap(Indicator ind, String area, ChartTheme t) {
        if (ind.sfhArea() == null) throw new UserError("Nyckeltalet " + ind.id() + " hör inte till något område i Strategi för hälsa.");
        GapRows g = gapRows(ind, area);
        if (g.rows().size() < 2) {
            throw new UserError("För få nyckeltal med samma enhet i området " + ind.sfhArea().title() + " för ett skillnadsdiagram.");
        }
        Unit u = ind.unit();
        List<GapRow> rows = g.rows();
        String[] names = new String[rows.size()];
        XYSeries ownS = new XYSeries(g.ownLabel(), false, true), refS = new XYSeries(g.refLabel(), false, true);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            GapRow row = rows.get(i);
            names[i] = shorten(row.ind().displayTitle(), t == ChartTheme.PROJECTOR ? 34 : t == ChartTheme.PRINT ? 34 : 44);
            ownS.add(i, row.own().value());
            refS.add(i, row.ref().value());
            lo = Math.min(lo, Math.min(row.own().value(), row.ref().value()));
            hi = Math.max(hi, Math.max(row.own().value(), row.ref().value()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(refS);
        data.addSeries(ownS);
        XYPlot plot = basePlot(t);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        rowAxis(plot, t, names, -1.1);
        NumberAxis y = valueAxis(t, u);
        double span = Math.max(hi - lo, u == Unit.PERCENT ? 10 : Math.abs(hi) * 0.1);
        double low = lo - span * 0.08;
        if (lo >= 0 && low < 0) low = 0;
        Range yr = new Range(low, hi + span * (t == ChartTheme.PROJECTOR ? 0.55 : 0.42));
        y.setRange(yr);
        niceTicks(y, new Range(yr.getLowerBound(), Math.min(yr.getUpperBound(), u == Unit.PERCENT ? 100 : yr.getUpperBound())));
        if (u == Unit.PERCENT) y.setNumberFormatOverride(new SwedishAxisFormat(u, 100));
        plot.setRangeAxis(y);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);

        plot.setDataset(data);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, diamond(t.markerSize() * 1.4));
        r.setSeriesPaint(0, g.genderMode() ? ChartTheme.MALE : ChartTheme.RIKET);
        r.setSeriesShapesFilled(0, g.genderMode());
        r.setUseOutlinePaint(false);
        r.setDrawOutlines(true);
        r.setSeriesOutlineStroke(0, new BasicStroke(Math.max(1.5f, t.lineWidth() * 0.7f)));
        r.setSeriesShape(1, circle(t.markerSize() * 1.5));
        r.setSeriesPaint(1, g.genderMode() ? ChartTheme.FEMALE : ChartTheme.OWN);
        r.setSeriesShapesFilled(1, true);
        plot.setRenderer(r);
        Font small = t.smallFont();
        int better = 0, worse = 0;
        for (int i = 0; i < rows.size(); i++) {
            GapRow row = rows.get(i);
            Color c = switch (row.verdict()) {
                case BATTRE -> ChartTheme.BETTER;
                case SAMRE -> ChartTheme.WORSE;
                default -> ChartTheme.NEUTRAL;
            };
            if (row.verdict() == Verdict.BATTRE) better++;
            if (row.verdict() == Verdict.SAMRE) worse++;
            plot.addAnnotation(new XYLineAnnotation(i, row.ref().value(), i, row.own().value(),
                    new BasicStroke(t.lineWidth() * 1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND), c));
            String word = switch (row.verdict()) {
                case BATTRE -> g.genderMode() ? g.ownLabel().toLowerCase() + " bättre" : "bättre";
                case SAMRE -> g.genderMode() ? g.ownLabel().toLowerCase() + " sämre" : "sämre";
                case OSAKER -> "osäker";
                case OFORANDRAD -> "lika";
                case EJ_BEDOMBAR -> "";
            };
            XYTextAnnotation a = new XYTextAnnotation(SwedishNumbers.change(row.diff(), u) + (word.isEmpty() ? "" : " " + word),
                    i, Math.max(row.own().value(), row.ref().value()) + yr.getLength() * 0.025);
            a.setFont(small);
            a.setPaint(row.verdict() == Verdict.BATTRE ? ChartTheme.BETTER : row.verdict() == Verdict.SAMRE ? ChartTheme.WORSE : ChartTheme.MUTED_TEXT);
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(a);
        }
        // direct labels for the two markers, in the free band above the top row, so they cannot be read as
        // belonging to a row below (between two rows they were ambiguous)
        int labelRow = 0;
        GapRow first = rows.get(labelRow);
        boolean ownRight = first.own().value() >= first.ref().value();
        double mid = (first.own().value() + first.ref().value()) / 2;
        double push = Math.max(Math.abs(first.own().value() - first.ref().value()) / 2, yr.getLength() * 0.01);
        double ownX = ownRight ? mid + push : mid - push, refX = ownRight ? mid - push : mid + push;
        XYTextAnnotation la = new XYTextAnnotation(g.ownLabel(), labelRow - 0.42, ownX);
        la.setFont(t.labelFont(true));
        la.setPaint(g.genderMode() ? ChartTheme.FEMALE : ChartTheme.OWN);
        la.setTextAnchor(ownRight ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
        plot.addAnnotation(la);
        XYTextAnnotation lb = new XYTextAnnotation(g.refLabel(), labelRow - 0.42, refX);
        lb.setFont(t.labelFont(false));
        lb.setPaint(g.genderMode() ? ChartTheme.MALE : ChartTheme.RIKET);
        lb.setTextAnchor(ownRight ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(lb);

        String title = g.genderMode() ? "Skillnader mellan " + g.ownLabel().toLowerCase() + " och " + g.refLabel().toLowerCase()
                + ": " + ind.sfhArea().title() : "Skillnader mot riket: " + ind.sfhArea().title();
        String subtitle = (g.genderMode() ? g.ownLabel() + " jämfört med " + g.refLabel().toLowerCase() + " i " + name(area)
                : name(area) + " jämfört med riket") + ", " + measure(ind).toLowerCase() + ", senaste mätning per nyckeltal";
        List<String> notes = new ArrayList<>();
        notes.add((g.genderMode() ? "Fylld cirkel: " + g.ownLabel().toLowerCase() + "; fylld romb: " + g.refLabel().toLowerCase()
                : "Fylld cirkel: " + name(area) + "; ofylld romb: riket") + ". Linjens färg och texten till höger: "
                + "bättre (grönblå), sämre (orange), osäker eller lika (grå), utifrån om högre eller lägre är bättre.");
        notes.add("Sorterat från störst skillnad åt det sämre hållet till störst åt det bättre.");
        notes.add(COMPUTED_NOTE);
        StringBuilder alt = new StringBuilder("Punktdiagram med " + rows.size() + " nyckeltal i området " + ind.sfhArea().title()
                + " som jämför " + (g.genderMode() ? g.ownLabel().toLowerCase() + " med " + g.refLabel().toLowerCase()
                : name(area) + " med riket") + ". " + (g.genderMode() ? g.ownLabel() : name(area)) + " ligger bättre till i " + better
                + " och sämre i " + worse + ". ");
        for (int i = 0; i < Math.min(3, rows.size()); i++) {
            GapRow row = rows.get(i);
            alt.append(row.ind().displayTitle()).append(": ").append(SwedishNumbers.value(row.own().value(), u)).append(" mot ")
                    .append(SwedishNumbers.value(row.ref().value(), u)).append(" (").append(row.own().period().label()).append("). ");
        }
        for (GapRow row : rows) {
            if (!row.ind().id().equals(ind.id())) continue;
            alt.append("Valt nyckeltal ").append(ind.displayTitle()).append(": ")
                    .append(g.genderMode() ? g.ownLabel().toLowerCase() + " " : "").append(SwedishNumbers.value(row.own().value(), u))
                    .append(" mot ").append(g.genderMode() ? g.refLabel().toLowerCase() + " " : "riket ")
                    .append(SwedishNumbers.value(row.ref().value(), u)).append(" (").append(row.own().period().label()).append(").");
        }
        List<Observation> shown = new ArrayList<>();
        for (GapRow row : rows) {
            shown.add(row.own());
            shown.add(row.ref());
        }
        return finish(plot, t, title, subtitle, alt.toString().strip(), shown, notes);
    }

    // ================================================================== overview

    private record OverviewRow(Indicator ind, String refLabel, Map<String, Double> relative, Map<String, Observation> own) {
    }

    /** Per indicator of the SfH area: own vs riket (or county) relative difference, direction-adjusted. */
    private List<OverviewRow> overviewRows(Indicator ind, String area) {
        List<OverviewRow> rows = new ArrayList<>();
        for (Indicator other : wb.indicators().all()) {
            if (other.sfhArea() != ind.sfhArea() || other.direction() == Direction.NEITHER) continue;
            String refId = wb.observations().series(other.id(), Area.RIKET_ID, Group.TOTALT).stream().anyMatch(Observation::hasValue)
                    ? Area.RIKET_ID : plan.countyId();
            if (refId == null || refId.equals(area)) continue;
            Map<String, Double> rel = new LinkedHashMap<>();
            Map<String, Observation> own = new LinkedHashMap<>();
            for (Observation o : latestByGroup(other.id(), area).values()) {
                if (!(o.group().isTotal() || o.group().isFemale() || o.group().isMale())) continue;
                Observation ref = null;
                for (Observation x : wb.observations().series(other.id(), refId, o.group())) {
                    if (x.hasValue() && x.period().label().equals(o.period().label())) ref = x;
                }
                if (ref == null || ref.value() == 0) continue;
                String key = o.group().isTotal() ? "Totalt" : o.group().isFemale() ? "F" : "M";
                rel.put(key, other.direction().sign() * (o.value() - ref.value()) / Math.abs(ref.value()) * 100);
                own.put(key, o);
            }
            if (rel.containsKey("Totalt")) rows.add(new OverviewRow(other, Area.RIKET_ID.equals(refId) ? "riket" : "länet", rel, own));
        }
        return rows;
    }

    private Map<Group, Observation> latestByGroup(String indicatorId, String area) {
        Map<Group, Observation> out = new TreeMap<>();
        for (Observation o : wb.observations().series(indicatorId, area)) if (o.hasValue()) out.put(o.group(), o);
        return out;
    }

    private RenderedChart overview(Indicator ind, String area, ChartTheme t) {
        if (ind.sfhArea() == null) throw new UserError("Nyckeltalet " + ind.id() + " hör inte till något område i Strategi för hälsa.");
        List<OverviewRow> rows = overviewRows(ind, area);
        if (rows.size() < 2) throw new UserError("För få nyckeltal med värden i området " + ind.sfhArea().title() + " för en översikt.");
        rows.sort(Comparator.comparingDouble((OverviewRow r) -> r.relative().get("Totalt")));
        String[] names = new String[rows.size()];
        XYSeriesCollection bars = new XYSeriesCollection();
        XYSeries tot = new XYSeries("Totalt", false, true);
        XYSeries fem = new XYSeries("Kvinnor/flickor", false, true), mal = new XYSeries("Män/pojkar", false, true);
        double lo = 0, hi = 0;
        boolean anyCounty = false;
        for (int i = 0; i < rows.size(); i++) {
            OverviewRow row = rows.get(i);
            names[i] = shorten(row.ind().displayTitle(), t == ChartTheme.PROJECTOR ? 38 : t == ChartTheme.PRINT ? 34 : 46) + ("länet".equals(row.refLabel()) ? "¹" : "")
                    + "  " + SwedishNumbers.value(row.own().get("Totalt").value(), row.ind().unit());
            anyCounty |= "länet".equals(row.refLabel());
            double v = row.relative().get("Totalt");
            tot.add(i, v);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            if (row.relative().containsKey("F")) {
                fem.add(i - 0.0, row.relative().get("F"));
                lo = Math.min(lo, row.relative().get("F"));
                hi = Math.max(hi, row.relative().get("F"));
            }
            if (row.relative().containsKey("M")) {
                mal.add(i + 0.0, row.relative().get("M"));
                lo = Math.min(lo, row.relative().get("M"));
                hi = Math.max(hi, row.relative().get("M"));
            }
        }
        bars.addSeries(tot);
        bars.setIntervalWidth(0.55);
        XYPlot plot = basePlot(t);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        rowAxis(plot, t, names, -0.6);
        NumberAxis y = new NumberAxis("← sämre än riket · bättre än riket →");
        styleAxis(y, t);
        y.setNumberFormatOverride(new SignedPercentFormat());
        double span = Math.max(10, hi - lo);
        Range yr = new Range(Math.min(lo, 0) - span * 0.16, Math.max(hi, 0) + span * 0.16);
        y.setRange(yr);
        niceTicks(y, yr);
        plot.setRangeAxis(y);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        org.jfree.chart.renderer.xy.XYBarRenderer br = new org.jfree.chart.renderer.xy.XYBarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int series, int item) {
                double v = tot.getY(item).doubleValue();
                return v >= 0 ? ChartTheme.BETTER : ChartTheme.WORSE;
            }
        };
        br.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        br.setShadowVisible(false);
        br.setDrawBarOutline(false);
        br.setBase(0);
        bars.setIntervalPositionFactor(0.5);
        plot.setDataset(0, bars);
        plot.setRenderer(0, br);
        XYSeriesCollection dots = new XYSeriesCollection();
        dots.addSeries(fem);
        dots.addSeries(mal);
        XYLineAndShapeRenderer dr = new XYLineAndShapeRenderer(false, true);
        dr.setSeriesShape(0, circle(t.markerSize() * 1.2));
        dr.setSeriesPaint(0, ChartTheme.FEMALE);
        dr.setSeriesShape(1, square(t.markerSize() * 1.1));
        dr.setSeriesPaint(1, ChartTheme.MALE);
        dr.setSeriesOutlinePaint(0, Color.WHITE);
        dr.setSeriesOutlinePaint(1, Color.WHITE);
        dr.setUseOutlinePaint(true);
        dr.setDrawOutlines(true);
        plot.setDataset(1, dots);
        plot.setRenderer(1, dr);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.addRangeMarker(new ValueMarker(0, ChartTheme.RIKET, new BasicStroke(1.5f)));
        br.setSeriesVisibleInLegend(0, false);
        for (int i = 0; i < rows.size(); i++) {
            double v = rows.get(i).relative().get("Totalt");
            String text = (Math.abs(v) < 0.5 ? "±0" : SwedishNumbers.signed(v, 0)) + SwedishNumbers.NBSP + "%";
            // a column right of the data area (in the widened right inset): never on top of bars or markers
            XYTextAnnotation a = new DirectLabel("\u2002" + text, i + 0.0, yr.getUpperBound());
            a.setFont(t.baseFont());
            a.setPaint(v >= 0.5 ? ChartTheme.BETTER : v <= -0.5 ? ChartTheme.WORSE : ChartTheme.MUTED_TEXT);
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(a);
        }
        RectangleInsets in = plot.getInsets();
        double w = t.baseFont().getStringBounds("\u2002\u2212100 %", new java.awt.font.FontRenderContext(null, true, true)).getWidth();
        plot.setInsets(new RectangleInsets(in.getTop(), in.getLeft(), in.getBottom(), Math.ceil(w) + 6));
        boolean anyGender = fem.getItemCount() > 0 || mal.getItemCount() > 0;
        String title = "Översikt: " + ind.sfhArea().title();
        String subtitle = name(area) + " jämfört med riket: skillnad i procent av rikets värde, senaste mätning per nyckeltal";
        List<String> notes = new ArrayList<>();
        notes.add("Staplar: totalt, grönblå = bättre än riket, orange = sämre (tecken och sida visar samma sak). "
                + "Talet efter namnet är kommunens eget värde, talet till höger skillnaden mot riket."
                + (anyGender ? " Cirkel = kvinnor/flickor, kvadrat = män/pojkar, jämfört med samma grupp i riket." : ""));
        if (anyCounty) notes.add("¹ Jämfört med länet (uppgift för riket saknas).");
        notes.add("Nyckeltal utan bättre/sämre-riktning visas inte.");
        List<OverviewRow> byAbs = new ArrayList<>(rows);
        StringBuilder alt = new StringBuilder("Stapeldiagram med " + rows.size() + " nyckeltal i området " + ind.sfhArea().title()
                + " som visar hur mycket " + name(area) + " avviker från riket. ");
        long better = rows.stream().filter(r -> r.relative().get("Totalt") > 0).count();
        alt.append(name(area)).append(" ligger bättre till i ").append(better).append(" och sämre i ").append(rows.size() - better).append(". ");
        OverviewRow worst = byAbs.get(0), best = byAbs.get(byAbs.size() - 1);
        alt.append("Störst avvikelse åt det sämre hållet: ").append(worst.ind().displayTitle()).append(" (")
                .append(SwedishNumbers.value(worst.own().get("Totalt").value(), worst.ind().unit())).append(", ")
                .append(SwedishNumbers.signed(worst.relative().get("Totalt"), 0)).append(" %). ");
        alt.append("Åt det bättre hållet: ").append(best.ind().displayTitle()).append(" (")
                .append(SwedishNumbers.value(best.own().get("Totalt").value(), best.ind().unit())).append(", ")
                .append(SwedishNumbers.signed(best.relative().get("Totalt"), 0)).append(" %).");
        for (OverviewRow row : rows) {
            if (row.ind().id().equals(ind.id())) {
                alt.append(" Valt nyckeltal ").append(ind.displayTitle()).append(": ")
                        .append(SwedishNumbers.value(row.own().get("Totalt").value(), ind.unit())).append('.');
            }
        }
        List<Observation> shown = new ArrayList<>();
        for (OverviewRow row : rows) shown.addAll(row.own().values());
        return finish(plot, t, title, subtitle, alt.toString(), shown, notes, anyGender);
    }

    // ================================================================== shared building blocks

    private record Label(String text, double x, double y, Color color, boolean bold) {
    }

    /**
     * Direct labels in a column right of the data at {@code xPos}, pushed apart so they do not overlap. The plot's
     * right inset is widened to the longest label (annotations are drawn outside the data area's clip), so labels
     * fit at any output size.
     */
    private void placeLabels(XYPlot plot, List<Label> labels, Range yr, ChartTheme t, double xPos) {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparingDouble(Label::y));
        double minGap = yr.getLength() * (t == ChartTheme.PROJECTOR ? 0.085 : 0.075);
        double[] ys = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            ys[i] = sorted.get(i).y();
            if (i > 0 && ys[i] - ys[i - 1] < minGap) ys[i] = ys[i - 1] + minGap;
        }
        double over = sorted.isEmpty() ? 0 : ys[ys.length - 1] - (yr.getUpperBound() - minGap * 0.3);
        if (over > 0) for (int i = ys.length - 1; i >= 0; i--) {
            ys[i] -= over;
            if (i > 0 && ys[i] - ys[i - 1] < minGap) over = minGap - (ys[i] - ys[i - 1]);
            else break;
        }
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        double widest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Label l = sorted.get(i);
            String text = "\u2002" + l.text();
            Font f = t.labelFont(l.bold());
            widest = Math.max(widest, f.getStringBounds(text, frc).getWidth());
            XYTextAnnotation a = new DirectLabel(text, xPos, ys[i]);
            a.setFont(f);
            a.setPaint(l.color());
            a.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
            plot.addAnnotation(a);
        }
        RectangleInsets in = plot.getInsets();
        plot.setInsets(new RectangleInsets(in.getTop(), in.getLeft(), in.getBottom(), Math.ceil(widest) + 8));
    }

    private XYPlot basePlot(ChartTheme t) {
        XYPlot plot = new XYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(ChartTheme.GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(8, 4, 4, 12));
        return plot;
    }

    private PeriodAxis yearAxis(ChartTheme t, Map<Integer, String> labels) {
        PeriodAxis x = new PeriodAxis(labels, t == ChartTheme.PROJECTOR ? 95 : 52);
        styleAxis(x, t);
        return x;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }

    private NumberAxis valueAxis(ChartTheme t, Unit u) {
        NumberAxis y = new NumberAxis(axisLabel(u));
        styleAxis(y, t);
        y.setNumberFormatOverride(new SwedishAxisFormat(u));
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    private void styleAxis(NumberAxis a, ChartTheme t) {
        a.setTickLabelFont(t.baseFont());
        a.setLabelFont(t.baseFont());
        a.setTickLabelPaint(ChartTheme.TEXT);
        a.setLabelPaint(ChartTheme.MUTED_TEXT);
        a.setAxisLinePaint(ChartTheme.NEUTRAL);
        a.setTickMarkPaint(ChartTheme.NEUTRAL);
    }

    private static String axisLabel(Unit u) {
        return switch (u) {
            case PERCENT -> null;
            case YEARS -> "År";
            case DAYS -> "Dagar";
            case PER_100000 -> "Per 100 000 invånare";
            case PER_1000 -> "Per 1 000 invånare";
            case KRONOR -> "Kronor";
            case INDEX -> "Index";
            case COUNT -> "Antal";
            default -> null;
        };
    }

    /** A y range that includes the data with some air, at least a sensible span, never below 0 for non-negative units. */
    /** About six gridlines: a tick unit of 1, 2, 2,5 or 5 times a power of ten. */
    static void niceTicks(NumberAxis axis, Range r) {
        double raw = r.getLength() / 6;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = pow;
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            unit = m * pow;
            if (unit >= raw) break;
        }
        axis.setTickUnit(new NumberTickUnit(unit));
    }

    static Range niceRange(double lo, double hi, Unit u) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) return new Range(0, 1);
        if (u == Unit.PERCENT && lo >= 0) {
            // Shares start at 0 (a cut axis exaggerates change) and never go below it or above 100 %.
            double top = Math.max(hi * 1.12, hi + 2);
            return new Range(0, Math.min(100, Math.max(top, 5)));
        }
        boolean nonNegative = lo >= 0;
        double span = hi - lo;
        double minSpan = u == Unit.PERCENT ? 10 : u == Unit.YEARS ? 4 : Math.max(Math.abs(hi) * 0.15, 1e-6);
        if (span < minSpan) {
            double mid = (hi + lo) / 2;
            lo = mid - minSpan / 2;
            hi = mid + minSpan / 2;
            span = minSpan;
        }
        double a = lo - span * 0.12, b = hi + span * 0.12;
        if (a < 0 && nonNegative) {
            b -= a;
            a = 0;
        }
        if (u == Unit.PERCENT && b > 100) {
            a = Math.max(0, a - (b - 100));
            b = 100;
        }
        return new Range(a, b);
    }

    private RenderedChart finish(XYPlot plot, ChartTheme t, String title, String subtitle, String alt,
                                 List<Observation> shown, List<String> notes) {
        return finish(plot, t, title, subtitle, alt, shown, notes, false);
    }

    private RenderedChart finish(XYPlot plot, ChartTheme t, String title, String subtitle, String alt,
                                 List<Observation> shown, List<String> notes, boolean legend) {
        JFreeChart chart = new JFreeChart(null, t.titleFont(), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(10, 12, 8, 12));
        TextTitle tt = new TextTitle(title, t.titleFont(), ChartTheme.TEXT, RectangleEdge.TOP, HorizontalAlignment.LEFT,
                org.jfree.chart.ui.VerticalAlignment.TOP, new RectangleInsets(0, 0, 2, 0));
        chart.setTitle(tt);
        TextTitle st = new TextTitle(subtitle, t.subtitleFont(), ChartTheme.MUTED_TEXT, RectangleEdge.TOP, HorizontalAlignment.LEFT,
                org.jfree.chart.ui.VerticalAlignment.TOP, new RectangleInsets(0, 0, 8, 0));
        org.jfree.chart.title.LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) chart.removeLegend();
        chart.addSubtitle(st);
        if (legendTitle != null) {
            // a small key under the subtitle (only where markers need one; lines are labelled directly)
            legendTitle.setPosition(RectangleEdge.TOP);
            legendTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
            legendTitle.setItemFont(t.baseFont());
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setItemPaint(ChartTheme.TEXT);
            legendTitle.setMargin(new RectangleInsets(0, 0, 6, 0));
            chart.addSubtitle(legendTitle);
        }
        String sourceLine = sourceLine(shown);
        List<String> allNotes = new ArrayList<>(notes);
        if (plan.exampleData()) allNotes.add("Exempeldata: alla värden är påhittade.");
        String note = String.join(" ", allNotes);
        TextTitle src = new TextTitle(sourceLine, t.smallFont(), ChartTheme.TEXT, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT,
                org.jfree.chart.ui.VerticalAlignment.BOTTOM, new RectangleInsets(2, 0, 0, 0));
        TextTitle nt = new TextTitle(note, t.smallFont(), ChartTheme.MUTED_TEXT, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT,
                org.jfree.chart.ui.VerticalAlignment.BOTTOM, new RectangleInsets(6, 0, 0, 0));
        nt.setMaximumLinesToDisplay(4);
        chart.addSubtitle(src);
        chart.addSubtitle(nt);
        return new RenderedChart(chart, title, subtitle, alt, sourceLine, note);
    }

    /**
     * Kolada's terms: figures we processed must not be attributed to Kolada. A chart that shows a
     * difference Hälsoläge computed says so next to "Källa: Kolada", which covers only the values as fetched.
     */
    static final String COMPUTED_NOTE = "Skillnaderna är beräknade av Hälsoläge ur källans värden, inte hämtade från källan.";

    /** "Källa: Kolada", "Källa: fil.xlsx; Kolada", always stating invented values for example data. */
    String sourceLine(List<Observation> shown) {
        Set<String> parts = new LinkedHashSet<>();
        for (Observation o : shown) {
            if (o == null) continue;
            Source s = sources.computeIfAbsent(o.sourceId(), id -> wb.sources().get(id).orElse(null));
            if (s == null) continue;
            parts.add(citations.computeIfAbsent(s.id(), id -> se.halsolage.catalog.SourceCitations.cite(s, wb.sources().citation(id))));
        }
        if (parts.isEmpty()) parts.add("uppgift saknas");
        String line = "Källa: " + String.join("; ", parts);
        if (plan.exampleData() && !line.contains("påhittade")) line += " – exempeldata (påhittade värden)";
        return line;
    }

    private List<Observation> allObs(List<Line> lines) {
        List<Observation> out = new ArrayList<>();
        for (Line l : lines) out.addAll(l.obs());
        return out;
    }

    private Map<Integer, String> periodLabels(List<Line> lines) {
        Map<Integer, String> out = new TreeMap<>();
        for (Line l : lines) for (Observation o : l.obs()) out.putIfAbsent(o.period().endYear(), o.period().label());
        return out;
    }

    private static int firstYear(List<Observation> obs) {
        int y = Integer.MAX_VALUE;
        for (Observation o : obs) if (o.hasValue()) y = Math.min(y, o.period().endYear());
        return y;
    }

    private static int lastYear(List<Observation> obs) {
        int y = Integer.MIN_VALUE;
        for (Observation o : obs) if (o.hasValue()) y = Math.max(y, o.period().endYear());
        return y;
    }

    private static int lastKey(Map<Integer, String> m) {
        int k = Integer.MIN_VALUE;
        for (int x : m.keySet()) k = Math.max(k, x);
        return k;
    }

    /** "2013–2025", or "2015–2018 till 2020–2023" for rolling periods. */
    static String span(String first, String last) {
        if (first.equals(last)) return first;
        boolean rolling = first.length() > 4 || last.length() > 4;
        return first + (rolling ? " till " : "–") + last;
    }

    private static String lastLabel(List<Observation> obs) {
        List<Observation> v = AnalysisService.withValues(obs);
        return v.get(v.size() - 1).period().label();
    }

    private static String marker(Observation o) {
        return o.marker() != null && !o.marker().isBlank() ? o.marker() : o.status().defaultMarker();
    }

    private String name(String areaId) {
        if (Area.RIKET_ID.equals(areaId)) return "Riket";
        return analysis.areaName(areaId);
    }

    /** Short names for direct labels: "Riket", "Liknande kommuner", the region name. */
    private String shortName(String areaId) {
        if (Area.RIKET_ID.equals(areaId)) return "Riket";
        String n = analysis.areaName(areaId);
        if (areaId.equals(plan.comparisonGroupId())) {
            return n.toLowerCase().startsWith("liknande kommuner") ? "Liknande kommuner" : shorten(n, 22);
        }
        return shorten(n, 24);
    }

    /** Shortens with "…", keeping a trailing ", åk 8"-style suffix (the grade or age group matters). */
    static String shorten(String s, int max) {
        if (s.length() <= max) return s;
        int comma = s.lastIndexOf(", ");
        if (comma > 0 && s.length() - comma <= 14) {
            String suffix = s.substring(comma);
            String head = s.substring(0, comma);
            int room = max - suffix.length() - 1;
            if (room > 8) return head.substring(0, Math.min(head.length(), room)).strip() + "…" + suffix;
        }
        return s.substring(0, max - 1).strip() + "…";
    }

    private static String lower(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    static String measure(Indicator ind) {
        return switch (ind.unit()) {
            case PERCENT -> "Andel i procent";
            case YEARS -> "År";
            case DAYS -> "Dagar";
            case PER_100000 -> "Antal per 100 000 invånare";
            case PER_1000 -> "Antal per 1 000 invånare";
            case KRONOR -> "Kronor";
            case INDEX -> "Index";
            case COUNT -> "Antal";
            default -> "Värde";
        };
    }

    private static String population(Indicator ind, Group g) {
        String who = g == null ? "efter kön" : g.isTotal() ? "totalt" : g.label().toLowerCase();
        return ind.grade() != null && !ind.grade().isBlank() ? ind.grade() + ", " + who : who;
    }

    private static String describeTarget(Target t, Unit u) {
        if (t.changePerYear() != null) {
            return se.halsolage.analysis.Texts.signed(t.changePerYear(), u) + " per år från " + t.baselineYear() + " till " + t.horizonYear();
        }
        return SwedishNumbers.value(t.targetValue(), u) + " år " + t.horizonYear() + " (från " + t.baselineYear() + ")";
    }

    // ================================================================== strokes and shapes

    static Stroke solid(float w) {
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static Stroke dashed(float w) {
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{w * 4, w * 2.5f}, 0f);
    }

    static Stroke dotted(float w) {
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{0.1f, w * 2.2f}, 0f);
    }

    static Shape circle(double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    static Shape square(double d) {
        return new Rectangle2D.Double(-d / 2, -d / 2, d, d);
    }

    static Shape triangle(double d) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -d / 2);
        p.lineTo(d / 2, d / 2);
        p.lineTo(-d / 2, d / 2);
        p.closePath();
        return p;
    }

    static Shape diamond(double d) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -d / 2);
        p.lineTo(d / 2, 0);
        p.lineTo(0, d / 2);
        p.lineTo(-d / 2, 0);
        p.closePath();
        return p;
    }

    // ================================================================== number formats

    /** An axis tick format that only displays: longs format as doubles, and nothing is parsed back. */
    abstract static class DisplayFormat extends NumberFormat {
        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }

    /** Year axis showing the source's period labels ("2019–2021", "2023/24"); other ticks blank. */
    static final class PeriodFormat extends DisplayFormat {
        private final Map<Integer, String> labels;

        PeriodFormat(Map<Integer, String> labels) {
            this.labels = labels;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            if (number != Math.rint(number)) return toAppendTo;
            int y = (int) number;
            String l = labels.get(y);
            boolean anyLabel = !labels.isEmpty();
            int min = anyLabel ? labels.keySet().iterator().next() : y;
            int max = anyLabel ? lastKey(labels) : y;
            if (l == null && y >= min && y <= max) l = Integer.toString(y);
            return toAppendTo.append(l == null ? "" : l);
        }
    }

    /** Value axis in Swedish: decimal comma, thin-space thousands, real minus; "%" on shares. */
    static final class SwedishAxisFormat extends DisplayFormat {
        private final Unit unit;
        private final double max;

        SwedishAxisFormat(Unit unit) {
            this(unit, Double.POSITIVE_INFINITY);
        }

        /** Ticks above {@code max} are left blank (e.g. no "120 %" on a share axis widened for labels). */
        SwedishAxisFormat(Unit unit, double max) {
            this.unit = unit;
            this.max = max;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            if (number > max + 1e-9) return toAppendTo;
            int dec = Math.abs(number - Math.rint(number)) < 1e-9 ? 0 : 1;
            String s = SwedishNumbers.number(number, dec);
            return toAppendTo.append(unit == Unit.PERCENT ? s + SwedishNumbers.NBSP + "%" : s);
        }
    }

    /** "+10 %", "−5 %", "0 %". */
    static final class SignedPercentFormat extends DisplayFormat {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            String s = Math.abs(number) < 1e-9 ? "0" : SwedishNumbers.signed(number, 0);
            return toAppendTo.append(s).append(SwedishNumbers.NBSP).append('%');
        }
    }
}
