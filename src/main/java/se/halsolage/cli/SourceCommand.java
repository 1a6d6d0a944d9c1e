package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.catalog.SourceCitations;
import se.halsolage.domain.Citation;
import se.halsolage.domain.Source;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;

@Command(name = "source", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Visar arbetsbokens källor med utgivare och titel, och ändrar dem.",
                "Utgivare och titel står i diagram och tabeller (\"Källa: Skolinspektionen, Skolenkäten 2022\"); "
                        + "filnamn, blad och datum står kvar i bilagan."},
        footer = {"", "Exempel: halsolage source --workbook vaxjo.halsa",
                "         halsolage source --workbook vaxjo.halsa --id 1 --publisher Skolinspektionen --title \"Skolenkäten 2022\""})
public final class SourceCommand implements Callable<Integer> {
    @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path workbook;

    @Option(names = "--id", paramLabel = "ID", description = "Källan som ändras (id från listan).")
    Long id;

    @Option(names = "--publisher", paramLabel = "UTGIVARE", description = "Utgivare, t.ex. Skolinspektionen, SCB. Tom text tar bort.")
    String publisher;

    @Option(names = "--title", paramLabel = "TITEL", description = "Titel, t.ex. \"Skolenkäten 2022\". Tom text tar bort.")
    String title;

    @Option(names = "--suggest", description = "Spara förslaget (från receptet och filnamnet) för varje källa som saknar utgivare och titel.")
    boolean suggest;

    @Override
    public Integer call() {
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            if (id != null || publisher != null || title != null) {
                if (id == null) throw new UserError("Ange vilken källa som ska ändras med --id (se listan utan --id).");
                Source s = wb.sources().get(id).orElseThrow(() -> new UserError("Det finns ingen källa med id " + id
                        + " i " + workbook.getFileName() + ". Inget ändrades."));
                Citation old = SourceCitations.of(s, wb.sources().citation(id)); // start from what is shown
                Citation next = new Citation(publisher != null ? publisher : old.publisher(), title != null ? title : old.title());
                wb.inTransaction(w -> w.sources().setCitation(s.id(), next));
                System.out.println("Källa " + id + ": " + SourceCitations.cite(s, next));
            }
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
}
