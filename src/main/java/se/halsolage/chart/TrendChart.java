package se.halsolage.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Interval;
import se.halsolage.analysis.Stats;
import se.halsolage.domain.Area;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Target;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Trend over time: the own area with county, comparison group and riket, CI band and target line. */
final class TrendChart extends ChartSupport {
    TrendChart(ChartSupport shared) {
        super(shared);
    }

    RenderedChart trend(Indicator ind, String area, ChartTheme t) {
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

    int lastYearHint = Integer.MIN_VALUE;

    String trendAlt(Indicator ind, String area, List<Line> lines, Observation latest) {
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

    void addIfData(List<Line> lines, Indicator ind, String areaId, Color c, Stroke s, Shape shape) {
        List<Observation> obs = wb.observations().series(ind.id(), areaId, Group.TOTALT);
        if (obs.stream().anyMatch(Observation::hasValue)) lines.add(new Line(shortName(areaId), areaId, obs, c, s, shape, false));
    }

}
