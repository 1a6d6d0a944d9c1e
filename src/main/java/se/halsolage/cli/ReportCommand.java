package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.domain.UserError;
import se.halsolage.report.GroupBy;
import se.halsolage.report.PdfExport;
import se.halsolage.report.PlanIndicators;
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
        footer = {"", "Delar som kan väljas bort: sticker-ut (sammanfattningen), inledning, arbete, nyckeltal, bilaga.",
                "Exempel: halsolage report --workbook exempel.halsa --out plan.docx --without bilaga",
                "         halsolage report --workbook vaxjo.halsa --add N15635,N15659 --remove U01901 --out plan.docx",
                "Planens urval: Strategi för hälsas nyckeltal och de som följs upp av en insats eller ett mål; "
                        + "antal (t.ex. antal svarande) tas aldrig med om de inte läggs till."})
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

    @Option(names = "--indicators", paramLabel = "ID,…|@FIL",
            description = "Planens nyckeltal blir exakt de här (id kommaseparerade, eller @fil med ett id per rad). Sparas i arbetsboken.")
    String indicators;

    @Option(names = "--add", paramLabel = "ID,…|@FIL", description = "Lägg till nyckeltal i planens urval (sparas i arbetsboken).")
    String add;

    @Option(names = "--remove", paramLabel = "ID,…|@FIL", description = "Ta bort nyckeltal ur planens urval (sparas i arbetsboken).")
    String remove;

    @Option(names = "--reset-indicators", description = "Tillbaka till standardurvalet: Strategi för hälsa och nyckeltal kopplade till insatser och mål.")
    boolean reset;

    @Option(names = "--pdf", description = "Gör också en taggad PDF (PDF/UA) med sidnummer i innehållsförteckningen, "
            + "bredvid Word-filen (samma namn, .pdf). Kräver LibreOffice.")
    boolean pdf;

    @Option(names = "--for-each", paramLabel = "MÄNGD", description = "En plan för varje kommun i jämförelsemängden (t.ex. lan), "
            + "var och en med sina egna jämförelser; --out är då en mapp.")
    String forEach;

    @Option(names = "--list-indicators", description = "Skriv ut arbetsbokens nyckeltal med om de är med i planen och varför, och skapa inget dokument.")
    boolean list;

    private boolean changesSelection() {
        return reset || indicators != null || add != null || remove != null;
    }

    @Override
    public Integer call() {
        if (forEach != null) return forEach();
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!list && !name.endsWith(".docx")) throw new UserError("Filen ska sluta på .docx: " + out);
        List<ReportPart> left = new ArrayList<>();
        for (String w : without) if (!w.isBlank()) left.add(ReportPart.fromCode(w));
        GroupBy g = GroupBy.fromCode(groupBy);
        // Only a change of the plan's indicator set writes; a plain report reads the workbook without touching it.
        try (Workbook wb = changesSelection() ? WorkbookArgs.open(workbook) : WorkbookArgs.openForReading(workbook)) {
            if (changesSelection()) {
                List<String> in = indicators == null ? null : PlanIndicators.parseList(indicators);
                List<String> plus = PlanIndicators.parseList(add), minus = PlanIndicators.parseList(remove);
                // Everything is checked before anything is stored: a wrong id leaves the workbook as it was.
                PlanIndicators.resolve(wb, plus);
                PlanIndicators.resolve(wb, minus);
                if (in != null) PlanIndicators.resolve(wb, in);
                if (in != null && in.isEmpty()) throw new UserError("--indicators är tom. Ange minst ett id.");
                wb.inTransaction(w -> {
                    if (reset) PlanIndicators.reset(w);
                    if (in != null) PlanIndicators.replace(w, in);
                    if (!plus.isEmpty()) PlanIndicators.add(w, plus);
                    if (!minus.isEmpty()) PlanIndicators.remove(w, minus);
                });
                long n = PlanIndicators.includedIds(wb).size();
                System.out.println("Planens urval sparat i arbetsboken: " + n + " nyckeltal.");
            }
            if (list) {
                for (PlanIndicators.Choice c : PlanIndicators.of(wb)) {
                    System.out.println((c.included() ? "med\t" : "utan\t") + c.indicator().id() + "\t"
                            + c.indicator().displayTitle() + "\t" + c.reason().words());
                }
                return Cli.OK;
            }
            ReportService service = new ReportService(wb);
            ReportOptions options = service.defaultOptions().withGroupBy(g).without(left);
            if (year != null) {
                if (year < 1990 || year > 2100) throw new UserError("Orimligt planår: " + year);
                options = options.withYear(year);
            }
            ReportResult r = service.generate(options, out, null, null);
            System.out.println(r.file());
            System.out.println(r.summary());
            if (pdf) {
                String n = r.file().getFileName().toString();
                Path pdfFile = r.file().resolveSibling(n.substring(0, n.length() - 5) + ".pdf");
                long t0 = System.nanoTime();
                PdfExport.Result p = PdfExport.export(r.file(), pdfFile);
                System.out.println(p.pdf());
                System.out.printf("Taggad PDF%s (%s s)%n", p.tocUpdated() ? " med sidnummer i innehållsförteckningen" : "",
                        se.halsolage.format.SwedishNumbers.number((System.nanoTime() - t0) / 1e9, 1));
                if (p.note() != null) System.out.println(p.note());
            }
        }
        return Cli.OK;
    }

    private Integer forEach() {
        if (changesSelection() || list || pdf || !without.isEmpty()) {
            throw new UserError("--for-each går inte att kombinera med --indicators, --add, --remove, --reset-indicators, "
                    + "--list-indicators, --without eller --pdf.");
        }
        if (out.getFileName() != null && out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".docx")) {
            throw new UserError("Med --for-each är --out en mapp (en plan per kommun), inte en .docx-fil: " + out);
        }
        if (year != null && (year < 1990 || year > 2100)) throw new UserError("Orimligt planår: " + year);
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            var set = new se.halsolage.analysis.ComparisonSets(wb).resolve(forEach);
            int n = set.members().size();
            long t0 = System.nanoTime();
            var written = se.halsolage.report.PlansForEach.write(wb, set, year, out,
                    (i, name) -> System.out.println("Plan " + i + " av " + n + ": " + name + " …"));
            for (var w : written) System.out.println(w.file() + "  (" + w.result().summary() + ")");
            System.out.printf("%d planer för %s i %s (%s s)%n", written.size(), set.name(), out.toAbsolutePath(),
                    se.halsolage.format.SwedishNumbers.number((System.nanoTime() - t0) / 1e9, 1));
        }
        return Cli.OK;
    }
}
