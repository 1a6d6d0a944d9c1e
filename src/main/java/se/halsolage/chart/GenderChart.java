package se.halsolage.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Verdict;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Women and men (girls and boys) over time, with the latest gap in the subtitle. */
final class GenderChart extends ChartSupport {
    GenderChart(ChartSupport shared) {
        super(shared);
    }

    RenderedChart gender(Indicator ind, String area, ChartTheme t) {
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

}
