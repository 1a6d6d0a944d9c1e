package se.halsolage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.halsolage.demo.DemoWorkbook;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartCommandTest {
    @TempDir
    Path dir;

    /** Parses like the CLI and calls the command directly, so a UserError reaches the test. */
    private int run(String... args) {
        ChartCommand cmd = new ChartCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.call();
    }

    @Test
    void writesPngAndSvgForTheDemo() throws Exception {
        Path wb = dir.resolve("demo.halsa");
        DemoWorkbook.build(wb).close();
        Path png = dir.resolve("out/trend.png");
        assertThat(run("--workbook", wb.toString(), "--indicator", "N15643", "--out", png.toString())).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(900);
        Path proj = dir.resolve("gap.png");
        assertThat(run("--workbook", wb.toString(), "--indicator", "N15643", "--kind", "gap", "--theme", "projector",
                "--out", proj.toString())).isZero();
        assertThat(ImageIO.read(proj.toFile()).getWidth()).isEqualTo(1600);
        Path svg = dir.resolve("gender.svg");
        assertThat(run("--workbook", wb.toString(), "--indicator", "UNG-TRYGG-AK8", "--kind", "gender", "--out", svg.toString())).isZero();
        assertThat(Files.readString(svg)).contains("Flickor");
    }

    @Test
    void badInputIsAUserErrorInSwedish() {
        Path wb = dir.resolve("demo.halsa");
        DemoWorkbook.build(wb).close();
        assertThatThrownBy(() -> run("--workbook", wb.toString(), "--indicator", "N00923", "--kind", "gender",
                "--out", dir.resolve("x.png").toString())).hasMessageContaining("går inte att rita").hasMessageContaining("trend");
        assertThatThrownBy(() -> run("--workbook", wb.toString(), "--indicator", "N15643", "--out", dir.resolve("x.jpg").toString()))
                .hasMessageContaining(".png eller .svg");
    }
}
