package se.halsolage.kolada;

import java.util.List;

/**
 * One row of Kolada's {@code /data} answer: {@code {kpi, municipality, period, values:[…]}}.
 *
 * @param pageUrl the URL of the page the row came from (provenance)
 */
public record DataRow(String kpi, String municipality, String period, List<Value> values, String pageUrl) {
    /**
     * One gender's value. {@code value} is null when Kolada has no figure; {@code status} then says why.
     *
     * @param count 1 for a municipality; for a group, how many members contributed to the (unweighted) mean
     */
    public record Value(String gender, Integer count, String status, Double value, boolean deleted) {
    }
}
