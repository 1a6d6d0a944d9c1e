package se.halsolage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return new Run(Cli.run(new Main(), args), bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void writesTheDocumentAndPrintsPathAndSummary() {
        Path wbFile = dir.resolve("demo.halsa");
        DemoWorkbook.build(wbFile).close();
        Path out = dir.resolve("ut").resolve("plan.docx");
        Run r = run("report", "--workbook", wbFile.toString(), "--out", out.toString(), "--without", "nyckeltal,sticker-ut",
                "--group-by", "malomrade", "--year", "2025");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(out).exists();
        assertThat(r.out()).contains(out.toAbsolutePath().toString()).contains("rubriker").contains("0 diagram");
    }

    @Test
    void userErrorsExitWithOne() {
        Path wbFile = dir.resolve("demo.halsa");
        try (Workbook wb = DemoWorkbook.build(wbFile)) {
            assertThat(wb.file()).exists();
        }
        assertThat(run("report", "--workbook", wbFile.toString(), "--without", "kapitel9").code()).isEqualTo(Cli.USER_ERROR);
        assertThat(run("report", "--workbook", wbFile.toString(), "--out", dir.resolve("plan.pdf").toString()).code())
                .isEqualTo(Cli.USER_ERROR);
        assertThat(run("report", "--workbook", dir.resolve("saknas.halsa").toString()).code()).isEqualTo(Cli.USER_ERROR);
        assertThat(run("report").code()).isEqualTo(Cli.USER_ERROR);
    }
}
