package se.halsolage.kolada;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The limiter's arithmetic with an injected clock; nothing waits for real. */
class RateLimiterTest {
    @Test
    void burstOfSixStartsIsSpreadTo200MsApart() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            limiter.acquire();
            starts.add(clock.nanoTime());
        }
        long t0 = starts.get(0);
        assertThat(starts.stream().map(t -> (t - t0) / 1_000_000L).toList()).containsExactly(0L, 200L, 400L, 600L, 800L, 1000L);
        // never more than 5 starts inside any one-second window
        for (int i = 0; i + 5 < starts.size(); i++) {
            assertThat(starts.get(i + 5) - starts.get(i)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void noWaitAfterAPauseLongerThanTheInterval() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        assertThat(limiter.acquire()).isZero();
        clock.now += 300_000_000L; // 300 ms of other work
        assertThat(limiter.acquire()).isZero();
        clock.now += 50_000_000L; // only 50 ms later: must wait the remaining 150 ms
        assertThat(limiter.acquire()).isEqualTo(150_000_000L);
    }

    @Test
    void clientNeverAsksForMoreThanFivePerSecond() {
        KoladaClient c = KoladaClient.builder().requestsPerSecond(50).build();
        assertThat(c).isNotNull();
        assertThat(new RateLimiter(5, new FakeClock()).intervalNanos()).isEqualTo(200_000_000L);
    }
}
