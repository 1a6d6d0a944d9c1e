package se.halsolage.kolada;

/**
 * At most {@code perSecond} request starts per second: each start is at least 1/perSecond after the
 * previous one. Thread-safe; waits through the injected clock.
 */
public final class RateLimiter {
    private final KoladaClock clock;
    private final long intervalNanos;
    private long nextFree;
    private boolean first = true;

    public RateLimiter(double perSecond, KoladaClock clock) {
        if (perSecond <= 0) throw new IllegalArgumentException("perSecond must be > 0");
        this.clock = clock;
        this.intervalNanos = (long) Math.ceil(1_000_000_000L / perSecond);
    }

    public long intervalNanos() {
        return intervalNanos;
    }

    /** Waits (if needed) until a request may start; returns how long it waited in nanoseconds. */
    public long acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            if (first) {
                first = false;
                nextFree = now;
            }
            long start = Math.max(now, nextFree);
            wait = start - now;
            nextFree = start + intervalNanos;
        }
        if (wait > 0) clock.sleep(wait);
        return wait;
    }
}
