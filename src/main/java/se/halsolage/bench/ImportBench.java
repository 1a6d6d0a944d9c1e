package se.halsolage.bench;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import se.halsolage.catalog.CatalogLoader;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.PlanSettings;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ImportSummary;
import se.halsolage.workbook.Workbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Import benchmarks: a large long-format CSV against sqlite3's .import, an xlsx against POI's bare streaming parse. */
final class ImportBench {
    private final Path work;
    private final PrintStream log;

    ImportBench(Path work, PrintStream log) {
        this.work = work;
        this.log = log;
    }

    /** Long format "Nyckeltal;Område;År;Kön;Värde", deterministic, {@code rows} data rows. */
    static void writeLongCsv(Path out, int rows) throws IOException {
        List<String> indicators = CatalogLoader.indicators().stream().map(Indicator::id).toList();
        List<String> areas = CatalogLoader.areas().stream().map(Area::id).toList();
        String[] groups = {"Totalt", "Kvinnor", "Män"};
        Random rnd = new Random(7);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("Nyckeltal;Område;År;Kön;Värde\n");
            int n = 0;
            outer:
            for (int year = 1990; year <= 2025; year++) {
                for (String ind : indicators) {
                    for (String area : areas) {
                        for (String g : groups) {
                            if (n++ == rows) break outer;
                            double v = 20 + rnd.nextInt(7000) / 100.0;
                            w.write(ind + ";" + area + ";" + year + ";" + g + ";"
                                    + String.format(Locale.ROOT, "%.2f", v).replace('.', ',') + "\n");
                        }
                    }
                }
            }
        }
    }

    /**
     * Milliseconds sqlite3 needs to copy the observations of {@code imported} into {@code empty} (a copy of the
     * workbook the import started from): the same rows, table, foreign keys, checks, unique key and indexes, in
     * WAL mode with the import's 64 MiB page cache, one transaction and a checkpoint, as the import does.
     */
    private double schemaFloor(String sqlite3, Path empty, Path imported) throws Exception {
        Path script = work.resolve("golv.sql");
        Files.writeString(script, "PRAGMA foreign_keys=ON;\nPRAGMA synchronous=NORMAL;\nPRAGMA cache_size=-65536;\n"
                + "ATTACH '" + imported + "' AS s;\n"
                + "INSERT INTO indicators SELECT * FROM s.indicators WHERE id NOT IN (SELECT id FROM indicators);\n"
                + "INSERT INTO sources SELECT * FROM s.sources WHERE id NOT IN (SELECT id FROM sources);\n"
                + "BEGIN;\n"
                // schema 40: the key dictionaries and provenance rows, then the compact rows in key order
                + "INSERT OR IGNORE INTO obs_indicator SELECT * FROM s.obs_indicator;\n"
                + "INSERT OR IGNORE INTO obs_area SELECT * FROM s.obs_area;\n"
                + "INSERT OR IGNORE INTO obs_group SELECT * FROM s.obs_group;\n"
                + "INSERT OR IGNORE INTO obs_period SELECT * FROM s.obs_period;\n"
                + "INSERT OR IGNORE INTO obs_origin SELECT * FROM s.obs_origin;\n"
                + "INSERT INTO obs SELECT * FROM s.obs;\nCOMMIT;\n"
                + "PRAGMA wal_checkpoint(TRUNCATE);\n");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(sqlite3, empty.toString()).redirectInput(script.toFile()).redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) throw new IllegalStateException("sqlite3 (golv) misslyckades: " + o);
        return ms;
    }

    static void writeLongXlsx(Path out, int rows) throws IOException {
        List<String> indicators = CatalogLoader.indicators().stream().map(Indicator::id).toList();
        List<String> areas = CatalogLoader.areas().stream().map(Area::id).toList();
        String[] groups = {"Totalt", "Kvinnor", "Män"};
        Random rnd = new Random(11);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream os = Files.newOutputStream(out)) {
            var sheet = wb.createSheet("Data");
            var h = sheet.createRow(0);
            String[] head = {"Nyckeltal", "Område", "År", "Kön", "Värde"};
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            int r = 1;
            outer:
            for (int year = 2000; year <= 2025; year++) {
                for (String ind : indicators) {
                    for (String area : areas) {
                        for (String g : groups) {
                            if (r > rows) break outer;
                            var row = sheet.createRow(r++);
                            row.createCell(0).setCellValue(ind);
                            row.createCell(1).setCellValue(area);
                            row.createCell(2).setCellValue(year);
                            row.createCell(3).setCellValue(g);
                            row.createCell(4).setCellValue(20 + rnd.nextInt(7000) / 100.0);
                        }
                    }
                }
            }
            wb.write(os);
            wb.dispose();
        }
    }

    private Path freshWorkbook(String name) throws IOException {
        Path f = work.resolve(name);
        Files.deleteIfExists(f);
        try (Workbook wb = Workbooks.createNew(f, new PlanSettings("0781", "0007", null, 2026, "sv", false))) {
            return wb.file();
        }
    }

    List<BenchResult> csv(int rows) throws Exception {
        Path csv = work.resolve("lang-" + rows + ".csv");
        if (!Files.exists(csv)) {
            log.printf("Skapar %s (%d rader) …%n", csv.getFileName(), rows);
            writeLongCsv(csv, rows);
        }
        List<BenchResult> out = new ArrayList<>();
        // Reference: sqlite3's own .import into an equivalent table with the same unique key.
        Double ref = null;
        String sqlite3 = which("sqlite3");
        if (sqlite3 != null) {
            Path db = work.resolve("referens.db");
            Files.deleteIfExists(db);
            Path script = work.resolve("referens.sql");
            Files.writeString(script, "CREATE TABLE obs(nyckeltal TEXT, omrade TEXT, ar TEXT, kon TEXT, varde TEXT);\n"
                    + "CREATE UNIQUE INDEX obs_key ON obs(nyckeltal, omrade, ar, kon);\n"
                    + ".mode csv\n.separator \";\"\n.import --skip 1 '" + csv + "' obs\n");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(sqlite3, db.toString()).redirectInput(script.toFile())
                    .redirectErrorStream(true).start();
            String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.MINUTES);
            ref = (System.nanoTime() - t0) / 1e6;
            if (p.exitValue() != 0) throw new IllegalStateException("sqlite3 .import misslyckades: " + o);
        }
        // Hälsoläge, as a user runs it, in a child JVM capped at 256 MB heap.
        Path wb = freshWorkbook("csv-import.halsa");
        Path empty = work.resolve("csv-golv.halsa");
        Files.copy(wb, empty, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "se.halsolage.Main", "import", csv.toString(), "--workbook", wb.toString(), "--recipe", "lang")
                .redirectErrorStream(true).start();
        String o = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.MINUTES);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) throw new IllegalStateException("import misslyckades: " + o);
        String note = "(" + rows + " rader, -Xmx256m, egen JVM inkl. start";
        if (sqlite3 != null && ref != null) {
            // The floor no Java code can go under: sqlite3 itself inserting the very same rows into the workbook's
            // table (same schema, constraints and indexes, WAL, the import's page cache), one transaction, then
            // the checkpoint — measured in this run, so the table shows how much of the ratio is the schema.
            double floor = schemaFloor(sqlite3, empty, wb);
            note += String.format(Locale.ROOT, "; golv: sqlite3 själv in i arbetsbokens tabell %.0f ms = %.2f ×", floor, floor / ref);
        }
        note += ")";
        out.add(ref == null ? BenchResult.absolute("CSV-import " + rows + " rader", ms, Double.NaN, note + " sqlite3 saknas")
                : BenchResult.relative("CSV-import " + rows + " rader", ms, "sqlite3 .import", ref, 1.5, note));
        return out;
    }

    List<BenchResult> xlsx(int rows) throws Exception {
        Path x = work.resolve("lang-" + rows + ".xlsx");
        if (!Files.exists(x)) {
            log.printf("Skapar %s (%d rader) …%n", x.getFileName(), rows);
            writeLongXlsx(x, rows);
        }
        // both measured alike: one warm-up run, then the median of 5 (before, the import had no warm-up and
        // so paid for its classes and JIT while POI's parse did not)
        double parse = Measure.median(1, 5, () -> poiStreamingParse(x));
        Path base = freshWorkbook("xlsx-base.halsa");
        double imp = Measure.median(1, 5, () -> {
            try {
                Path w = work.resolve("xlsx-import.halsa");
                Files.copy(base, w, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (Workbook wb = Workbook.open(w)) {
                    ImportSummary s = ImportSession.open(wb, x, new ImportOptions("lang", null)).commit((sheet, row, n) -> { }, () -> false);
                    if (s.added() != rows) throw new IllegalStateException("importerade " + s.added() + " av " + rows);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return List.of(BenchResult.relative("xlsx-import " + rows + " rader", imp, "POI:s strömmande läsning", parse, 1.3,
                "(median av 5 efter en uppvärmning, båda i processen)"));
    }

    /** POI's event-model parse of every sheet with a handler that does nothing: the floor for any xlsx import. */
    static void poiStreamingParse(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFSheetXMLHandler.SheetContentsHandler noop = new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override public void startRow(int rowNum) { }
                @Override public void endRow(int rowNum) { }
                @Override public void cell(String ref, String value, XSSFComment comment) { }
            };
            Iterator<InputStream> sheets = reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, noop, false));
                    xml.parse(new InputSource(in));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("POI kunde inte läsa " + file, e);
        }
    }

    static String which(String cmd) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, cmd);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
