package se.halsolage.chart;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import se.halsolage.analysis.ComparisonSet;
import se.halsolage.analysis.Profile;
import se.halsolage.analysis.Ranking;
import se.halsolage.analysis.TileLayout;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tile map of the county: one equal square per municipality placed roughly as on a map
 * ({@link TileLayout}), coloured in four ordered classes by the quartiles of all municipalities with a value for
 * the period (so a shade means the same position among the country's municipalities), with the name, value and
 * class number written in each tile, never colour alone. A municipality without a value is white with its marker.
 */
final class TileMapChart extends ChartSupport {
    /** Light to dark blue; the darkest class is the best quarter (the highest without a direction). */
    static final Color[] CLASSES = {new Color(0xDE, 0xEB, 0xF7), new Color(0x9E, 0xCA, 0xE1), new Color(0x42, 0x92, 0xC6),
            new Color(0x08, 0x45, 0x94)};

    TileMapChart(ChartSupport shared) {
        super(shared);
    }

    RenderedChart map(Indicator ind, ComparisonSet county, Ranking all, ChartTheme t) {
        Unit u = ind.unit();
        TileLayout.Placed layout = TileLayout.of(county.members());
        double[] v = all.entries().stream().mapToDouble(Ranking.Entry::value).toArray();
        Arrays.sort(v);
        double[] cuts = {Profile.percentile(v, 25), Profile.percentile(v, 50), Profile.percentile(v, 75)};
        int sign = ind.direction() == Direction.LOWER_IS_BETTER ? -1 : 1;
        Map<String, Ranking.Entry> byId = new HashMap<>();
        for (Ranking.Entry e : all.entries()) byId.put(e.areaId(), e);
        XYPlot plot = basePlot(t);
        plot.setRangeGridlinesVisible(false);
        NumberAxis x = new NumberAxis();
        x.setVisible(false);
        x.setRange(-0.05, layout.cols() + 0.05);
        NumberAxis y = new NumberAxis();
        y.setVisible(false);
        y.setInverted(true);
        y.setRange(-0.05, layout.rows() + 0.05);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setDataset(new XYSeriesCollection());
        String ownId = plan.municipalityId();
        List<Observation> shown = new ArrayList<>();
        int[] counts = new int[4];
        StringBuilder alt = new StringBuilder("Rutkarta över " + county.name().toLowerCase().replace("läns kommuner", "län") + " med "
                + county.members().size() + " kommuner för " + lower(ind.displayTitle()) + " " + all.period() + ", i fyra klasser efter "
                + "kvartilerna bland landets kommuner. ");
        for (TileLayout.Tile tile : layout.tiles()) {
            Ranking.Entry e = byId.get(tile.areaId());
            int cls = e == null ? -1 : classOf(e.value(), cuts, sign);
            Color fill = cls < 0 ? Color.WHITE : CLASSES[cls];
            boolean own = tile.areaId().equals(ownId);
            double x0 = tile.col() + 0.04, x1 = tile.col() + 0.96, y0 = tile.row() + 0.04, y1 = tile.row() + 0.96;
            // y1 before y0: the row axis is inverted (north up), and the box needs a positive height on screen
            plot.addAnnotation(new XYBoxAnnotation(x0, y1, x1, y0, new BasicStroke(own ? 4f : 1f),
                    own ? ChartTheme.RIKET : ChartTheme.NEUTRAL, fill));
            Color ink = cls >= 2 ? Color.WHITE : ChartTheme.TEXT;
            String name = shorten(name(tile.areaId()), 12);
            text(plot, name, tile.col() + 0.5, tile.row() + 0.30, t.labelFont(own), ink);
            String value = e == null ? "–" : SwedishNumbers.value(e.value(), u);
            text(plot, value, tile.col() + 0.5, tile.row() + 0.55, t.labelFont(true), ink);
            text(plot, e == null ? "inget värde" : "klass " + (cls + 1) + (own ? " · egen" : ""), tile.col() + 0.5, tile.row() + 0.78,
                    t.smallFont(), ink);
            if (e != null) {
                shown.add(e.obs());
                counts[cls]++;
                alt.append(name(tile.areaId())).append(' ').append(value).append(" (klass ").append(cls + 1).append("). ");
            } else {
                alt.append(name(tile.areaId())).append(": inget värde. ");
            }
        }
        LegendItemCollection items = new LegendItemCollection();
        String[] words = ind.direction() == Direction.NEITHER ? new String[]{"lägst", "", "", "högst"}
                : new String[]{"sämsta fjärdedelen", "", "", "bästa fjärdedelen"};
        for (int c = 0; c < 4; c++) {
            String range = range(c, v, cuts, sign, u);
            String label = "Klass " + (c + 1) + ": " + range + (words[c].isEmpty() ? "" : " (" + words[c] + ")");
            items.add(new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), CLASSES[c],
                    new BasicStroke(1f), ChartTheme.NEUTRAL));
        }
        plot.setFixedLegendItems(items);
        List<String> notes = new ArrayList<>();
        notes.add("En lika stor ruta per kommun, " + (layout.geographic() ? "placerad ungefär som på kartan" : "ordnade efter kommunkod, "
                + "inte efter läge (länet har ännu ingen handlagd placering i Hälsoläge)") + ". Klasserna är kvartilerna bland landets "
                + all.count() + " kommuner med värde " + all.period() + (ind.direction() == Direction.NEITHER ? "." : "; mörkare är bättre.")
                + " Namn, värde och klass står i varje ruta; den egna kommunen har tjock ram.");
        if (all.riket() != null) notes.add("Riket: " + SwedishNumbers.value(all.riket().value(), u) + ".");
        notes.add("Vit ruta: inget värde för perioden (– saknas, .. sekretess).");
        if (all.riket() != null) shown.add(all.riket());
        String title = ind.displayTitle() + ": " + county.name();
        String subtitle = measure(ind) + ", " + (ind.grade() != null && !ind.grade().isBlank() ? ind.grade() + ", " : "") + "totalt, " + all.period();
        alt.append("Klass 1 är ").append(ind.direction() == Direction.NEITHER ? "lägst" : "sämst").append(", klass 4 ")
                .append(ind.direction() == Direction.NEITHER ? "högst" : "bäst").append('.');
        return finish(plot, t, title, subtitle, alt.toString(), shown, notes, true);
    }

    /** 0–3 by the quartile cuts, turned so that 3 is the best quarter (for lower-is-better the lowest values). */
    static int classOf(double value, double[] cuts, int sign) {
        int c = value <= cuts[0] ? 0 : value <= cuts[1] ? 1 : value <= cuts[2] ? 2 : 3;
        return sign < 0 ? 3 - c : c;
    }

    private static String range(int cls, double[] sorted, double[] cuts, int sign, Unit u) {
        int c = sign < 0 ? 3 - cls : cls; // the value quarter
        double lo = c == 0 ? sorted[0] : cuts[c - 1], hi = c == 3 ? sorted[sorted.length - 1] : cuts[c];
        return SwedishNumbers.value(lo, u) + "–" + SwedishNumbers.value(hi, u);
    }

    private static void text(XYPlot plot, String s, double x, double y, java.awt.Font f, Color c) {
        XYTextAnnotation a = new XYTextAnnotation(s, x, y);
        a.setFont(f);
        a.setPaint(c);
        a.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(a);
    }
}
