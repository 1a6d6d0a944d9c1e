package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Source;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "series", mixinStandardHelpOptions = true,
        description = "Skriver en serie som tabbseparerade rader: period, grupp, värde, n, status, källa.")
public final class SeriesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARBETSBOK")
    Path workbook;

    @Option(names = "--indicator", required = true, paramLabel = "ID|TEXT", description = "Nyckeltalets id (t.ex. N15643) eller ord ur namnet.")
    String indicator;

    @Option(names = "--area", required = true, paramLabel = "KOD|NAMN", description = "Kolada-id, kommunkod, skolenhetskod eller namn (t.ex. 0000, 0780, \"Växjö\").")
    String area;

    @Option(names = "--group", paramLabel = "GRUPP", description = "Bara en grupp: Totalt, Kvinnor, Män, Flickor, Pojkar …")
    String group;

    @Option(names = "--header", description = "Skriv en rubrikrad först.")
    boolean header;

    @Override
    public Integer call() {
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            Indicator ind = WorkbookArgs.indicator(wb, indicator);
            Area a = WorkbookArgs.area(wb, area);
            List<Observation> list = group == null ? wb.observations().series(ind.id(), a.id())
                    : wb.observations().series(ind.id(), a.id(), Group.of(group));
            Map<Long, String> sources = new HashMap<>();
            if (header) System.out.println("period\tgrupp\tvärde\tn\tstatus\tkälla");
            for (Observation o : list) {
                String src = sources.computeIfAbsent(o.sourceId(), id -> wb.sources().get(id).map(Source::name).orElse("?"));
                String value = o.hasValue() ? SwedishNumbers.plain(o.value()) : (o.marker() != null ? o.marker() : o.status().defaultMarker());
                System.out.println(o.period().label() + "\t" + o.group().label() + "\t" + value + "\t"
                        + (o.n() == null ? "" : o.n()) + "\t" + o.status().code() + "\t" + src
                        + (o.location() == null ? "" : " [" + o.location() + "]"));
            }
            if (list.isEmpty()) {
                System.err.println("Inga värden för " + ind.id() + " i " + a.name() + (group == null ? "" : " (" + group + ")") + ".");
            }
        }
        return Cli.OK;
    }
}
