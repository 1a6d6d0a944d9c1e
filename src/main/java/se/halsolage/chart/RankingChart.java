package se.halsolage.chart;

import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import se.halsolage.analysis.Ranking;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranking chart: every member of a comparison set with a value for one period, sorted best first (highest
 * first without a direction), the own municipality in the highlight colour, labelled and marked with an arrow,
 * riket (dashed) and the county (dotted) as reference lines, 95 % intervals as whiskers where known. Sets of up to
 * {@value #NAMED_ROWS} members are drawn as named rows, larger ones as unnamed columns.
 */
final class RankingChart extends ChartSupport {
    static final int NAMED_ROWS = 40;
    static final Color OTHERS = new Color(0xB4, 0xB4, 0xB4);
    static final Color WHISKER = new Color(0x44, 0x44, 0x44);

    RankingChart(ChartSupport shared) {
        super(shared);
    }

    /** Height that gives named rows room; a fixed height for the column layout. */
    static int suggestedHeight(int members, ChartTheme t) {
        if (members > NAMED_ROWS) return t.defaultHeight() + (t == ChartTheme.PROJECTOR ? 60 : 40);
        int perRow = t == ChartTheme.PROJECTOR ? 44 : 24;
        return Math.max(t.defaultHeight(), 230 + members * perRow);
    }

    RenderedChart ranking(Ranking r, ChartTheme t) {
        Indicator ind = r.indicator();
        Unit u = ind.unit();
        List<Ranking.Entry> es = r.entries();
        boolean named = es.size() <= NAMED_ROWS;
        XYSeries s = new XYSeries("Värde", false, true);
        double lo = 0, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < es.size(); i++) {
            Ranking.Entry e = es.get(i);
            s.add(named ? i : i + 1, e.value());
            hi = Math.max(hi, e.ci() != null ? Math.max(e.value(), e.ci().high()) : e.value());
            lo = Math.min(lo, e.ci() != null ? Math.min(e.value(), e.ci().low()) : e.value());
        }
        if (r.riket() != null) hi = Math.max(hi, r.riket().value());
        if (r.county() != null) hi = Math.max(hi, r.county().value());
        XYSeriesCollection data = new XYSeriesCollection(s);
        data.setIntervalWidth(named ? 0.7 : 0.8);
        XYPlot plot = basePlot(t);
        int ownIndex = r.own() == null ? -1 : es.indexOf(r.own());
        XYBarRenderer br = new XYBarRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                return item == ownIndex ? ChartTheme.OWN : OTHERS;
            }
        };
        br.setBarPainter(new StandardXYBarPainter());
        br.setShadowVisible(false);
        br.setDrawBarOutline(false);
        br.setBase(0);
        br.setSeriesVisibleInLegend(0, false);
        plot.setDataset(data);
        plot.setRenderer(br);

        NumberAxis y = valueAxis(t, u);
        double top = hi + (hi - lo) * (named ? 0.22 : 0.16);
        if (u == Unit.PERCENT) top = Math.min(top, Math.max(100, hi));
        Range yr = new Range(Math.min(0, lo), top);
        y.setRange(yr);
        niceTicks(y, yr);
        if (u == Unit.PERCENT) y.setNumberFormatOverride(new SwedishAxisFormat(u, 100));
        plot.setRangeAxis(y);

        String ownName = r.own() == null ? null : r.own().name();
        if (named) {
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            String[] names = new String[es.size()];
            for (int i = 0; i < es.size(); i++) {
                names[i] = shorten(es.get(i).name(), 24) + (i == ownIndex ? " \u25C0" : "");
            }
            rowAxis(plot, t, names, -0.6);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            // the value at the end of each bar (after the whisker)
            for (int i = 0; i < es.size(); i++) {
                Ranking.Entry e = es.get(i);
                double end = e.ci() != null ? Math.max(e.value(), e.ci().high()) : e.value();
                XYTextAnnotation a = new XYTextAnnotation(SwedishNumbers.value(e.value(), u), i, end + yr.getLength() * 0.012);
                a.setFont(i == ownIndex ? t.labelFont(true).deriveFont(t.smallFont().getSize2D()) : t.smallFont());
                a.setPaint(i == ownIndex ? ChartTheme.OWN : ChartTheme.TEXT);
                a.setTextAnchor(TextAnchor.CENTER_LEFT);
                plot.addAnnotation(a);
            }
        } else {
            NumberAxis x = new NumberAxis(ind.direction() == Direction.NEITHER ? "Kommunerna i ordning, högsta värdet till vänster"
                    : "Kommunerna i ordning, bästa värdet till vänster (plats)");
            styleAxis(x, t);
            x.setRange(0.2, es.size() + 0.8);
            x.setNumberFormatOverride(new SwedishAxisFormat(Unit.COUNT));
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            plot.setDomainAxis(x);
            if (r.own() != null) {
                Ranking.Entry e = r.own();
                double xPos = ownIndex + 1;
                double yTop = e.ci() != null ? Math.max(e.value(), e.ci().high()) : e.value();
                double yLabel = Math.min(yTop + yr.getLength() * 0.06, yr.getUpperBound() - yr.getLength() * 0.02);
                boolean left = ownIndex > es.size() * 0.6;
                XYTextAnnotation a = new XYTextAnnotation("\u25BC " + ownName + " " + SwedishNumbers.value(e.value(), u)
                        + ", plats " + e.rank() + " av " + es.size(), xPos, yLabel);
                a.setFont(t.labelFont(true));
                a.setPaint(ChartTheme.OWN);
                a.setTextAnchor(left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(a);
                plot.addAnnotation(new XYLineAnnotation(xPos, yTop + yr.getLength() * 0.005, xPos, yLabel,
                        new BasicStroke(1.2f), ChartTheme.OWN));
            }
        }
        // whiskers
        int whiskers = 0;
        for (int i = 0; i < es.size(); i++) {
            Ranking.Entry e = es.get(i);
            if (e.ci() == null) continue;
            whiskers++;
            double x = named ? i : i + 1;
            plot.addAnnotation(new XYLineAnnotation(x, e.ci().low(), x, e.ci().high(),
                    new BasicStroke(named ? 1.3f : 0.8f), i == ownIndex ? ChartTheme.RIKET : WHISKER));
        }
        // reference lines
        List<String> notes = new ArrayList<>();
        if (r.riket() != null) {
            ValueMarker m = new ValueMarker(r.riket().value(), ChartTheme.RIKET, dashed(t.lineWidth() * 0.6f));
            m.setLabel("Riket " + SwedishNumbers.value(r.riket().value(), u));
            m.setLabelFont(t.smallFont());
            m.setLabelPaint(ChartTheme.RIKET);
            m.setLabelAnchor(named ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(named ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_RIGHT);
            m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            plot.addRangeMarker(m);
            notes.add("Streckad linje: riket.");
        }
        if (r.county() != null) {
            ValueMarker m = new ValueMarker(r.county().value(), ChartTheme.COUNTY, dotted(t.lineWidth() * 0.8f));
            m.setLabel(shortName(r.county().areaId()) + " " + SwedishNumbers.value(r.county().value(), u));
            m.setLabelFont(t.smallFont());
            m.setLabelPaint(ChartTheme.COUNTY);
            m.setLabelAnchor(named ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(named ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_LEFT);
            m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            plot.addRangeMarker(m);
            notes.add("Prickad linje: länet.");
        }
        notes.add(0, (ind.direction() == Direction.NEITHER ? "Ordnat från högsta till lägsta värdet (nyckeltalet har ingen bättre riktning)."
                : "Ordnat från bästa till sämsta värdet (" + ind.direction().label().toLowerCase() + ").")
                + (r.own() != null ? " " + ownName + " i blått och markerad med en pil." : "")
                + " Lika värden delar plats.");
        if (whiskers > 0) {
            notes.add("Strecken: 95\u00a0% konfidensintervall (" + (u == Unit.PERCENT ? "Wilson, utifrån antalet svarande, eller källans egna gränser"
                    : "källans egna gränser") + ") för de " + whiskers + " kommuner där det är känt.");
        }
        if (!r.withoutValue().isEmpty()) {
            int all = r.withoutValue().size() + es.size();
            notes.add(r.withoutValue().size() + (r.set().kind() == se.halsolage.analysis.ComparisonSet.Kind.ALL ? " av landets " + all + " kommuner"
                    : " av de " + all + " kommunerna i " + r.set().name()) + " saknar värde för " + r.period() + " (sekretess, .., eller inget värde, –)"
                    + (r.withoutValue().size() <= 6 ? ": " + String.join(", ", r.withoutValue().stream().map(this::name).toList()) : "")
                    + " och räknas inte.");
        }
        if (r.own() == null) notes.add(0, name(plan.municipalityId()) + " saknar värde för " + r.period() + ".");

        String title = ind.displayTitle() + ": " + r.set().name();
        String subtitle = measure(ind) + ", " + (ind.grade() != null && !ind.grade().isBlank() ? ind.grade() + ", " : "") + "totalt, "
                + r.period() + (r.own() != null ? ". " + ownName + ": " + r.rankPhrase() : "");
        StringBuilder alt = new StringBuilder("Stapeldiagram som rangordnar de " + es.size() + " kommunerna med värde i jämförelsen \""
                + r.set().name() + "\""
                + " efter " + lower(ind.displayTitle()) + " " + r.period() + ". ");
        if (r.own() != null) alt.append(r.sentence()).append(' ');
        Ranking.Entry first = es.get(0), last = es.get(es.size() - 1);
        alt.append(ind.direction() == Direction.NEITHER ? "Högst: " : "Bäst: ").append(first.name()).append(' ')
                .append(SwedishNumbers.value(first.value(), u)).append(ind.direction() == Direction.NEITHER ? ", lägst: " : ", sämst: ")
                .append(last.name()).append(' ').append(SwedishNumbers.value(last.value(), u)).append('.');
        if (r.riket() != null) alt.append(" Riket: ").append(SwedishNumbers.value(r.riket().value(), u)).append('.');
        if (r.county() != null) alt.append(' ').append(name(r.county().areaId())).append(": ")
                .append(SwedishNumbers.value(r.county().value(), u)).append('.');
        List<Observation> shown = new ArrayList<>();
        for (Ranking.Entry e : es) shown.add(e.obs());
        if (r.riket() != null) shown.add(r.riket());
        if (r.county() != null) shown.add(r.county());
        return finish(plot, t, title, subtitle, alt.toString(), shown, notes);
    }

    static Group group() {
        return Group.TOTALT;
    }
}
