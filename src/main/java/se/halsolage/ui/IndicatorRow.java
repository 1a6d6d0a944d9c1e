package se.halsolage.ui;

/** One line of the indicator list: what the coordinator sees of an indicator at a glance. */
public record IndicatorRow(String id, String title, String area, String latestValue, String period) {
}
