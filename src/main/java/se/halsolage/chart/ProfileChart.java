package se.halsolage.chart;

import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
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
import se.halsolage.analysis.Profile;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile (spine) chart: one row per indicator of an SfH area; riket is the centre line; per row the spread of
 * the comparison set's municipalities from worst (left) to best (right), light grey, with the 25th–75th percentile
 * darker; the own value as a marker whose shape and the words on the right say better / worse / similar against
 * riket (colour repeats it). Each row is scaled so that the farthest of worst and best from riket reaches the edge.
 */
final class ProfileChart extends ChartSupport {
    static final Color SPREAD = new Color(0xE2, 0xE2, 0xE2);
    static final Color QUARTILES = new Color(0xA8, 0xA8, 0xA8);

    ProfileChart(ChartSupport shared) {
        super(shared);
    }

    static int suggestedHeight(int rows, ChartTheme t) {
        return Math.max(t.defaultHeight(), 250 + rows * (t == ChartTheme.PROJECTOR ? 70 : 44));
    }

    RenderedChart profile(Profile p, ChartTheme t) {
        List<Profile.Row> rows = p.rows();
        String[] names = new String[rows.size()];
        XYSeries better = new XYSeries("Bättre än riket", false, true), worse = new XYSeries("Sämre än riket", false, true),
                same = new XYSeries("Ingen säker skillnad", false, true), unknown = new XYSeries("Ej bedömd", false, true);
        XYPlot plot = basePlot(t);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        List<XYBoxAnnotation> boxes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Profile.Row r = rows.get(i);
            Unit u = r.indicator().unit();
            names[i] = shorten(r.indicator().displayTitle(), t == ChartTheme.PROJECTOR ? 34 : t == ChartTheme.PRINT ? 30 : 40) + "  "
                    + SwedishNumbers.value(r.own().value(), u);
            double rk = r.riket().value();
            double scale = Math.max(Math.abs(r.worst() - rk), Math.abs(r.best() - rk));
            if (scale == 0) scale = 1;
            int s = r.indicator().direction().sign();
            double w = s * (r.worst() - rk) / scale, b = s * (r.best() - rk) / scale;
            double q1 = s * (r.p25() - rk) / scale, q3 = s * (r.p75() - rk) / scale;
            double own = s * (r.own().value() - rk) / scale;
            // x0 > x1: the row axis is inverted, so the box keeps a positive height on screen
            boxes.add(new XYBoxAnnotation(i + 0.26, Math.min(w, b), i - 0.26, Math.max(w, b), null, null, SPREAD));
            boxes.add(new XYBoxAnnotation(i + 0.26, Math.min(q1, q3), i - 0.26, Math.max(q1, q3), null, null, QUARTILES));
            switch (r.against()) {
                case BATTRE -> better.add(i, own);
                case SAMRE -> worse.add(i, own);
                case LIKA -> same.add(i, own);
                default -> unknown.add(i, own);
            }
            XYTextAnnotation a = new DirectLabel("\u2002" + r.against().words() + ", riket " + SwedishNumbers.value(rk, u), i, 1.08);
            a.setFont(t.smallFont());
            a.setPaint(switch (r.against()) {
                case BATTRE -> ChartTheme.BETTER;
                case SAMRE -> ChartTheme.WORSE;
                default -> ChartTheme.MUTED_TEXT;
            });
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(a);
        }
        rowAxis(plot, t, names, -0.6);
        NumberAxis y = new NumberAxis("← sämsta kommunen · riket · bästa kommunen →");
        styleAxis(y, t);
        y.setTickLabelsVisible(false);
        y.setTickMarksVisible(false);
        y.setRange(new Range(-1.08, 1.08));
        plot.setRangeGridlinesVisible(false);
        plot.setRangeAxis(y);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(new ValueMarker(0, ChartTheme.RIKET, dashed(t.lineWidth() * 0.6f)), org.jfree.chart.ui.Layer.FOREGROUND);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(better);
        data.addSeries(worse);
        data.addSeries(same);
        data.addSeries(unknown);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double m = t.markerSize() * 1.7;
        Shape[] shapes = {triangle(m * 1.1), diamond(m * 1.15), circle(m), square(m * 0.85)};
        Paint[] paints = {ChartTheme.BETTER, ChartTheme.WORSE, ChartTheme.OWN, ChartTheme.NEUTRAL};
        for (int i = 0; i < 4; i++) {
            r.setSeriesShape(i, shapes[i]);
            r.setSeriesPaint(i, paints[i]);
            r.setSeriesShapesFilled(i, true);
            r.setSeriesOutlinePaint(i, Color.WHITE);
        }
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        r.setSeriesOutlineStroke(0, new BasicStroke(1f));
        plot.setDataset(data);
        plot.setRenderer(r);
        for (XYBoxAnnotation box : boxes) r.addAnnotation(box, org.jfree.chart.ui.Layer.BACKGROUND);
        double wText = 0;
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        for (Profile.Row row : rows) {
            wText = Math.max(wText, t.smallFont().getStringBounds("\u2002" + row.against().words() + ", riket "
                    + SwedishNumbers.value(row.riket().value(), row.indicator().unit()), frc).getWidth());
        }
        RectangleInsets in = plot.getInsets();
        plot.setInsets(new RectangleInsets(in.getTop(), in.getLeft(), in.getBottom(), Math.ceil(wText) + 8));

