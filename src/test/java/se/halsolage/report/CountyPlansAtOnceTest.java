package se.halsolage.report;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.testing.Stores;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two coordinators generate their plans from one county workbook on PostgreSQL at the same time (issue 22), each
 * with a connection of their own: both plans are written, whole and equal to the one plan generated alone.
 */
class CountyPlansAtOnceTest {
    @TempDir
    Path dir;

    private static String text(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            return ex.getText();
        }
    }

    private static ReportResult plan(Path address, Path out) {
        try (Workbook wb = Workbook.openReadOnly(address)) {
            ReportService rs = new ReportService(wb);
            return rs.generate(rs.defaultOptions().withDate(LocalDate.of(2026, 1, 20)), out, (f, m) -> { }, () -> false);
        }
    }

    @Test
    void twoPlansAtOnceAreBothWholeAndEqualToOneAlone() throws Exception {
        Path address = Stores.POSTGRESQL.newWorkbook(dir, "lan");
        DemoWorkbook.build(address).close();
        Path alone = dir.resolve("ensam.docx");
        plan(address, alone);
        String expected = text(alone);
        assertThat(expected).contains("Exempelby");

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> done = new ArrayList<>();
            for (String who : List.of("anna", "erik")) {
                done.add(pool.submit(() -> {
                    Path out = dir.resolve(who + ".docx");
                    start.await(30, TimeUnit.SECONDS);
                    plan(address, out);
                    return out;
                }));
            }
            for (Future<Path> f : done) assertThat(text(f.get(5, TimeUnit.MINUTES))).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
