package se.halsolage.ui.common;

import se.halsolage.ui.common.RecentFiles;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.PlanSettings;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbookViewModelTest {
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    @Test
    void titleShowsFileMunicipalityAndExampleData() {
        session = TestWorkbooks.session(dir, dialogs);
        assertThat(session.titleProperty().get())
                .isEqualTo("Hälsoläge – exempel.halsa – Exempelby kommun – exempeldata (påhittade värden)");
    }

    @Test
    void openingAFileThatIsNotAWorkbookShowsASwedishError() throws Exception {
        session = new WorkbookViewModel(Texts.swedish(), TaskRunner.direct(), dialogs, null);
        Path txt = dir.resolve("inte.halsa");
        Files.writeString(txt, "hej");
        session.open(txt, null);
        assertThat(session.workbook()).isNull();
        assertThat(dialogs.errors).singleElement().asString()
                .startsWith("Arbetsboken kunde inte öppnas: ").contains("ingen Hälsoläge-arbetsbok");
    }

    @Test
    void settingsAreSavedAndUndone() {
        session = TestWorkbooks.session(dir, dialogs);
        PlanSettings before = session.plan();
        session.saveSettings(new PlanSettings(before.municipalityId(), before.countyId(), before.comparisonGroupId(),
                2027, "sv", true));
        assertThat(session.workbook().settings().plan().planYear()).isEqualTo(2027);
        assertThat(session.plan().planYear()).isEqualTo(2027);
        session.undo().undo();
        assertThat(session.workbook().settings().plan().planYear()).isEqualTo(before.planYear());
        session.undo().redo();
        assertThat(session.workbook().settings().plan().planYear()).isEqualTo(2027);
    }

    @Test
    void saveAsWritesAConsistentCopyAndContinuesThere() {
        session = TestWorkbooks.session(dir, dialogs);
        int indicators = session.workbook().indicators().count();
        Path copy = dir.resolve("kopia.halsa");
        session.saveAs(copy);
        assertThat(session.workbook().file()).isEqualTo(copy.toAbsolutePath());
        assertThat(session.workbook().indicators().count()).isEqualTo(indicators);
        assertThat(session.titleProperty().get()).contains("kopia.halsa");
        assertThat(dialogs.notes).anyMatch(n -> n.contains("kopia.halsa"));
    }

    @Test
    void saveAsRefusesAnExistingFile() throws Exception {
        session = TestWorkbooks.session(dir, dialogs);
        Path taken = dir.resolve("finns.halsa");
        Files.writeString(taken, "x");
        session.saveAs(taken);
        assertThat(dialogs.errors).singleElement().asString().contains("Filen finns redan");
        assertThat(session.workbook().file().getFileName().toString()).isEqualTo("exempel.halsa");
    }

    @Test
    void createMakesANewWorkbookWithTheCatalogue() {
        session = new WorkbookViewModel(Texts.swedish(), TaskRunner.direct(), dialogs, null);
        Path f = dir.resolve("ny.halsa");
        session.create(f, new PlanSettings("0780", "0007", null, 2026, "sv", false), null);
        Workbook wb = session.workbook();
        assertThat(wb).isNotNull();
        assertThat(wb.indicators().count()).isGreaterThan(20);
        assertThat(session.titleProperty().get()).isEqualTo("Hälsoläge – ny.halsa – Växjö kommun");
    }

    @Test
    void recentFilesRememberOpenedWorkbooks() throws Exception {
        Preferences prefs = Preferences.userRoot().node("se/halsolage/test-" + System.nanoTime());
        try {
            RecentFiles recent = new RecentFiles(prefs);
            session = new WorkbookViewModel(Texts.swedish(), TaskRunner.direct(), dialogs, recent);
            Path f = TestWorkbooks.demoCopy(dir);
            session.open(f, null);
            assertThat(session.recentFiles()).containsExactly(f.toAbsolutePath());
        } finally {
            prefs.removeNode();
        }
    }
}
