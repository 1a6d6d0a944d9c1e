package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Listar arbetsbokens nyckeltal med det senaste värdet för den egna kommunen.")
public final class IndicatorsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARBETSBOK")
    Path workbook;

    @Option(names = "--search", paramLabel = "TEXT", description = "Visa bara nyckeltal vars id eller namn innehåller alla orden.")
    String search;

    @Override
    public Integer call() {
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            List<Indicator> list = search == null ? wb.indicators().all() : wb.indicators().search(search);
            String own = wb.settings().plan().municipalityId();
            System.out.println("Id\tNyckeltal\tEnhet\tSenaste värde\tPeriod");
            for (Indicator i : list) {
                Observation latest = null;
                if (own != null) {
                    for (Observation o : wb.observations().series(i.id(), own, Group.TOTALT)) {
                        if (o.hasValue()) latest = o;
                    }
                }
                System.out.println(i.id() + "\t" + i.displayTitle() + "\t" + i.unit().label() + "\t"
                        + (latest == null ? "–" : SwedishNumbers.value(latest.value(), i.unit())) + "\t"
                        + (latest == null ? "" : latest.period().label()));
            }
            if (list.isEmpty()) System.err.println("Inga nyckeltal matchar.");
        }
        return Cli.OK;
    }
}
