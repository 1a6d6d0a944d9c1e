package se.halsolage.importer;

/** A small open-addressing set of longs (key hashes), so duplicate checks stay cheap on large files. */
final class LongHashSet {
    private long[] table = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    /** Adds; returns false when it was already there. */
    boolean add(long v) {
        if (size * 2 >= table.length) grow();
        int mask = table.length - 1;
        int i = (int) (mix(v) & mask);
        while (used[i]) {
            if (table[i] == v) return false;
            i = (i + 1) & mask;
        }
        used[i] = true;
        table[i] = v;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] ot = table;
        boolean[] ou = used;
        table = new long[ot.length * 2];
        used = new boolean[ot.length * 2];
        size = 0;
        for (int i = 0; i < ot.length; i++) if (ou[i]) add(ot[i]);
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** A 64-bit FNV-1a hash of a string. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
