package se.halsolage.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.testing.SharedFiles;
import se.halsolage.testing.Stores;
import se.halsolage.workbook.PostgresStore;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a county workbook (issue 22), as an analyst types it: the address wherever a file goes; a
 * workbook is never replaced without --force, and --force swaps the whole new one in; copy to a file and back.
 */
class CountyWorkbookCliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(new Main(), args);
    }

    @Test
    void demoImportUndoReplaceAndCopyOnAnAddress() {
        String address = PostgresStore.of(Stores.POSTGRESQL.newWorkbook(dir, "lan")).address();
        assertThat(run("demo", "--out", address)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exempelarbetsboken skapad: " + address);
        assertThat(run("info", address)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Arbetsbok:\t" + address).contains("Värden:\t5\u00a0348");

        // not over an existing workbook without --force; nothing changed
        assertThat(run("demo", "--out", address)).isEqualTo(Cli.USER_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Det finns redan en länsarbetsbok").contains("--force");

        Path csv = SharedFiles.fixture("skolverket-grundskola-elever-per-arskurs-2023.csv");
        assertThat(run("import", "--workbook", address, csv.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("Tillagda: 69.975,");
        assertThat(run("series", address, "--indicator", "N15643", "--area", "0000")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2013\tTotalt\t");

        // --force builds the new workbook beside the old one and swaps it in: the import is gone
        assertThat(run("demo", "--out", address, "--force")).isZero();
        try (Workbook wb = Workbook.openReadOnly(Path.of(address))) {
            assertThat(wb.observations().count()).isEqualTo(5_348);
            assertThat(wb.imports().last()).isEmpty();
        }

        Path file = dir.resolve("kopia.halsa");
        assertThat(run("workbook", "copy", "--from", address, "--to", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("varav 5.348 värden och 2 källor").contains("jämförd med originalet");
        assertThat(run("info", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Värden:\t5\u00a0348").contains("Skick:\tok");
    }
}
