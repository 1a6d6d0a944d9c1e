package se.halsolage.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A year axis whose ticks sit on the measured periods (2015, 2018, 2021, 2024 for a survey every third year),
 * labelled as the source labels them ("2019–2021", "2023/24"). When they do not fit, every n-th period is
 * labelled, counting back from the latest so the latest is always labelled.
 */
final class PeriodAxis extends NumberAxis {
    private final TreeMap<Integer, String> labels;
    private final double pixelsPerLabel;

    PeriodAxis(Map<Integer, String> labels, double pixelsPerLabel) {
        super(null);
        this.labels = new TreeMap<>(labels);
        this.pixelsPerLabel = pixelsPerLabel;
        setAutoRangeIncludesZero(false);
    }

    /** The period's label at {@code year} ("2023", "2021–2024"), or the year itself. */
    String label(int year) {
        String l = labels.get(year);
        return l == null ? Integer.toString(year) : l;
    }

    void putLabel(int year, String label) {
        labels.putIfAbsent(year, label);
    }

    @Override
    protected List<NumberTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        List<Integer> years = new ArrayList<>(labels.keySet());
        if (years.isEmpty()) return ticks;
        boolean wide = labels.values().stream().anyMatch(s -> s.length() > 4);
        double perLabel = pixelsPerLabel * (wide ? 2.0 : 1.0);
        int fit = Math.max(2, (int) Math.floor(dataArea.getWidth() / perLabel));
        // the axis range is wider than the data (room for direct labels); scale by the share the data uses
        double share = (years.get(years.size() - 1) - years.get(0) + 1.0) / Math.max(1e-9, getRange().getLength());
        fit = Math.max(2, (int) Math.floor(fit * Math.min(1.0, share)));
        int step = (int) Math.ceil(years.size() / (double) fit);
        for (int i = years.size() - 1; i >= 0; i -= step) {
            int y = years.get(i);
            if (!getRange().contains(y)) continue;
            ticks.add(new NumberTick((double) y, labels.get(y), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
        }
        java.util.Collections.reverse(ticks);
        return ticks;
    }

    @Override
    public List<? extends Tick> refreshTicks(Graphics2D g2, org.jfree.chart.axis.AxisState state, Rectangle2D dataArea,
                                             RectangleEdge edge) {
        if (RectangleEdge.isTopOrBottom(edge)) return refreshTicksHorizontal(g2, dataArea, edge);
        return super.refreshTicks(g2, state, dataArea, edge);
    }
}
