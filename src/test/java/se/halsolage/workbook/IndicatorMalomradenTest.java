package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Unit;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IndicatorRepository reads the målområden after the indicators: only the found ones' when they are few (a get by
 * id), all of them otherwise. Each indicator must get exactly its own, on both paths.
 */
class IndicatorMalomradenTest {

    private static Indicator ind(String id, Set<Malomrade> mal) {
        return new Indicator(id, "Nyckeltal " + id, null, Unit.PERCENT, Direction.HIGHER_IS_BETTER, "Test", false, null,
                mal, null, null, null, null);
    }

    @Test
    void eachIndicatorGetsItsOwnMalomradenFromGetAndFromAll() {
        try (Workbook wb = Workbook.create(dir.resolve("m.halsa"))) {
            Map<String, Set<Malomrade>> expected = new HashMap<>();
            for (int i = 0; i < 80; i++) { // more than the 50 that are read by id
                Set<Malomrade> mal = EnumSet.noneOf(Malomrade.class);
                if (i % 3 == 0) mal.add(Malomrade.M1);
                if (i % 5 == 0) mal.add(Malomrade.M6);
                String id = String.format("X%03d", i);
                Indicator d = ind(id, mal);
                wb.transaction(w -> {
                    w.indicators().save(d);
                    return null;
                });
                expected.put(id, mal);
            }
            assertThat(wb.indicators().get("X000").orElseThrow().malomraden()).containsExactlyInAnyOrder(Malomrade.M1, Malomrade.M6);
            assertThat(wb.indicators().get("x003").orElseThrow().malomraden()).containsExactly(Malomrade.M1); // id without case
            assertThat(wb.indicators().get("X005").orElseThrow().malomraden()).containsExactly(Malomrade.M6);
            assertThat(wb.indicators().get("X001").orElseThrow().malomraden()).isEmpty();
            assertThat(wb.indicators().get("X999")).isEmpty();
            Map<String, Set<Malomrade>> read = new HashMap<>();
            for (Indicator d : wb.indicators().all()) read.put(d.id(), d.malomraden());
            assertThat(read).isEqualTo(expected);
        }
    }

    @TempDir
    Path dir;
}
