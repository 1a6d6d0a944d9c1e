package se.halsolage.importer;

import java.util.List;

/**
 * One column of the file as the statistics reader understands it, for the wizard: its header (all header rows,
 * "Flickor › Andel (%)"), the key row's text the --map names, and its role as a --map key (area, period, group,
 * breakdown, dimension, value, n, ci, or "ignore").
 */
public record ColumnRole(String header, String key, String role) {
    /** The roles a user can choose, in the order the wizard offers them. */
    public static final List<String> ROLES = List.of("area", "period", "group", "breakdown", "dimension", "value", "n", "ignore");
}
