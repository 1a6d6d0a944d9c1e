package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.catalog.SourceCitations;
import se.halsolage.domain.Citation;
import se.halsolage.domain.Source;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.SourceRepository;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** The workbook's sources: list them with publisher, title and values; cite them; delete one with what it alone made. */
@Command(name = "sources", aliases = "source", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Listar arbetsbokens källor (importerade filer och blad, Kolada-hämtningar) med utgivare, titel och antal värden, "
                + "ändrar utgivare och titel, och tar bort en källa med exakt dess värden.",
                "Utgivare och titel står i diagram och tabeller (\"Källa: Skolinspektionen, Skolenkäten 2022\"); "
                        + "filnamn, blad och datum står kvar i bilagan."},
        footer = {"", "Exempel: halsolage sources vaxjo.halsa",
                "         halsolage sources vaxjo.halsa --id 1 --publisher Skolinspektionen --title \"Skolenkäten 2022\"",
                "         halsolage sources vaxjo.halsa --delete 2"})
public final class SourcesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path positional;

    @Option(names = "--workbook", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa), i stället för som första argument.")
    Path option;

    @Option(names = "--id", paramLabel = "ID", description = "Källan vars utgivare och titel ändras (id från listan).")
    Long id;

    @Option(names = "--publisher", paramLabel = "UTGIVARE", description = "Utgivare, t.ex. Skolinspektionen, SCB. Tom text tar bort.")
    String publisher;

    @Option(names = "--title", paramLabel = "TITEL", description = "Titel, t.ex. \"Skolenkäten 2022\". Tom text tar bort.")
    String title;

    @Option(names = "--suggest", description = "Spara förslaget (från receptet och filnamnet) för varje källa som saknar utgivare och titel.")
    boolean suggest;

    @Option(names = "--delete", paramLabel = "ID",
            description = "Ta bort källan: dess värden, de nyckeltal och delområden som importen av den skapade och som "
                    + "inget annat använder. En säkerhetskopia sparas först.")
    Long delete;

    @Override
    public Integer call() {
        Path workbook = option != null ? option : positional;
        if (workbook == null) throw new UserError("Ange arbetsboken, t.ex. halsolage sources vaxjo.halsa.");
        if (delete != null) return delete(workbook);
        boolean writes = suggest || id != null || publisher != null || title != null;
        try (Workbook wb = writes ? WorkbookArgs.open(workbook) : WorkbookArgs.openForReading(workbook)) {
            if (id != null || publisher != null || title != null) cite(wb, workbook);
            if (suggest) {
                int n = 0;
                for (Source s : wb.sources().all()) {
                    if (!wb.sources().citation(s.id()).isEmpty()) continue;
                    Citation c = SourceCitations.of(s, null);
                    if (c.isEmpty()) continue;
                    wb.inTransaction(w -> w.sources().setCitation(s.id(), c));
                    n++;
                }
                System.out.println("Förslag sparade för " + n + " källor.");
            }
            System.out.println("Id\tKälla (utgivare, titel)\tSparad\tTyp\tFil och blad eller förfrågan\tImporterad\tAntal värden");
            for (Source s : wb.sources().all()) {
                Citation stored = wb.sources().citation(s.id());
                String where = s.request() != null ? s.request()
                        : s.name() + (s.sheet() == null || s.sheet().isBlank() ? "" : ", blad " + s.sheet());
                System.out.println(s.id() + "\t" + SourceCitations.cite(s, stored) + "\t" + (stored.isEmpty() ? "förslag" : "ja")
                        + "\t" + s.kind().label() + "\t" + where + "\t"
                        + (s.importedAt() == null ? "–" : s.importedAt().atZone(ZoneId.systemDefault()).toLocalDate())
                        + "\t" + wb.sources().observationCount(s.id()));
            }
        }
        return Cli.OK;
    }

    private void cite(Workbook wb, Path workbook) {
        if (id == null) throw new UserError("Ange vilken källa som ska ändras med --id (se listan utan --id).");
        Source s = wb.sources().get(id).orElseThrow(() -> new UserError("Det finns ingen källa med id " + id
                + " i " + workbook.getFileName() + ". Inget ändrades."));
        Citation old = SourceCitations.of(s, wb.sources().citation(id)); // start from what is shown
        Citation next = new Citation(publisher != null ? publisher : old.publisher(), title != null ? title : old.title());
        wb.inTransaction(w -> w.sources().setCitation(s.id(), next));
        System.out.println("Källa " + id + ": " + SourceCitations.cite(s, next));
    }

    private Integer delete(Path workbook) {
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            Source s = wb.sources().get(delete)
                    .orElseThrow(() -> new UserError("Arbetsboken " + wb.displayName() + " har ingen källa " + delete
                            + ". Inget ändrades (se halsolage sources " + workbook + ")."));
            wb.backup("fore-borttagning");
            SourceRepository.Deleted d = wb.transaction(w -> w.sources().deleteWithWhatItAloneCreated(s.id()));
            wb.checkpoint();
            System.out.println("Källan " + s.id() + " (" + s.name() + (s.sheet() == null ? "" : ", blad \"" + s.sheet() + "\"")
                    + ") är borttagen: " + d.values() + " värden, " + d.indicators() + " nyckeltal och " + d.areas()
                    + " delområden som bara den använde.");
        }
        return Cli.OK;
    }
}
