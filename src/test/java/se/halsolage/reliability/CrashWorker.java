package se.halsolage.reliability;

import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.TargetGroup;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one operation on a workbook in a child process so {@link CrashSafetyTest} can kill it with
 * SIGKILL at a random moment. Prints "START" just before the operation, "TX" when the write phase
 * begins (from inside the workbook transaction; for the export, as the file is written) and "DONE"
 * after the commit.
 */
public final class CrashWorker {
    /** Initiatives the bulk edit adds: enough that the write transaction lasts a measurable while. */
    static final int NEW_INITIATIVES = 1500;

    /** Catalogue indicators the fake Kolada serves made-up values for (8 areas x 26 years x 3 genders each). */
    static final List<String> GENERATED_KPIS = List.of("N00003", "N00005", "N00009", "N00011", "N00012", "N00014");

    static void marker(String m) {
        System.out.println(m);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        String op = args[0];
        Path file = Path.of(args[1]);
        if (op.equals("kolada")) {
            kolada(file);
            return;
        }
        if (op.equals("import")) {
            importFile(file, Path.of(args[2]));
            return;
        }
        if (op.equals("export")) {
            export(file);
            return;
        }
        if (op.equals("demo")) {
            demo(file);
            return;
        }
        if (op.equals("restore")) {
            restore(file, Path.of(args[2]));
            return;
        }
        marker("START");
        try (Workbook wb = Workbook.open(file)) {
            switch (op) {
                case "initiatives" -> editInitiatives(wb);
                default -> throw new IllegalArgumentException(op);
            }
            marker("DONE");
        }
    }

    /**
     * A Kolada fetch from the local stand-in server, through the CLI as a user runs it. The CLI prints its
     * progress on standard error; the line {@link se.halsolage.kolada.FetchListener#SAVING}, given inside the
     * transaction, becomes "TX".
     */
    static void kolada(Path file) throws Exception {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            public void println(String x) {
                if (se.halsolage.kolada.FetchListener.SAVING.equals(x)) marker("TX");
                else super.println(x);
            }
        });
        // Kolada's real rows (N00945, N03702) when ../shared is there; the generated values always
        boolean real = se.halsolage.testing.SharedFiles.available("data/kolada/grp_data.csv");
        try (se.halsolage.kolada.FakeKoladaAccess fake = new se.halsolage.kolada.FakeKoladaAccess(real)) {
            List<String> areas = List.of("0180", "1280", "1480", "0319", "0562", "0687", "1082", "1083");
            for (String k : GENERATED_KPIS) fake.addGenerated(k, areas, 2000, 2025);
            marker("START");
            int code = se.halsolage.cli.Cli.run(new se.halsolage.Main(), "kolada", "fetch", "--workbook", file.toString(),
                    "--kpi", (real ? "N00945,N03702," : "") + String.join(",", GENERATED_KPIS), "--years", "2000-2025", "--areas", "0180,1280,1480,0319,0562,0687,1082,1083",
                    "--base-url", fake.baseUrl());
            if (code != 0) throw new IllegalStateException("kolada fetch exit " + code);
        }
        marker("DONE");
    }

    /**
     * An import of a generated CSV through the same ImportSession the CLI and the wizard use. START is
     * printed once the file is detected, just before the commit (backup, then one transaction); "TX" at the
     * first progress callback, which the commit gives from inside its transaction.
     */
    static void importFile(Path workbook, Path csv) {
        try (Workbook wb = Workbook.open(workbook)) {
            se.halsolage.importer.ImportSession session = se.halsolage.importer.ImportSession.open(wb, csv,
                    new se.halsolage.importer.ImportOptions(null, null));
            marker("START");
            boolean[] tx = {false};
            session.commit((sheet, row, n) -> {
                if (!tx[0]) {
                    if (!wb.isInTransaction()) throw new IllegalStateException("progress outside the transaction");
                    tx[0] = true;
                    marker("TX");
                }
            }, null);
            marker("DONE");
        }
    }

    /**
     * {@code halsolage demo --out FILE --force} over an existing workbook, through the CLI. The line
     * {@link se.halsolage.cli.DemoCommand#BUILDING}, given once the writer lock is held and the new file is
     * being built beside the old one, becomes "TX"; the swap comes at the end of that phase.
     */
    static void demo(Path file) {
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            public void println(String x) {
                if (se.halsolage.cli.DemoCommand.BUILDING.equals(x)) marker("TX");
                else super.println(x);
            }
        });
        marker("START");
        int code = se.halsolage.cli.Cli.run(new se.halsolage.Main(), "demo", "--out", file.toString(), "--force");
        if (code != 0) throw new IllegalStateException("demo exit " + code);
        marker("DONE");
    }

    /** Puts a backup back ({@code Backups.restore}, as Arkiv › Återställ säkerhetskopia does). TX as it starts. */
    static void restore(Path file, Path backup) {
        marker("START");
        marker("TX");
        se.halsolage.workbook.Backups.restore(file, backup);
        marker("DONE");
    }

    /** The table {@link #export} writes: deterministic, about 4 MB as CSV. */
    static se.halsolage.export.TableExport.Table exportTable() {
        List<List<?>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 150_000; i++) rows.add(List.of("Område " + (i % 290), 2000 + i % 25, (i % 1000) / 10.0 - 20, "=rad " + i));
        return new se.halsolage.export.TableExport.Table("Export", List.of("Område", "År", "Värde", "Kommentar"), rows);
    }

    /** A table export over an existing file (atomic replace). The write phase is the whole of the write. */
    static void export(Path target) {
        marker("START");
        se.halsolage.export.TableExport.Table t = exportTable();
        marker("TX");
        se.halsolage.export.TableExport.write(t, target);
        marker("DONE");
    }

    /** A bulk edit of the initiative register: 1 500 added, every existing one changed, three deleted. */
    static void editInitiatives(Workbook wb) {
        wb.inTransaction(w -> {
            marker("TX");
            List<Initiative> existing = w.initiatives().all();
            for (int i = 0; i < NEW_INITIATIVES; i++) {
                w.initiatives().save(new Initiative(0, "Ny insats " + i, "Beskrivning " + i, InitiativeKind.FOREBYGGANDE,
                        "Allas barn", Set.of(TargetGroup.UNGA), Set.of(Malomrade.M6), List.of("N15643"), "Samordnare",
                        List.of("Elevhälsan", "Polisen"), 2026, null, InitiativeStatus.PLANERAD, Maturity.PLANERING, null,
                        Map.of(2026, "Anteckning " + i)));
            }
            for (Initiative in : existing) {
                w.initiatives().save(new Initiative(in.id(), in.name() + " (reviderad)", in.description(), in.kind(),
                        in.workGroup(), in.targetGroups(), in.malomraden(), in.indicatorIds(), in.responsible(),
                        in.partners(), in.startYear(), in.endYear(), in.status(), in.maturity(), in.qualityStep(),
                        Map.of(2027, "Ny anteckning")));
            }
            for (int i = 0; i < 3 && i < existing.size(); i++) w.initiatives().delete(existing.get(i).id());
        });
    }
}
