package se.halsolage.chart;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;

/**
 * A line label that may extend right of the data area into the plot's (widened) right inset: JFreeChart clips
 * annotations to the data area, this one lifts the clip while it draws.
 */
final class DirectLabel extends XYTextAnnotation {
    private static final long serialVersionUID = 1L;

    DirectLabel(String text, double x, double y) {
        super(text, x, y);
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        Shape clip = g2.getClip();
        // a huge rectangle rather than null: not every Graphics2D (FXGraphics2D, Batik) treats null the same
        g2.setClip(new Rectangle2D.Double(-1e5, -1e5, 2e5, 2e5));
        try {
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
        } finally {
            g2.setClip(clip);
        }
    }
}
