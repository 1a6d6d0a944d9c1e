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
 * SIGKILL at a random moment. Prints "START" just before the operation and "DONE" after it.
 */
public final class CrashWorker {
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
        try (Workbook wb = Workbook.open(file)) {
            System.out.println("START");
            System.out.flush();
            switch (op) {
                case "initiatives" -> editInitiatives(wb);
                default -> throw new IllegalArgumentException(op);
            }
            System.out.println("DONE");
        }
    }

    /** A Kolada fetch from the local stand-in server, through the CLI as a user runs it. */
    static void kolada(Path file) throws Exception {
        try (se.halsolage.kolada.FakeKoladaAccess fake = new se.halsolage.kolada.FakeKoladaAccess()) {
            System.out.println("START");
            System.out.flush();
            int code = se.halsolage.cli.Cli.run(new se.halsolage.Main(), "kolada", "fetch", "--workbook", file.toString(),
                    "--kpi", "N00945,N03702", "--years", "2000-2025", "--areas", "0180,1280,1480,0319,0562,0687,1082,1083",
                    "--base-url", fake.baseUrl(), "--quiet");
            if (code != 0) throw new IllegalStateException("kolada fetch exit " + code);
        }
        System.out.println("DONE");
    }

    /**
     * An import of a generated CSV through the same ImportSession the CLI and the wizard use. START is
     * printed once the file is detected, just before the commit (backup, read, one transaction), so the
     * kills spread over the part that writes.
     */
    static void importFile(Path workbook, Path csv) {
        try (Workbook wb = Workbook.open(workbook)) {
            se.halsolage.importer.ImportSession session = se.halsolage.importer.ImportSession.open(wb, csv,
                    new se.halsolage.importer.ImportOptions(null, null));
            System.out.println("START");
            System.out.flush();
            session.commit(null, null);
            System.out.println("DONE");
        }
    }

    /** The table {@link #export} writes: deterministic, about 4 MB as CSV. */
    static se.halsolage.export.TableExport.Table exportTable() {
        List<List<?>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 150_000; i++) rows.add(List.of("Område " + (i % 290), 2000 + i % 25, (i % 1000) / 10.0 - 20, "=rad " + i));
        return new se.halsolage.export.TableExport.Table("Export", List.of("Område", "År", "Värde", "Kommentar"), rows);
    }

    /** A table export over an existing file (atomic replace). */
    static void export(Path target) {
        se.halsolage.export.TableExport.Table t = exportTable();
        System.out.println("START");
        System.out.flush();
        se.halsolage.export.TableExport.write(t, target);
        System.out.println("DONE");
    }

    /** A bulk edit of the initiative register: 40 added, every existing one changed, three deleted. */
    static void editInitiatives(Workbook wb) {
        wb.inTransaction(w -> {
            List<Initiative> existing = w.initiatives().all();
            for (int i = 0; i < 40; i++) {
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
