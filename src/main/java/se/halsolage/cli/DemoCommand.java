package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Bygger exempelarbetsboken för den påhittade \"Exempelby kommun\" (alla värden är påhittade).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "exempel.halsa", description = "Filen som skapas (standard: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Skriv över filen om den finns.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out)) {
            if (!force) throw new UserError("Filen finns redan: " + out + ". Använd --force för att skriva över den.");
            Files.delete(out);
            Files.deleteIfExists(Path.of(out + "-wal"));
            Files.deleteIfExists(Path.of(out + "-shm"));
        }
        try (Workbook wb = DemoWorkbook.build(out)) {
            System.out.printf("Exempelarbetsboken skapad: %s%n", wb.file());
            System.out.printf("  %d nyckeltal, %d värden, %d insatser, %d mål%n", wb.indicators().count(),
                    wb.observations().count(), wb.initiatives().all().size(), wb.targets().all().size());
            System.out.println("  Observera: alla värden är påhittade exempeldata.");
        }
        return Cli.OK;
    }
}
