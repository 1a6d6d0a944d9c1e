package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import se.halsolage.domain.Area;
import se.halsolage.domain.PlanSettings;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "info", mixinStandardHelpOptions = true, description = "Visar inställningar och antal rader per tabell i en arbetsbok.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARBETSBOK")
    Path workbook;

    @Override
    public Integer call() {
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            String check = wb.quickCheck();
            if (!"ok".equals(check)) {
                throw new se.halsolage.domain.UserError("Arbetsboken " + wb.file().getFileName() + " är skadad "
                        + "(kontrollen av sidorna hittade fel). Återställ den senaste säkerhetskopian (mappen " + Workbook.backupFolder(wb.file()).getFileName()
                        + " bredvid filen; Arkiv › Återställ säkerhetskopia… i fönstret). Filen har inte ändrats.");
            }
            PlanSettings p = wb.settings().plan();
            System.out.println("Arbetsbok:\t" + wb.location());
            System.out.println("Schemaversion:\t" + wb.schemaVersion());
            System.out.println(wb.postgres() != null ? "Lagring:\tPostgreSQL-server (sidorna och säkerhetskopiorna sköts av servern)"
                    : "Skick:\tok (sidorna kontrollerade)");
            System.out.println("Kommun:\t" + name(wb, p.municipalityId()));
            System.out.println("Län/region:\t" + name(wb, p.countyId()));
            System.out.println("Jämförelsegrupp:\t" + name(wb, p.comparisonGroupId()));
            System.out.println("Planår:\t" + p.planYear());
            if (p.exampleData()) System.out.println("Obs:\tExempeldata – alla värden är påhittade.");
            Workbook.StorageInfo size = wb.storageInfo();
            System.out.println("Storlek:\t" + megabytes(size.totalBytes()) + (size.walBytes() > 0
                    ? " (varav " + megabytes(size.walBytes()) + " i -wal-filen, som flyttas in i filen när den stängs)" : ""));
            System.out.println("Värden:\t" + String.format(java.util.Locale.forLanguageTag("sv-SE"), "%,d", size.values()));
            System.out.println("Byte per värde:\t" + (size.values() == 0 ? "–"
                    : String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f", size.bytesPerValue())));
            System.out.println();
            System.out.println("Tabell\tAntal rader");
            for (Map.Entry<String, Long> e : wb.tableCounts().entrySet()) {
                System.out.println(e.getKey() + "\t" + e.getValue());
            }
        }
        return Cli.OK;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.forLanguageTag("sv-SE"), "%.1f MB", bytes / 1_000_000.0);
    }

    private static String name(Workbook wb, String id) {
        if (id == null) return "(inte vald)";
        return wb.areas().get(id).map(Area::name).map(n -> n + " (" + id + ")").orElse(id);
    }
}
