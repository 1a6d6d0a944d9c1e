package se.halsolage.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The command line on a full disk (a 3,3 MB tmpfs, when the tests run as root), in a read-only folder
 * (the tmpfs remounted read-only), on a workbook with damaged pages and with special files: a Swedish
 * message that names the file and says what to do, no stack trace, the workbook byte-identical and
 * nothing left behind (no 0-byte or redundant backups, no temporary files).
 */
class DiskAndFilesTest {
    static Path small;
    static boolean mounted;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        if (!"root".equals(System.getProperty("user.name")) || !System.getProperty("os.name").startsWith("Linux")) return;
        small = Files.createTempDirectory("halsolage-liten-disk");
        mounted = sh("mount", "-t", "tmpfs", "-o", "size=3300k", "tmpfs", small.toString()) == 0;
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) sh("umount", small.toString());
        if (small != null) Files.deleteIfExists(small);
    }

    static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setOut(oldOut);
        System.setErr(oldErr);
        if (mounted) {
            sh("mount", "-o", "remount,rw", small.toString());
            try (Stream<Path> s = Files.list(small)) {
                for (Path p : s.toList()) deleteTree(p);
            }
        }
    }

    static void deleteTree(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(new Main(), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A refusal as users should see it: exit 1, "Fel: …" in Swedish, no stack trace or SQLite code. */
    void assertRefused(int code, String... expected) {
        assertThat(code).as(err()).isEqualTo(Cli.USER_ERROR);
        assertThat(err()).contains("Fel: ").contains(expected).doesNotContain("SQLITE_").doesNotContain("\tat ")
                .doesNotContain("Exception").doesNotContain("Internt fel");
    }

    /** 8 areas x 25 years x 120 indicators: 24 000 values, far more than the small disk holds. */
    Path bigCsv() throws Exception {
        StringBuilder sb = new StringBuilder("Område;År;Nyckeltal;Värde\r\n");
        for (String a : new String[]{"Exempelby", "0780", "0781", "0764", "0007", "0000", "0180", "1280"}) {
            for (int y = 2000; y < 2025; y++) {
                for (int k = 1; k <= 480; k++) { // 96 000 values: about 3,6 MB at schema 40's ~38 B a value
                    sb.append(a).append(';').append(y).append(";Provtal ").append(k).append(';')
                            .append(String.valueOf((y * 7 + k * 13) % 1000 / 10.0).replace('.', ',')).append("\r\n");
                }
            }
        }
        return Files.writeString(dir.resolve("stor.csv"), sb.toString());
    }

    @Test
    void aFullDiskGivesASwedishMessageAndLeavesTheWorkbookAndNoBackupBehind() throws Exception {
        assumeThat(mounted).as("needs root to mount a small tmpfs; skipped").isTrue();
        Path w = small.resolve("w.halsa");
        assertThat(run("demo", "--out", w.toString())).isZero();
        String before = sha(w);
        Path csv = bigCsv();

        // the backup fits, the import does not: SQLite's SQLITE_FULL, rolled back, the redundant backup removed
        assertRefused(run("import", csv.toString(), "--workbook", w.toString()), "Disken är full: w.halsa kunde inte sparas",
                "Inget ändrades i arbetsboken", "Frigör utrymme");
        assertThat(sha(w)).isEqualTo(before);
        assertThat(names(small)).containsExactly("w.halsa");

        // the report: POI's own exception on the full disk becomes the same kind of message
        assertRefused(run("report", "--workbook", w.toString(), "--out", small.resolve("plan.docx").toString()),
                "Disken är full: plan.docx kunde inte sparas");
        assertThat(names(small)).containsExactly("w.halsa");

        // a new demo workbook does not fit beside the old one: the old one stays
        // leave room for about half a workbook (the compact schema 40 made the demo 0,57 MB, so a fixed filler
        // no longer leaves too little room)
        long room = Files.getFileStore(small).getUsableSpace() - Files.size(w) / 2;
        Files.write(small.resolve("fyllnad"), new byte[(int) Math.max(0, room)]);
        assertRefused(run("demo", "--out", w.toString(), "--force"), "Disken är full: w.halsa kunde inte skapas",
                "Den befintliga filen w.halsa är orörd");
        assertThat(sha(w)).isEqualTo(before);
        assertThat(names(small)).containsExactly("fyllnad", "w.halsa");

        // no room for the backup: the import stops before it starts, and no 0-byte backup is left
        assertRefused(run("import", csv.toString(), "--workbook", w.toString()), "Det finns inte plats för en säkerhetskopia",
                "Importen har inte påbörjats");
        assertThat(sha(w)).isEqualTo(before);
        assertThat(names(small)).containsExactly("fyllnad", "w.halsa");
    }

    @Test
    void aReadOnlyFolderCanBeReadButNotChangedAndSaysSo() throws Exception {
        assumeThat(mounted).as("needs root to mount a small tmpfs; skipped").isTrue();
        Path w = small.resolve("w.halsa");
        assertThat(run("demo", "--out", w.toString())).isZero();
        String before = sha(w);
        assertThat(sh("mount", "-o", "remount,ro", small.toString())).isZero();
        assertThat(run("info", w.toString())).as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exempelby (0799)");
        assertRefused(run("import", bigCsv().toString(), "--workbook", w.toString()), "Mappen " + small + " är skrivskyddad",
                "Flytta arbetsboken");
        assertRefused(run("demo", "--out", w.toString(), "--force"), "är skrivskyddad");
        assertRefused(run("report", "--workbook", w.toString(), "--out", small.resolve("p.docx").toString()), "är skrivskyddad");
        assertThat(sha(w)).isEqualTo(before);
        assertThat(names(small)).containsExactly("w.halsa");
    }

    @Test
    void aWorkbookWithDamagedPagesIsCalledDamagedAndGetsNoBackup() throws Exception {
        Path w = dir.resolve("d.halsa");
        assertThat(run("demo", "--out", w.toString())).isZero();
        try (RandomAccessFile f = new RandomAccessFile(w.toFile(), "rw")) {
            f.seek(4096L * 100); // a page in the middle of the observations
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 0xDE);
            f.write(junk);
        }
        String before = sha(w);
        assertRefused(run("info", w.toString()), "Arbetsboken d.halsa är skadad", "Återställ den senaste säkerhetskopian");
        assertRefused(run("import", bigCsv().toString(), "--workbook", w.toString()), "Arbetsboken d.halsa är skadad",
                "Importen har inte påbörjats");
        assertThat(sha(w)).isEqualTo(before);
        assertThat(names(dir)).containsExactly("d.halsa", "stor.csv");
    }

    @Test
    void readOnlyCommandsLeaveNothingBesideTheWorkbookAndSayWhenItNeedsAnUpgrade() throws Exception {
        Path w = dir.resolve("l.halsa");
        assertThat(run("demo", "--out", w.toString())).isZero();
        String before = sha(w);
        assertThat(run("info", w.toString())).isZero();
        assertThat(run("indicators", w.toString())).isZero();
        assertThat(run("series", w.toString(), "--indicator", "N15643", "--area", "0799")).isZero();
        assertThat(run("chart", "--workbook", w.toString(), "--indicator", "N15643", "--out", dir.resolve("c.png").toString())).isZero();
        assertThat(names(dir)).containsExactly("c.png", "l.halsa");
        assertThat(sha(w)).isEqualTo(before);

        // an older schema: the history says 10 (as a workbook from an old version would)
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + w); var st = c.createStatement()) {
            st.execute("DELETE FROM flyway_schema_history WHERE CAST(version AS INTEGER) > 10");
            st.execute("PRAGMA journal_mode=DELETE");
        }
        String old = sha(w);
        assertRefused(run("info", w.toString()), "har ett äldre format (schema 10)", "halsolage upgrade", "Filen har inte ändrats");
        assertRefused(run("report", "--workbook", w.toString(), "--out", dir.resolve("p.docx").toString()), "behöver uppgraderas");
        assertThat(sha(w)).isEqualTo(old);
        assertThat(names(dir)).containsExactly("c.png", "l.halsa");
    }

    @Test
    void specialFilesAreNamedForWhatTheyAre() throws Exception {
        Path w = dir.resolve("s.halsa");
        assertThat(run("demo", "--out", w.toString())).isZero();
        Path folder = Files.createDirectory(dir.resolve("enkät.csv"));
        assertRefused(run("import", folder.toString(), "--workbook", w.toString()), "är en mapp, inte en fil");
        Path loop = dir.resolve("slinga.csv");
        Files.createSymbolicLink(loop, loop.getFileName());
        assertRefused(run("import", loop.toString(), "--workbook", w.toString()), "länkslinga");
        assertRefused(run("info", folder.toString()), "är en mapp, inte en fil");
        if (Files.exists(Path.of("/dev/zero"))) {
            Path zero = Files.createSymbolicLink(dir.resolve("noll.csv"), Path.of("/dev/zero"));
            assertRefused(run("import", zero.toString(), "--workbook", w.toString()), "teckenenhet");
        }
        Path fifo = dir.resolve("ror.csv");
        if (sh("mkfifo", fifo.toString()) == 0) {
            assertRefused(run("import", fifo.toString(), "--workbook", w.toString()), "namngiven rörledning (FIFO)");
        }
    }
}
