package se.halsolage.bench;

import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Group;
import se.halsolage.domain.PlanSettings;
import se.halsolage.workbook.PostgresStore;
import se.halsolage.workbook.Workbook;
import se.halsolage.workbook.WorkbookCopy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The county workbook on PostgreSQL (issue 22), beside the SQLite figures: the 1 000 000-row CSV imported as a user
 * runs it (own JVM, 256 MB heap) into a fresh workbook on the server, against psql's {@code \copy} of the same rows
 * into a table with the same unique key; and one indicator's series for all areas on the large workbook (copied to
 * the server). Runs with {@code bench --only pg --postgresql ADDRESS}; every schema it makes is removed after.
 */
final class PostgresBench {
    private final Path work;
    private final PrintStream log;
    private final String address;

    PostgresBench(Path work, PrintStream log, String address) {
        this.work = work;
        this.log = log;
        this.address = address;
    }

    private Path schema(String name) {
        PostgresStore base = PostgresStore.parse(address);
        return new PostgresStore(base.host(), base.port(), base.database(), base.user(), name, base.options()).asPath();
    }

    List<BenchResult> run(int rows, Path largeSqlite) throws Exception {
        List<BenchResult> out = new ArrayList<>();
        Path csv = work.resolve("lang-" + rows + ".csv");
        if (!Files.exists(csv)) {
            log.printf("Skapar %s (%d rader) …%n", csv.getFileName(), rows);
            ImportBench.writeLongCsv(csv, rows);
        }
        Path target = schema("bench_csv");
        se.halsolage.workbook.PostgresWorkbooks.drop(target);
        try {
            Workbooks.createNew(target, new PlanSettings("0781", "0007", null, 2026, "sv", false)).close();
            Double ref = copyReference(csv);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    "se.halsolage.Main", "import", csv.toString(), "--workbook", PostgresStore.of(target).address(), "--recipe", "lang")
                    .redirectErrorStream(true).start();
            String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.MINUTES);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (p.exitValue() != 0) throw new IllegalStateException("import till PostgreSQL misslyckades: " + o);
            String note = "(" + rows + " rader, -Xmx256m, egen JVM inkl. start, PostgreSQL på " + PostgresStore.parse(address).host() + ")";
            out.add(ref == null ? BenchResult.absolute("PostgreSQL: CSV-import " + rows + " rader", ms, Double.NaN, note + " psql saknas")
                    : BenchResult.relative("PostgreSQL: CSV-import " + rows + " rader", ms, "psql \\copy", ref, 1.5, note));
        } finally {
            se.halsolage.workbook.PostgresWorkbooks.drop(target);
        }
        if (largeSqlite != null && Files.exists(largeSqlite)) {
            Path large = schema("bench_stor");
            se.halsolage.workbook.PostgresWorkbooks.drop(large);
            try {
                log.println("Kopierar den stora arbetsboken till PostgreSQL …");
                WorkbookCopy.copy(largeSqlite, large);
                try (Workbook wb = Workbook.open(large)) {
                    String ind = wb.indicators().all().get(0).id();
                    double series = Measure.median(5, 21, () -> wb.observations().seriesForAllAreas(ind, Group.TOTALT));
                    double allGroups = Measure.median(3, 11, () -> wb.observations().forIndicator(ind));
                    out.add(BenchResult.absolute("PostgreSQL: ett nyckeltals serie för alla områden", series, 20,
                            "(Totalt, " + wb.observations().seriesForAllAreas(ind, Group.TOTALT).size() + " värden, median av 21; "
                                    + "alla grupper: " + BenchResult.fmt(allGroups) + " ms)"));
                }
            } finally {
                se.halsolage.workbook.PostgresWorkbooks.drop(large);
            }
        }
        return out;
    }

    /** psql's \copy of the CSV into a table with the same unique key, in ms; null without psql. */
    private Double copyReference(Path csv) throws IOException, InterruptedException {
        String psql = ImportBench.which("psql");
        if (psql == null) return null;
        PostgresStore s = PostgresStore.parse(address);
        String sql = "DROP TABLE IF EXISTS bench_referens; "
                + "CREATE TABLE bench_referens(nyckeltal text, omrade text, ar text, kon text, varde text, "
                + "UNIQUE (nyckeltal, omrade, ar, kon));\n"
                + "\\copy bench_referens FROM '" + csv + "' WITH (FORMAT csv, DELIMITER ';', HEADER true)\n"
                + "DROP TABLE bench_referens;\n";
        Path script = work.resolve("pg-referens.sql");
        Files.writeString(script, sql);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(psql, "-q", "-v", "ON_ERROR_STOP=1", "-h", s.host(), "-p", String.valueOf(s.port()),
                "-U", s.user(), "-d", s.database(), "-f", script.toString()).redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.MINUTES);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) throw new IllegalStateException("psql \\copy misslyckades: " + o.strip());
        log.printf(Locale.ROOT, "  psql \\copy: %.0f ms%n", ms);
        return ms;
    }
}
