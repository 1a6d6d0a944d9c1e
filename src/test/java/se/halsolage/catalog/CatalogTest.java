package se.halsolage.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.SfhGoal;
import se.halsolage.testing.TempAppData;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {
    @TempDir
    Path dir;

    @Test
    void the22GoalsIn3Areas() {
        List<SfhGoal> goals = CatalogLoader.goals();
        assertThat(goals).hasSize(22);
        assertThat(goals.stream().filter(g -> g.area() == SfhArea.GOD_OCH_JAMLIK_HALSA)).hasSize(9);
        assertThat(goals.stream().filter(g -> g.area() == SfhArea.HALLBART_OCH_UTHALLIGT)).hasSize(4);
        assertThat(goals.stream().filter(g -> g.area() == SfhArea.GOD_KVALITET)).hasSize(9);
    }

    @Test
    void indicatorsCarryTheKnownFactsFromTheBrief() {
        var byId = CatalogLoader.indicators().stream().collect(Collectors.toMap(Indicator::id, i -> i));
        assertThat(byId.get("N15643").grade()).isEqualTo("åk 8");
        assertThat(byId.get("N15613").grade()).isEqualTo("åk 5");
        assertThat(byId.get("N17673").grade()).isEqualTo("gy 2");
        assertThat(byId.get("N15643").sfhGoal()).isEqualTo(14);
        assertThat(byId.get("N15643").genderSplit()).isTrue();
        assertThat(byId.get("N00923").genderSplit()).isFalse();
        assertThat(byId.get("N20402").direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(byId.get("N20402").unit()).isEqualTo(se.halsolage.domain.Unit.PER_100000);
        assertThat(byId.get("U01901").description()).contains("2025");
        assertThat(byId.values()).allSatisfy(i -> {
            assertThat(i.sfhArea()).isNotNull();
            assertThat(i.mappingConfidence()).isIn("hög", "medel", "låg");
        });
        Set<Integer> mapped = byId.values().stream().map(Indicator::sfhGoal).filter(g -> g != null).collect(Collectors.toSet());
        assertThat(mapped).as("goals with at least one candidate KPI").hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void areasAreRiket21RegionsAnd290Municipalities() {
        List<Area> areas = CatalogLoader.areas();
        assertThat(areas.stream().filter(a -> a.kind() == AreaKind.RIKET)).hasSize(1);
        assertThat(areas.stream().filter(a -> a.kind() == AreaKind.REGION)).hasSize(21);
        assertThat(areas.stream().filter(a -> a.kind() == AreaKind.MUNICIPALITY)).hasSize(290);
        Area ljungby = areas.stream().filter(a -> a.id().equals("0781")).findFirst().orElseThrow();
        assertThat(ljungby.name()).isEqualTo("Ljungby");
        assertThat(ljungby.parentId()).isEqualTo("0007");
        assertThat(ljungby.countyCode()).isEqualTo("07");
    }

    @Test
    void beforeAnyUpdateTheSearchCoversTheStrategiForHalsaKpisAndSaysSo() {
        try (TempAppData home = new TempAppData(dir.resolve("appdata"))) {
            KpiCatalog c = KpiCatalog.current();
            assertThat(c.full()).isFalse();
            assertThat(c.size()).isEqualTo(39); // the Kolada rows of resources/catalog/indicators.csv
            assertThat(c.search("trygg skolan", 20)).extracting(KpiInfo::id).containsExactly("N15613", "N15643", "N17673");
            assertThat(c.get("n15643")).isPresent();
            assertThat(c.get("N00945")).isEmpty(); // in Kolada, not in the SfH set
            assertThat(c.describe(LocalDate.of(2026, 12, 4))).contains("bara bland de 39 nyckeltal", "Strategi för hälsa",
                    "behöver hämtas från Kolada en gång");
            assertThat(KoladaGroups.all()).isEmpty();
            assertThat(KpiCatalog.toIndicator(c.get("N00923").orElseThrow()).unit()).isEqualTo(se.halsolage.domain.Unit.YEARS);
        }
    }

    @Test
    void aDownloadedCopyIsKeptAtomicallyWithItsDateAndUsedBySearchAndGroups() throws Exception {
        Path home = dir.resolve("appdata");
        try (TempAppData h = new TempAppData(home)) {
            Instant fetched = Instant.parse("2026-11-30T10:15:00Z");
            KoladaCatalog cat = new KoladaCatalog(fetched, "http://test/v3",
                    List.of(new KpiInfo("N00945", "Invånare 0-19 år, andel (%)", "Antal invånare 0-19 år", false, "A",
                            "Befolkning", "2025"),
                            new KpiInfo("N15643", "Elever i åk 8: Känner du dig trygg i skolan?", null, true, "K", "Grundskola", "2025")),
                    List.of(new KoladaCatalog.KoladaArea("0781", "Ljungby", "K")),
                    List.of(new KoladaGroups.KoladaGroup("G1", "Liknande kommuner socioekonomi, Ljungby, 2024",
                            KoladaGroups.parseMembers("0882:Oskarshamn|1266:Hörby"))));
            Path f = KoladaCatalog.save(cat);
            assertThat(f).isEqualTo(home.resolve("kolada").resolve("kolada-katalog.json"));
            try (var files = Files.list(f.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kolada-katalog.json"); // no temp file left
            }
            KpiCatalog c = KpiCatalog.current();
            assertThat(c.full()).isTrue();
            assertThat(c.size()).isEqualTo(2);
            assertThat(c.search("invånare", 5)).extracting(KpiInfo::id).containsExactly("N00945");
            assertThat(c.get("N00945").orElseThrow().description()).isEqualTo("Antal invånare 0-19 år");
            assertThat(c.describe(LocalDate.of(2026, 12, 4))).isEqualTo("Koladas katalog, 2 nyckeltal, hämtad 2026-11-30, 4 dagar sedan");
            assertThat(KoladaGroups.similarTo("Ljungby", null)).hasValueSatisfying(g -> assertThat(g.members())
                    .containsExactly(Map.entry("0882", "Oskarshamn"), Map.entry("1266", "Hörby")));
            assertThat(KoladaCatalog.load().orElseThrow().fetchedAt()).isEqualTo(fetched);

            // a damaged copy is not used, and the search says why
            Files.writeString(f, "{\"format\":1,\"fetched_at\":");
            assertThat(KpiCatalog.current().full()).isFalse();
            assertThat(KpiCatalog.current().describe(LocalDate.of(2026, 12, 4))).contains("går inte att läsa", "hämta den igen");
        }
    }

    @Test
    void aNewWorkbookHoldsTheWholeCatalogue() {
        try (Workbook wb = Workbooks.createNew(dir.resolve("n.halsa"), null)) {
            assertThat(wb.indicators().goals()).hasSize(22);
            assertThat(wb.indicators().count()).isEqualTo(CatalogLoader.indicators().size());
            assertThat(wb.areas().all()).hasSize(312);
            assertThat(wb.areas().resolve("Växjö kommun").map(Area::id)).contains("0780");
            assertThat(wb.indicators().get("N15643").orElseThrow().malomraden()).isNotEmpty();
        }
    }
}
