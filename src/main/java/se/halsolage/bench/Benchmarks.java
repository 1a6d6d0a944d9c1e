package se.halsolage.bench;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance benchmark behind {@code halsolage bench}: generates its data deterministically
 * in a work folder, measures each case against its limit or reference, and prints a table.
 */
public final class Benchmarks {
    private final Path work;
    private final PrintStream log;
    private final boolean quick;

    public Benchmarks(Path work, PrintStream log, boolean quick) {
        this.work = work;
        this.log = log;
        this.quick = quick;
    }

    public List<BenchResult> run() throws IOException {
        Files.createDirectories(work);
        List<BenchResult> results = new ArrayList<>();
        results.addAll(largeWorkbook());
        return results;
    }

    /** The county analyst's workbook: open + Översikt, one series for all areas, findings. */
    List<BenchResult> largeWorkbook() throws IOException {
        int indicators = quick ? 12 : 60;
        Path file = work.resolve("stor-" + indicators + ".halsa");
        List<BenchResult> out = new ArrayList<>();
        if (!Files.exists(file)) {
            log.printf("Skapar stor arbetsbok (%d nyckeltal × 312 områden × 15 år × 3 grupper) …%n", indicators);
            double[] ms = new double[1];
            long n = Measure.timed(() -> {
                try (Workbook wb = LargeWorkbook.generate(file, indicators, 15)) {
                    return wb.observations().count();
                }
            }, ms);
            log.printf("  %d värden på %.1f s%n", n, ms[0] / 1000);
        }
        // Open and have the Översikt data ready (analysis of every indicator for the own municipality).
        double open = Measure.median(1, 5, () -> {
            try (Workbook wb = Workbook.open(file)) {
                new AnalysisService(wb).analyzeAll();
            }
        });
        out.add(BenchResult.absolute("Öppna stor arbetsbok + Översikt-data", open, 300,
                "(" + indicators + " nyckeltal, median av 5)"));
        try (Workbook wb = Workbook.open(file)) {
            String ind = wb.indicators().all().get(0).id();
            double series = Measure.median(5, 21, () -> wb.observations().forIndicator(ind));
            out.add(BenchResult.absolute("Ett nyckeltals serie för alla områden", series, 20,
                    "(" + wb.observations().forIndicator(ind).size() + " värden, median av 21)"));
            AnalysisService a = new AnalysisService(wb);
            double findings = Measure.median(2, 7, a::findings);
            out.add(BenchResult.absolute("Vad sticker ut, alla nyckeltal", findings, 200, "(median av 7)"));
        }
        return out;
    }

    public static void print(List<BenchResult> results, PrintStream out) {
        out.println("| mätning | uppmätt | mål | status |");
        out.println("|---|---|---|---|");
        for (BenchResult r : results) out.println(r.row());
        long over = results.stream().filter(r -> !r.ok()).count();
        out.printf(Locale.ROOT, "%n%d av %d mål hålls.%n", results.size() - over, results.size());
    }
}
