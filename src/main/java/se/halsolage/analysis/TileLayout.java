package se.halsolage.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each municipality's tile stands in a county's tile map: one equal square per municipality on a grid, placed
 * roughly as on a map (column 0 = west, row 0 = north). Positions are public facts typed by us from the map, per
 * county; a county without a typed layout gets its municipalities in code order on a near-square grid, and
 * {@link Placed#geographic()} says so (the chart's note tells the reader).
 */
public final class TileLayout {
    /** Column and row of a tile. */
    public record Tile(String areaId, int col, int row) {
    }

    /** The tiles of one county and whether they follow the map. */
    public record Placed(List<Tile> tiles, int cols, int rows, boolean geographic) {
    }

    private static final Map<String, int[]> TYPED = new HashMap<>();

    static {
        // Kronobergs län (07): Ljungby in the west, Alvesta and Uppvidinge to the north, Växjö in the middle,
        // Lessebo east, Markaryd in the south-west corner, Älmhult south, Tingsryd south-east.
        put("0764", 1, 0); // Alvesta
        put("0760", 2, 0); // Uppvidinge
        put("0781", 0, 1); // Ljungby
        put("0780", 1, 1); // Växjö
        put("0761", 2, 1); // Lessebo
        put("0767", 0, 2); // Markaryd
        put("0765", 1, 2); // Älmhult
        put("0763", 2, 2); // Tingsryd
    }

    private static void put(String id, int col, int row) {
        TYPED.put(id, new int[]{col, row});
    }

    private TileLayout() {
    }

    /** The layout of a county's municipalities (ids in code order). */
    public static Placed of(List<String> members) {
        boolean all = !members.isEmpty() && members.stream().allMatch(TYPED::containsKey);
        java.util.ArrayList<Tile> tiles = new java.util.ArrayList<>();
        if (all) {
            int cols = 0, rows = 0;
            for (String m : members) {
                int[] p = TYPED.get(m);
                tiles.add(new Tile(m, p[0], p[1]));
                cols = Math.max(cols, p[0] + 1);
                rows = Math.max(rows, p[1] + 1);
            }
            return new Placed(List.copyOf(tiles), cols, rows, true);
        }
        int cols = (int) Math.ceil(Math.sqrt(members.size()));
        List<String> sorted = members.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) tiles.add(new Tile(sorted.get(i), i % Math.max(1, cols), i / Math.max(1, cols)));
        int rows = cols == 0 ? 0 : (sorted.size() + cols - 1) / cols;
        return new Placed(List.copyOf(tiles), cols, rows, false);
    }
}
