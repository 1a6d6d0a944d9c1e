package se.halsolage.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The desktop's single background thread, with the running task's progress for the status bar. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "halsolage-bakgrund");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError,
                          ProgressListener onProgress) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new Progress() {
                    @Override
                    public void update(double fraction, String msg) {
                        updateProgress(fraction < 0 ? -1 : fraction, 1.0);
                        if (msg != null) updateMessage(msg);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }
                });
            }

            private boolean isCancelled0() {
                return isCancelled();
            }
        };
        task.progressProperty().addListener((o, a, b) -> {
            progress.set(b.doubleValue());
            if (onProgress != null) onProgress.progress(b.doubleValue(), task.getMessage());
        });
        task.messageProperty().addListener((o, a, b) -> message.set(b));
        Runnable started = () -> {
            busy.set(running.incrementAndGet() > 0);
            message.set(title);
            progress.set(-1);
        };
        Runnable finished = () -> {
            busy.set(running.decrementAndGet() > 0);
            if (!busy.get()) {
                message.set("");
                progress.set(-1);
            }
        };
        task.setOnSucceeded(e -> {
            finished.run();
            if (onDone != null) onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished.run();
            if (onError != null) onError.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finished.run();
            if (onError != null) onError.accept(new java.util.concurrent.CancellationException());
        });
        if (Platform.isFxApplicationThread()) started.run(); else Platform.runLater(started);
        executor.submit(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(false);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
