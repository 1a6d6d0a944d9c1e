package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema V40: observations stored with integer keys and provenance once per source and sheet (issue 18). */
class CompactStorageTest {
    @TempDir
    Path dir;

    private static final String ALL = "SELECT indicator_id, area_id, period, start_year, end_year, grp, quote(value), n, "
            + "quote(ci_low), quote(ci_high), status, marker, source_id, location FROM observations ORDER BY 1, 2, 6, 3";

    /** Locations of every shape seen, and the awkward ones: each must come back exactly. */
    private static final String[] LOCATIONS = {
            "Resultat elever åk 8 2022!KR42", "Blad1!A1", "Blad1!ZZZ1048576", "Könsuppdelat resultat!B7",
            "Blad1!R12C5", "Blad1!A01", "Blad1!ABCD3", "AB!C3", "!A1", "Blad1!", "Blad1!12", "Blad1!a1",
            "https://api.kolada.se/v3/data/kpi/N00945/year/2020,2021?page=2", "tabell.px", "",
            "Blad!A1234567890", "x!Å1"};

    @Test
    void aLocationIsSplitIntoSheetAndCellOnlyWhenItComesBackUnchanged() {
        assertThat(ObservationStore.split("Resultat elever åk 8 2022!KR42"))
                .isEqualTo(new ObservationStore.Split("Resultat elever åk 8 2022!", "KR", 42));
        assertThat(ObservationStore.split("Blad1!A01")).isEqualTo(new ObservationStore.Split("Blad1!A01", null, null));
        assertThat(ObservationStore.split("Blad1!R12C5").col()).isNull();
        assertThat(ObservationStore.split(null)).isEqualTo(new ObservationStore.Split(null, null, null));
        for (String l : LOCATIONS) assertThat(ObservationStore.split(l).location()).isEqualTo(l);
    }

