package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.Source;
import se.halsolage.domain.Unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workbook behaviour on real SQLite files in a temporary folder; WorkbookTestOnPostgres runs the tests that are not
 * about files (locks, backups, SQLite's own checks) on a county workbook on PostgreSQL.
 */
class WorkbookTest {
    @TempDir
    Path dir;

    /** A new workbook address in this class's store (a file, or a schema on the test server). */
    Path workbook(String name) {
        return se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, name);
    }

    /** For tests of what only a .halsa file has (locks, backups, upgrades, SQLite's query plans). */
    void fileOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(se.halsolage.testing.Stores.of(getClass()) == se.halsolage.testing.Stores.SQLITE,
                "gäller bara .halsa-filer");
    }

    private static Indicator indicator(String id) {
        return new Indicator(id, "Test " + id, null, Unit.PERCENT, Direction.HIGHER_IS_BETTER, "test", true, null,
                Set.of(), null, null, null, null);
    }

    private static Source source(Workbook wb, String name) {
        return wb.sources().add(Source.newFile(name, "abc", "Blad1", "test", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void createReopenAndQueryASeriesInPeriodOrder() {
        Path file = workbook("a");
        try (Workbook wb = Workbook.create(file)) {
            wb.inTransaction(w -> {
                w.indicators().save(indicator("N1"));
                long src = source(w, "f.xlsx").id();
                w.observations().upsertAll(List.of(
                        Observation.ok("N1", "0780", Period.parse("2021"), Group.TOTALT, 80.5, 100, src, "R3C2"),
                        Observation.ok("N1", "0780", Period.parse("2019"), Group.TOTALT, 78.0, 90, src, "R2C2"),
                        Observation.withStatus("N1", "0780", Period.parse("2020"), Group.TOTALT, ObservationStatus.SUPPRESSED, "..", src, "R4C2")));
            });
        }
        try (Workbook wb = Workbook.open(file)) {
            List<Observation> s = wb.observations().series("N1", "0780", Group.TOTALT);
            assertThat(s).extracting(o -> o.period().label()).containsExactly("2019", "2020", "2021");
            assertThat(s.get(1).status()).isEqualTo(ObservationStatus.SUPPRESSED);
            assertThat(s.get(1).value()).isNull();
            assertThat(s.get(1).marker()).isEqualTo("..");
            assertThat(s.get(2).value()).isEqualTo(80.5);
            assertThat(s.get(2).n()).isEqualTo(100);
            assertThat(wb.migrationBackup()).isNull();
        }
    }

    @Test
    void schoolYearsAndRollingPeriodsSortByEndYear() {
        Path file = workbook("p");
        try (Workbook wb = Workbook.create(file)) {
            wb.inTransaction(w -> {
                w.indicators().save(indicator("N1"));
                long src = source(w, "f.csv").id();
                w.observations().upsertAll(List.of(
                        Observation.ok("N1", "0780", Period.parse("2021–2024"), Group.TOTALT, 3, null, src, null),
                        Observation.ok("N1", "0780", Period.parse("2023/24"), Group.TOTALT, 2, null, src, null),
                        Observation.ok("N1", "0780", Period.parse("2022"), Group.TOTALT, 1, null, src, null)));
            });
            assertThat(wb.observations().series("N1", "0780", Group.TOTALT)).extracting(o -> o.period().label())
                    .containsExactly("2022", "2021–2024", "2023/24");
        }
    }

    @Test
    void reimportUpdatesInsteadOfDuplicating() {
        try (Workbook wb = Workbook.create(workbook("r"))) {
            wb.inTransaction(w -> w.indicators().save(indicator("N1")));
            long s1 = wb.transaction(w -> source(w, "a").id());
            var first = wb.transaction(w -> w.observations().upsertAll(List.of(
                    Observation.ok("N1", "0780", Period.year(2020), Group.KVINNOR, 50, null, s1, null),
                    Observation.ok("N1", "0780", Period.year(2021), Group.KVINNOR, 51, null, s1, null))));
            assertThat(first.added()).isEqualTo(2);
            var second = wb.transaction(w -> w.observations().upsertAll(List.of(
                    Observation.ok("N1", "0780", Period.year(2020), Group.KVINNOR, 50, null, s1, null),
                    Observation.ok("N1", "0780", Period.year(2021), Group.KVINNOR, 52, null, s1, null))));
            assertThat(second).isEqualTo(new ObservationRepository.UpsertCounts(0, 1, 1));
            assertThat(wb.observations().count()).isEqualTo(2);
            assertThat(wb.observations().series("N1", "0780", Group.KVINNOR).get(1).value()).isEqualTo(52.0);
        }
    }

    @Test
    void deletingASourceRemovesExactlyItsObservations() {
        try (Workbook wb = Workbook.create(workbook("d"))) {
            long[] ids = wb.transaction(w -> {
                w.indicators().save(indicator("N1"));
                long a = source(w, "a").id();
                long b = source(w, "b").id();
                w.observations().upsertAll(List.of(
                        Observation.ok("N1", "0780", Period.year(2020), Group.TOTALT, 1, null, a, null),
                        Observation.ok("N1", "0780", Period.year(2021), Group.TOTALT, 2, null, a, null),
                        Observation.ok("N1", "0781", Period.year(2021), Group.TOTALT, 3, null, b, null)));
                return new long[]{a, b};
            });
            long removed = wb.transaction(w -> w.sources().delete(ids[0]));
            assertThat(removed).isEqualTo(2);
            assertThat(wb.observations().count()).isEqualTo(1);
            assertThat(wb.observations().forSource(ids[1])).hasSize(1);
            assertThat(wb.sources().get(ids[0])).isEmpty();
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Workbook wb = Workbook.create(workbook("t"))) {
            wb.inTransaction(w -> w.indicators().save(indicator("N1")));
            assertThatThrownBy(() -> wb.inTransaction(w -> {
                long s = source(w, "x").id();
                w.observations().upsert(Observation.ok("N1", "0780", Period.year(2020), Group.TOTALT, 1, null, s, null));
                throw new IllegalStateException("avbrutet");
            })).hasMessage("avbrutet");
            assertThat(wb.observations().count()).isZero();
            assertThat(wb.sources().all()).isEmpty();
        }
    }

    @Test
    void writesOutsideATransactionAreRefused() {
        try (Workbook wb = Workbook.create(workbook("w"))) {
            assertThatThrownBy(() -> wb.indicators().save(indicator("N1"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void seriesQueriesUseTheIndex() {
        fileOnly();
        try (Workbook wb = Workbook.create(dir.resolve("i.halsa"))) {
            String plan = wb.withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("EXPLAIN QUERY PLAN SELECT * FROM observations "
                        + "WHERE indicator_id='N1' AND area_id='0780' AND grp='Totalt' ORDER BY end_year, start_year, period")) {
                    StringBuilder sb = new StringBuilder();
                    while (rs.next()) sb.append(rs.getString("detail")).append('\n');
                    return sb.toString();
                }
            });
            // Schema 40: the clustered key (indicator, area, group, period) of obs finds the series; only its own
            // few periods are sorted by year (no index just for the order: it cost a third of every import).
            assertThat(plan).contains("USING PRIMARY KEY (ind=? AND area=? AND grp=?)").doesNotContain("SCAN");
            String all = wb.withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("EXPLAIN QUERY PLAN SELECT * FROM observations "
                        + "WHERE indicator_id='N1' ORDER BY area_id, grp, end_year, start_year, period")) {
                    StringBuilder sb = new StringBuilder();
                    while (rs.next()) sb.append(rs.getString("detail")).append('\n');
                    return sb.toString();
                }
            });
            assertThat(all).as("one indicator for all areas: read in key order, periods sorted within each area and group")
                    .contains("USING PRIMARY KEY (ind=?)").doesNotContain("SCAN");
        }
    }

    @Test
    void anOlderSchemaIsMigratedAfterABackupCopy() throws Exception {
        fileOnly();
        Path file = dir.resolve("old.halsa");
        Workbook.createAtVersion(file, "1");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("INSERT INTO settings VALUES ('municipality', '0780')");
            st.execute("INSERT INTO indicators(id, title, unit, direction) VALUES ('N1', 'Gammalt', 'percent', 'higher')");
        }
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.migrationBackup()).isNotNull();
            assertThat(Files.exists(wb.migrationBackup())).isTrue();
            assertThat(wb.migrationBackup().getParent()).isEqualTo(Workbook.backupFolder(file));
            assertThat(wb.migrationBackup().getFileName().toString()).contains("fore-uppgradering-v1");
            assertThat(Integer.parseInt(wb.schemaVersion())).isGreaterThanOrEqualTo(2);
            assertThat(wb.settings().get("municipality")).contains("0780");
            assertThat(wb.indicators().get("N1")).isPresent();
            assertThat(wb.integrityCheck()).isEqualTo("ok");
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + Workbook.backupFolder(file).toFile().listFiles()[0]);
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pragma_table_info('indicators') WHERE name = 'user_edited'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the backup is the file as it was before the upgrade").isZero();
        }
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.migrationBackup()).as("no second backup when nothing is migrated").isNull();
        }
    }

    @Test
    void aForeignSqliteDatabaseIsRefused() throws Exception {
        fileOnly();
        Path file = dir.resolve("other.halsa");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("CREATE TABLE customers(id)");
        }
        assertThatThrownBy(() -> Workbook.open(file)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("ingen Hälsoläge-arbetsbok");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedClearly() throws Exception {
        fileOnly();
        Path text = dir.resolve("notes.halsa");
        Files.writeString(text, "hej");
        assertThatThrownBy(() -> Workbook.open(text)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("notes.halsa").hasMessageContaining("ingen Hälsoläge-arbetsbok");
        Path empty = dir.resolve("empty.halsa");
        Files.createFile(empty);
        assertThatThrownBy(() -> Workbook.open(empty)).isInstanceOf(WorkbookException.class).hasMessageContaining("tom");
        assertThatThrownBy(() -> Workbook.open(dir.resolve("missing.halsa"))).hasMessageContaining("finns inte");
    }

    @Test
    void areasResolveByCodeAndByTheNamesPeopleWrite() {
        try (Workbook wb = Workbook.create(workbook("areas"))) {
            wb.inTransaction(w -> {
                w.areas().save(new se.halsolage.domain.Area("0000", "Riket", se.halsolage.domain.AreaKind.RIKET, null, null));
                w.areas().save(new se.halsolage.domain.Area("0007", "Region Kronoberg", se.halsolage.domain.AreaKind.REGION, "0000", "07"));
                w.areas().save(new se.halsolage.domain.Area("0764", "Alvesta", se.halsolage.domain.AreaKind.MUNICIPALITY, "0007", "07"));
                w.areas().save(new se.halsolage.domain.Area("0780", "Växjö", se.halsolage.domain.AreaKind.MUNICIPALITY, "0007", "07"));
                w.areas().save(new se.halsolage.domain.Area("1490", "Borås", se.halsolage.domain.AreaKind.MUNICIPALITY, "0014", "14"));
            });
            List<String> found = new ArrayList<>();
            for (String q : List.of("0764", "764", "Växjö", "Växjö kommun", "VÄXJÖ", " växjö ", "Region Kronoberg", "Riket",
                    "Samtliga deltagande skolor", "Borås kommun", "Borås")) {
                found.add(wb.areas().resolve(q).map(se.halsolage.domain.Area::id).orElse("?"));
            }
            assertThat(found).containsExactly("0764", "0764", "0780", "0780", "0780", "0780", "0007", "0000", "0000", "1490", "1490");
            assertThat(wb.areas().resolve("Atlantis")).isEmpty();
        }
    }

    @Test
    void aSecondWriterIsRefusedButMayReadAndTheLockGoesWithTheFirst() {
        fileOnly();
        Path file = dir.resolve("two.halsa");
        try (Workbook first = Workbook.create(file)) {
            first.inTransaction(w -> w.settings().set("plan_year", "2026"));
            assertThatThrownBy(() -> Workbook.open(file)).isInstanceOf(WorkbookBusyException.class)
                    .hasMessageContaining("redan öppen");
            try (Workbook reader = Workbook.openReadOnly(file)) {
                assertThat(reader.isReadOnly()).isTrue();
                assertThat(reader.settings().get("plan_year")).contains("2026");
                assertThatThrownBy(() -> reader.inTransaction(w -> w.settings().set("plan_year", "2027")))
                        .isInstanceOf(WorkbookException.class).hasMessageContaining("skrivskyddad");
            }
            first.inTransaction(w -> w.settings().set("plan_year", "2027"));
        }
        try (Workbook again = Workbook.open(file)) {
            assertThat(again.settings().get("plan_year")).contains("2027");
        }
        assertThat(Files.exists(WriterLock.lockFileFor(file.toAbsolutePath()))).isFalse();
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstHoldsTheWorkbook() throws Exception {
        fileOnly();
        Path file = dir.resolve("proc.halsa");
        try (Workbook wb = Workbook.create(file)) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // a command that writes is refused, and told which process holds the workbook
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    "se.halsolage.Main", "import", "--list-recipes", "--workbook", file.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isEqualTo(1);
            assertThat(output).contains("redan öppen").contains("process " + ProcessHandle.current().pid());
            // one that only reads goes ahead, reading the writer's -wal as it is
            Process r = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    "se.halsolage.Main", "info", file.toString()).redirectErrorStream(true).start();
            String read = new String(r.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(r.waitFor()).as(read).isZero();
            assertThat(read).contains("Schemaversion:");
        }
    }

    @Test
    void backupsRollAndARestoreBringsBackTheOldStateAndCanItselfBeUndone() throws Exception {
        fileOnly();
        Path file = dir.resolve("b.halsa");
        Path first;
        try (Workbook wb = Workbook.create(file)) {
            wb.inTransaction(w -> w.settings().set("plan_year", "2025"));
            first = wb.backup("fore-import");
            wb.inTransaction(w -> w.settings().set("plan_year", "2026"));
            for (int i = 0; i < Backups.KEEP + 3; i++) wb.backup("fore-import");
        }
        List<Path> all = Backups.list(file);
        assertThat(all).hasSize(Backups.KEEP).doesNotContain(first);
        Path keep;
        try (Workbook wb = Workbook.open(file)) {
            keep = wb.backup("fore-radering");
            wb.inTransaction(w -> w.settings().set("plan_year", "2030"));
        }
        Path undo = Backups.restore(file, keep);
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.settings().get("plan_year")).contains("2026");
            assertThat(wb.integrityCheck()).isEqualTo("ok");
        }
        Backups.restore(file, undo);
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.settings().get("plan_year")).contains("2030");
        }
    }
}
