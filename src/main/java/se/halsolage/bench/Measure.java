package se.halsolage.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Timing helpers for the benchmark: median of repeated runs, after a warm-up. */
public final class Measure {
    private Measure() {
    }

    /** Milliseconds of one run. */
    public static double once(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Median milliseconds over {@code runs} runs after {@code warmup} unmeasured runs. */
    public static double median(int warmup, int runs, Runnable r) {
        for (int i = 0; i < warmup; i++) r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) t[i] = once(r);
        Arrays.sort(t);
        return runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    }

    /**
     * Median milliseconds of this thread's CPU time (user + system) over {@code runs} runs after {@code warmup}
     * unmeasured runs: what the work costs apart from waiting for the cores on a loaded machine (the wall time's
     * median says how long it took there). SQLite runs in the calling thread, so its work is counted too.
     */
    public static double medianCpu(int warmup, int runs, Runnable r) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) r.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            r.run();
            t[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(t);
        return runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    }

    public static <T> T timed(Supplier<T> s, double[] msOut) {
        long t0 = System.nanoTime();
        T v = s.get();
        msOut[0] = (System.nanoTime() - t0) / 1e6;
        return v;
    }

    /** Heap in use after a GC, in MB. */
    public static double usedHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1024.0 / 1024.0;
    }
}
