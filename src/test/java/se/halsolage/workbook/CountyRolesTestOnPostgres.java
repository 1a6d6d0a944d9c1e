package se.halsolage.workbook;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.testing.Stores;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roles and row-level security on a county workbook (issue 22, point 3): two coordinator roles, Växjö (0780) and
 * Ljungby (0781), mapped in {@code coordinators}, with the GRANTs of docs/postgresql.md. Each sees and changes only
 * its own municipality's initiatives (and their links), both read all shared data. Needs a test role with
 * CREATEROLE ({@code .ci/run} grants it); skipped with one line without it or without a server.
 */
class CountyRolesTestOnPostgres {
    @TempDir
    Path dir;

    private static Initiative named(String name) {
        return new Initiative(0, name, null, InitiativeKind.FRAMJANDE, null, Set.of(), Set.of(), List.of(), null,
                List.of(), null, null, InitiativeStatus.PAGAENDE, null, null, Map.of(), null);
    }

    @Test
    void eachCoordinatorSeesOnlyTheirOwnInitiativesAndAllSharedData() throws Exception {
        Path f = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        PostgresStore store = PostgresStore.parse(f.toString());
        String suffix = Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        String vaxjo = "coord_vaxjo_" + suffix, ljungby = "coord_ljungby_" + suffix;
        long vId, lId, observations;
        try (Workbook wb = DemoWorkbook.build(f)) {
            vId = wb.transaction(w -> w.initiatives().save(named("Trygg i Växjös skolor"))).id();
            lId = wb.transaction(w -> w.initiatives().save(named("Rörelse i Ljungby"))).id();
            observations = wb.observations().count();
        }
        assertThat(observations).isPositive();
        try (Connection owner = store.connect(); Statement st = owner.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    String why = "Hoppar över rolltestet: testrollen får inte skapa roller (ALTER ROLE … CREATEROLE, se .ci/run).";
                    System.err.println(why);
                    Assumptions.abort(why);
                }
            }
            // the demo's own initiatives and Växjö's are Växjö's plan; one is Ljungby's
            st.executeUpdate("UPDATE initiatives SET municipality_id = '0780'");
            st.executeUpdate("UPDATE initiatives SET municipality_id = '0781' WHERE id = " + lId);
            try {
                for (String[] r : new String[][]{{vaxjo, "0780"}, {ljungby, "0781"}}) {
                    // the GRANTs of docs/postgresql.md, for one coordinator
                    st.execute("CREATE ROLE " + r[0] + " NOLOGIN");
                    st.execute("GRANT " + r[0] + " TO CURRENT_USER");
                    st.execute("GRANT USAGE ON SCHEMA " + store.schema() + " TO " + r[0]);
                    st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + store.schema() + " TO " + r[0]);
                    st.execute("GRANT INSERT, UPDATE, DELETE ON initiatives, initiative_indicators, initiative_malomraden, "
                            + "initiative_target_groups, initiative_partners, initiative_notes TO " + r[0]);
                    st.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + store.schema() + " TO " + r[0]);
                    st.execute("INSERT INTO coordinators(role_name, municipality_id) VALUES ('" + r[0] + "', '" + r[1] + "')");
                }
                st.executeUpdate("INSERT INTO initiative_partners VALUES (" + lId + ", 0, 'Ljungbys partner')");

                try (Connection c = store.connect(); Statement s = c.createStatement()) {
                    s.execute("SET ROLE " + vaxjo);
                    List<Long> ids = longs(s, "SELECT id FROM initiatives ORDER BY id");
                    assertThat(ids).contains(vId).doesNotContain(lId);
                    assertThat(longs(s, "SELECT count(*) FROM initiative_partners WHERE initiative_id = " + lId)).containsExactly(0L);
                    assertThat(longs(s, "SELECT count(*) FROM observations")).containsExactly(observations);
                    assertThat(s.executeUpdate("UPDATE initiatives SET name = 'Kapad' WHERE id = " + lId)).isZero();
                    assertThat(s.executeUpdate("DELETE FROM initiatives WHERE id = " + lId)).isZero();
                    // a new initiative is the coordinator's municipality's without saying so…
                    s.executeUpdate("INSERT INTO initiatives(name, kind, status) VALUES ('Ny i Växjö', 'FRAMJANDE', 'PAGAENDE')");
                    try (ResultSet rs = s.executeQuery("SELECT municipality_id FROM initiatives WHERE name = 'Ny i Växjö'")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("0780");
                    }
                    // …and cannot be put in another's plan
                    assertThatThrownBy(() -> s.executeUpdate("INSERT INTO initiatives(name, kind, status, municipality_id) "
                            + "VALUES ('Smuggel', 'FRAMJANDE', 'PAGAENDE', '0781')"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
                    // shared data is read-only for a coordinator
                    assertThatThrownBy(() -> s.executeUpdate("UPDATE indicators SET title = 'x'")).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                }
                try (Connection c = store.connect(); Statement s = c.createStatement()) {
                    s.execute("SET ROLE " + ljungby);
                    assertThat(longs(s, "SELECT id FROM initiatives")).containsExactly(lId);
                    assertThat(longs(s, "SELECT count(*) FROM initiative_partners WHERE initiative_id = " + lId)).containsExactly(1L);
                    assertThat(longs(s, "SELECT count(*) FROM observations")).containsExactly(observations);
                }
                // the program itself, connected as each coordinator (the role set at connection start), sees only
                // that municipality's initiatives, and both generate their plans at the same time
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    List<java.util.concurrent.Future<String[]>> done = new ArrayList<>();
                    for (String role : List.of(vaxjo, ljungby)) {
                        done.add(pool.submit(() -> {
                            Path as = Path.of(f + "&options=-c%20role%3D" + role);
                            Path out = dir.resolve(role + ".docx");
                            String names;
                            try (Workbook wb = Workbook.openReadOnly(as)) {
                                names = String.join("|", wb.initiatives().all().stream().map(Initiative::name).toList());
                                start.await(30, java.util.concurrent.TimeUnit.SECONDS);
                                se.halsolage.report.ReportService rs = new se.halsolage.report.ReportService(wb);
                                rs.generate(rs.defaultOptions().withDate(java.time.LocalDate.of(2026, 1, 20)), out, (x, m) -> { }, () -> false);
                            }
                            try (java.io.InputStream in = java.nio.file.Files.newInputStream(out);
                                 org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
                                 org.apache.poi.xwpf.extractor.XWPFWordExtractor ex = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
                                return new String[]{names, ex.getText()};
                            }
                        }));
                    }
                    String[] v = done.get(0).get(5, java.util.concurrent.TimeUnit.MINUTES);
                    String[] l = done.get(1).get(5, java.util.concurrent.TimeUnit.MINUTES);
                    assertThat(v[0]).contains("Trygg i Växjös skolor").doesNotContain("Rörelse i Ljungby");
                    assertThat(l[0]).isEqualTo("Rörelse i Ljungby");
                    assertThat(v[1]).contains("Trygg i Växjös skolor").doesNotContain("Rörelse i Ljungby");
                    assertThat(l[1]).contains("Rörelse i Ljungby").doesNotContain("Trygg i Växjös skolor");
                } finally {
                    pool.shutdownNow();
                }
                // the owner (analyst) still sees both plans, and Ljungby's initiative is untouched
                try (ResultSet rs = st.executeQuery("SELECT name FROM initiatives WHERE id = " + lId)) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("Rörelse i Ljungby");
                }
            } finally {
                for (String r : List.of(vaxjo, ljungby)) {
                    try {
                        st.execute("DROP OWNED BY " + r);
                        st.execute("DROP ROLE " + r);
                    } catch (SQLException ignored) {
                        // the role was not created
                    }
                }
            }
        }
    }

    private static List<Long> longs(Statement s, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }
}
