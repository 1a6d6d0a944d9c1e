package se.halsolage.catalog;

import org.junit.jupiter.api.Test;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding "Liknande kommuner …" groups in the bundled real group list. */
class KoladaGroupsTest {
    @Test
    void newestSimilarGroupIncludesTheCommaSpelledOvergripandeGroups() {
        // Ljungby's newest is "Liknande kommuner, övergripande, Ljungby, 2025" (the others are 2024 or older)
        assertThat(KoladaGroups.similarTo("Ljungby", null)).hasValueSatisfying(g -> {
            assertThat(g.id()).isEqualTo("G37450");
            assertThat(g.title()).isEqualTo("Liknande kommuner, övergripande, Ljungby, 2025");
            assertThat(g.year()).isEqualTo(2025);
        });
        assertThat(KoladaGroups.similarTo("Ljungby", "övergripande")).map(KoladaGroup::id).hasValue("G37450");
    }

    @Test
    void aKindPicksThatKind() {
        assertThat(KoladaGroups.similarTo("Ljungby", "socioekonomi")).map(KoladaGroup::id).hasValue("G176320");
        assertThat(KoladaGroups.similarTo("Arboga", "socioekonomi")).hasValueSatisfying(g ->
                assertThat(g.members()).containsOnlyKeys("0319", "0562", "0687", "1082", "1083", "1885", "2084"));
        assertThat(KoladaGroups.similarTo("Växjö", "ekonomiskt bistånd")).map(KoladaGroup::id).hasValue("G176169");
        assertThat(KoladaGroups.similarTo("Ljungby", "finns inte")).isEmpty();
    }

    @Test
    void municipalityNameMustMatchWholeNotAsPrefix() {
        List<KoladaGroup> groups = List.of(
                new KoladaGroup("G1", "Liknande kommuner socioekonomi, Markaryd, 2024", Map.of()),
                new KoladaGroup("G2", "Liknande kommuner socioekonomi, Mark, 2023", Map.of()));
        assertThat(KoladaGroups.similarTo(groups, "Mark", null)).map(KoladaGroup::id).hasValue("G2");
        assertThat(KoladaGroups.byId("G176199")).map(KoladaGroup::title).hasValue("Liknande kommuner socioekonomi, Arboga, 2024");
    }
}
