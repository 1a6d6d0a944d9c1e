package se.halsolage.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.testing.SharedFiles;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding "Liknande kommuner …" groups in Kolada's real group list (../shared/data/kolada/, 3 630 groups). */
class KoladaGroupsTest {
    static List<KoladaGroup> real;

    @BeforeAll
    static void load() throws Exception {
        real = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(SharedFiles.kolada("kolada_municipality_groups_v3.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                real.add(new KoladaGroup(rec.get("id"), rec.get("title"), KoladaGroups.parseMembers(rec.get("members"))));
            }
        }
    }

    static Optional<KoladaGroup> similarTo(String name, String kind) {
        return KoladaGroups.similarTo(real, name, kind);
    }

    @Test
    void newestSimilarGroupIncludesTheCommaSpelledOvergripandeGroups() {
        // Ljungby's newest is "Liknande kommuner, övergripande, Ljungby, 2025" (the others are 2024 or older)
        assertThat(similarTo("Ljungby", null)).hasValueSatisfying(g -> {
            assertThat(g.id()).isEqualTo("G37450");
            assertThat(g.title()).isEqualTo("Liknande kommuner, övergripande, Ljungby, 2025");
            assertThat(g.year()).isEqualTo(2025);
        });
        assertThat(similarTo("Ljungby", "övergripande")).map(KoladaGroup::id).hasValue("G37450");
    }

    @Test
    void aKindPicksThatKind() {
        assertThat(similarTo("Ljungby", "socioekonomi")).map(KoladaGroup::id).hasValue("G176320");
        assertThat(similarTo("Arboga", "socioekonomi")).hasValueSatisfying(g ->
                assertThat(g.members()).containsOnlyKeys("0319", "0562", "0687", "1082", "1083", "1885", "2084"));
        assertThat(similarTo("Växjö", "ekonomiskt bistånd")).map(KoladaGroup::id).hasValue("G176169");
        assertThat(similarTo("Ljungby", "finns inte")).isEmpty();
    }

    @Test
    void municipalityNameMustMatchWholeNotAsPrefix() {
        List<KoladaGroup> groups = List.of(
                new KoladaGroup("G1", "Liknande kommuner socioekonomi, Markaryd, 2024", Map.of()),
                new KoladaGroup("G2", "Liknande kommuner socioekonomi, Mark, 2023", Map.of()));
        assertThat(KoladaGroups.similarTo(groups, "Mark", null)).map(KoladaGroup::id).hasValue("G2");
        assertThat(real).hasSize(3630);
        assertThat(KoladaGroups.search(real, "socioekonomi arboga")).extracting(KoladaGroup::id).containsExactly("G176199");
    }
}
