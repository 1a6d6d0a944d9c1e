package se.halsolage.chart;

import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.Comparison;
import se.halsolage.analysis.Verdict;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The gap (dumbbell) chart: every indicator of an SfH area with the same unit, own vs riket (or girls vs boys). */
final class GapChart extends ChartSupport {
    GapChart(ChartSupport shared) {
        super(shared);
    }

    record GapRow(Indicator ind, Observation own, Observation ref, double diff, Verdict verdict) {
    }

    record GapRows(boolean genderMode, String ownLabel, String refLabel, List<GapRow> rows) {
    }

    GapRows gapRows(Indicator ind, String area) {
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

    RenderedChart gap(Indicator ind, String area, ChartTheme t) {
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

}
