package se.halsolage.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a user runs it: output, Swedish messages, exit codes. */
class CliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
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

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoInfoAndSeriesOnTheDemoWorkbook() {
        Path wb = dir.resolve("x.halsa");
        assertThat(run("demo", "--out", wb.toString())).isZero();
        assertThat(out()).contains("Exempelarbetsboken skapad");
        assertThat(run("info", wb.toString())).isZero();
        assertThat(out()).contains("Exempelby (0799)").contains("observations\t").contains("Planår:\t2026");
        assertThat(run("series", wb.toString(), "--indicator", "N15643", "--area", "0000")).isZero();
        String[] lines = out().split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(30);
        String[] first = lines[0].split("\t");
        assertThat(first[0]).isEqualTo("2013");
        assertThat(first[1]).isEqualTo("Totalt");
        assertThat(first[2]).matches("\\d+(,\\d+)?");
        assertThat(first[4]).isEqualTo("ok");
        assertThat(run("series", wb.toString(), "--indicator", "trygga åk 8", "--area", "Riket", "--group", "Kvinnor")).isZero();
        assertThat(out().split("\n")).allMatch(l -> l.split("\t")[1].equals("Kvinnor"));
        assertThat(run("indicators", wb.toString(), "--search", "trygga")).isZero();
        assertThat(out()).contains("N15613").contains("N15643").contains("N17673").doesNotContain("N00923");
    }

    @Test
    void hiddenIndicatorsKeepTheirValuesButLeaveListsAndTheAnalysis() throws Exception {
        Path file = dir.resolve("dolj.halsa");
        assertThat(run("demo", "--out", file.toString())).isZero();
        assertThat(run("info", file.toString())).isZero();
        // the demo: 5 348 values (DemoCommand says so); size and bytes per value follow from the file
        assertThat(out()).contains("Värden:\t5\u00a0348").containsPattern("Byte per värde:\t\\d+,\\d")
                .containsPattern("Storlek:\t\\d+,\\d MB");
        String before;
        try (var wb = se.halsolage.workbook.Workbook.openReadOnly(file)) {
            before = wb.contentDigest();
        }
        assertThat(run("indicators", file.toString(), "--hide", "N15643", "NOPE")).isEqualTo(1);
        assertThat(err()).contains("Okänt nyckeltal").contains("NOPE").contains("Inget ändrades");
        try (var wb = se.halsolage.workbook.Workbook.openReadOnly(file)) {
            assertThat(wb.contentDigest()).as("an unknown id changes nothing").isEqualTo(before);
        }
        assertThat(run("indicators", file.toString(), "--hide", "N15643", "n15613")).isZero();
        assertThat(out()).contains("Dolda: 2 nyckeltal");
        assertThat(run("indicators", file.toString(), "--search", "trygga")).isZero();
        assertThat(out()).contains("N17673").doesNotContain("N15643").doesNotContain("N15613");
        assertThat(run("indicators", file.toString(), "--hidden")).isZero();
        assertThat(out()).contains("N15643").contains("N15613").doesNotContain("N17673");
        try (var wb = se.halsolage.workbook.Workbook.openReadOnly(file)) {
            assertThat(wb.indicators().all()).extracting(se.halsolage.domain.Indicator::id).doesNotContain("N15643");
            assertThat(wb.indicators().allIncludingHidden()).hasSize(50);
            assertThat(new se.halsolage.analysis.AnalysisService(wb).analyzeAll())
                    .noneMatch(a -> a.indicator().id().equals("N15643")).hasSize(48);
        }
        assertThat(run("series", file.toString(), "--indicator", "N15643", "--area", "0000")).as("values kept").isZero();
        assertThat(out().split("\n").length).isGreaterThanOrEqualTo(30);
        assertThat(run("indicators", file.toString(), "--show", "N15643")).isZero();
        assertThat(run("indicators", file.toString(), "--search", "trygga")).isZero();
        assertThat(out()).contains("N15643").doesNotContain("N15613");
    }

    @Test
    void userErrorsExitWith1AndASwedishMessage() {
        assertThat(run("info", dir.resolve("saknas.halsa").toString())).isEqualTo(1);
        assertThat(err()).contains("finns inte");
        Path wb = dir.resolve("y.halsa");
        assertThat(run("demo", "--out", wb.toString())).isZero();
        assertThat(run("demo", "--out", wb.toString())).isEqualTo(1);
        assertThat(err()).contains("finns redan").contains("--force");
        assertThat(run("series", wb.toString(), "--indicator", "XYZ999", "--area", "0000")).isEqualTo(1);
        assertThat(err()).contains("Inget nyckeltal");
        assertThat(run("series", wb.toString(), "--indicator", "N15643", "--area", "Atlantis")).isEqualTo(1);
        assertThat(err()).contains("Atlantis");
        assertThat(run("series", wb.toString(), "--indicator", "trygga", "--area", "0000")).isEqualTo(1);
        assertThat(err()).contains("flera nyckeltal");
        assertThat(run("info", "--no-such-option")).isEqualTo(1);
        assertThat(err()).contains("Fel i kommandoraden");
    }

    @Test
    void helpAndVersion() throws Exception {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("Hälsoläge");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("demo").contains("series").contains("report");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
