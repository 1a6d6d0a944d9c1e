package se.halsolage.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import se.halsolage.domain.Unit;
import se.halsolage.format.SwedishNumbers;

/**
 * Tooltips for the value under the pointer on screen: "Växjö, 2023: 83,1 %" (the line's area or
 * group, the period as the axis labels it, the value in Swedish with its unit). Only for charts over
 * periods (trend and gender lines); other charts keep no tooltip rather than a wrong one.
 */
public final class ChartTooltips {
    private ChartTooltips() {
    }

    /** Puts value tooltips on every renderer of {@code chart} whose x axis is periods; returns whether it did. */
    public static boolean install(JFreeChart chart, Unit unit) {
        if (!(chart.getPlot() instanceof XYPlot plot) || !(plot.getDomainAxis() instanceof PeriodAxis periods)) return false;
        XYToolTipGenerator gen = (XYDataset d, int series, int item) -> text(d, series, item, periods, unit);
        boolean any = false;
        for (int i = 0; i < plot.getRendererCount(); i++) {
            XYItemRenderer r = plot.getRenderer(i);
            if (r == null) continue;
            r.setDefaultToolTipGenerator(gen);
            any = true;
        }
        return any;
    }

    static String text(XYDataset d, int series, int item, PeriodAxis periods, Unit unit) {
        double y = d.getYValue(series, item);
        if (Double.isNaN(y)) return null;
        int year = (int) Math.round(d.getXValue(series, item));
        String who = String.valueOf(d.getSeriesKey(series));
        String value = unit == null ? SwedishNumbers.number(y, 1) : SwedishNumbers.value(y, unit);
        return who + ", " + periods.label(year) + ": " + value;
    }
}
