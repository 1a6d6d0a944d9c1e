package se.halsolage.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.SfhGoal;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
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
    void theKoladaCatalogueIsSearchableOffline() {
        KpiCatalog c = KpiCatalog.bundled();
        assertThat(c.size()).isEqualTo(6099);
        assertThat(c.get("n15643")).isPresent();
        List<KpiInfo> hits = c.search("trygg skolan åk 8", 20);
        assertThat(hits).extracting(KpiInfo::id).contains("N15643");
        assertThat(KpiCatalog.toIndicator(c.get("N00923").orElseThrow()).unit()).isEqualTo(se.halsolage.domain.Unit.YEARS);
    }

    @Test
    void similarMunicipalityGroupsAreFoundByTitle() {
        var g = KoladaGroups.similarTo("Ljungby", "socioekonomi").orElseThrow();
        assertThat(g.title()).startsWith("Liknande kommuner socioekonomi, Ljungby");
        assertThat(g.year()).isGreaterThanOrEqualTo(2023);
        assertThat(g.members()).isNotEmpty().doesNotContainKey("0781");
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
