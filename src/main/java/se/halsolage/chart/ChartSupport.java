package se.halsolage.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.domain.Target;
import se.halsolage.domain.Unit;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every chart kind shares: the workbook, plan and analysis, the source line ("Källa: …"), the frame
 * (title, subtitle, note, source), axes in Swedish, direct labels, strokes and shapes. One subclass per chart
 * kind ({@link TrendChart}, {@link GenderChart}, {@link GapChart}, {@link OverviewChart}); {@link ChartService}
 * chooses among them.
 */
abstract class ChartSupport {
    final Workbook wb;
    final PlanSettings plan;
    final AnalysisService analysis;
    private final Map<Long, Source> sources;
    private final Map<Long, String> citations;

    ChartSupport(ChartSupport shared) {
        this(shared.wb, shared.plan, shared.analysis, shared.sources, shared.citations);
    }

    ChartSupport(Workbook wb, PlanSettings plan, AnalysisService analysis, Map<Long, Source> sources, Map<Long, String> citations) {
        this.wb = wb;
        this.plan = plan;
        this.analysis = analysis;
        this.sources = sources;
        this.citations = citations;
    }

    /** The shared parts alone (the chart service's own helper for its checks). */
    static final class Plain extends ChartSupport {
        Plain(Workbook wb) {
            super(wb, wb.settings().plan(), new AnalysisService(wb), new HashMap<>(), new HashMap<>());
        }
    }

    record Line(String label, String areaId, List<Observation> obs, Color color, Stroke stroke, Shape shape,
                        boolean own) {
    }

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
    static void markGaps(XYPlot plot, Map<Integer, ObservationStatus> gaps, Range yr, ChartTheme t) {
        double y = yr.getLowerBound() + yr.getLength() * 0.04;
        for (var e : gaps.entrySet()) {
            XYTextAnnotation a = new XYTextAnnotation(e.getValue().defaultMarker(), e.getKey(), y);
            a.setFont(t.baseFont().deriveFont(java.awt.Font.BOLD));
            a.setPaint(ChartTheme.OWN);
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(a);
        }
    }

    List<List<Observation>> genderSeries(Indicator ind, String area) {
        List<Observation> all = wb.observations().series(ind.id(), area);
        List<Observation> f = new ArrayList<>(), m = new ArrayList<>();
        for (Observation o : all) {
            if (o.group().isFemale()) f.add(o);
            else if (o.group().isMale()) m.add(o);
        }
        if (AnalysisService.withValues(f).isEmpty() || AnalysisService.withValues(m).isEmpty()) return List.of();
        return List.of(f, m);
    }

    /**
     * The row labels of a horizontal chart (gap, overview): one row per name, top to bottom, no axis line or
     * ticks, starting at {@code top} (room above the first row for direct labels when below -0.6).
     */
    static void rowAxis(XYPlot plot, ChartTheme t, String[] names, double top) {
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

    // ================================================================== shared building blocks

    record Label(String text, double x, double y, Color color, boolean bold) {
    }

    /**
     * Direct labels in a column right of the data at {@code xPos}, pushed apart so they do not overlap. The plot's
     * right inset is widened to the longest label (annotations are drawn outside the data area's clip), so labels
     * fit at any output size.
     */
    void placeLabels(XYPlot plot, List<Label> labels, Range yr, ChartTheme t, double xPos) {
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

    XYPlot basePlot(ChartTheme t) {
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

    PeriodAxis yearAxis(ChartTheme t, Map<Integer, String> labels) {
        PeriodAxis x = new PeriodAxis(labels, t == ChartTheme.PROJECTOR ? 95 : 52);
        styleAxis(x, t);
        return x;
    }

    static int gcd(int a, int b) {
        return b == 0 ? Math.abs(a) : gcd(b, a % b);
    }

    NumberAxis valueAxis(ChartTheme t, Unit u) {
        NumberAxis y = new NumberAxis(axisLabel(u));
        styleAxis(y, t);
        y.setNumberFormatOverride(new SwedishAxisFormat(u));
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    void styleAxis(NumberAxis a, ChartTheme t) {
        a.setTickLabelFont(t.baseFont());
        a.setLabelFont(t.baseFont());
        a.setTickLabelPaint(ChartTheme.TEXT);
        a.setLabelPaint(ChartTheme.MUTED_TEXT);
        a.setAxisLinePaint(ChartTheme.NEUTRAL);
        a.setTickMarkPaint(ChartTheme.NEUTRAL);
    }

    static String axisLabel(Unit u) {
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

    RenderedChart finish(XYPlot plot, ChartTheme t, String title, String subtitle, String alt,
                                 List<Observation> shown, List<String> notes) {
        return finish(plot, t, title, subtitle, alt, shown, notes, false);
    }

    RenderedChart finish(XYPlot plot, ChartTheme t, String title, String subtitle, String alt,
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

    List<Observation> allObs(List<Line> lines) {
        List<Observation> out = new ArrayList<>();
        for (Line l : lines) out.addAll(l.obs());
        return out;
    }

    Map<Integer, String> periodLabels(List<Line> lines) {
        Map<Integer, String> out = new TreeMap<>();
        for (Line l : lines) for (Observation o : l.obs()) out.putIfAbsent(o.period().endYear(), o.period().label());
        return out;
    }

    static int firstYear(List<Observation> obs) {
        int y = Integer.MAX_VALUE;
        for (Observation o : obs) if (o.hasValue()) y = Math.min(y, o.period().endYear());
        return y;
    }

    static int lastYear(List<Observation> obs) {
        int y = Integer.MIN_VALUE;
        for (Observation o : obs) if (o.hasValue()) y = Math.max(y, o.period().endYear());
        return y;
    }

    static int lastKey(Map<Integer, String> m) {
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

    static String lastLabel(List<Observation> obs) {
        List<Observation> v = AnalysisService.withValues(obs);
        return v.get(v.size() - 1).period().label();
    }

    static String marker(Observation o) {
        return o.marker() != null && !o.marker().isBlank() ? o.marker() : o.status().defaultMarker();
    }

    String name(String areaId) {
        if (Area.RIKET_ID.equals(areaId)) return "Riket";
        return analysis.areaName(areaId);
    }

    /** Short names for direct labels: "Riket", "Liknande kommuner", the region name. */
    String shortName(String areaId) {
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

    static String lower(String s) {
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

    static String population(Indicator ind, Group g) {
        String who = g == null ? "efter kön" : g.isTotal() ? "totalt" : g.label().toLowerCase();
        return ind.grade() != null && !ind.grade().isBlank() ? ind.grade() + ", " + who : who;
    }

    static String describeTarget(Target t, Unit u) {
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
