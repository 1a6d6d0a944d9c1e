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
        // Dalarnas län (20): Älvdalen and Orsa in the north, Malung-Sälen and Vansbro west, the Siljan ring (Mora,
        // Rättvik, Leksand) in the middle, Falun and Borlänge below it, Ludvika and Smedjebacken south-west, Säter,
        // Hedemora and Avesta south-east. Rough, as a tile map is.
        put("2039", 1, 0); // Älvdalen
        put("2034", 2, 0); // Orsa
        put("2023", 0, 1); // Malung-Sälen
        put("2062", 1, 1); // Mora
        put("2031", 2, 1); // Rättvik
        put("2021", 0, 2); // Vansbro
        put("2026", 1, 2); // Gagnef
        put("2029", 2, 2); // Leksand
        put("2080", 3, 2); // Falun
        put("2085", 1, 3); // Ludvika
        put("2081", 2, 3); // Borlänge
        put("2082", 3, 3); // Säter
        put("2083", 4, 3); // Hedemora
        put("2061", 2, 4); // Smedjebacken
        put("2084", 4, 4); // Avesta
        // Skåne län (12): Båstad, Örkelljunga and Osby along the northern border, the Helsingborg–Landskrona coast in the
        // west, Hässleholm and Kristianstad north-east, Malmö–Lund with Lomma, Burlöv and Staffanstorp in the south-west,
        // Vellinge and Trelleborg at the southern tip, Ystad, Tomelilla and Simrishamn in the south-east (Österlen).
        put("1278", 1, 0); // Båstad
        put("1257", 3, 0); // Örkelljunga
        put("1273", 6, 0); // Osby
        put("1284", 0, 1); // Höganäs
        put("1292", 1, 1); // Ängelholm
        put("1277", 2, 1); // Åstorp
        put("1276", 3, 1); // Klippan
        put("1275", 4, 1); // Perstorp
        put("1293", 5, 1); // Hässleholm
        put("1256", 6, 1); // Östra Göinge
        put("1272", 7, 1); // Bromölla
        put("1283", 0, 2); // Helsingborg
        put("1260", 1, 2); // Bjuv
        put("1214", 2, 2); // Svalöv
        put("1285", 3, 2); // Eslöv
        put("1267", 4, 2); // Höör
        put("1266", 5, 2); // Hörby
        put("1290", 6, 2); // Kristianstad
        put("1282", 1, 3); // Landskrona
        put("1261", 2, 3); // Kävlinge
        put("1281", 3, 3); // Lund
        put("1265", 5, 3); // Sjöbo
        put("1270", 6, 3); // Tomelilla
        put("1291", 7, 3); // Simrishamn
        put("1262", 2, 4); // Lomma
        put("1231", 3, 4); // Burlöv
        put("1230", 4, 4); // Staffanstorp
        put("1280", 2, 5); // Malmö
        put("1263", 3, 5); // Svedala
        put("1264", 4, 5); // Skurup
        put("1286", 5, 5); // Ystad
        put("1233", 2, 6); // Vellinge
        put("1287", 3, 6); // Trelleborg
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
