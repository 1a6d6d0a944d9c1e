package se.halsolage.ui.common;

import java.util.function.Consumer;

/**
 * The one way view-models start background work. The desktop runs work on a single background
 * thread and reports back on the FX thread; tests use {@link #direct()} which runs it at once.
 */
public interface TaskRunner {

    /** Work that may report progress and should stop when asked. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Progress reporting and cancellation as the work sees them. */
    interface Progress {
        void update(double fraction, String message);

        boolean isCancelled();
    }

    /** A started task. */
    interface Handle {
        void cancel();

        boolean isDone();
    }

    /**
     * Runs {@code work} off the FX thread; then {@code onDone} or {@code onError} on the FX thread.
     * {@code onProgress} (may be null) is called on the FX thread with fraction and message.
     */
    <T> Handle run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError,
                   ProgressListener onProgress);

    default <T> Handle run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        return run(title, work, onDone, onError, null);
    }

    @FunctionalInterface
    interface ProgressListener {
        void progress(double fraction, String message);
    }

    /** Runs work immediately on the calling thread: for view-model tests. */
    static TaskRunner direct() {
        return new TaskRunner() {
            @Override
            public <T> Handle run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onError,
                                  ProgressListener onProgress) {
                boolean[] cancelled = {false};
                Progress p = new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        if (onProgress != null) onProgress.progress(fraction, message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled[0];
                    }
                };
                try {
                    T result = work.call(p);
                    if (onDone != null) onDone.accept(result);
                } catch (Throwable e) {
                    if (onError != null) onError.accept(e); else throw new IllegalStateException(e);
                }
                return new Handle() {
                    @Override
                    public void cancel() {
                        cancelled[0] = true;
                    }

                    @Override
                    public boolean isDone() {
                        return true;
                    }
                };
            }
        };
    }
}
