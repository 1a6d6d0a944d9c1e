package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.analysis.ComparisonSets;
import se.halsolage.analysis.ComparisonTable;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.UserError;
import se.halsolage.export.AtomicFiles;
import se.halsolage.export.TableExport;
import se.halsolage.workbook.Workbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** halsolage table --workbook W --indicator ID [--compare SET] [--periods P,…] --out F.xlsx|csv|tsv */
@Command(name = "table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Skriver en tabell med områden × perioder för ett nyckeltal: den egna kommunen, länet, riket och "
                + "kommunerna i en jämförelsemängd. xlsx med tal som tal, csv som svenska Excel öppnar (semikolon, "
                + "decimalkomma), tsv (tabbseparerad text att klistra in i Excel). '..' sekretess, '–' saknas och '.' "
                + "ej tillämpligt står kvar som i källan."},
        footer = {"", "Exempel: halsolage table --workbook vaxjo.halsa --indicator N15643 --compare lan --out trygg.xlsx"})
public final class TableCommand implements Callable<Integer> {
    @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path workbook;

    @Option(names = "--indicator", required = true, paramLabel = "ID|TEXT", description = "Nyckeltalets id (t.ex. N15643) eller ord ur namnet.")
    String indicator;

    @Option(names = "--compare", paramLabel = "MÄNGD", description = "lan, liknande, alla, ett grupp-id eller en sparad mängd (standard: lan).")
    String compare;

    @Option(names = "--periods", split = ",", paramLabel = "PERIOD", description = "Perioderna (standard: alla som finns).")
    List<String> periods;

    @Option(names = "--out", required = true, paramLabel = "FIL", description = "Utfil: .xlsx, .csv eller .tsv.")
    Path out;

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv") && !name.endsWith(".tsv") && !name.endsWith(".txt")) {
            throw new UserError("Utfilen ska sluta på .xlsx, .csv eller .tsv: " + out);
        }
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            Indicator ind = WorkbookArgs.indicator(wb, indicator);
            var set = new ComparisonSets(wb).resolve(compare == null ? ComparisonSets.COUNTY : compare);
            ComparisonTable t = ComparisonTable.of(wb, ind, set, periods);
            if (name.endsWith(".tsv") || name.endsWith(".txt")) {
                byte[] bytes = t.tsv().getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(out, o -> o.write(bytes));
            } else {
                String title = ind.id();
                TableExport.write(new TableExport.Table(title, t.header(), t.cells()), out);
            }
            System.out.println(out);
            System.out.println(ind.displayTitle() + ", " + set.name() + ": " + t.rows().size() + " områden × " + t.periods().size()
                    + " perioder (" + String.join(", ", t.periods()) + ").");
        }
        return Cli.OK;
    }
}
