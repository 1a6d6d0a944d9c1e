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
