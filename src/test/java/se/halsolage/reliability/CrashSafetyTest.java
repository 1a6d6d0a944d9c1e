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
 * Kills a child process (SIGKILL via {@link ProcessHandle#destroyForcibly()}) while it changes a workbook,
 * 50 times per operation. Each time the workbook must pass PRAGMA integrity_check and hold exactly the
 * state before or after the operation.
 *
 * <p>The child prints START, then TX when the write phase begins (from inside the transaction) and DONE
 * after the commit. A calibration run measures both phases; a third of the kills then fall uniformly over
 * the whole operation and two thirds uniformly inside [TX, DONE + 10 %], timed from the TX line. Where a
 * kill landed is read from what the child managed to print before it died (the pipe keeps it): no TX,
 * TX without DONE (inside the write phase), or DONE. Each operation must have kills inside its write
 * phase, or the harness would prove nothing.
 */
class CrashSafetyTest {
    static final int KILLS = Integer.getInteger("crash.kills", 50);
    /** At least this many kills per operation must land inside the write phase (aimed: about two thirds). */
    static final int MIN_IN_WRITE_PHASE = Math.max(1, KILLS / 5);

    @TempDir
    Path dir;

    /** Where kills landed (by the child's markers) and what they left. */
    record Outcome(int beforeTx, int inWrite, int afterDone, int leftBefore, int leftAfter,
                   int inWriteLeftBefore, int inWriteLeftAfter, double toTxMs, double writeMs, double steeredMs) {
        String line(String op, String beforeWord, String afterWord) {
            return String.format(java.util.Locale.ROOT, "crash-safety %s: %d kills: %d before TX, %d inside the write phase, %d after DONE;"
                            + " %d left %s, %d %s (write-phase kills: %d %s, %d %s); 0 corrupt, 0 third state;"
                            + " calibration START->TX %.0f ms, TX->DONE %.0f ms (steered to %.0f ms)",
                    op, beforeTx + inWrite + afterDone, beforeTx, inWrite, afterDone, leftBefore, beforeWord, leftAfter, afterWord,
                    inWriteLeftBefore, beforeWord, inWriteLeftAfter, afterWord, toTxMs, writeMs, steeredMs);
        }
    }

    /** Judges the file a killed child left: "before", "after", or a description of what is wrong. */
    @FunctionalInterface
    interface Judge {
        String judge(Path file) throws Exception;
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
        report("initiatives", killWorkbookRepeatedly("initiatives", base), "before", "after");
    }

    @Test
    void koladaFetchSurvivesSigkill() throws Exception {
        Path base = dir.resolve("base.halsa");
        try (Workbook wb = DemoWorkbook.build(base)) {
            wb.backup("kontroll");
        }
        report("kolada", killWorkbookRepeatedly("kolada", base), "before", "after");
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
                for (int k = 1; k <= IMPORT_KPIS; k++) sb.append(a).append(';').append(y).append(";Provtal ").append(k).append(';')
                        .append((y * 7 + k * 13) % 1000 / 10.0).append("\r\n");
            }
        }
        Files.writeString(csv, sb.toString().replace('.', ','));
        report("import", killWorkbookRepeatedly("import", base, csv.toString()), "before", "after");
    }

    /** Indicators per area and year in the generated import: 8 areas x 25 years x 40 = 8 000 values. */
    static final int IMPORT_KPIS = 40;

    /**
     * An export replacing an existing file, killed at random: the file is always the complete old one or
     * the complete new one (a hidden temporary file may be left beside it; it never replaces anything).
     */
    @Test
    void exportReplacesTheFileWhollyOrNotAtAll() throws Exception {
        Path target = dir.resolve("export.csv");
        Path probe = dir.resolve("probe.csv");
        Files.writeString(probe, "gammal export\r\n");
        double[] cal = runToEnd("export", probe);
        String after = sha256(probe);
        String before = sha256(Files.writeString(target, "gammal export\r\n"));
        assertThat(after).isNotEqualTo(before);
        Outcome o = killRepeatedly("export", cal, () -> Files.writeString(target, "gammal export\r\n"), f -> {
            String d = sha256(f);
            return d.equals(before) ? "before" : d.equals(after) ? "after" : "partial file of " + Files.size(f) + " bytes";
        }, new Random(20261122L), target);
        report("export", o, "the old file", "the new one");
    }

    static void report(String op, Outcome o, String beforeWord, String afterWord) {
        System.out.println(o.line(op, beforeWord, afterWord));
        assertThat(o.inWrite()).as("kills inside the write phase of " + op + " (else the harness proves nothing)")
                .isGreaterThanOrEqualTo(MIN_IN_WRITE_PHASE);
    }

    /**
     * Runs an operation uninterrupted and returns {START to TX, TX to DONE} in milliseconds, as the
     * parent sees the lines arrive.
     */
    static double[] runToEnd(String op, Path file, String... extra) throws Exception {
        Process p = start(op, file, extra);
        BufferedReader pr = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long t0 = 0, tx = 0, done = 0;
        StringBuilder all = new StringBuilder();
        for (String l; (l = pr.readLine()) != null; ) {
            all.append(l).append('\n');
            if (l.equals("START")) t0 = System.nanoTime();
            if (l.equals("TX")) tx = System.nanoTime();
            if (l.equals("DONE")) done = System.nanoTime();
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(all.toString()).isZero();
        assertThat(t0 > 0 && tx >= t0 && done >= tx).as("START, TX and DONE in order: " + all).isTrue();
        return new double[]{(tx - t0) / 1e6, (done - tx) / 1e6};
    }

    static String sha256(Path f) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** Runs the operation once to learn the after-state and the phase durations, then kills it KILLS times. */
    static Outcome killWorkbookRepeatedly(String op, Path base, String... extra) throws Exception {
        String before, after;
        try (Workbook wb = Workbook.open(base)) {
            before = wb.contentDigest(CrashSafetyTest::normalize);
        }
        Path probe = base.resolveSibling("probe.halsa");
        Files.copy(base, probe, StandardCopyOption.REPLACE_EXISTING);
        double[] cal = runToEnd(op, probe, extra);
        try (Workbook wb = Workbook.open(probe)) {
            after = wb.contentDigest(CrashSafetyTest::normalize);
        }
        assertThat(after).isNotEqualTo(before);
        Path w = base.resolveSibling("run.halsa");
        return killRepeatedly(op, cal, () -> {
            deleteWorkbook(w);
            Files.copy(base, w);
        }, f -> {
            try (Workbook wb = Workbook.open(f)) {
                String ic = wb.integrityCheck();
                String d = wb.contentDigest(CrashSafetyTest::normalize);
                if (!"ok".equals(ic)) return "integrity " + ic;
                return d.equals(before) ? "before" : d.equals(after) ? "after" : "neither before nor after";
            }
        }, new Random(20261122L ^ op.hashCode()), w, extra);
    }

    static void deleteWorkbook(Path w) throws Exception {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal"}) Files.deleteIfExists(w.resolveSibling(w.getFileName() + suffix));
    }

    interface Reset {
        void run() throws Exception;
    }

    /**
     * Kills the operation {@link #KILLS} times: every third kill uniformly over [START, DONE + 10 %], the
     * others uniformly over [TX, DONE + 10 % of the write phase], timed from the TX line. The write phase's
     * length starts at the calibration run's and is steered as kills land (shorter after a kill past DONE,
     * a little longer after one inside), so the aimed window keeps covering the commit on a loaded machine.
     */
    static Outcome killRepeatedly(String op, double[] cal, Reset reset, Judge judge, Random rnd, Path file, String... extra)
            throws Exception {
        double toTx = cal[0], write = cal[1], est = write;
        int beforeTx = 0, inWrite = 0, afterDone = 0, leftBefore = 0, leftAfter = 0, wBefore = 0, wAfter = 0;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            reset.run();
            Process child = start(op, file, extra);
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            boolean aimed = i % 3 != 0;
            String wanted = aimed ? "TX" : "START";
            boolean found = false;
            for (String line; !found && (line = r.readLine()) != null; ) {
                seen.append(line).append('\n');
                found = line.equals(wanted);
            }
            double window = aimed ? est * 1.1 : (toTx + est) * 1.1;
            TimeUnit.MICROSECONDS.sleep((long) (rnd.nextDouble() * window * 1000));
            // SIGKILL through the process handle: unlike Process.destroyForcibly it leaves the pipe open, so
            // every line the child printed before it died can still be read
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (String line; (line = r.readLine()) != null; ) seen.append(line).append('\n');
            List<String> markers = seen.toString().lines().toList();
            boolean tx = markers.contains("TX"), done = markers.contains("DONE");
            if (!found) {
                bad.add("run " + i + ": the child ended without " + wanted + ": " + seen);
                continue;
            }
            if (aimed) {
                // The write phase under load is often longer than in the calibration run; steer the estimate so
                // that about one aimed kill in ten lands after DONE, i.e. the window really spans the commit.
                est *= done ? 0.9 : 1.0111;
            }
            String verdict = judge.judge(file);
            if (done) afterDone++;
            else if (tx) inWrite++;
            else beforeTx++;
            switch (verdict) {
                case "before" -> {
                    leftBefore++;
                    if (tx && !done) wBefore++;
                    if (done) bad.add("run " + i + ": killed after DONE but the state before");
                }
                case "after" -> {
                    leftAfter++;
                    if (tx && !done) wAfter++;
                    if (!tx) bad.add("run " + i + ": killed before TX but the state after");
                }
                default -> bad.add("run " + i + ": " + verdict);
            }
        }
        assertThat(bad).isEmpty();
        return new Outcome(beforeTx, inWrite, afterDone, leftBefore, leftAfter, wBefore, wAfter, toTx, write, est);
    }

    static Process start(String op, Path file, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        // the worker sees the same application-data folder (a temporary one, never the real home) and shared folder
        for (String p : List.of("halsolage.home", "halsolage.shared")) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(), op, file.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }
}
