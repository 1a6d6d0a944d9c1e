package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Uppgraderar en arbetsbok från en äldre version av Hälsoläge (en säkerhetskopia sparas först).")
public final class UpgradeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARBETSBOK")
    Path workbook;

    @Override
    public Integer call() {
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            if (wb.migrationBackup() == null) {
                System.out.println("Arbetsboken " + wb.displayName() + " har redan det aktuella formatet (schema "
                        + wb.schemaVersion() + "). Inget ändrades.");
            } else {
                System.out.println("Arbetsboken " + wb.displayName() + " är uppgraderad till schema " + wb.schemaVersion()
                        + ". Originalet finns kvar som säkerhetskopia: " + wb.migrationBackup());
            }
        }
        return Cli.OK;
    }
}
