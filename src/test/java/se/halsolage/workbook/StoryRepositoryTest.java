package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryRepositoryTest { // StoryRepositoryTestOnPostgres runs these on PostgreSQL
    @TempDir
    Path dir;

    @Test
    void storiesKeepSlideOrderAcrossReopenAndDeleteCascades() {
        Path f = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "s");
        long id;
        try (Workbook wb = Workbook.create(f)) {
            Story s = wb.transaction(w -> w.stories().save(new Story(0, "Workshop", List.of(
                    Slide.text("Start", "Hej", null), new Slide(Slide.Kind.CHART, "N15428", "GAP", "0780", "Titel", null, "n")))));
            id = s.id();
            assertThat(id).isPositive();
            wb.inTransaction(w -> w.stories().save(s.withSlides(List.of(s.slides().get(1), s.slides().get(0)))));
        }
        try (Workbook wb = Workbook.open(f)) {
            Story back = wb.stories().get(id).orElseThrow();
            assertThat(back.slides()).extracting(Slide::title).containsExactly("Titel", "Start");
            assertThat(back.slides().get(0)).isEqualTo(new Slide(Slide.Kind.CHART, "N15428", "GAP", "0780", "Titel", null, "n"));
            assertThat(wb.stories().byName("workshop")).isPresent();
            wb.inTransaction(w -> w.stories().delete(id));
            assertThat(wb.stories().all()).isEmpty();
            assertThatThrownBy(() -> wb.stories().delete(id)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void copyToWritesAConsistentCopyAndRefusesExistingFiles() throws Exception {
        try (Workbook wb = Workbook.create(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "a"))) {
            wb.inTransaction(w -> w.stories().save(new Story(0, "Kopia", List.of())));
            Path copy = dir.resolve("b.halsa");
            wb.copyTo(copy);
            try (Workbook c = Workbook.open(copy)) {
                assertThat(c.stories().all()).extracting(Story::name).containsExactly("Kopia");
            }
            assertThatThrownBy(() -> wb.copyTo(copy)).isInstanceOf(WorkbookException.class).hasMessageContaining("Filen finns redan");
        }
    }
}