    @Test
    void anOldWorkbookMigratesWithABackupAndEveryValueEqual() throws Exception {
        Path file = dir.resolve("gammal.halsa");
        Workbook.createAtVersion(file, "20");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 12; i++) {
                st.execute("INSERT INTO indicators(id, title, unit, direction) VALUES ('SKOLENK-" + i
                        + "-Jag känner mig trygg i skolan', 'Trygg " + i + "', 'percent', 'higher')");
            }
            st.execute("INSERT INTO sources(id, kind, name, sheet, imported_at) VALUES (1, 'FILE', 'a.xlsx', 'Blad1', '2026-01-01T00:00:00Z')");
            st.execute("INSERT INTO sources(id, kind, name, imported_at, request) VALUES (2, 'KOLADA', 'Kolada', '2026-01-01T00:00:00Z', 'u')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO observations(indicator_id, area_id, period, start_year, "
                    + "end_year, grp, value, n, ci_low, ci_high, status, marker, source_id, location) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                String[] groups = {"Totalt", "Flickor", "Pojkar", "Annat kön"};
                String[] statuses = {"ok", "suppressed", "missing", "not_applicable"};
                int row = 0;
                for (int i = 0; i < 12; i++) {
                    for (int a = 0; a < 40; a++) {
                        for (String g : groups) {
                            for (int y = 2016; y <= 2023; y++) {
                                row++;
                                String status = statuses[row % 7 == 0 ? 1 : row % 11 == 0 ? 2 : row % 13 == 0 ? 3 : 0];
                                boolean schoolYear = y % 2 == 0;
                                ps.setString(1, "SKOLENK-" + i + "-Jag känner mig trygg i skolan");
                                ps.setString(2, a == 0 ? "0780" : "0780-S" + a);
                                ps.setString(3, schoolYear ? y + "/" + String.valueOf(y + 1).substring(2) : String.valueOf(y));
                                ps.setInt(4, y);
                                ps.setInt(5, schoolYear ? y + 1 : y);
                                ps.setString(6, g);
                                if (status.equals("ok")) ps.setDouble(7, row % 3 == 0 ? row : row / 7.0); else ps.setNull(7, java.sql.Types.REAL);
                                if (row % 5 == 0) ps.setInt(8, row % 400); else ps.setNull(8, java.sql.Types.INTEGER);
                                if (row % 17 == 0 && status.equals("ok")) {
                                    ps.setDouble(9, row / 7.0 - 1.25);
                                    ps.setDouble(10, row / 7.0 + 1.25);
                                } else {
                                    ps.setNull(9, java.sql.Types.REAL);
                                    ps.setNull(10, java.sql.Types.REAL);
                                }
                                ps.setString(11, status);
                                ps.setString(12, status.equals("suppressed") ? (row % 2 == 0 ? ".." : "*") : null);
                                boolean kolada = i == 11;
                                ps.setLong(13, kolada ? 2 : 1);
                                String loc = kolada ? "https://api.kolada.se/v3/data/kpi/N" + i + "?page=" + (a % 3)
                                        : row % 19 == 0 ? LOCATIONS[row % LOCATIONS.length]
                                        : row % 23 == 0 ? null : "Blad1!" + (char) ('A' + a % 26) + (a >= 26 ? "B" : "") + (row % 900 + 1);
                                ps.setString(14, loc);
                                ps.addBatch();
                            }
                        }
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        List<String> before = rows(file);
        assertThat(before).hasSize(12 * 40 * 4 * 8);
        assertThat(before).anyMatch(r -> r.contains("not_applicable")).anyMatch(r -> r.endsWith("|")) // a null location
                .anyMatch(r -> r.endsWith("|Blad1!A01")).anyMatch(r -> r.contains("kolada"));

        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.migrationBackup()).as("a copy of the file as it was").isNotNull();
            assertThat(wb.migrationBackup().getFileName().toString()).contains("fore-uppgradering-v20");
            assertThat(Integer.parseInt(wb.schemaVersion())).isGreaterThanOrEqualTo(40);
            assertThat(wb.observations().count()).isEqualTo(before.size());
            assertThat(wb.integrityCheck()).isEqualTo("ok");
            // reads decode obs with the cached key dictionaries; inside a transaction they go through the view:
            // both must give the same observations in the same order
            long total = 0;
            for (int i = 0; i < 12; i++) {
                String ind = "SKOLENK-" + i + "-Jag känner mig trygg i skolan";
                List<Observation> fast = wb.observations().forIndicator(ind);
                List<Observation> viaView = wb.transaction(w -> w.observations().forIndicator(ind));
                assertThat(fast).containsExactlyElementsOf(viaView);
                total += fast.size();
                for (Group g : List.of(Group.TOTALT, Group.FLICKOR, new Group("Annat kön"))) {
                    assertThat(wb.observations().seriesForAllAreas(ind, g))
                            .containsExactlyElementsOf(wb.transaction(w -> w.observations().seriesForAllAreas(ind, g)));
                }
                assertThat(wb.observations().series(ind, "0780-S7"))
                        .containsExactlyElementsOf(wb.transaction(w -> w.observations().series(ind, "0780-S7")));
                assertThat(wb.observations().series(ind, "0780", Group.POJKAR)).hasSize(8)
                        .containsExactlyElementsOf(wb.transaction(w -> w.observations().series(ind, "0780", Group.POJKAR)));
            }
            assertThat(total).isEqualTo(before.size());
            assertThat(wb.observations().series("SKOLENK-0-Jag känner mig trygg i skolan", "0780", Group.TOTALT).get(1).period())
                    .isEqualTo(new Period("2017", 2017, 2017));
        }
        assertThat(rows(file)).as("every value, status, marker, period, source and location equal after the migration")
                .containsExactlyElementsOf(before);
        Path backup = Workbook.backupFolder(file).toFile().listFiles()[0].toPath();
        assertThat(rows(backup)).containsExactlyElementsOf(before);
        assertThat(Files.size(file)).as("vacuumed after the rewrite: smaller than the old file")
                .isLessThan(Files.size(backup) / 2);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM obs_origin WHERE source_id = 1), "
                     + "(SELECT count(*) FROM obs WHERE col IS NOT NULL), (SELECT count(*) FROM obs_indicator)")) {
            rs.next();
            assertThat(rs.getInt(1)).as("sheet provenance stored once, plus the odd locations kept whole").isLessThan(30);
            assertThat(rs.getInt(2)).as("most values keep just a row and a column").isGreaterThan(before.size() / 2);
            assertThat(rs.getInt(3)).isEqualTo(12);
        }
    }

    @Test
    void upsertsDeletesAndUndoKeepTheOldBehaviour() throws Exception {
        Path file = dir.resolve("ny.halsa");
        try (Workbook wb = Workbook.create(file)) {
            long src = wb.transaction(w -> {
                w.indicators().save(indicator("N1"));
                w.indicators().save(indicator("N2"));
                return w.sources().add(source("a.xlsx")).id();
            });
            long other = wb.transaction(w -> w.sources().add(source("b.xlsx")).id());
            Period p = new Period("2021/22", 2021, 2022);
            Observation a = new Observation("N1", "0780", p, Group.FLICKOR, 71.5, 120, 66.0, 77.0, ObservationStatus.OK,
                    null, src, "Resultat!KR42");
            Observation b = Observation.withStatus("N2", "0780-S1", Period.year(2020), Group.TOTALT, ObservationStatus.SUPPRESSED,
                    "..", other, "https://api.kolada.se/v3/x?page=2");
            var first = wb.transaction(w -> w.observations().upsertAll(List.of(a, b)));
            assertThat(first).isEqualTo(new ObservationRepository.UpsertCounts(2, 0, 0));
            assertThat(wb.observations().series("N1", "0780", Group.FLICKOR)).containsExactly(a);
            assertThat(wb.observations().forSource(other)).containsExactly(b);
            var again = wb.transaction(w -> w.observations().upsertAll(List.of(a, b)));
            assertThat(again).isEqualTo(new ObservationRepository.UpsertCounts(0, 0, 2));
            Observation changed = new Observation("N1", "0780", p, Group.FLICKOR, 72.0, 120, 66.0, 77.0, ObservationStatus.OK,
                    null, other, "Blad2!C3");
            ObservationRepository.Change ch = wb.transaction(w -> w.observations().upsert(changed));
            assertThat(ch).isEqualTo(ObservationRepository.Change.UPDATED);
            assertThat(wb.observations().series("N1", "0780", Group.FLICKOR)).containsExactly(changed);
            assertThat(wb.sources().observationCount(other)).isEqualTo(2);
            assertThat(wb.sources().observationCount(src)).isZero();
            long deleted = wb.transaction(w -> w.sources().delete(other));
            assertThat(deleted).isEqualTo(2);
            assertThat(wb.observations().count()).isZero();
        }
        assertThat(Files.exists(file)).isTrue();
    }

    private static se.halsolage.domain.Indicator indicator(String id) {
        return new se.halsolage.domain.Indicator(id, "Test " + id, null, se.halsolage.domain.Unit.PERCENT,
                se.halsolage.domain.Direction.HIGHER_IS_BETTER, "test", true, null, java.util.Set.of(), null, null, null, null);
    }

    private static se.halsolage.domain.Source source(String name) {
        return se.halsolage.domain.Source.newFile(name, "abc", "Blad1", "test", java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static List<String> rows(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(ALL)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) sb.append('|');
                    Object v = rs.getObject(i);
                    sb.append(v == null ? "" : v.toString());
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
