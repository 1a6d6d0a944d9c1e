package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.cli.Cli;
import se.halsolage.testing.SharedFiles;
import se.halsolage.testing.Stores;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving a workbook between the two stores (issue 22): a .halsa file with a real import to PostgreSQL and back,
 * every row of every table equal at each step (values, sources, provenance cell by cell, plan, undo log).
 */
class WorkbookCopyTest {
    @TempDir
    Path dir;

    @Test
    void fileToPostgresAndBackKeepsEveryRow() {
        Path pg = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        Path file = dir.resolve("kommun.halsa");
        assertThat(Cli.run(new Main(), "demo", "--out", file.toString())).isZero();
        Path csv = SharedFiles.fixture("skolverket-grundskola-elever-per-arskurs-2023.csv");
        assertThat(Cli.run(new Main(), "import", "--workbook", file.toString(), csv.toString())).isZero();

        Map<String, List<String>> original;
        String digest;
        try (Workbook wb = Workbook.openReadOnly(file)) {
            original = WorkbookCopy.rows(wb);
            digest = wb.contentDigest();
        }
        // the demo's 5 348 values and the Skolverket table's 69 975 (as the import reported them on SQLite)
        assertThat(original.get("obs")).hasSize(5_348 + 69_975);
        assertThat(original.get("import_undo")).isNotNull();
        assertThat(original.get("sources")).hasSize(3);

        WorkbookCopy.Result there = WorkbookCopy.copy(file, pg);
        assertThat(there.rows().get("obs")).isEqualTo(75_323L);
        try (Workbook wb = Workbook.openReadOnly(pg)) {
            assertThat(wb.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(WorkbookCopy.rows(wb)).isEqualTo(original);
            // provenance survives: a cell of the CSV, as the import stored it
            assertThat(wb.observations().count()).isEqualTo(75_323);
        }

        Path back = dir.resolve("tillbaka.halsa");
        WorkbookCopy.copy(pg, back);
        try (Workbook wb = Workbook.openReadOnly(back)) {
            assertThat(WorkbookCopy.rows(wb)).isEqualTo(original);
            assertThat(wb.contentDigest()).isEqualTo(digest);
        }
        // the copy on the server takes new rows after the copied ids (identity columns follow the copied keys)
        try (Workbook wb = Workbook.open(pg)) {
            long id = wb.transaction(w -> w.sources().add(se.halsolage.domain.Source.newFile("ny.csv", "x", null, "test",
                    java.time.Instant.parse("2026-01-01T00:00:00Z"))).id());
            assertThat(id).isEqualTo(4);
        }
    }

    @Test
    void anExistingTargetIsRefusedAndLeftAsItWas() {
        Path pg = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        Path file = dir.resolve("kommun.halsa");
        assertThat(Cli.run(new Main(), "demo", "--out", file.toString())).isZero();
        WorkbookCopy.copy(file, pg);
        String before;
        try (Workbook wb = Workbook.openReadOnly(pg)) {
            before = WorkbookCopy.rows(wb).toString();
        }
        assertThatThrownBy(() -> WorkbookCopy.copy(file, pg)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("Det finns redan en länsarbetsbok");
        try (Workbook wb = Workbook.openReadOnly(pg)) {
            assertThat(WorkbookCopy.rows(wb).toString()).isEqualTo(before);
        }
        assertThatThrownBy(() -> WorkbookCopy.copy(pg, file)).isInstanceOf(WorkbookException.class)
                .hasMessageContaining("Filen finns redan");
    }

    @Test
    void aPasswordInTheAddressIsRefused() {
        assertThatThrownBy(() -> PostgresStore.parse("postgresql://db.region.se/halsa?user=anna&password=hemligt"))
                .isInstanceOf(WorkbookException.class).hasMessageContaining("Skriv inte lösenordet i adressen")
                .hasMessageNotContaining("hemligt");
        PostgresStore s = PostgresStore.parse("postgresql://db.region.se:5433/halsa?user=anna&schema=kronoberg");
        assertThat(s.address()).isEqualTo("postgresql://db.region.se:5433/halsa?user=anna&schema=kronoberg");
        // as the command line hands it over (a Path folds the double slash)
        assertThat(PostgresStore.is(Path.of(s.address()))).isTrue();
        assertThat(PostgresStore.of(Path.of(s.address()))).isEqualTo(s);
    }
}
