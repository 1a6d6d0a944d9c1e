package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.bench.BenchResult;
import se.halsolage.bench.Benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Mäter prestanda på genererade data och skriver en tabell med mätvärden, mål och referenser.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--work", defaultValue = "target/bench", description = "Mapp för genererade data (standard: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--quick", description = "Mindre data: för att prova att allt fungerar, inte för att mäta.")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "FALL",
            description = "Kör bara dessa mätfall, kommaseparerade: csv, xlsx, enkat, stor, rapport, start, volym; pg (med --postgresql) mäter en länsarbetsbok på PostgreSQL "
                    + "(standard: alla utom volym, som skriver en arbetsbok på ~1 GB).")
    List<String> only;

    @Option(names = "--volym-nyckeltal", paramLabel = "N", defaultValue = "2000",
            description = "Antal nyckeltal i volymfallet (standard: ${DEFAULT-VALUE} = 28 miljoner värden).")
    int volumeIndicators;

    @Option(names = "--postgresql", paramLabel = "ADRESS",
            description = "PostgreSQL-server för mätfallet pg (postgresql://server/databas?user=namn; lösenord i PGPASSFILE).")
    String postgresql;

    @Override
    public Integer call() throws Exception {
        System.out.printf("Hälsoläge %s – prestandamätning (%s, %d kärnor, Java %s, max heap %d MB)%n%n", Cli.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1024 / 1024);
        Benchmarks bench = new Benchmarks(work, System.out, quick,
                only == null || only.isEmpty() ? java.util.Set.copyOf(Benchmarks.DEFAULT_CASES) : java.util.Set.copyOf(only))
                .volumeIndicators(volumeIndicators).postgres(postgresql);
        List<BenchResult> results = bench.run();
        System.out.println();
        Benchmarks.print(results, System.out);
        Benchmarks.printSkipped(bench.skipped(), System.out);
        return Cli.OK;
    }
}
