package se.halsolage.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodAndGroupTest {
    @Test
    void periodsKeepTheirLabelAndKnowTheirYears() {
        assertThat(Period.parse("2023")).isEqualTo(new Period("2023", 2023, 2023));
        assertThat(Period.parse("2023/24")).isEqualTo(new Period("2023/24", 2023, 2024));
        assertThat(Period.parse("1999/00")).isEqualTo(new Period("1999/00", 1999, 2000));
        assertThat(Period.parse("2021–2024")).isEqualTo(new Period("2021–2024", 2021, 2024));
        assertThat(Period.parse("2019-2021")).isEqualTo(new Period("2019-2021", 2019, 2021));
        assertThat(Period.parse("Läsåret 2022/2023")).isEqualTo(new Period("Läsåret 2022/2023", 2022, 2023));
        assertThat(Period.parse("2019.0")).isEqualTo(Period.year(2019));
        assertThat(Period.parse(" 2020 ").label()).isEqualTo("2020");
        assertThat(Period.parse("2021–2024").isRolling()).isTrue();
        assertThatThrownBy(() -> Period.parse("förra året")).hasMessageContaining("förra året");
    }

    @Test
    void periodsSortByEndYearThenStartYear() {
        List<Period> list = new ArrayList<>(List.of(Period.parse("2024"), Period.parse("2021–2024"),
                Period.parse("2022/23"), Period.parse("2019")));
        Collections.sort(list);
        assertThat(list).extracting(Period::label).containsExactly("2019", "2022/23", "2021–2024", "2024");
    }

    @Test
    void groupsNormaliseTheCommonSpellings() {
        assertThat(Group.of("T")).isEqualTo(Group.TOTALT);
        assertThat(Group.of("K")).isEqualTo(Group.KVINNOR);
        assertThat(Group.of("M")).isEqualTo(Group.MAN);
        assertThat(Group.of("Flicka")).isEqualTo(Group.FLICKOR);
        assertThat(Group.of("pojkar")).isEqualTo(Group.POJKAR);
        assertThat(Group.of(" Samtliga ")).isEqualTo(Group.TOTALT);
        assertThat(Group.of(null)).isEqualTo(Group.TOTALT);
        assertThat(Group.of("Åk 8").label()).isEqualTo("Åk 8");
        assertThat(Group.FLICKOR.isFemale()).isTrue();
        assertThat(Group.MAN.isMale()).isTrue();
        List<Group> gs = new ArrayList<>(List.of(Group.POJKAR, new Group("Åk 5"), Group.MAN, Group.TOTALT, Group.KVINNOR));
        Collections.sort(gs);
        assertThat(gs).extracting(Group::label).containsExactly("Totalt", "Kvinnor", "Män", "Pojkar", "Åk 5");
    }

    @Test
    void anObservationWithoutAValueIsNeverZero() {
        Observation o = Observation.withStatus("N1", "0780", Period.year(2020), Group.TOTALT, ObservationStatus.SUPPRESSED, "..", 1, null);
        assertThat(o.value()).isNull();
        assertThat(o.hasValue()).isFalse();
        Observation forced = new Observation("N1", "0780", Period.year(2020), Group.TOTALT, 0.0, null, null, null,
                ObservationStatus.MISSING, "–", 1, null);
        assertThat(forced.value()).as("a value given with a non-ok status is dropped").isNull();
        assertThatThrownBy(() -> new Observation("N1", "0780", Period.year(2020), Group.TOTALT, null, null, null, null,
                ObservationStatus.OK, null, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Observation.ok("N1", "0780", Period.year(2020), Group.TOTALT, Double.NaN, null, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsAreGuessedFromKoladaTitles() {
        assertThat(Unit.guessFromTitle("Kariesfria 3-åringar, andel (%)")).isEqualTo(Unit.PERCENT);
        assertThat(Unit.guessFromTitle("Medellivslängd män, år")).isEqualTo(Unit.YEARS);
        assertThat(Unit.guessFromTitle("Fallskador bland personer 80+, 3-årsm, antal slutenvårdstillfällen/100 000 inv")).isEqualTo(Unit.PER_100000);
        assertThat(Unit.guessFromTitle("Ohälsotal, dagar")).isEqualTo(Unit.DAYS);
        assertThat(Unit.guessFromTitle("Mediannettoinkomst, kr/inv 20+")).isEqualTo(Unit.KRONOR);
    }
}
