package se.halsolage.bench;

import se.halsolage.analysis.AnalysisService;
import se.halsolage.domain.Group;
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
    private final List<String> skipped = new ArrayList<>();
    private final java.util.Set<String> only;

    /** The cases {@code --only} accepts. */
    public static final List<String> CASES = List.of("csv", "xlsx", "enkat", "stor", "rapport", "start", "volym");

    /** What runs without {@code --only}: everything but "volym" (it writes a ~1 GB workbook). */
    public static final List<String> DEFAULT_CASES = List.of("csv", "xlsx", "enkat", "stor", "rapport", "start");

    /** Indicators of the "volym" workbook (issue 18: 2 000 × 312 areas × 15 years × 3 groups = 28 M values). */
    private int volumeIndicators = 2000;

    /** Cases run only when asked for by name: "pg" needs a PostgreSQL server ({@link #postgres(String)}). */
    public static final List<String> EXTRA_CASES = List.of("pg");
    private String postgres;

    /** The server address for the "pg" case (a workbook schema of its own is made and removed there). */
    public Benchmarks postgres(String address) {
        this.postgres = address;
        return this;
    }

    public Benchmarks(Path work, PrintStream log, boolean quick) {
        this(work, log, quick, java.util.Set.copyOf(DEFAULT_CASES));
    }

    /** Sets the number of indicators of the "volym" case (a fraction of 2 000 when time or disk is short). */
    public Benchmarks volumeIndicators(int n) {
        if (n < 2) throw new IllegalArgumentException("Volymfallet behöver minst 2 nyckeltal, inte " + n + ".");
        this.volumeIndicators = n;
        return this;
    }

    /** Runs only the named cases (see {@link #CASES}). */
    public Benchmarks(Path work, PrintStream log, boolean quick, java.util.Set<String> only) {
        this.work = work;
        this.log = log;
        this.quick = quick;
        for (String c : only) {
            if (!CASES.contains(c) && !EXTRA_CASES.contains(c)) throw new IllegalArgumentException("Okänt mätfall \"" + c + "\". Välj bland " + String.join(", ", CASES) + ".");
        }
        this.only = java.util.Set.copyOf(only);
    }

    public List<BenchResult> run() throws IOException {
        Files.createDirectories(work);
        List<BenchResult> results = new ArrayList<>();
        try {
            ImportBench imports = new ImportBench(work, log);
            if (only.contains("csv")) results.addAll(imports.csv(quick ? 50_000 : 1_000_000));
            if (only.contains("xlsx")) results.addAll(imports.xlsx(quick ? 5_000 : 50_000));
        } catch (Exception e) {
            throw new IllegalStateException("Importmätningen misslyckades: " + e.getMessage(), e);
        }
        if (only.contains("enkat")) try {
            results.addAll(new RealFileBench(work, log).run(skipped));
        } catch (Exception e) {
            skipped.add("Riktiga filer: mätningen misslyckades: " + e.getMessage());
        }
        if (only.contains("stor")) results.addAll(largeWorkbook());
        if (only.contains("pg")) {
            if (postgres == null) throw new IllegalArgumentException("Mätfallet pg behöver --postgresql postgresql://server/databas?user=namn.");
            Path large = work.resolve("stor-" + (quick ? 12 : 60) + ".halsa");
            if (!Files.exists(large)) largeWorkbook();
            try {
                results.addAll(new PostgresBench(work, log, postgres).run(quick ? 50_000 : 1_000_000, large));
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL-mätningen misslyckades: " + e.getMessage(), e);
            }
        }
        if (only.contains("rapport")) results.addAll(reports());
        if (only.contains("volym")) results.addAll(volume());
        if (only.contains("start")) try {
            BenchResult start = new StartupBench(log).measure(demoWorkbook(), skipped);
            if (start != null) results.add(start);
            BenchResult data = new StartupBench(log).dataAfterWindow(demoWorkbook(), skipped);
            if (data != null) results.add(data);
        } catch (Exception e) {
            skipped.add("Kallstart till första fönstret: mätningen misslyckades: " + e.getMessage());
        }
        return results;
    }

    /** Cases that could not be measured here, with the reason (printed under the table). */
    public List<String> skipped() {
        return skipped;
    }

    private Path demoWorkbook() {
        Path demo = work.resolve("exempel.halsa");
        if (!Files.exists(demo)) {
            try (Workbook wb = se.halsolage.demo.DemoWorkbook.build(demo)) {
                wb.file();
            }
        }
        return demo;
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
            // A series is one group's values over time (what every chart draws); "for all areas" is then the
            // Totalt series of every area. All three groups in every area (forIndicator) is shown for comparison.
            double series = Measure.median(5, 21, () -> wb.observations().seriesForAllAreas(ind, Group.TOTALT));
            double allGroups = Measure.median(3, 11, () -> wb.observations().forIndicator(ind));
            out.add(BenchResult.absolute("Ett nyckeltals serie för alla områden", series, 20,
                    "(Totalt, " + wb.observations().seriesForAllAreas(ind, Group.TOTALT).size() + " värden, median av 21; "
                            + "alla grupper, " + wb.observations().forIndicator(ind).size() + " värden: "
                            + BenchResult.fmt(allGroups) + " ms)"));
            AnalysisService a = new AnalysisService(wb);
            double findings = Measure.median(2, 7, a::findings);
            out.add(BenchResult.absolute("Vad sticker ut, alla nyckeltal", findings, 200, "(median av 7)"));
        }
        return out;
    }

    /**
     * Speed at volume (issue 18): a generated workbook of {@code volumeIndicators} × 312 areas × 15 years × 3 groups
     * (28 M values at 2 000). Open + Översikt data (analysis of every indicator for the own municipality), one
     * indicator's Totalt series for every area, "Vad sticker ut" over the plan's indicators, and the heap in use
     * after each (after a GC).
     */
    List<BenchResult> volume() throws IOException {
        int indicators = quick ? 200 : volumeIndicators;
        Path file = work.resolve("volym-" + indicators + ".halsa");
        List<BenchResult> out = new ArrayList<>();
        if (!Files.exists(file)) {
            log.printf("Skapar volymarbetsbok (%d nyckeltal × 312 områden × 15 år × 3 grupper) …%n", indicators);
            double[] ms = new double[1];
            long n = Measure.timed(() -> {
                try (Workbook wb = LargeWorkbook.generate(file, indicators, 15, k -> {
                    if (k % 500 == 0) log.printf("  %d nyckeltal har värden%n", k);
                })) {
                    return wb.observations().count();
                }
            }, ms);
            log.printf("  %d värden på %.1f s, %d MB på disk%n", n, ms[0] / 1000, Files.size(file) / 1024 / 1024);
        }
        long size = Files.size(file);
        long heapBefore = usedHeap();
        Runnable openAndAnalyse = () -> {
            try (Workbook wb = Workbook.open(file)) {
                new AnalysisService(wb).analyzeAll();
            }
        };
        double open = Measure.median(1, 5, openAndAnalyse);
        double openCpu = Measure.medianCpu(0, 5, openAndAnalyse);
        double openOnly = Measure.median(1, 5, () -> {
            try (Workbook wb = Workbook.open(file)) {
                wb.settings().plan();
            }
        });
        long values;
        long heapOpen;
        try (Workbook wb = Workbook.open(file)) {
            values = wb.observations().count();
            AnalysisService a = new AnalysisService(wb);
            a.analyzeAll();
            heapOpen = usedHeap();
            out.add(BenchResult.absolute("Volym: öppna + Översikt-data", open, 300, "(" + indicators + " nyckeltal, "
                    + values + " värden, " + size / 1024 / 1024 + " MB, median av 5; CPU " + cpu(openCpu)
                    + "; att bara öppna: " + cpu(openOnly) + ")"));
            String ind = wb.indicators().all().get(wb.indicators().all().size() - 1).id();
            double series = Measure.median(5, 21, () -> wb.observations().seriesForAllAreas(ind, Group.TOTALT));
            double seriesCpu = Measure.medianCpu(0, 21, () -> wb.observations().seriesForAllAreas(ind, Group.TOTALT));
            out.add(BenchResult.absolute("Volym: ett nyckeltals serie för alla områden", series, 20,
                    "(" + ind + ", Totalt, " + wb.observations().seriesForAllAreas(ind, Group.TOTALT).size()
                            + " värden, median av 21; CPU " + cpu(seriesCpu) + ")"));
            java.util.Set<String> plan = se.halsolage.report.PlanIndicators.includedIds(wb);
            double findings = Measure.median(2, 7, () -> a.findings(plan));
            double findingsCpu = Measure.medianCpu(0, 7, () -> a.findings(plan));
            out.add(BenchResult.absolute("Volym: Vad sticker ut, planens nyckeltal", findings, 200,
                    "(" + plan.size() + " nyckeltal i planen, median av 7; CPU " + cpu(findingsCpu) + ")"));
        }
        long heapAfter = usedHeap();
        log.printf("  heap i bruk efter GC: före %d MB, med arbetsboken öppen och analyserad %d MB, efter stängning %d MB%n",
                heapBefore / 1024 / 1024, heapOpen / 1024 / 1024, heapAfter / 1024 / 1024);
        skipped.add("Volym: heap i bruk efter GC före/öppen/efter: " + heapBefore / 1024 / 1024 + " / "
                + heapOpen / 1024 / 1024 + " / " + heapAfter / 1024 / 1024 + " MB (max heap "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB)");
        return out;
    }

    /** A CPU median in the bench's notes, Swedish style ("12,3 ms"). */
    private static String cpu(double ms) {
        return String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f ms", ms);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return r.totalMemory() - r.freeMemory();
    }

    /** The full plan on the demo workbook and on the large workbook, written to a file as the CLI does. */
    List<BenchResult> reports() throws IOException {
        List<BenchResult> out = new ArrayList<>();
        Path demo = demoWorkbook();
        Path docx = work.resolve("plan.docx");
        double demoMs = Measure.median(1, 3, () -> report(demo, docx));
        out.add(BenchResult.absolute("Hela planen (DOCX), exempelarbetsboken", demoMs, 5000, "(median av 3)"));
        Path large = work.resolve("stor-" + (quick ? 12 : 60) + ".halsa");
        if (!Files.exists(large)) largeWorkbook(); // generates it (and measures it) when run with --only rapport
        double largeMs = Measure.median(0, 1, () -> report(large, docx));
        out.add(BenchResult.absolute("Hela planen (DOCX), stor arbetsbok", largeMs, 10000, "(en körning)"));
        return out;
    }

    private static void report(Path workbook, Path docx) {
        try (Workbook wb = Workbook.open(workbook)) {
            se.halsolage.report.ReportService rs = new se.halsolage.report.ReportService(wb);
            rs.generate(rs.defaultOptions(), docx, (f, m) -> { }, () -> false);
        }
    }

    public static void print(List<BenchResult> results, PrintStream out) {
        out.println("| mätning | uppmätt | mål | status |");
        out.println("|---|---|---|---|");
        for (BenchResult r : results) out.println(r.row());
        long over = results.stream().filter(r -> !r.ok()).count();
        out.printf(Locale.ROOT, "%n%d av %d mål hålls.%n", results.size() - over, results.size());
    }

    public static void printSkipped(List<String> skipped, PrintStream out) {
        for (String s : skipped) out.println("Ej mätt – " + s);
    }
}
