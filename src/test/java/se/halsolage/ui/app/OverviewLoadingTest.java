package se.halsolage.ui.app;

import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TaskRunner;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.overview.OverviewViewModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.SfhArea;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 4 (start): until the first reading arrives Översikt is "loading", never a false "empty". */
class OverviewLoadingTest {
    @TempDir
    Path dir;

    @Test
    void isNotLoadedUntilTheBackgroundReadingHasArrived() {
        List<Runnable> held = new ArrayList<>();
        boolean[] hold = {false};
        TaskRunner direct = TaskRunner.direct();
        TaskRunner gated = new TaskRunner() {
            @Override
            public <T> Handle run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError,
                                  ProgressListener onProgress) {
                if (!hold[0]) return direct.run(title, work, onDone, onError, onProgress);
                held.add(() -> direct.run(title, work, onDone, onError, onProgress));
                return new Handle() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return false;
                    }
                };
            }
        };
        RecordingDialogs dialogs = new RecordingDialogs();
        WorkbookViewModel session = new WorkbookViewModel(Texts.swedish(), gated, dialogs, null);
        session.open(TestWorkbooks.demoCopy(dir), null);
        hold[0] = true;
        OverviewViewModel vm = new OverviewViewModel(session);
        // the reading is under way (held): the view must say "loading", not "no values"
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(vm.rows(SfhArea.values()[0])).isEmpty();
        assertThat(held).hasSize(1);
        held.forEach(Runnable::run);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.rows(SfhArea.values()[0])).isNotEmpty();
        assertThat(vm.highlights()).isNotEmpty();
        assertThat(dialogs.errors).isEmpty();
    }
}
