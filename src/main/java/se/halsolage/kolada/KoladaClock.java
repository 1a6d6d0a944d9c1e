package se.halsolage.kolada;

/** Time and waiting, injectable so throttling and back-off can be tested without real sleeps. */
public interface KoladaClock {
    long nanoTime();

    void sleep(long nanos) throws InterruptedException;

    KoladaClock SYSTEM = new KoladaClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            if (nanos <= 0) return;
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    };
}
