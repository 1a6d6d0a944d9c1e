package se.halsolage.kolada;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.KpiCatalog;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Group;
import se.halsolage.domain.PlanSettings;
import se.halsolage.testing.TempAppData;
import se.halsolage.ui.common.DialogService;
import se.halsolage.ui.kolada.KoladaViewModel;
import se.halsolage.ui.common.TaskRunner;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop's Kolada view-model against the local fake Kolada (CRAFTED test figures, not Kolada's). */
class KoladaViewModelTest {
    @TempDir
    Path dir;
    FakeKolada kolada;
    WorkbookViewModel session;
    final List<String> errors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        kolada = new FakeKolada();
        kolada.put("N15643", "1984", "2022", new FakeKolada.Val("T", 78.0, "", false));
        kolada.put("N15643", "1984", "2023", new FakeKolada.Val("T", 80.0, "", false));
        kolada.put("N15643", "0019", "2023", new FakeKolada.Val("T", 84.0, "", false));
        kolada.put("N15643", "0000", "2023", new FakeKolada.Val("T", 86.0, "", false));
        Path file = dir.resolve("arboga.halsa");
        Workbooks.createNew(file, new PlanSettings("1984", "0019", null, 2026, "sv", false)).close();
        DialogService dialogs = new DialogService() {
            public void showError(String t, String m) { errors.add(t + ": " + m); }
            public void showInformation(String t, String m) { notes.add(m); }
            public boolean confirm(String t, String m) { return true; }
            public void notify(String m) { notes.add(m); }
            public Optional<Path> chooseOpenFile(String t, String f, String... p) { return Optional.empty(); }
            public Optional<Path> chooseSaveFile(String t, String s, String f, String... p) { return Optional.empty(); }
            public void openInSystem(Path f) { }
        };
        session = new WorkbookViewModel(Texts.swedish(), TaskRunner.direct(), dialogs, null);
        session.open(file, null);
    }

    @AfterEach
    void tearDown() {
        if (session != null) session.close();
        if (kolada != null) kolada.close(); // null when skipped without ../shared
    }

    @Test
    void searchChooseAndFetchStoresTheValuesAndSummarises() {
        KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl(kolada.baseUrl()).build());
        assertThat(vm.fetch()).isEqualTo("Välj minst ett nyckeltal att hämta.");
        vm.searchProperty().set("N15643");
        assertThat(vm.results()).isNotEmpty();
        vm.choose(KpiCatalog.current().get("N15643").orElseThrow());
        vm.choose(KpiCatalog.current().get("N15643").orElseThrow());
        assertThat(vm.chosen()).hasSize(1);
        vm.group.set(false);
        assertThat(vm.areaText()).isEqualTo("Arboga, Region Västmanland, Riket");
        int before = session.versionProperty().get();
        assertThat(vm.fetch()).isNull();
        assertThat(errors).isEmpty();
        assertThat(session.workbook().observations().series("N15643", "1984", Group.TOTALT))
                .extracting(o -> o.value()).containsExactly(78.0, 80.0);
        assertThat(vm.summaryProperty().get()).contains("Nya värden: 4");
        assertThat(vm.messageProperty().get()).isEqualTo("Kolada: 4 nya, 0 reviderade och 0 oförändrade värden.");
        assertThat(session.versionProperty().get()).isGreaterThan(before);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void withTheGroupTickedAndNoneChosenTheNewestLiknandeKommunerIsFoundAndFetched() {
        KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl(kolada.baseUrl()).build());
        vm.choose(KpiCatalog.current().get("N15643").orElseThrow());
        assertThat(session.workbook().settings().plan().comparisonGroupId()).isNull();
        assertThat(vm.fetch()).isNull();
        assertThat(errors).isEmpty();
        // Arboga's newest in Kolada's real group list: "Liknande kommuner, övergripande, Arboga, 2025" (G37329)
        assertThat(session.workbook().settings().plan().comparisonGroupId()).isEqualTo("G37329");
        assertThat(session.workbook().areas().members("G37329")).hasSize(7).contains("0561", "0884");
        assertThat(vm.summaryProperty().get()).contains("Jämförelsegrupp: Liknande kommuner, övergripande, Arboga, 2025 (G37329, 7 kommuner)");
    }

    @Test
    void updateAllAsksOnlyForChangesAndTheViewShowsWhenEachKpiWasLastFetched() {
        KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl(kolada.baseUrl()).build());
        vm.group.set(false);
        assertThat(vm.lastFetched()).hasSize(39).allSatisfy(f -> assertThat(f.at()).isNull());
        assertThat(vm.lastFetchedText(vm.lastFetched().get(0))).endsWith(": aldrig hämtat");

        assertThat(vm.updateAll()).isNull(); // the first time: every request is fetched whole, and the summary says so
        assertThat(errors).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("0 värden reviderade, 4 nya", "2 frågor hade inte hämtats förut och hämtades hela");
        String today = java.time.LocalDate.now().toString();
        assertThat(vm.lastFetched()).allSatisfy(f -> assertThat(f.at()).isNotNull());
        assertThat(vm.lastFetched().stream().map(vm::lastFetchedText))
                .contains("N15643  Trygga i skolan, åk 8: hämtat " + today);

        kolada.change("N15643", "1984", "2023", new FakeKolada.Val("T", 81.0, "", false)); // CRAFTED revision
        int before = kolada.requests.size();
        assertThat(vm.updateAll()).isNull();
        assertThat(kolada.requests.subList(before, kolada.requests.size())).hasSize(2)
                .allSatisfy(u -> assertThat(u).contains("&from_date="));
        assertThat(vm.summaryProperty().get()).contains("1 värde reviderat, 0 nya", "rader: 1");
        assertThat(session.workbook().observations().series("N15643", "1984", Group.TOTALT))
                .extracting(o -> o.value()).containsExactly(78.0, 81.0);
    }

    @Test
    void theCatalogueButtonDownloadsKoladasCatalogueAndTheSearchThenCoversIt() {
        try (TempAppData home = new TempAppData(dir.resolve("appdata"))) {
            KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl(kolada.baseUrl()).build());
            assertThat(vm.catalogStatusProperty().get()).startsWith("Söker bara bland de 39 nyckeltal");
            vm.searchProperty().set("N00945");
            assertThat(vm.results()).isEmpty(); // N00945 is in Kolada's catalogue, not in the SfH set
            assertThat(vm.updateCatalog()).isNull();
            assertThat(errors).isEmpty();
            assertThat(notes).contains("Koladas katalog är hämtad: 6099 nyckeltal och 3630 kommungrupper.");
            assertThat(vm.catalogStatusProperty().get()).startsWith("Koladas katalog: 6099 nyckeltal, hämtad " + java.time.LocalDate.now());
            assertThat(vm.results()).extracting(k -> k.id()).containsExactly("N00945"); // the open search is run again
            assertThat(vm.runningProperty().get()).isFalse();
        }
    }

    @Test
    void aCancelledCatalogueUpdateKeepsNothingAndShowsNoError() {
        try (TempAppData home = new TempAppData(dir.resolve("appdata"))) {
            KoladaViewModel[] vm = new KoladaViewModel[1];
            // cancel from the progress callback, as the Avbryt button does while pages arrive
            vm[0] = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl(kolada.baseUrl()).build());
            vm[0].messageProperty().addListener((o, a, b) -> {
                if (b != null && b.contains("1 sida")) vm[0].cancel();
            });
            assertThat(vm[0].updateCatalog()).isNull();
            assertThat(errors).isEmpty();
            assertThat(vm[0].messageProperty().get()).contains("avbröts", "Den sparade katalogen har inte ändrats.");
            assertThat(java.nio.file.Files.exists(dir.resolve("appdata/kolada/kolada-katalog.json"))).isFalse();
            assertThat(vm[0].catalogStatusProperty().get()).startsWith("Söker bara bland");
        }
    }

    @Test
    void aKoladaErrorIsShownInSwedishAndNothingIsStored() {
        KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl("http://127.0.0.1:1")
                .maxAttempts(1).build());
        vm.choose(KpiCatalog.current().get("N15643").orElseThrow());
        assertThat(vm.fetch()).isNull();
        assertThat(errors).singleElement().asString().startsWith("Hämtningen från Kolada misslyckades: ");
        assertThat(session.workbook().observations().count()).isZero();
    }
}
