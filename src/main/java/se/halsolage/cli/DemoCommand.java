package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Bygger exempelarbetsboken för den påhittade \"Exempelby kommun\" (alla värden är påhittade).")
public final class DemoCommand implements Callable<Integer> {
    /** Printed on standard error once the writer lock is held and the new file is being built beside the old. */
    public static final String BUILDING = "Bygger exempelarbetsboken bredvid filen …";

    @Option(names = "--out", defaultValue = "exempel.halsa", description = "Filen som skapas (standard: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Skriv över filen om den finns (inte om den är öppen i ett annat fönster eller program).")
    boolean force;

    @Override
    public Integer call() {
        // built beside the file and swapped in atomically under its writer lock: an open workbook is never
        // touched, and an interrupted run leaves the old file or the complete new one
        try (Workbook wb = Workbook.replace(out, force, tmp -> {
            System.err.println(BUILDING);
            return DemoWorkbook.build(tmp);
        })) {
            System.out.printf("Exempelarbetsboken skapad: %s%n", wb.location());
            System.out.printf("  %d nyckeltal, %d värden, %d insatser, %d mål%n", wb.indicators().count(),
                    wb.observations().count(), wb.initiatives().all().size(), wb.targets().all().size());
            System.out.println("  Observera: alla värden är påhittade exempeldata.");
        }
        return Cli.OK;
    }
}
