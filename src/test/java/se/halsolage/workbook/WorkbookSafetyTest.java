package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Replacing a whole workbook (demo --force, restore, upgrade) under the writer lock, reading without
 * writing anything beside the file, the backup budget, and the messages for special files.
 */
class WorkbookSafetyTest {
    @TempDir
    Path dir;

    static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Workbook small(Path file, String year) {
        Workbook wb = Workbook.create(file);
        wb.inTransaction(w -> w.settings().set("plan_year", year));
        return wb;
    }

    @Test
    void anOpenWorkbookIsNeverReplacedAndTheMessageSaysWhoHoldsIt() throws Exception {
        Path file = dir.resolve("open.halsa");
        try (Workbook open = small(file, "2025")) {
            String before = sha(file);
            List<String> files = names();
            boolean[] built = {false};
            assertThatThrownBy(() -> Workbook.replace(file, true, tmp -> {
                built[0] = true;
                return small(tmp, "2030");
            })).isInstanceOf(WorkbookBusyException.class)
                    .hasMessageContaining("redan öppen")
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
            assertThat(built[0]).as("nothing is built while another holds the workbook").isFalse();
            assertThat(sha(file)).isEqualTo(before);
            assertThat(names()).isEqualTo(files);
            open.inTransaction(w -> w.settings().set("plan_year", "2026")); // the open workbook still works
        }
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.settings().get("plan_year")).contains("2026");
        }
    }

    @Test
    void replaceSwapsInTheNewFileAndLeavesTheOldOneWhenTheBuildFails() throws Exception {
        Path file = dir.resolve("w.halsa");
        small(file, "2025").close();
        String before = sha(file);
        assertThatThrownBy(() -> Workbook.replace(file, true, tmp -> {
            small(tmp, "2030").close();
            throw new IllegalStateException("byggfel");
        })).hasMessage("byggfel");
        assertThat(sha(file)).isEqualTo(before);
        assertThat(names()).containsExactly("w.halsa");
        // a leftover from a killed build is removed by the next replace
        Files.writeString(dir.resolve(".w.halsa.ny-abc123.tmp"), "halvfärdig");
        Files.writeString(dir.resolve(".w.halsa.ny-abc123.tmp-wal"), "halvfärdig");
        try (Workbook wb = Workbook.replace(file, true, tmp -> small(tmp, "2030"))) {
            assertThat(wb.file()).isEqualTo(file.toAbsolutePath());
            assertThat(wb.settings().get("plan_year")).contains("2030");
            assertThat(wb.isReadOnly()).isFalse();
        }
        assertThat(names()).containsExactly("w.halsa");
        assertThatThrownBy(() -> Workbook.replace(file, false, tmp -> small(tmp, "2031")))
                .hasMessageContaining("Filen finns redan");
    }

    @Test
    void anUpgradeRunsOnACopyAndLeavesNothingBeside() throws Exception {
        Path file = dir.resolve("old.halsa");
        Workbook.createAtVersion(file, "10");
        String before = sha(file);
        try (Workbook ro = Workbook.openReadOnly(file)) {
            assertThat(ro.needsUpgrade()).isTrue();
            assertThat(ro.schemaNumber()).isEqualTo(10);
        }
        assertThat(sha(file)).as("reading an old workbook does not migrate it").isEqualTo(before);
        assertThat(names()).containsExactly("old.halsa");
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.needsUpgrade()).isFalse();
            assertThat(wb.migrationBackup()).exists();
        }
        assertThat(names()).containsExactly("old.halsa", "old.halsa.backups");
    }

    @Test
    void readingCreatesNothingBesideTheFile() throws Exception {
        Path file = dir.resolve("r.halsa");
        small(file, "2025").close();
        String before = sha(file);
        try (Workbook ro = Workbook.openReadOnly(file)) {
            assertThat(ro.settings().get("plan_year")).contains("2025");
            assertThat(ro.quickCheck()).isEqualTo("ok");
            assertThatThrownBy(() -> ro.inTransaction(w -> w.settings().set("plan_year", "2027"))).hasMessageContaining("skrivskyddad");
            assertThat(names()).as("no -wal or -shm while reading").containsExactly("r.halsa", "r.halsa.lock");
            // a writer is kept out while the file is read as immutable, and told why
            assertThatThrownBy(() -> Workbook.open(file)).isInstanceOf(WorkbookBusyException.class).hasMessageContaining("läser");
        }
        assertThat(names()).containsExactly("r.halsa");
        assertThat(sha(file)).isEqualTo(before);
    }

    @Test
    void anEmptySqliteFileIsNotTurnedIntoAWorkbook() throws Exception {
        Path file = dir.resolve("empty.halsa");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 1"); // writes the header: a valid SQLite file without tables
        }
        String before = sha(file);
        assertThatThrownBy(() -> Workbook.openReadOnly(file)).hasMessageContaining("tom SQLite-databas");
        assertThatThrownBy(() -> Workbook.open(file)).hasMessageContaining("tom SQLite-databas");
        assertThat(sha(file)).isEqualTo(before);
        assertThat(names()).containsExactly("empty.halsa");
    }

    @Test
    void backupsAreKeptWithinTheCountAndSizeBudget() throws Exception {
        Path file = dir.resolve("b.halsa");
        try (Workbook wb = small(file, "2025")) {
            for (int i = 0; i < 13; i++) wb.backup("fore-import");
            assertThat(Backups.list(file)).hasSize(Backups.KEEP);
            long one = Files.size(Backups.list(file).get(0));
            System.setProperty(Backups.MAX_BYTES_PROPERTY, Long.toString(3 * one + one / 2));
            try {
                Path newest = wb.backup("fore-import");
                assertThat(Backups.list(file)).as("3½ backups' worth: the oldest pruned down to 3").hasSize(3)
                        .first().isEqualTo(newest);
                System.setProperty(Backups.MAX_BYTES_PROPERTY, "1");
                Path last = wb.backup("fore-import");
                assertThat(Backups.list(file)).as("the newest is kept even over the budget").containsExactly(last);
            } finally {
                System.clearProperty(Backups.MAX_BYTES_PROPERTY);
            }
        }
    }

    @Test
    void aReadOnlyFileIsRefusedForWritingButCanBeRead() throws Exception {
        assumeThat(System.getProperty("user.name")).as("root may write to any file; skipped").isNotEqualTo("root");
        Path file = dir.resolve("ro.halsa");
        small(file, "2025").close();
        String before = sha(file);
        assertThat(file.toFile().setWritable(false)).isTrue();
        try {
            assertThatThrownBy(() -> Workbook.open(file)).hasMessageContaining("är skrivskyddad").hasMessageNotContaining("SQLITE");
            try (Workbook ro = Workbook.openReadOnly(file)) {
                assertThat(ro.settings().get("plan_year")).contains("2025");
            }
            assertThat(sha(file)).isEqualTo(before);
        } finally {
            file.toFile().setWritable(true);
        }
    }

    @Test
    void specialFilesGetTheirOwnMessage() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("mapp.halsa"));
        assertThatThrownBy(() -> Workbook.open(folder)).hasMessageContaining("är en mapp, inte en fil");
        Path loop = dir.resolve("slinga.halsa");
        Files.createSymbolicLink(loop, loop.getFileName());
        assertThatThrownBy(() -> Workbook.open(loop)).hasMessageContaining("länkslinga");
        assertThatThrownBy(() -> Workbook.openReadOnly(loop)).hasMessageContaining("länkslinga");
        Path dangling = dir.resolve("borta.halsa");
        Files.createSymbolicLink(dangling, dir.resolve("finns-inte.halsa"));
        assertThatThrownBy(() -> Workbook.open(dangling)).hasMessageContaining("länk till något som inte finns");
        assertThatThrownBy(() -> Workbook.open(dir.resolve("saknas.halsa"))).hasMessageContaining("Arbetsboken finns inte");
        assumeThat(Path.of("/dev/zero")).exists();
        Path zero = dir.resolve("noll.halsa");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        assertThatThrownBy(() -> Workbook.open(zero)).hasMessageContaining("teckenenhet").hasMessageContaining("via en länk");
        Path fifo = dir.resolve("ror.halsa");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(p.waitFor()).as("mkfifo").isZero();
        assertThatThrownBy(() -> Workbook.open(fifo)).hasMessageContaining("namngiven rörledning (FIFO)");
    }
}
