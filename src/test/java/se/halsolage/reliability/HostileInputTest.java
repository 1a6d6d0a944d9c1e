package se.halsolage.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Observation;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile and broken input corpus, generated on the fly by {@link HostileFiles}. Every file goes
 * through the real command line ({@code se.halsolage.Main import FILE --workbook W}) in a child JVM with
 * 256 MB of heap and a time limit, as a user would run it. A file that cannot be imported must give
 * exit code 1 and one clear Swedish message naming the file (no stack trace), and the workbook must be
 * byte-identical afterwards. Files that are unusual but sound (UTF-16 text, .xlsm, cached formula
 * results, a wrong file extension) must import their values exactly.
 */
class HostileInputTest {
    static final String HEAP = "-Xmx256m";
    static final long TIMEOUT_S = 60;
    /** English words that would betray an untranslated library message reaching the user. */
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|is|not|was|with|must|cannot|found|detected|exceeded|invalid|supplied|unexpected)\\b");

    @TempDir
    static Path dir;
    static Path base;
    static Path secret;
    static final List<String> log = new ArrayList<>();
    static int tried, refused, imported;
    static long slowestMs;
    static String slowest = "";

    @BeforeAll
    static void demoWorkbook() throws Exception {
        base = dir.resolve("bas.halsa");
        DemoWorkbook.build(base).close();
        secret = dir.resolve("hemlig.txt");
        Files.writeString(secret, "HEMLIG-MARKÖR-4711");
    }

    @AfterAll
    static void figures() {
        log.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "hostile-input: %d inputs tried, %d refused with a clear message, %d imported exactly, "
                        + "0 workbooks changed by a refused file; slowest %.1f s (%s), heap %s%n",
                tried, refused, imported, slowestMs / 1000.0, slowest, HEAP);
    }

    // ------------------------------------------------------------------ broken spreadsheets

    @Test
    void truncatedAndCorruptXlsx() throws Exception {
        Path valid = HostileFiles.validXlsx(dir.resolve("giltig.xlsx"));
        refuse(HostileFiles.truncated(dir.resolve("avkortad.xlsx"), valid, 0.6), "skadad");
        refuse(HostileFiles.truncated(dir.resolve("bara-början.xlsx"), valid, 0.05), "skadad");
        refuse(HostileFiles.corrupted(dir.resolve("trasig.xlsx"), valid, 42), "skadad");
    }

    @Test
    void truncatedAndCorruptXls() throws Exception {
        Path valid = HostileFiles.validXls(dir.resolve("giltig.xls"), null);
        refuse(HostileFiles.truncated(dir.resolve("avkortad.xls"), valid, 0.6), "skadad");
        refuse(HostileFiles.corrupted(dir.resolve("trasig.xls"), valid, 42), "skadad");
    }

    @Test
    void aZipBombIsRefusedWithoutInflatingIt() throws Exception {
        Path bomb = HostileFiles.xlsxZipBomb(dir.resolve("bomb.xlsx"), 1024);
        assertThat(Files.size(bomb)).as("1 GB of XML on disk").isLessThan(5_000_000);
        refuse(bomb, "packas upp");
    }

    @Test
    void xmlEntitiesAreNeverResolved() throws Exception {
        for (Path f : List.of(HostileFiles.xlsxXxeInSheet(dir.resolve("xxe-blad.xlsx"), secret),
                HostileFiles.xlsxXxeInSharedStrings(dir.resolve("xxe-strangar.xlsx"), secret),
                HostileFiles.xlsxBillionLaughs(dir.resolve("skratt.xlsx")))) {
            Result r = refuse(f, "säkerhetsskäl");
            assertThat(r.output()).doesNotContain("HEMLIG-MARKÖR").doesNotContain("lollol");
        }
    }

    @Test
    void memoryTrapsInTheXml() throws Exception {
        imported(HostileFiles.xlsxHugeStringCount(dir.resolve("strangantal.xlsx")));
        refuse(HostileFiles.xlsxManyMerges(dir.resolve("sammanfogningar.xlsx"), 100_000), "sammanfogade");
    }

    @Test
    void passwordProtectedFiles() throws Exception {
        Path plain = HostileFiles.validXlsx(dir.resolve("oskyddad.xlsx"));
        refuse(HostileFiles.encryptedXlsx(dir.resolve("losenord.xlsx"), plain), "lösenord");
        refuse(HostileFiles.validXls(dir.resolve("losenord.xls"), "hemligt"), "lösenord");
    }

    @Test
    void notASpreadsheetInsideAZipOrOle2Container() throws Exception {
        refuse(HostileFiles.zipThatIsNoSpreadsheet(dir.resolve("dokument.xlsx")), "ingen excel");
        refuse(HostileFiles.oleThatIsNoWorkbook(dir.resolve("word.xls")), "ingen excel");
    }

    // ------------------------------------------------------------------ formulas and macros

    /**
     * Decision: formulas are never evaluated. A result Excel cached in the file is imported as the value;
     * a formula without a cached result is refused with its sheet and cell (nothing else can be trusted);
     * a cached error (#DIV/0!) is refused like any non-number.
     */
    @Test
    void formulasImportTheirCachedResultsOrAreRefusedByCell() throws Exception {
        imported(HostileFiles.xlsxFormulas(dir.resolve("formler.xlsx"), true));
        Result r = refuse(HostileFiles.xlsxFormulas(dir.resolve("formler-utan-varden.xlsx"), false), "formel");
        assertThat(r.err()).contains("blad \"Data\"").contains("rad 2").contains("kolumn D");
        Result e = refuse(HostileFiles.xlsxFormulaError(dir.resolve("formelfel.xlsx")), "#DIV/0!");
        assertThat(e.err()).contains("rad 3").contains("kolumn D");
        Path csv = dir.resolve("formler.csv");
        Files.writeString(csv, HostileFiles.csvText().replace("81,5", "=HYPERLINK(\"http://example.com\")"));
        Result c = refuse(csv, "hyperlink");
        assertThat(c.err()).contains("rad 2").contains("kolumn D");
    }

    /** Decision: macros are never run (nothing in Hälsoläge can); an .xlsm's cell values import like an .xlsx's. */
    @Test
    void macroEnabledWorkbookImportsItsValuesOnly() throws Exception {
        Result r = imported(HostileFiles.xlsm(dir.resolve("makro.xlsm")));
        assertThat(r.out()).contains("Filen innehåller makron. De körs aldrig");
        Result plain = imported(HostileFiles.validXlsx(dir.resolve("utan-makro.xlsx")));
        assertThat(plain.output()).doesNotContain("innehåller makron");
    }

    // ------------------------------------------------------------------ text files

    @Test
    void utf16TextImportsWithAndWithoutByteOrderMark() throws Exception {
        String t = HostileFiles.csvText();
        imported(HostileFiles.csv(dir.resolve("utf16le-bom.csv"), t, StandardCharsets.UTF_16LE, new byte[]{(byte) 0xFF, (byte) 0xFE}));
        imported(HostileFiles.csv(dir.resolve("utf16be-bom.csv"), t, StandardCharsets.UTF_16BE, new byte[]{(byte) 0xFE, (byte) 0xFF}));
        imported(HostileFiles.csv(dir.resolve("utf16le.txt"), t, StandardCharsets.UTF_16LE, new byte[0]));
    }

    @Test
    void nulBytesInText() throws Exception {
        Result r = refuse(HostileFiles.csvWithNul(dir.resolve("nul.csv")), "nul");
        assertThat(r.err()).contains("rad 3");
    }

    @Test
    void aHundredMegabyteCell() throws Exception {
        Result c = refuse(HostileFiles.csvHugeCell(dir.resolve("jattecell.csv"), 100), "för lång");
        assertThat(c.err()).contains("rad 2").contains("kolumn D");
        Files.delete(dir.resolve("jattecell.csv"));
        Result x = refuse(HostileFiles.xlsxHugeCell(dir.resolve("jattecell.xlsx"), 100, false), "för lång");
        assertThat(x.err()).contains("blad \"Data\"").contains("rad 2").contains("kolumn D");
        Files.delete(dir.resolve("jattecell.xlsx"));
        refuse(HostileFiles.xlsxHugeCell(dir.resolve("jattestrang.xlsx"), 100, true), "för lång");
        Files.delete(dir.resolve("jattestrang.xlsx"));
    }

    @Test
    void aMillionColumns() throws Exception {
        Result c = refuse(HostileFiles.csvManyColumns(dir.resolve("miljon-kolumner.csv"), 1_000_000), "kolumner");
        assertThat(c.err()).contains("rad 1");
        Result x = refuse(HostileFiles.xlsxBeyondLastColumn(dir.resolve("miljon-kolumner.xlsx"), 999_999), "kolumner");
        assertThat(x.err()).contains("rad 2");
    }

    @Test
    void anUnterminatedQuote() throws Exception {
        Path f = dir.resolve("citat.csv");
        Files.writeString(f, HostileFiles.csvText() + "Exempelby;2025;Provtal;\"12\r\n");
        Result r = refuse(f, "citattecken");
        assertThat(r.err()).contains("rad 4");
    }

    // ------------------------------------------------------------------ empty and misnamed files

    @Test
    void emptyFilesAndEmptySheets() throws Exception {
        for (String name : List.of("tom.xlsx", "tom.xls", "tom.csv", "tom.txt")) {
            refuse(Files.createFile(dir.resolve(name)), "tom");
        }
        refuse(HostileFiles.xlsxEmptySheet(dir.resolve("tomt-blad.xlsx")), "tomt");
        Path blank = dir.resolve("tomma-rader.csv");
        Files.writeString(blank, "\r\n\r\n;;;\r\n  \r\n");
        refuse(blank, "tom");
    }

    @Test
    void wrongFileExtensions() throws Exception {
        // content decides, not the name: a real xlsx called .csv imports
        imported(HostileFiles.validXlsx(dir.resolve("egentligen-excel.csv")));
        Path pdf = dir.resolve("rapport.xlsx");
        Files.write(pdf, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        refuse(pdf, "ingen excel");
        Path png = dir.resolve("bild.csv");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0});
        refuse(png, "textfil");
    }

    // ------------------------------------------------------------------ the workbook itself

    @Test
    void aWorkbookThatIsNotSqliteOrIsForeignOrNewer() throws Exception {
        Path input = HostileFiles.csv(dir.resolve("data.csv"), HostileFiles.csvText(), StandardCharsets.UTF_8, new byte[0]);

        Path text = dir.resolve("anteckningar.halsa");
        Files.writeString(text, "Det här är ingen arbetsbok.\n");
        refuseWorkbook(input, text, "ingen Hälsoläge-arbetsbok");

        Path xlsxAsWorkbook = dir.resolve("kalkyl.halsa");
        HostileFiles.validXlsx(xlsxAsWorkbook);
        refuseWorkbook(input, xlsxAsWorkbook, "ingen Hälsoläge-arbetsbok");

        Path foreign = dir.resolve("kundregister.halsa");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign); var st = c.createStatement()) {
            st.execute("CREATE TABLE kunder(id INTEGER PRIMARY KEY, namn TEXT)");
            st.execute("INSERT INTO kunder(namn) VALUES ('Ada')");
        }
        refuseWorkbook(input, foreign, "ingen Hälsoläge-arbetsbok");

        Path newer = dir.resolve("fran-framtiden.halsa");
        Files.copy(base, newer);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer); var st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history(installed_rank, version, description, type, script, checksum, "
                    + "installed_by, execution_time, success) VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), "
                    + "'999', 'framtiden', 'SQL', 'V999__framtiden.sql', 0, 'test', 0, 1)");
        }
        refuseWorkbook(input, newer, "nyare version");

        Path damaged = dir.resolve("skadad.halsa");
        byte[] b = Files.readAllBytes(base);
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 4096; i < b.length; i += 4096) for (int k = 0; k < 64; k++) b[i + 100 + k] = (byte) rnd.nextInt(256);
        Files.write(damaged, b);
        refuseWorkbook(input, damaged, "skadad");
    }

    /** A workbook another program holds open for writing: refused, no lost update, nothing changed. */
    @Test
    void aWorkbookOpenInAnotherProcess() throws Exception {
        Path input = HostileFiles.csv(dir.resolve("data2.csv"), HostileFiles.csvText(), StandardCharsets.UTF_8, new byte[0]);
        Path busy = dir.resolve("upptagen.halsa");
        Files.copy(base, busy);
        try (Workbook holder = Workbook.open(busy)) {
            refuseWorkbook(input, busy, "redan öppen");
        }
    }

    /** An xls too large for the in-memory xls reader in this heap is refused before it is loaded. */
    @Test
    void anXlsTooLargeForMemory() throws Exception {
        Path big = dir.resolve("jatte.xls");
        Path valid = HostileFiles.validXls(dir.resolve("liten.xls"), null);
        try (var raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.write(Files.readAllBytes(valid));
            raf.setLength(300L << 20); // sparse: 300 MB without writing them
        }
        refuse(big, "för stor");
        Files.delete(big);
    }

    // ================================================================== plumbing

    record Result(int exit, String out, String err, long millis) {
        String output() {
            return out + err;
        }
    }

    /** Imports {@code input} into a fresh copy of the demo workbook and expects a clear refusal. */
    static Result refuse(Path input, String keyword) throws Exception {
        Path wb = dir.resolve("wb-" + input.getFileName() + ".halsa");
        Files.copy(base, wb, StandardCopyOption.REPLACE_EXISTING);
        return refuseWorkbook(input, wb, keyword);
    }

    static Result refuseWorkbook(Path input, Path wb, String keyword) throws Exception {
        String before = sha256(wb);
        Result r = run(input, wb);
        String where = input.getFileName() + " → " + wb.getFileName() + ": ";
        assertThat(r.exit()).as(where + "exit code; output:\n" + r.output()).isEqualTo(1);
        String msg = r.err();
        assertThat(msg).as(where + "message").contains("Fel: ");
        assertThat(msg.toLowerCase(Locale.ROOT)).as(where + "names the problem").contains(keyword.toLowerCase(Locale.ROOT));
        String named = keyword.contains("arbetsbok") || keyword.contains("nyare") || input.getFileName().toString().startsWith("data") ? wb.getFileName().toString()
                : input.getFileName().toString();
        assertThat(msg).as(where + "names the file").contains(named);
        assertThat(r.output()).as(where + "no stack trace")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Internt fel").doesNotContain("Error")
                .doesNotContain("org.apache").doesNotContain("[WARN]").doesNotContain("minnet tog slut");
        String fel = msg.substring(msg.indexOf("Fel: "));
        assertThat(ENGLISH.matcher(fel.replace(input.getFileName().toString(), "")).find())
                .as(where + "message in Swedish: " + fel).isFalse();
        assertThat(sha256(wb)).as(where + "workbook byte-identical").isEqualTo(before);
        record(input, r, "refused: " + fel.strip().lines().findFirst().orElse(""));
        refused++;
        return r;
    }

    /** Imports {@code input} and expects exactly the two values of the valid table. */
    static Result imported(Path input) throws Exception {
        Path wb = dir.resolve("wb-" + input.getFileName() + ".halsa");
        Files.copy(base, wb, StandardCopyOption.REPLACE_EXISTING);
        Result r = run(input, wb);
        assertThat(r.exit()).as(input.getFileName() + " imports; output:\n" + r.output()).isZero();
        try (Workbook w = Workbook.openReadOnly(wb)) {
            List<Observation> obs = new ArrayList<>(w.observations().series(HostileFiles.INDICATOR, DemoWorkbook.MUNICIPALITY_ID));
            obs.sort(Comparator.comparing(o -> o.period().label()));
            assertThat(obs).extracting(o -> o.period().label()).containsExactly("2023", "2024");
            assertThat(obs).extracting(Observation::value).containsExactly(81.5, -3.5);
            assertThat(w.integrityCheck()).isEqualTo("ok");
        }
        assertThat(se.halsolage.workbook.Backups.list(wb)).as("a rolling backup before the import")
                .anyMatch(b -> b.getFileName().toString().contains("fore-import"));
        record(input, r, "imported 2 values");
        imported++;
        return r;
    }

    static synchronized void record(Path input, Result r, String what) {
        tried++;
        if (r.millis() > slowestMs) {
            slowestMs = r.millis();
            slowest = input.getFileName().toString();
        }
        log.add(String.format(Locale.ROOT, "  %-26s %5.1f s  %s", input.getFileName(), r.millis() / 1000.0, what));
    }

    static Result run(Path input, Path wb) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, HEAP, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "se.halsolage.Main", "import", input.toString(),
                "--workbook", wb.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(done).as(input.getFileName() + " finishes within " + TIMEOUT_S + " s").isTrue();
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), ms);
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static String sha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
