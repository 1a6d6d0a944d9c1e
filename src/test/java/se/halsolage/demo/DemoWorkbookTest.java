package se.halsolage.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoWorkbookTest {
    @TempDir
    Path dir;

    @Test
    void demoHasTenYearsForEveryCatalogueIndicatorInEveryComparedArea() {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            assertThat(wb.settings().plan().exampleData()).isTrue();
            assertThat(wb.areas().get(DemoWorkbook.MUNICIPALITY_ID).map(Area::name)).contains("Exempelby");
            for (Indicator i : wb.indicators().all()) {
                if (i.source() != null && i.source().startsWith("Barn- och ungdomsenkäten")) continue;
                boolean regionOnly = Set.of("N80401", "N78113", "N79524", "N79522").contains(i.id());
                List<String> areas = regionOnly ? List.of(Area.RIKET_ID, DemoWorkbook.COUNTY_ID)
                        : List.of(Area.RIKET_ID, DemoWorkbook.COUNTY_ID, DemoWorkbook.GROUP_ID, DemoWorkbook.MUNICIPALITY_ID);
                for (String a : areas) {
                    List<Observation> s = wb.observations().series(i.id(), a, Group.TOTALT);
                    assertThat(s).as(i.id() + " in " + a).hasSizeGreaterThanOrEqualTo(10);
                    if (i.genderSplit()) {
                        assertThat(wb.observations().series(i.id(), a, Group.KVINNOR)).as(i.id() + " kvinnor in " + a).hasSizeGreaterThanOrEqualTo(10);
                        assertThat(wb.observations().series(i.id(), a, Group.MAN)).hasSizeGreaterThanOrEqualTo(10);
                    }
                }
            }
        }
    }

    @Test
    void demoHasSuppressedAndMissingValuesYouthSurveyInitiativesAndTargets() {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            List<Observation> own = wb.observations().forArea(DemoWorkbook.MUNICIPALITY_ID);
            assertThat(own).anyMatch(o -> o.status() == ObservationStatus.SUPPRESSED && "..".equals(o.marker()));
            assertThat(own).anyMatch(o -> o.status() == ObservationStatus.MISSING);
            assertThat(own).filteredOn(o -> !o.hasValue()).allSatisfy(o -> assertThat(o.value()).isNull());
            List<Observation> youth = wb.observations().series("UNG-MAR-BRA-AK8", DemoWorkbook.MUNICIPALITY_ID);
            assertThat(youth).extracting(Observation::group).contains(Group.FLICKOR, Group.POJKAR, Group.TOTALT);
            assertThat(youth).allSatisfy(o -> assertThat(o.n()).isNotNull());
            assertThat(youth.stream().map(o -> o.period().endYear()).distinct()).containsExactly(2015, 2018, 2021, 2024);
            var initiatives = wb.initiatives().all();
            assertThat(initiatives).hasSizeBetween(9, 14);
            assertThat(initiatives.stream().map(i -> i.kind()).collect(Collectors.toSet())).containsExactlyInAnyOrder(InitiativeKind.values());
            assertThat(initiatives).anyMatch(i -> i.name().equals("Dans utan krav") && i.indicatorIds().contains("N33820"));
            assertThat(wb.targets().all()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void demoIsDeterministic() {
        List<Observation> a, b;
        try (Workbook wb = DemoWorkbook.build(dir.resolve("a.halsa"))) {
            a = wb.observations().forIndicator("N15643");
        }
        try (Workbook wb = DemoWorkbook.build(dir.resolve("b.halsa"))) {
            b = wb.observations().forIndicator("N15643");
        }
        assertThat(a).isEqualTo(b).isNotEmpty();
    }
}
