package se.halsolage.kolada;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set by the user (a Cancel button, Ctrl-C) to stop a running fetch; nothing is written then. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link KoladaException} of kind CANCELLED when cancelled. */
    public void check() {
        if (isCancelled()) throw KoladaException.cancelled();
    }

    /** A token nobody cancels. */
    public static CancelToken none() {
        return new CancelToken();
    }
}
