package se.halsolage.analysis;

import org.junit.jupiter.api.Test;
import se.halsolage.testing.SharedFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed tile layouts (Kronoberg, Dalarna, Skåne) cover every municipality of their county (from the shared list of 290) without overlap. */
class TileLayoutTest {
    private static List<String> county(String code) throws Exception {
        return Files.readAllLines(SharedFiles.require("data/sweden_municipalities_290.csv"), StandardCharsets.UTF_8).stream()
                .map(l -> l.split(",")).filter(f -> f.length > 2 && f[2].equals(code)).map(f -> f[0]).toList();
    }

    @Test
    void kronobergDalarnaAndSkaneFollowTheMapOthersFallBackToCodeOrder() throws Exception {
        for (String c : List.of("07", "20", "12")) {
            List<String> members = county(c);
            TileLayout.Placed p = TileLayout.of(members);
            assertThat(p.geographic()).as(c).isTrue();
            assertThat(p.tiles()).hasSize(members.size());
            Set<String> cells = new HashSet<>();
            for (TileLayout.Tile t : p.tiles()) assertThat(cells.add(t.col() + "," + t.row())).as(c + " " + t.areaId()).isTrue();
        }
        assertThat(county("20")).hasSize(15);
        TileLayout.Placed dalarna = TileLayout.of(county("20"));
        // Älvdalen in the north, Avesta in the south-east corner
        assertThat(dalarna.tiles().stream().filter(t -> t.areaId().equals("2039")).findFirst().orElseThrow().row()).isZero();
        TileLayout.Tile avesta = dalarna.tiles().stream().filter(t -> t.areaId().equals("2084")).findFirst().orElseThrow();
        assertThat(avesta.col()).isEqualTo(dalarna.cols() - 1);
        assertThat(avesta.row()).isEqualTo(dalarna.rows() - 1);
        assertThat(county("12")).hasSize(33);
        TileLayout.Placed stockholm = TileLayout.of(county("01"));
        assertThat(stockholm.geographic()).isFalse(); // not typed yet: code order, and the chart's note says so
        assertThat(stockholm.tiles()).hasSize(26);
    }
}
