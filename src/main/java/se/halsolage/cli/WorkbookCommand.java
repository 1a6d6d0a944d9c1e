package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.domain.UserError;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.PostgresStore;
import se.halsolage.workbook.WorkbookCopy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code halsolage workbook copy}: moving a workbook between a .halsa file and a county workbook on PostgreSQL. */
@Command(name = "workbook", mixinStandardHelpOptions = true,
        description = "Arbetsboken som helhet: 'copy' kopierar den mellan en .halsa-fil och en länsarbetsbok på PostgreSQL.",
        subcommands = {WorkbookCommand.Copy.class})
public final class WorkbookCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("Ange 'copy', t.ex. 'halsolage workbook copy --from kommun.halsa --to "
                + "postgresql://server/halsolage?user=analytiker'. Skriv 'halsolage workbook --help' för hjälp.");
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Kopierar hela arbetsboken (alla värden, källor, ursprung, planer och ångringslogg) till en ny "
                    + "arbetsbok: från en fil till PostgreSQL (postgresql://server/databas?user=namn&schema=namn) eller tillbaka. "
                    + "Kopian jämförs rad för rad med originalet. Lösenordet läses från PGPASSFILE/~/.pgpass.")
    static final class Copy implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken som kopieras (läses bara).")
        Path from;

        @Option(names = "--to", required = true, paramLabel = "ARBETSBOK", description = "Den nya arbetsboken (får inte finnas).")
        Path to;

        @Override
        public Integer call() {
            WorkbookCopy.Result r = WorkbookCopy.copy(from, to);
            Map<String, Long> rows = r.rows();
            String target = PostgresStore.is(to) ? PostgresStore.of(to).address() : to.toAbsolutePath().toString();
            System.out.println("Kopierad till " + target + ": " + SwedishNumbers.number(r.total(), 0) + " rader i "
                    + rows.size() + " tabeller, varav " + SwedishNumbers.number(rows.getOrDefault("obs", 0L), 0) + " värden och "
                    + SwedishNumbers.number(rows.getOrDefault("sources", 0L), 0) + " källor; varje rad jämförd med originalet.");
            return Cli.OK;
        }
    }
}
