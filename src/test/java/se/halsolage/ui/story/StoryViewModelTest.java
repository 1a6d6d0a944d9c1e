package se.halsolage.ui.story;

import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.WorkbookViewModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryViewModelTest {
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;
    StoryViewModel vm;

    @BeforeEach
    void open() {
        session = TestWorkbooks.session(dir, dialogs);
        vm = new StoryViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void buildReorderAndUndoAStoryThatIsSavedInTheWorkbook() {
        assertThat(vm.create(" ")).isEqualTo("Skriv ett namn på berättelsen.");
        assertThat(vm.create("Workshop 2026")).isNull();
        assertThat(vm.create("workshop 2026")).contains("finns redan");
        vm.addChart("N15428", "TREND", null, "Behörigheten sjunker.");
        vm.addChart("N15613", "GENDER", "Flickor och pojkar", null);
        vm.addText("Vad gör vi nu?", "Tre frågor till politiken", "Låt dem prata");
        assertThat(vm.slides()).extracting(Slide::kind).containsExactly(Slide.Kind.CHART, Slide.Kind.CHART, Slide.Kind.TEXT);
        vm.move(2, -1);
        assertThat(vm.slides()).extracting(Slide::title).containsExactly(null, "Vad gör vi nu?", "Flickor och pojkar");
        session.undo().undo();
        assertThat(vm.slides()).extracting(Slide::title).containsExactly(null, "Flickor och pojkar", "Vad gör vi nu?");
        vm.setNotes(1, "Skillnaden mellan könen");
        Story stored = session.workbook().stories().byName("Workshop 2026").orElseThrow();
        assertThat(stored.slides()).hasSize(3);
        assertThat(stored.slides().get(0).notes()).isEqualTo("Behörigheten sjunker.");
        assertThat(stored.slides().get(1).notes()).isEqualTo("Skillnaden mellan könen");
        assertThat(stored.slides().get(1).chartKind()).isEqualTo("GENDER");
        vm.remove(0);
        assertThat(session.workbook().stories().byName("Workshop 2026").orElseThrow().slides()).hasSize(2);
        vm.deleteSelected();
        assertThat(session.workbook().stories().all()).isEmpty();
        session.undo().undo();
        assertThat(session.workbook().stories().all()).singleElement().extracting(s -> s.slides().size()).isEqualTo(2);
    }

    @Test
    void presenterModelStepsBlacksAndShowsTheNextSlide() {
        PresenterModel m = new PresenterModel(List.of(Slide.chart("N15428", "TREND", null, "a"),
                Slide.text("Mitten", "", "b"), Slide.chart("N15613", "GAP", null, "c")));
        assertThat(m.position()).isEqualTo("Bild 1 av 3");
        assertThat(m.next().title()).isEqualTo("Mitten");
        assertThat(m.back()).isFalse();
        assertThat(m.forward()).isTrue();
        m.toggleBlack();
        assertThat(m.blackProperty().get()).isTrue();
        assertThat(m.forward()).isTrue();
        assertThat(m.blackProperty().get()).isFalse();
        assertThat(m.current().indicatorId()).isEqualTo("N15613");
        assertThat(m.next()).isNull();
        assertThat(m.forward()).isFalse();
        assertThat(m.position()).isEqualTo("Bild 3 av 3");
        assertThatThrownBy(() -> new PresenterModel(List.of())).hasMessage("Berättelsen har inga bilder att visa.");
    }

    @Test
    void exportWritesAPowerPointFile() {
        vm.create("Export");
        vm.addChart("N15428", "TREND", null, "Anteckning");
        Path out = dir.resolve("export.pptx");
        vm.export(vm.selectedProperty().get(), out);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.lastExport()).isEqualTo(out);
        assertThat(Files.exists(out)).isTrue();
        assertThat(dialogs.notes).contains("export.pptx är sparad.");
    }
}
