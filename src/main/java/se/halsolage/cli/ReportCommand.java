package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.domain.UserError;
import se.halsolage.report.GroupBy;
import se.halsolage.report.ReportOptions;
import se.halsolage.report.ReportPart;
import se.halsolage.report.ReportResult;
import se.halsolage.report.ReportService;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Skapar planen \"Strategi för hälsa <år>\" som tillgängligt Word-dokument (DOCX).",
                "Dokumentet skrivs först till en tillfällig fil och flyttas sedan på plats, så ett avbrutet körning "
                        + "lämnar aldrig ett halvt dokument."},
        footer = {"", "Delar som kan väljas bort: inledning, arbete, nyckeltal, sticker-ut, bilaga.",
                "Exempel: halsolage report --workbook exempel.halsa --out plan.docx --without bilaga"})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path workbook;

    @Option(names = "--year", paramLabel = "ÅR", description = "Planåret (standard: arbetsbokens planår).")
    Integer year;

    @Option(names = "--out", paramLabel = "FIL", defaultValue = "plan.docx", description = "Word-filen som skapas (standard: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--group-by", paramLabel = "arbetsgrupp|malomrade", defaultValue = "arbetsgrupp",
            description = "Hur insatserna i Arbete <år> grupperas (standard: ${DEFAULT-VALUE}).")
    String groupBy;

    @Option(names = "--without", paramLabel = "DEL", split = ",", description = "Delar som inte tas med, kommaseparerade.")
    List<String> without = new ArrayList<>();

    @Override
    public Integer call() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".docx")) throw new UserError("Filen ska sluta på .docx: " + out);
        List<ReportPart> left = new ArrayList<>();
        for (String w : without) if (!w.isBlank()) left.add(ReportPart.fromCode(w));
        GroupBy g = GroupBy.fromCode(groupBy);
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            ReportService service = new ReportService(wb);
            ReportOptions options = service.defaultOptions().withGroupBy(g).without(left);
            if (year != null) {
                if (year < 1990 || year > 2100) throw new UserError("Orimligt planår: " + year);
                options = options.withYear(year);
            }
            ReportResult r = service.generate(options, out, null, null);
            System.out.println(r.file());
            System.out.println(r.summary());
        }
        return Cli.OK;
    }
}
