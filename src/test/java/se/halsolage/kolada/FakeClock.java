package se.halsolage.kolada;

import java.util.ArrayList;
import java.util.List;

/** A clock whose sleeps only move time forward and are recorded; no test waits for real. */
final class FakeClock implements KoladaClock {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(long nanos) {
        sleeps.add(nanos);
        now += nanos;
    }

    synchronized long totalSleptMillis() {
        return sleeps.stream().mapToLong(Long::longValue).sum() / 1_000_000L;
    }
}
