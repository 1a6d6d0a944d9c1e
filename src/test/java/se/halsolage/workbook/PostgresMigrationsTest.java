package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.testing.Stores;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two stores keep one schema (issue 22): every SQLite migration from V41 on has a PostgreSQL twin with the
 * same version number in db/postgresql, and a new workbook has the same tables with the same columns in both.
 * When this fails after adding db/migration/V<n>__x.sql, write db/postgresql/V<n>__x.sql (see docs/architecture.md).
 */
class PostgresMigrationsTest {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path dir;

    private static TreeSet<Integer> versions(String folder) throws Exception {
        URL url = PostgresMigrationsTest.class.getClassLoader().getResource(folder);
        assertThat(url).as(folder).isNotNull();
        TreeSet<Integer> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            s.forEach(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) out.add(Integer.parseInt(m.group(1)));
            });
        }
        return out;
    }

    @Test
    void everySqliteMigrationFromV41OnHasAPostgresTwin() throws Exception {
        TreeSet<Integer> sqlite = versions("db/migration"), pg = versions("db/postgresql");
        assertThat(pg.first()).isEqualTo(41);
        assertThat(pg).containsExactlyElementsOf(sqlite.tailSet(41));
    }

    private static Map<String, List<String>> columns(Workbook wb) {
        return wb.withConnection(c -> {
            Map<String, List<String>> out = new TreeMap<>();
            for (String t : Workbook.contentTables(c, wb.dialect())) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\" WHERE 1 = 0")) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) cols.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                    out.put(t, cols);
                }
            }
            return out;
        });
    }

    @Test
    void aNewWorkbookHasTheSameTablesAndColumnsInBothStores() {
        Path pg = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        try (Workbook a = Workbook.create(Stores.SQLITE.newWorkbook(dir, "fil")); Workbook b = Workbook.create(pg)) {
            Map<String, List<String>> sqlite = columns(a);
            assertThat(sqlite).containsKeys("obs", "sources", "initiatives", "settings");
            assertThat(columns(b)).isEqualTo(sqlite);
            assertThat(b.schemaNumber()).isEqualTo(a.schemaNumber());
        }
    }
}
