package se.halsolage.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import se.halsolage.chart.ChartExport;
import se.halsolage.chart.FastPng;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a chart from {@code se.halsolage.chart} as a print PNG for the document. Two differences
 * from {@code ChartExport.pngBytes}: the layout width is chosen separately from the pixel size
 * (the charts are laid out for about 720 px, and a 16 cm picture at 300 dpi is 1 890 px; laying
 * them out at 605 px made year labels collide), and the encoding uses {@link FastPng}. The
 * chart's own title, subtitle, source and note lines are taken out of the picture, because the
 * document puts them in real text (heading, caption and source line) where screen readers and
 * search find them and where they are not printed twice.
 */
final class ChartImages {
    private ChartImages() {
    }

    /** Removes the text titles (title, subtitle, source, note); keeps a legend if the chart has one. */
    static void withoutTextTitles(JFreeChart chart) {
        chart.setTitle((org.jfree.chart.title.TextTitle) null);
        List<Title> keep = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle) keep.add(t);
        }
        chart.clearSubtitles();
        for (Title t : keep) chart.addSubtitle(t);
    }

    /** A {@code pxW} × {@code pxH} PNG whose layout is {@code layoutW} units wide, marked as {@code dpi}. */
    static byte[] png(JFreeChart chart, int pxW, int pxH, double layoutW, int dpi) {
        return FastPng.encode(ChartExport.render(chart, pxW, pxH, pxW / layoutW), dpi);
    }
}