        String own = name(plan.municipalityId());
        long nb = rows.stream().filter(x -> x.against() == Profile.Against.BATTRE).count();
        long nw = rows.stream().filter(x -> x.against() == Profile.Against.SAMRE).count();
        String period = rows.isEmpty() ? "" : rows.get(0).own().period().label();
        boolean samePeriod = rows.stream().allMatch(x -> x.own().period().label().equals(period));
        String title = "Profil: " + p.area().title();
        String subtitle = own + " bland " + (p.set().kind() == se.halsolage.analysis.ComparisonSet.Kind.ALL ? "landets kommuner" : p.set().name())
                + ", senaste mätning per nyckeltal" + (samePeriod ? " (" + period + ")" : "");
        List<String> notes = new ArrayList<>();
        notes.add("Ljusgrått fält: från sämsta till bästa kommunen med värde; mörkare: 25:e till 75:e percentilen. "
                + "Streckad mittlinje: riket. Varje rad har sin egen skala, med bättre åt höger.");
        notes.add("Markören och texten till höger: bättre (triangel) eller sämre (romb) än riket när rikets värde ligger utanför "
                + own + "s 95\u00a0% konfidensintervall (Wilson för andelar med känt antal svarande, annars källans gränser); "
                + "cirkel: ingen säker skillnad; kvadrat: osäkerheten okänd.");
        notes.add(COMPUTED_NOTE);
        StringBuilder alt = new StringBuilder("Profildiagram med " + rows.size() + " nyckeltal i området " + p.area().title()
                + " som visar var " + own + " ligger mellan sämsta och bästa kommunen, med riket i mitten. " + own
                + " är bättre än riket i " + nb + " och sämre i " + nw + ". ");
        for (Profile.Row row : rows) {
            Unit u = row.indicator().unit();
            alt.append(row.indicator().displayTitle()).append(": ").append(SwedishNumbers.value(row.own().value(), u))
                    .append(", riket ").append(SwedishNumbers.value(row.riket().value(), u)).append(", ").append(row.against().words())
                    .append("; kommunerna ").append(SwedishNumbers.value(Math.min(row.worst(), row.best()), u)).append("–")
                    .append(SwedishNumbers.value(Math.max(row.worst(), row.best()), u)).append(". ");
        }
        List<Observation> shown = new ArrayList<>();
        for (Profile.Row row : rows) {
            shown.add(row.own());
            shown.add(row.riket());
        }
        return finish(plot, t, title, subtitle, alt.toString().strip(), shown, notes);
    }
}
