package se.halsolage.chart;

import org.jfree.chart.JFreeChart;

/**
 * A chart ready to show or export, with the texts that must travel with it.
 *
 * @param altText what the chart shows, in Swedish, with the latest values and the direction (for alt text)
 * @param sourceLine "Källa: …" (says "påhittade värden" for example data)
 * @param note explanation of markers, gaps, bands and lines (may be empty)
 */
public record RenderedChart(JFreeChart chart, String title, String subtitle, String altText, String sourceLine, String note) {
}
