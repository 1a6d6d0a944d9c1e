package se.halsolage.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.TargetGroup;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILLs while a command replaces a whole workbook: {@code demo --out W --force} over an existing
 * workbook, and the restore of a backup. Each time W must be the complete old workbook or the complete
 * new one (integrity check and content digest), never missing, empty or half-built; hidden temporary
 * files may be left, and the next replace removes them. Uses the harness of {@link CrashSafetyTest}.
 */
class ReplaceCrashTest {
    @TempDir
    Path dir;

    /** An edited demo workbook, so that its content differs from a freshly built one. */
    static void oldWorkbook(Path file, String name) {
        try (Workbook wb = DemoWorkbook.build(file)) {
            wb.inTransaction(w -> w.initiatives().save(new Initiative(0, name, "Gammal insats", InitiativeKind.FRAMJANDE,
                    "Allas barn", Set.of(TargetGroup.UNGA), Set.of(Malomrade.M6), List.of(), "Samordnare", List.of(), 2020,
                    null, InitiativeStatus.PAGAENDE, Maturity.PLANERING, null, Map.of())));
        }
    }

    static String digest(Path f) {
        try (Workbook wb = Workbook.open(f)) {
            String ic = wb.integrityCheck();
            return "ok".equals(ic) ? wb.contentDigest(CrashSafetyTest::normalize) : "integrity " + ic;
        }
    }

    @Test
    void demoForceLeavesTheOldOrTheNewWorkbookNeverAThirdState() throws Exception {
        Path base = dir.resolve("base.halsa");
        oldWorkbook(base, "Insatsen som bara finns i den gamla arbetsboken");
        String before = digest(base);
        Path probe = dir.resolve("probe.halsa");
        Files.copy(base, probe);
        double[] cal = CrashSafetyTest.runToEnd("demo", probe);
        String after = digest(probe);
        assertThat(after).isNotEqualTo(before);
        Path w = dir.resolve("run.halsa");
        CrashSafetyTest.Outcome o = CrashSafetyTest.killRepeatedly("demo", cal, () -> {
            CrashSafetyTest.deleteWorkbook(w);
            Files.copy(base, w);
        }, f -> judge(f, before, after), new Random(20261204L), w);
        CrashSafetyTest.report("demo --force", o, "the old workbook", "the new one");
        // what kills leave beside it is hidden and removed by the next replace
        assertThat(CrashSafetyTest.runToEnd("demo", w)).hasSize(2);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".run.halsa."))).isEmpty();
        }
    }

    @Test
    void restoreOfABackupLeavesTheOldOrTheRestoredWorkbook() throws Exception {
        Path base = dir.resolve("base.halsa");
        oldWorkbook(base, "Insatsen i den nuvarande arbetsboken");
        Path chosen = dir.resolve("vald-kopia.halsa");
        oldWorkbook(chosen, "Insatsen i säkerhetskopian");
        String before = digest(base);
        String after = digest(chosen);
        assertThat(after).isNotEqualTo(before);
        Path probe = dir.resolve("probe.halsa");
        Files.copy(base, probe);
        double[] cal = CrashSafetyTest.runToEnd("restore", probe, chosen.toString());
        assertThat(digest(probe)).isEqualTo(after);
        Path w = dir.resolve("run.halsa");
        CrashSafetyTest.Outcome o = CrashSafetyTest.killRepeatedly("restore", cal, () -> {
            CrashSafetyTest.deleteWorkbook(w);
            deleteTree(Workbook.backupFolder(w));
            Files.copy(base, w, StandardCopyOption.REPLACE_EXISTING);
        }, f -> judge(f, before, after), new Random(20261205L), w, chosen.toString());
        CrashSafetyTest.report("restore", o, "the old workbook", "the restored one");
        assertThat(digest(chosen)).as("the chosen backup itself is never changed").isEqualTo(after);
    }

    static String judge(Path f, String before, String after) {
        if (!Files.isRegularFile(f)) return "no file left";
        String d;
        try {
            d = digest(f);
        } catch (RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
        return d.equals(before) ? "before" : d.equals(after) ? "after" : "neither before nor after (" + d + ")";
    }

    static void deleteTree(Path d) throws Exception {
        if (!Files.exists(d)) return;
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
