package se.halsolage.kolada;

import org.junit.jupiter.api.Test;
import se.halsolage.catalog.KoladaGroups;
import se.halsolage.domain.Group;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.UserError;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetchRequestTest {
    @Test
    void yearsParse() {
        assertThat(FetchRequest.parseYears("2014-2017")).containsExactly(2014, 2015, 2016, 2017);
        assertThat(FetchRequest.parseYears("2019–2020, 2023")).containsExactly(2019, 2020, 2023);
        assertThat(FetchRequest.parseYears(null)).isEmpty();
        assertThatThrownBy(() -> FetchRequest.parseYears("2025-2014")).isInstanceOf(UserError.class).hasMessageContaining("slutar före");
        assertThatThrownBy(() -> FetchRequest.parseYears("förra året")).isInstanceOf(UserError.class).hasMessageContaining("Kan inte tolka året");
    }

    @Test
    void idsAreNormalisedAndGroupsAndMembersJoinTheAreas() {
        // members as in Kolada's group "Liknande kommuner socioekonomi, Arboga, 2024"
        var g = new KoladaGroups.KoladaGroup("G176199", "Liknande kommuner socioekonomi, Arboga, 2024",
                KoladaGroups.parseMembers("0319:Älvkarleby|0562:Finspång|0687:Tranås|1082:Karlshamn|1083:Sölvesborg|1885:Lindesberg|2084:Avesta"));
        FetchRequest r = new FetchRequest(List.of(" n15643,N00923", "N15643"), List.of("1984", "0000"), List.of(2023, 2023), List.of(g), true);
        assertThat(r.kpiIds()).containsExactly("N15643", "N00923");
        assertThat(r.years()).containsExactly(2023);
        assertThat(r.allAreaIds()).containsExactly("1984", "0000", "G176199", "0319", "0562", "0687", "1082", "1083", "1885", "2084");
    }

    @Test
    void genderAndStatusMapping() {
        assertThat(KoladaMapping.group("T")).isEqualTo(Group.TOTALT);
        assertThat(KoladaMapping.group("K")).isEqualTo(Group.KVINNOR);
        assertThat(KoladaMapping.group("M")).isEqualTo(Group.MAN);
        assertThat(KoladaMapping.group("X")).isNull();
        assertThat(KoladaMapping.statusFor("..")).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(KoladaMapping.statusFor("Sekretess")).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(KoladaMapping.statusFor(".")).isEqualTo(ObservationStatus.NOT_APPLICABLE);
        assertThat(KoladaMapping.statusFor("Missing")).isEqualTo(ObservationStatus.MISSING);
        assertThat(KoladaMapping.statusFor("")).isEqualTo(ObservationStatus.MISSING);
        assertThat(KoladaMapping.statusFor(null)).isEqualTo(ObservationStatus.MISSING);
    }

    @Test
    void searchPutsAnExactIdFirst() {
        // before any catalogue update the search covers the Strategi för hälsa KPIs (resources/catalog/indicators.csv)
        assertThat(KoladaService.search("n15643", 5)).first().satisfies(k -> assertThat(k.id()).isEqualTo("N15643"));
        assertThat(KoladaService.search("trygg skolan åk 8", 10)).extracting(k -> k.id()).contains("N15643");
    }
}
