package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Period;
import se.halsolage.domain.Source;
import se.halsolage.domain.Unit;
import se.halsolage.testing.Stores;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers on one county workbook at the same time (issue 22): each writes its own municipality's values with
 * the same new groups and periods (the key dictionaries both add to at once), both commit, nothing is lost; and a
 * writer's uncommitted values are invisible to a reader until its transaction commits.
 */
class ConcurrentWritersTest {
    @TempDir
    Path dir;

    private static Indicator indicator(String id) {
        return new Indicator(id, "Test " + id, null, Unit.PERCENT, Direction.HIGHER_IS_BETTER, "test", true, null,
                Set.of(), null, null, null, null);
    }

    private static List<Observation> values(String area, long source, int years) {
        List<Observation> list = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            for (Group g : List.of(Group.TOTALT, Group.of("Flickor"), Group.of("Pojkar"))) {
                list.add(Observation.ok("N1", area, Period.parse(String.valueOf(1900 + y)), g, y + 0.5, null, source, "Blad!B" + (y + 2)));
            }
        }
        return list;
    }

    @Test
    void twoWritersAtOnceBothCommitEverything() throws Exception {
        Path address = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        try (Workbook setup = Workbook.create(address)) {
            setup.inTransaction(w -> w.indicators().save(indicator("N1")));
        }
        int years = 120;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ObservationRepository.UpsertCounts>> done = new ArrayList<>();
            for (String area : List.of("0764", "0780")) {
                done.add(pool.submit(() -> {
                    try (Workbook wb = Workbook.open(address)) {
                        return wb.transaction(w -> {
                            long src = w.sources().add(Source.newFile(area + ".xlsx", area, "Blad", "test",
                                    Instant.parse("2026-01-01T00:00:00Z"))).id();
                            try {
                                start.await(30, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return w.observations().upsertAll(values(area, src, years));
                        });
                    }
                }));
            }
            for (Future<ObservationRepository.UpsertCounts> f : done) assertThat(f.get(60, TimeUnit.SECONDS).added()).isEqualTo(3 * years);
        } finally {
            pool.shutdownNow();
        }
        try (Workbook wb = Workbook.openReadOnly(address)) {
            assertThat(wb.observations().count()).isEqualTo(2L * 3 * years);
            assertThat(wb.observations().series("N1", "0764", Group.of("Flickor"))).hasSize(years);
            assertThat(wb.observations().series("N1", "0780", Group.TOTALT)).extracting(Observation::value)
                    .startsWith(0.5, 1.5, 2.5);
            // the shared keys were added once, whoever came first
            Map<String, List<String>> rows = WorkbookCopy.rows(wb);
            assertThat(rows.get("obs_group")).hasSize(3);
            assertThat(rows.get("obs_period")).hasSize(years);
        }
    }

    @Test
    void anImportIsInvisibleToOthersUntilItCommits() throws Exception {
        Path address = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        try (Workbook setup = Workbook.create(address)) {
            setup.inTransaction(w -> w.indicators().save(indicator("N1")));
        }
        CountDownLatch written = new CountDownLatch(1), looked = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Workbook reader = Workbook.openReadOnly(address)) {
            Future<?> writer = pool.submit(() -> {
                try (Workbook wb = Workbook.open(address)) {
                    wb.inTransaction(w -> {
                        long src = w.sources().add(Source.newFile("a.xlsx", "a", "Blad", "test", Instant.parse("2026-01-01T00:00:00Z"))).id();
                        w.observations().upsertAll(values("0764", src, 10));
                        written.countDown();
                        try {
                            looked.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                return null;
            });
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.observations().count()).isZero();
            assertThat(reader.sources().all()).isEmpty();
            looked.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertThat(reader.observations().count()).isEqualTo(30);
            assertThat(reader.observations().series("N1", "0764", Group.TOTALT)).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
