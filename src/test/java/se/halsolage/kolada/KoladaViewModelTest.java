package se.halsolage.kolada;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.KpiCatalog;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Group;
import se.halsolage.domain.PlanSettings;
import se.halsolage.ui.DialogService;
import se.halsolage.ui.KoladaViewModel;
import se.halsolage.ui.TaskRunner;
import se.halsolage.ui.Texts;
import se.halsolage.ui.WorkbookViewModel;

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
        session.close();
        kolada.close();
    }

    @Test
    void searchChooseAndFetchStoresTheValuesAndSummarises() {
        KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl(kolada.baseUrl()).build());
        assertThat(vm.fetch()).isEqualTo("Välj minst ett nyckeltal att hämta.");
        vm.searchProperty().set("N15643");
        assertThat(vm.results()).isNotEmpty();
        vm.choose(KpiCatalog.bundled().get("N15643").orElseThrow());
        vm.choose(KpiCatalog.bundled().get("N15643").orElseThrow());
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
    void aKoladaErrorIsShownInSwedishAndNothingIsStored() {
        KoladaViewModel vm = new KoladaViewModel(session, () -> KoladaClient.builder().baseUrl("http://127.0.0.1:1")
                .maxAttempts(1).build());
        vm.choose(KpiCatalog.bundled().get("N15643").orElseThrow());
        assertThat(vm.fetch()).isNull();
        assertThat(errors).singleElement().asString().startsWith("Hämtningen från Kolada misslyckades: ");
        assertThat(session.workbook().observations().count()).isZero();
    }
}
