package se.halsolage.ui.indicators;

import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.WorkbookViewModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.SfhArea;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorsViewModelTest {
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;
    IndicatorsViewModel vm;

    @BeforeEach
    void open() {
        session = TestWorkbooks.session(dir, dialogs);
        vm = new IndicatorsViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private IndicatorRow row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void rowsShowLatestOwnValueAndChangeInSwedish() {
        assertThat(vm.rows()).hasSize(session.workbook().indicators().count());
        // U01901 Tobaksrök i hemmet: 5,8 % (2021) → 6,3 % (2022): +0,5 p.e. is below the analysis'
        // threshold of 1 procentenhet for shares, so it is "oförändrad", not worse
        IndicatorRow smoke = row("U01901");
        assertThat(smoke.latestValue()).isEqualTo("6,3\u00a0%");
        assertThat(smoke.period()).isEqualTo("2022");
        assertThat(smoke.change()).isEqualTo("+0,5\u00a0p.e.");
        assertThat(smoke.worse()).isFalse();
        // N15428 Behöriga till yrkesprogram: 82,1 → 80,5; higher is better, so worse by −1,6
        IndicatorRow eligible = row("N15428");
        assertThat(eligible.change()).isEqualTo("\u22121,6\u00a0p.e.");
        assertThat(eligible.worse()).isTrue();
        // N80401 has no own values in the demo
        assertThat(row("N80401").latestValue()).isEqualTo("–");
        assertThat(row("N80401").worse()).isFalse();
    }

    @Test
    void searchFiltersOnIdAndWordsOfTheName() {
        vm.searchProperty().set("tobaksrök");
        assertThat(vm.filtered()).extracting(IndicatorRow::id).containsExactly("U01901");
        vm.searchProperty().set("n15428");
        assertThat(vm.filtered()).extracting(IndicatorRow::id).containsExactly("N15428");
        vm.searchProperty().set("finns inte alls");
        assertThat(vm.filtered()).isEmpty();
        vm.clearFilters();
        assertThat(vm.filtered()).hasSize(vm.rows().size());
    }

    @Test
    void worseFilterKeepsExactlyTheRowsThatGotWorse() {
        long worse = vm.rows().stream().filter(IndicatorRow::worse).count();
        vm.worseOnlyProperty().set(true);
        assertThat(vm.filtered()).hasSize((int) worse).allMatch(IndicatorRow::worse)
                .extracting(IndicatorRow::id).contains("N15428").doesNotContain("U01901");
        assertThat(worse).isGreaterThan(0).isLessThan(vm.rows().size());
    }

    @Test
    void areaMalomradeAndSourceFiltersCombine() {
        vm.areaProperty().set(SfhArea.GOD_OCH_JAMLIK_HALSA);
        assertThat(vm.filtered()).isNotEmpty().allMatch(r -> r.indicator().sfhArea() == SfhArea.GOD_OCH_JAMLIK_HALSA);
        vm.malomradeProperty().set(Malomrade.M6);
        assertThat(vm.filtered()).allMatch(r -> r.indicator().malomraden().contains(Malomrade.M6));
        int both = vm.filtered().size();
        vm.areaProperty().set(null);
        assertThat(vm.filtered().size()).isGreaterThanOrEqualTo(both);
        vm.clearFilters();
        String source = vm.sources().get(0);
        vm.sourceProperty().set(source);
        assertThat(vm.filtered()).isNotEmpty().allMatch(r -> r.source().equals(source));
    }

    @Test
    void detailShowsValuesWithProvenanceTargetsAndInitiatives() {
        vm.select("N15428");
        assertThat(vm.data()).isNotEmpty();
        IndicatorsViewModel.DataRow last = vm.data().stream()
                .filter(d -> d.area().startsWith("Exempelby") && d.period().equals("2025") && d.group().equals("Totalt"))
                .findFirst().orElseThrow();
        assertThat(last.value()).isEqualTo("80,5\u00a0%");
        assertThat(last.source()).startsWith("Källa: ");
        assertThat(last.location()).isEqualTo("exempel:N15428/0799/2025");
        vm.select("N15643");
        assertThat(vm.initiatives()).anyMatch(s -> s.startsWith("Allas barn"));
    }

    @Test
    void addFromCatalogueIsUndoable() throws Exception {
        try (var catalogue = se.halsolage.testing.StandInCatalogue.install(dir.resolve("appdata"))) {
            addFromTheDownloadedCatalogue();
        }
    }

    private void addFromTheDownloadedCatalogue() {
        List<KpiInfo> hits = vm.searchCatalog("medellivslängd kvinnor");
        assertThat(hits).isNotEmpty();
        KpiInfo k = hits.get(0);
        int before = vm.rows().size();
        vm.addFromCatalog(k);
        assertThat(vm.rows()).hasSize(before + 1);
        assertThat(session.workbook().indicators().get(k.id())).isPresent();
        assertThat(vm.searchCatalog("medellivslängd kvinnor")).noneMatch(x -> x.id().equals(k.id()));
        session.undo().undo();
        assertThat(session.workbook().indicators().get(k.id())).isEmpty();
        assertThat(vm.rows()).hasSize(before);
    }

    @Test
    void editingMetadataIsSavedAndUndone() {
        Indicator before = session.workbook().indicators().get("U01901").orElseThrow();
        Indicator edited = new Indicator(before.id(), before.title(), "Rök hemma", before.unit(), Direction.LOWER_IS_BETTER,
                before.source(), before.genderSplit(), before.grade(), before.malomraden(), before.sfhArea(),
                before.sfhGoal(), before.mappingConfidence(), before.description());
        vm.saveIndicator(edited);
        assertThat(row("U01901").title()).isEqualTo("Rök hemma");
        session.undo().undo();
        assertThat(row("U01901").title()).isEqualTo(before.displayTitle());
    }
}
