package se.halsolage.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.cli.Cli;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.testing.Stores;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Optimistic concurrency on initiatives (issue 22, point 2): an edit made from what was read at one version is
 * refused with a Swedish message when someone else saved in between, and the other's edit is kept. On PostgreSQL
 * ({@link InitiativeConflictTestOnPostgres}) the two editors are two connections to one county workbook.
 */
class InitiativeConflictTest {
    @TempDir
    Path dir;

    private static Initiative named(long id, String name, String description) {
        return new Initiative(id, name, description, InitiativeKind.FRAMJANDE, null, Set.of(), Set.of(), List.of(), null,
                List.of(), null, null, InitiativeStatus.PAGAENDE, null, null, Map.of(), null);
    }

    @Test
    void aStaleEditIsRefusedAndTheFirstIsKept() {
        Path f = Stores.of(getClass()).newWorkbook(dir, "k");
        boolean twoConnections = Stores.of(getClass()) == Stores.POSTGRESQL;
        try (Workbook a = Workbook.create(f)) {
            long id = a.transaction(w -> w.initiatives().save(named(0, "Trygg i skolan", "Start"))).id();
            assertThat(a.initiatives().version(id)).hasValue(1);
            Workbook b = twoConnections ? Workbook.open(f) : a;
            try {
                // both editors read version 1
                long seenByA = a.initiatives().version(id).orElseThrow();
                long seenByB = b.initiatives().version(id).orElseThrow();
                a.transaction(w -> w.initiatives().save(named(id, "Trygg i skolan", "Ljungbys text"), seenByA));
                assertThat(a.initiatives().version(id)).hasValue(2);
                Initiative mine = named(id, "Trygg i skolan", "Växjös text");
                assertThatThrownBy(() -> b.transaction(w -> w.initiatives().save(mine, seenByB)))
                        .isInstanceOfSatisfying(InitiativeRepository.EditConflict.class, e -> {
                            assertThat(e.getMessage()).isEqualTo("Någon annan har ändrat insatsen " + id + " (Trygg i skolan) "
                                    + "sedan du öppnade den; din ändring sparades inte – öppna den igen och gör ändringen på nytt.");
                            assertThat(e.refused().description()).isEqualTo("Växjös text");
                        });
                assertThat(b.initiatives().get(id).orElseThrow().description()).isEqualTo("Ljungbys text");
                assertThat(b.initiatives().version(id)).hasValue(2);
                // read again, the edit goes through
                b.transaction(w -> w.initiatives().save(mine, w.initiatives().version(id).orElseThrow()));
                assertThat(a.initiatives().get(id).orElseThrow().description()).isEqualTo("Växjös text");
                assertThat(a.initiatives().version(id)).hasValue(3);
                // a deleted initiative is a conflict too, not silently re-created
                a.inTransaction(w -> w.initiatives().delete(id));
                assertThatThrownBy(() -> b.transaction(w -> w.initiatives().save(mine, 3)))
                        .isInstanceOf(InitiativeRepository.EditConflict.class);
                assertThat(a.initiatives().get(id)).isEmpty();
            } finally {
                if (b != a) b.close();
            }
        }
    }

    @Test
    void theCommandLineRefusesAStaleVersionWithExit1AndChangesNothing() {
        Path f = Stores.of(getClass()).newWorkbook(dir, "c");
        long id;
        try (Workbook w = Workbook.create(f)) {
            id = w.transaction(x -> x.initiatives().save(named(0, "Rörelse för unga", "Start"))).id();
            w.transaction(x -> x.initiatives().save(named(id, "Rörelse för unga", "Ändrad av någon annan")));
        }
        String before = Stores.fingerprint(f);
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Cli.run(new se.halsolage.Main(), "initiatives", f.toString(), "--id", "" + id, "--if-version", "1",
                    "--description", "Min text");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e).isEqualTo(1);
        assertThat(e).contains("Någon annan har ändrat insatsen " + id + " (Rörelse för unga) sedan du öppnade den")
                .doesNotContain("Exception");
        assertThat(Stores.fingerprint(f)).isEqualTo(before);
        // with the version it prints, the edit goes through
        out.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = Cli.run(new se.halsolage.Main(), "initiatives", f.toString(), "--id", "" + id, "--if-version", "2",
                    "--description", "Min text");
        } finally {
            System.setOut(oldOut);
        }
        assertThat(code).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("– version 3");
    }
}
