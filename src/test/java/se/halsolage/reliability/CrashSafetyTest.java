package se.halsolage.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child process (SIGKILL via {@link Process#destroyForcibly()}) at random moments while it
 * changes a workbook, at least 50 times per operation. Each time the workbook must pass
 * PRAGMA integrity_check and hold exactly the state before or after the operation.
 */
class CrashSafetyTest {
    static final int KILLS = 50;

    @TempDir
    Path dir;

    record Outcome(int killed, int before, int after) {
    }

    /**
     * Content that legitimately differs between two runs of the same operation: fetch/import times
     * and the local test server's port. Everything else must be identical.
     */
    static String normalize(String cell) {
        if (cell == null) return null;
        return cell.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<tid>")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>");
    }

    @Test
    void initiativeEditsSurviveSigkill() throws Exception {
        Path base = dir.resolve("base.halsa");
        try (Workbook wb = DemoWorkbook.build(base)) {
            wb.backup("kontroll");
        }
        Outcome o = killRepeatedly("initiatives", base, KILLS);
        assertThat(o.before() + o.after()).isEqualTo(KILLS);
        System.out.printf("crash-safety initiatives: %d kills, %d left before, %d left after, 0 corrupt%n",
                o.killed(), o.before(), o.after());
    }

    @Test
    void koladaFetchSurvivesSigkill() throws Exception {
        Path base = dir.resolve("base.halsa");
        try (Workbook wb = DemoWorkbook.build(base)) {
            wb.backup("kontroll");
        }
        Outcome o = killRepeatedly("kolada", base, KILLS);
        assertThat(o.before() + o.after()).isEqualTo(KILLS);
        System.out.printf("crash-safety kolada: %d kills, %d left before, %d left after, 0 corrupt%n",
                o.killed(), o.before(), o.after());
    }

    @Test
    void importSurvivesSigkill() throws Exception {
        Path base = dir.resolve("base.halsa");
        try (Workbook wb = DemoWorkbook.build(base)) {
            wb.backup("kontroll");
        }
        Path csv = dir.resolve("import.csv");
        StringBuilder sb = new StringBuilder("Område;År;Nyckeltal;Värde\r\n");
        String[] areas = {"Exempelby", "0780", "0781", "0764", "0007", "0000", "0180", "1280"};
        for (String a : areas) {
            for (int y = 2000; y < 2025; y++) {
                for (int k = 1; k <= 40; k++) sb.append(a).append(';').append(y).append(";Provtal ").append(k).append(';')
                        .append((y * 7 + k * 13) % 1000 / 10.0).append("\r\n");
            }
        }
        Files.writeString(csv, sb.toString().replace('.', ','));
        Outcome o = killRepeatedly("import", base, KILLS, csv.toString());
        assertThat(o.before() + o.after()).isEqualTo(KILLS);
        System.out.printf("crash-safety import: %d kills, %d left before, %d left after, 0 corrupt%n",
                o.killed(), o.before(), o.after());
    }

    /**
     * An export replacing an existing file, killed at random: the file is always the complete old one or
     * the complete new one (a hidden temporary file may be left beside it; it never replaces anything).
     */
    @Test
    void exportReplacesTheFileWhollyOrNotAtAll() throws Exception {
        Path target = dir.resolve("export.csv");
        Path probe = dir.resolve("probe.csv");
        Files.writeString(probe, "gammal export\r\n");
        runToEnd("export", probe);
        String after = sha256(probe);
        String before = sha256(Files.writeString(target, "gammal export\r\n"));
        assertThat(after).isNotEqualTo(before);
        Random rnd = new Random(20261122L);
        int nBefore = 0, nAfter = 0;
        List<String> bad = new ArrayList<>();
        double runMs = lastRunMs;
        for (int i = 0; i < KILLS; i++) {
            Files.writeString(target, "gammal export\r\n");
            Process child = start("export", target);
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null && !line.equals("START"); ) {
                // wait until the export begins
            }
            TimeUnit.MICROSECONDS.sleep((long) (rnd.nextDouble() * 1.1 * runMs * 1000));
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            String d = sha256(target);
            if (d.equals(before)) nBefore++;
            else if (d.equals(after)) nAfter++;
            else bad.add("run " + i + ": partial file of " + Files.size(target) + " bytes");
        }
        assertThat(bad).isEmpty();
        System.out.printf("crash-safety export: %d kills, %d left the old file, %d the new one, 0 partial%n", KILLS, nBefore, nAfter);
    }

    static double lastRunMs;

    /** Runs an operation uninterrupted and remembers how long it took between START and DONE. */
    static void runToEnd(String op, Path file, String... extra) throws Exception {
        Process p = start(op, file, extra);
        BufferedReader pr = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long t0 = 0;
        double runMs = -1;
        StringBuilder all = new StringBuilder();
        for (String l; (l = pr.readLine()) != null; ) {
            all.append(l).append('\n');
            if (l.equals("START")) t0 = System.nanoTime();
            if (l.equals("DONE")) runMs = (System.nanoTime() - t0) / 1e6;
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(runMs).as("the uninterrupted run finishes: " + all).isPositive();
        lastRunMs = runMs;
    }

    static String sha256(Path f) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** Runs the operation once to learn the after-state, then kills it {@code times} times. */
    static Outcome killRepeatedly(String op, Path base, int times, String... extra) throws Exception {
        String before, after;
        try (Workbook wb = Workbook.open(base)) {
            before = wb.contentDigest(CrashSafetyTest::normalize);
        }
        Path probe = base.resolveSibling("probe.halsa");
        Files.copy(base, probe, StandardCopyOption.REPLACE_EXISTING);
        runToEnd(op, probe, extra);
        double runMs = lastRunMs;
        try (Workbook wb = Workbook.open(probe)) {
            after = wb.contentDigest(CrashSafetyTest::normalize);
        }
        assertThat(after).isNotEqualTo(before);

        Random rnd = new Random(20261122L ^ op.hashCode());
        int nBefore = 0, nAfter = 0, killed = 0;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Path w = base.resolveSibling("run" + i + ".halsa");
            Files.copy(base, w, StandardCopyOption.REPLACE_EXISTING);
            Process child = start(op, w, extra);
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null && !line.equals("START")) {
                // wait until the operation begins
            }
            // kill anywhere in the operation (start to end, plus a little after); every other kill
            // lands in its last third, where the writing happens
            double at = i % 2 == 0 ? rnd.nextDouble() * 1.1 : 0.7 + rnd.nextDouble() * 0.4;
            long delayMicros = (long) (at * runMs * 1000);
            TimeUnit.MICROSECONDS.sleep(delayMicros);
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            killed++;
            try (Workbook wb = Workbook.open(w)) {
                String ic = wb.integrityCheck();
                String d = wb.contentDigest(CrashSafetyTest::normalize);
                if (!"ok".equals(ic)) bad.add("run " + i + ": integrity " + ic);
                else if (d.equals(before)) nBefore++;
                else if (d.equals(after)) nAfter++;
                else bad.add("run " + i + ": neither before nor after");
            }
            Files.deleteIfExists(w);
        }
        assertThat(bad).isEmpty();
        return new Outcome(killed, nBefore, nAfter);
    }

    static Process start(String op, Path file, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashWorker.class.getName(), op, file.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
