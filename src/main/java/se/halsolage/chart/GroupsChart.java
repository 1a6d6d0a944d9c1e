package se.halsolage.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import se.halsolage.analysis.GroupGaps;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Population groups over time ("jämlik hälsa", chart kind {@code grupper}): every group of one breakdown (ålder,
 * utbildning, födelseland, huvudman, kön …) as its own line with its own marker and dash pattern, 95 % intervals as
 * whiskers where known, the most and least favoured group of the latest period labelled in bold; the subtitle and the
 * alt text give the gap between them, absolute and relative, and whether it widened or narrowed beyond the noise
 * ({@link GroupGaps}).
 */
final class GroupsChart extends ChartSupport {
    /** Colours of the groups in order; markers and dashes tell them apart too (never colour alone). */
    static final Color[] COLORS = {ChartTheme.OWN, ChartTheme.WORSE, ChartTheme.BETTER, ChartTheme.FEMALE,
            ChartTheme.GROUP, ChartTheme.COUNTY, ChartTheme.MALE, ChartTheme.RIKET};

    GroupsChart(ChartSupport shared) {
        super(shared);
    }

    RenderedChart groups(GroupGaps g, ChartTheme t) {
        Indicator ind = g.indicator();
        Unit u = ind.unit();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(true);
        r.setDrawXError(false);
        r.setErrorPaint(new Color(0x44, 0x44, 0x44));
        Map<Integer, String> periodLabels = new TreeMap<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<Label> labels = new ArrayList<>();
        List<Observation> shown = new ArrayList<>();
        int i = 0;
        boolean anyCi = false;
        for (var e : g.values().entrySet()) {
            Group grp = e.getKey();
            YIntervalSeries s = new YIntervalSeries(grp.label(), true, false);
            for (GroupGaps.Value v : e.getValue()) {
                int year = v.obs().period().endYear();
                periodLabels.put(year, v.obs().period().label());
                double low = v.ci() == null ? v.value() : v.ci().low(), high = v.ci() == null ? v.value() : v.ci().high();
                anyCi |= v.ci() != null;
                s.add(year, v.value(), low, high);
                lo = Math.min(lo, low);
                hi = Math.max(hi, high);
                shown.add(v.obs());
            }
            data.addSeries(s);
            Color c = COLORS[i % COLORS.length];
            Stroke stroke = switch (i % 3) {
                case 0 -> solid(t.lineWidth());
                case 1 -> dashed(t.lineWidth());
                default -> dotted(t.lineWidth());
            };
            Shape[] shapes = {circle(t.markerSize()), square(t.markerSize()), triangle(t.markerSize() * 1.2),
                    diamond(t.markerSize() * 1.2)};
            r.setSeriesPaint(i, c);
            r.setSeriesStroke(i, stroke);
            r.setSeriesShape(i, shapes[i % shapes.length]);
            r.setSeriesShapesVisible(i, true);
            GroupGaps.Value last = e.getValue().get(e.getValue().size() - 1);
            boolean pair = grp.equals(g.favoured()) || grp.equals(g.unfavoured());
            labels.add(new Label(grp.label() + " " + SwedishNumbers.value(last.value(), u), last.obs().period().endYear(),
                    last.value(), c, pair));
            i++;
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
        x.setRange(minYear - spanX * 0.05, maxYear + spanX * 0.05);
        placeLabels(plot, labels, yr, t, maxYear);

        GroupGaps.Gap last = g.trend().last();
        String gapText = "Skillnad " + last.period() + " mellan " + g.favoured().label() + " och " + g.unfavoured().label() + ": "
                + SwedishNumbers.change(last.absolute(), u).replaceFirst("^\\+", "")
                + (last.relative() == null ? "" : " (kvot " + SwedishNumbers.number(last.relative(), 2) + ")");
        String subtitle = measure(ind) + ", " + lower(g.breakdown().name()) + ", " + name(g.areaId()) + ", "
                + span(periodLabels.get(minYear), periodLabels.get(maxYear)) + ". " + gapText;
        StringBuilder alt = new StringBuilder("Linjediagram över " + lower(ind.displayTitle()) + " i " + name(g.areaId())
                + " efter " + lower(g.breakdown().name()) + ", " + g.values().size() + " grupper. Senaste värden: ");
        List<String> parts = new ArrayList<>();
        for (var e : g.values().entrySet()) {
            GroupGaps.Value v = e.getValue().get(e.getValue().size() - 1);
            parts.add(e.getKey().label() + " " + SwedishNumbers.value(v.value(), u) + " (" + v.obs().period().label() + ")");
        }
        alt.append(String.join(", ", parts)).append(". ").append(g.sentence());
        List<String> notes = new ArrayList<>();
        notes.add("Varje grupp har egen markör och linjetyp; fetstil: gruppen med " + (ind.direction().sign() == 0 ? "högst och lägst" : "bäst och sämst")
                + " värde senaste mätningen.");
        notes.add(anyCi ? "Lodräta streck: 95\u00a0% konfidensintervall (källans gränser, annars Wilson för andelar med känt antal svarande)."
                : "Källan ger inga osäkerhetsmått, så inga intervall visas och skillnadens utveckling prövas inte.");
        notes.add(COMPUTED_NOTE);
        return finish(plot, t, ind.displayTitle() + ": efter " + lower(g.breakdown().name()), subtitle, alt.toString(), shown,
                notes);
    }
}
