package se.halsolage.chart;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import se.halsolage.domain.Area;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SfH area overview: own vs riket as a direction-adjusted difference in per cent of riket's value. */
final class OverviewChart extends ChartSupport {
    OverviewChart(ChartSupport shared) {
        super(shared);
    }

    record OverviewRow(Indicator ind, String refLabel, Map<String, Double> relative, Map<String, Observation> own) {
    }

    /** Per indicator of the SfH area: own vs riket (or county) relative difference, direction-adjusted. */
    List<OverviewRow> overviewRows(Indicator ind, String area) {
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

    Map<Group, Observation> latestByGroup(String indicatorId, String area) {
        Map<Group, Observation> out = new TreeMap<>();
        for (Observation o : wb.observations().series(indicatorId, area)) if (o.hasValue()) out.put(o.group(), o);
        return out;
    }

    RenderedChart overview(Indicator ind, String area, ChartTheme t) {
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

}
