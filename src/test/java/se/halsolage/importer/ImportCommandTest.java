package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.cli.Cli;
import se.halsolage.demo.DemoWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI: a refused file exits 1 with file, sheet, row and column, and leaves the workbook byte-identical. */
class ImportCommandTest { // ImportCommandTestOnPostgres runs these on PostgreSQL
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(new Main(), args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Path demo() {
        Path wb = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "d");
        DemoWorkbook.build(wb).close();
        return wb;
    }

    @Test
    void aBrokenFileExitsOneAndTheWorkbookIsByteIdentical() throws Exception {
        Path wb = demo();
        String before = se.halsolage.testing.Stores.fingerprint(wb);
        Path bad = dir.resolve("trasig.csv");
        Files.writeString(bad, "Område;År;Nyckeltal;Värde\nVäxjö;2023;A;12\nVäxjö;2022;A;tolv\n", StandardCharsets.UTF_8);
        Result r = run("import", bad.toString(), "--workbook", wb.toString());
        assertThat(r.code()).isEqualTo(Cli.USER_ERROR);
        assertThat(r.err()).contains("trasig.csv").contains("blad \"trasig\"").contains("rad 3").contains("kolumn D")
                .contains("\"tolv\"");
        assertThat(se.halsolage.testing.Stores.fingerprint(wb)).isEqualTo(before);
    }

    @Test
    void dryRunPrintsCountsAndChangesNothing() throws Exception {
        Path wb = demo();
        String before = se.halsolage.testing.Stores.fingerprint(wb);
        Path ok = dir.resolve("bra.csv");
        Files.writeString(ok, "Område;År;Nyckeltal;Värde\nVäxjö;2023;A;12\nAlvesta;2023;A;..\n", StandardCharsets.UTF_8);
        Result r = run("import", ok.toString(), "--workbook", wb.toString(), "--dry-run");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Provkörning").contains("Tillagda: 2").contains("sekretessmarkerade/maskade: 1");
        assertThat(se.halsolage.testing.Stores.fingerprint(wb)).isEqualTo(before);
        Result real = run("import", ok.toString(), "--workbook", wb.toString(), "--save-recipe", "mitt");
        assertThat(real.out()).contains("Tillagda: 2").contains("Receptet sparades som \"mitt\"");
        Result again = run("import", ok.toString(), "--workbook", wb.toString(), "--recipe", "mitt");
        assertThat(again.out()).contains("Tillagda: 0").contains("oförändrade: 2");
    }
}
