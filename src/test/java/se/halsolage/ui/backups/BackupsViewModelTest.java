package se.halsolage.ui.backups;

import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.indicators.IndicatorsViewModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Indicator;
import se.halsolage.workbook.Backups;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Arkiv → Återställ säkerhetskopia…: list, confirm, restore, reopen, and undo the restore. */
class BackupsViewModelTest {
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;
    BackupsViewModel vm;

    @BeforeEach
    void open() {
        session = TestWorkbooks.session(dir, dialogs);
        vm = new BackupsViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private String title(String id) {
        return session.workbook().indicators().get(id).map(Indicator::title).orElseThrow();
    }

    private void rename(String id, String title) {
        Indicator i = session.workbook().indicators().get(id).orElseThrow();
        new IndicatorsViewModel(session).saveIndicator(new Indicator(i.id(), title, i.shortTitle(), i.unit(),
                i.direction(), i.source(), i.genderSplit(), i.grade(), i.malomraden(), i.sfhArea(), i.sfhGoal(),
                i.mappingConfidence(), i.description()));
    }

    @Test
    void fileNamesGiveTimeAndReasonInSwedish() {
        Texts sv = Texts.swedish();
        BackupsViewModel.Entry up = BackupsViewModel.entry(
                Path.of("min-plan-2026-20261122-224147-123-fore-uppgradering-v1.halsa"), sv);
        assertThat(up.time()).isEqualTo(LocalDateTime.of(2026, 11, 22, 22, 41, 47, 123_000_000));
        assertThat(up.reason()).isEqualTo("Före uppgradering av filformatet (från version 1)");
        assertThat(up.toString()).isEqualTo("2026-11-22 22:41:47  –  Före uppgradering av filformatet (från version 1)");
        assertThat(BackupsViewModel.entry(Path.of("a-20250102-030405-006-fore-import.halsa"), sv).reason()).isEqualTo("Före import");
        assertThat(BackupsViewModel.entry(Path.of("a-20250102-030405-006-fore-aterstallning.halsa"), sv).reason())
                .isEqualTo("Före återställning av en säkerhetskopia");
        assertThat(BackupsViewModel.entry(Path.of("a-20250102-030405-006-fore-massradering.halsa"), sv).reason())
                .isEqualTo("Före massradering");
        BackupsViewModel.Entry odd = BackupsViewModel.entry(Path.of("kopia.halsa"), sv);
        assertThat(odd.time()).isNull();
        assertThat(odd.reason()).isEqualTo("kopia.halsa");
        assertThat(BackupsViewModel.entry(Path.of("a-20250102-030405-006-fore-import.halsa"), new Texts(java.util.Locale.ENGLISH))
                .reason()).isEqualTo("Before import");
    }

    @Test
    void restoresTheOlderContentReopensAndKeepsTheStateBeforeAsABackup() {
        String original = title("N15428");
        assertThat(vm.entries()).isEmpty();
        session.workbook().backup("fore-import");
        rename("N15428", "Ändrad efter kopian");
        assertThat(title("N15428")).isEqualTo("Ändrad efter kopian");
        assertThat(session.undo().canUndoProperty().get()).isTrue();

        List<BackupsViewModel.Entry> entries = vm.entries();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("Före import");
            assertThat(e.time()).isBetween(LocalDateTime.now().minusMinutes(5), LocalDateTime.now().plusSeconds(1));
        });
        Workbook before = session.workbook();
        assertThat(vm.restore(entries.get(0))).isTrue();

        assertThat(dialogs.errors).isEmpty();
        assertThat(session.workbook()).isNotNull().isNotSameAs(before);
        assertThat(session.workbook().isReadOnly()).isFalse();
        assertThat(title("N15428")).isEqualTo(original);
        assertThat(session.undo().canUndoProperty().get()).as("the undo history belonged to the replaced file").isFalse();
        assertThat(session.titleProperty().get()).startsWith("Hälsoläge – exempel.halsa");

        List<BackupsViewModel.Entry> after = vm.entries();
        assertThat(after).hasSize(2);
        assertThat(after.get(0).reason()).isEqualTo("Före återställning av en säkerhetskopia");
        assertThat(dialogs.notes).singleElement().satisfies(n -> assertThat(n)
                .startsWith("Arbetsboken är återställd till " + entries.get(0))
                .contains("sparades också som säkerhetskopia (" + after.get(0).file().getFileName() + ")"));

        // and the restore can itself be undone by restoring the backup it made
        assertThat(vm.restore(after.get(0))).isTrue();
        assertThat(title("N15428")).isEqualTo("Ändrad efter kopian");
    }

    @Test
    void answeringNoChangesNothing() {
        session.workbook().backup("fore-import");
        rename("N15428", "Behålls");
        Workbook open = session.workbook();
        dialogs.confirmAnswer = false;
        assertThat(vm.restore(vm.entries().get(0))).isFalse();
        assertThat(session.workbook()).isSameAs(open);
        assertThat(title("N15428")).isEqualTo("Behålls");
        assertThat(vm.entries()).hasSize(1);
    }

    @Test
    void theOldestKeptBackupCanBeRestoredAlthoughSavingTheCurrentStatePrunesIt() {
        String original = title("N15428");
        session.workbook().backup("fore-import");
        rename("N15428", "Senare");
        for (int i = 1; i < Backups.KEEP; i++) session.workbook().backup("fore-import");
        List<BackupsViewModel.Entry> entries = vm.entries();
        assertThat(entries).hasSize(Backups.KEEP);
        BackupsViewModel.Entry oldest = entries.get(entries.size() - 1);

        assertThat(vm.restore(oldest)).isTrue();

        assertThat(dialogs.errors).isEmpty();
        assertThat(title("N15428")).isEqualTo(original);
        assertThat(oldest.file()).as("pruned after it was copied").doesNotExist();
    }

    @Test
    void aDamagedBackupIsRefusedAndTheWorkbookIsReopenedUnchanged() throws Exception {
        Path backup = session.workbook().backup("fore-import");
        rename("N15428", "Oskadd");
        java.nio.file.Files.write(backup, "inte en arbetsbok".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(vm.restore(vm.entries().get(0))).isTrue();
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e).startsWith("Säkerhetskopian kunde inte återställas: "));
        assertThat(session.workbook()).isNotNull();
        assertThat(title("N15428")).isEqualTo("Oskadd");
    }
}
