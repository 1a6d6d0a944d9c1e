package se.halsolage.bench;

import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.PlanSettings;
import se.halsolage.importer.BuiltInRecipes;
import se.halsolage.importer.GridSource;
import se.halsolage.importer.Readers;
import se.halsolage.workbook.Workbook;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Real survey and statistics files (issue 16): the Skolenkäten åk 8 file imported with the defaults, as a user runs
 * it (child JVM, {@code -Xmx256m}, wall time including JVM start; target 3 s), and the detection of a file (open the
 * grid and find the recipe that fits; target 1 s). The files are third-party and stay outside the repository: they
 * are read from {@code ../shared/fixtures} (or {@code -Dhalsolage.shared} / {@code HALSOLAGE_SHARED}); without them
 * the case is skipped with a line saying so.
 */
final class RealFileBench {
    static final String SKOLENKATEN = "fixtures/skolenkaten-grundskola-ak8-2022.xlsx";
    static final List<String> DETECTED = List.of(SKOLENKATEN, "fixtures/real/skolverket_upper_secondary_throughput_2011.xlsx",
            "fixtures/real/kolada_values_raw_2024-12-12.csv");

    private final Path work;
    private final PrintStream log;

    RealFileBench(Path work, PrintStream log) {
        this.work = work;
        this.log = log;
    }

    static Path shared() {
        String p = System.getProperty("halsolage.shared", System.getenv("HALSOLAGE_SHARED"));
        return p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "shared").toAbsolutePath().normalize();
    }

    List<BenchResult> run(List<String> skipped) throws Exception {
        List<BenchResult> out = new ArrayList<>();
        Path shared = shared();
        Path enk = shared.resolve(SKOLENKATEN);
        if (!Files.isRegularFile(enk)) {
            skipped.add("Riktiga filer: " + enk + " saknas (mappen ../shared med tredjepartsfilerna behövs; -Dhalsolage.shared=…)");
            return out;
        }
        Path wb = work.resolve("skolenkaten.halsa");
        Files.deleteIfExists(wb);
        try (Workbook w = Workbooks.createNew(wb, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            w.file();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "se.halsolage.Main", "import", enk.toString(), "--workbook", wb.toString())
                .redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) throw new IllegalStateException("import misslyckades: " + o);
        String added = o.lines().filter(l -> l.startsWith("Tillagda:")).findFirst().orElse("").replaceFirst(",.*", "");
        out.add(BenchResult.absolute("Skolenkäten åk 8 2022, import med standardval", ms, 3000,
                "(3,2 MB xlsx, " + added.toLowerCase() + ", -Xmx256m, egen JVM inkl. start)"));
        for (String rel : DETECTED) {
            Path f = shared.resolve(rel);
            if (!Files.isRegularFile(f)) {
                skipped.add("Igenkänning: " + f + " saknas");
                continue;
            }
            String[] recipe = new String[1];
            Runnable detect = () -> {
                GridSource g = Readers.open(f, null);
                recipe[0] = se.halsolage.importer.RecipeRegistry.builtIn().detect(g).map(r -> r.name()).orElse("inget recept");
            };
            double first = Measure.once(detect);
            double median = Measure.median(0, 3, detect);
            out.add(BenchResult.absolute("Igenkänning " + f.getFileName(), first, 1000, String.format(Locale.ROOT,
                    "(%.1f MB, recept %s; första gången i processen, median av 3 därefter %.0f ms)",
                    Files.size(f) / 1e6, recipe[0], median)));
        }
        log.flush();
        return out;
    }
}
