package se.halsolage.importer;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The xlsx reader streams: a sheet of 1,2 million cells is read in a forked JVM with a 48 MB heap,
 * where POI's object model (the control) runs out of memory on the same file. No timing is asserted.
 */
class XlsxStreamingTest {
    @TempDir
    Path dir;

    static final int ROWS = 150_000, COLS = 8;

    @Test
    void largeSheetIsReadWithASmallHeap() throws Exception {
        Path file = dir.resolve("stor.xlsx");
        Random rnd = new Random(42);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            var sh = wb.createSheet("Data");
            var h = sh.createRow(0);
            for (int c = 0; c < COLS; c++) h.createCell(c).setCellValue(c == 0 ? "Kommun" : "Värde " + c);
            for (int r = 1; r <= ROWS; r++) {
                var row = sh.createRow(r);
                row.createCell(0).setCellValue("Kommun " + (r % 290));
                for (int c = 1; c < COLS; c++) row.createCell(c).setCellValue(rnd.nextInt(100_000) / 10.0);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        Result streamed = probe(file, "sax");
        assertThat(streamed.exit()).as(streamed.output()).isZero();
        assertThat(streamed.output()).contains("rows=" + (ROWS + 1)).contains("cells=" + (long) (ROWS + 1) * COLS);
        Result control = probe(file, "usermodel");
        assertThat(control.exit()).as("POI:s objektmodell borde inte klara 48 MB").isNotZero();
        assertThat(control.output()).contains("OutOfMemoryError");
    }

    record Result(int exit, String output) {
    }

    static Result probe(Path file, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                XlsxStreamingProbe.class.getName(), file.toString(), mode)).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
