package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.domain.UserError;
import se.halsolage.importer.BuiltInRecipes;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ImportSummary;
import se.halsolage.importer.PreviewRow;
import se.halsolage.importer.Recipe;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Imports a survey spreadsheet or statistics file into a workbook: a thin adapter over {@link ImportSession}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Importerar en fil (xlsx, xls, csv, txt, px) till en arbetsbok. Receptet väljs automatiskt "
                + "om du inte anger --recipe. Vid fel sparas ingenting.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FIL", description = "Filen som ska importeras.", arity = "0..1")
    Path file;

    @Option(names = "--workbook", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa) att importera till.")
    Path workbook;

    @Option(names = "--recipe", paramLabel = "NAMN", description = "Recept: sparat i arbetsboken eller inbyggt "
            + "(skolenkaten, skolverket, pxweb, lang, tabell, ungdomsenkat).")
    String recipe;

    @Option(names = "--save-recipe", paramLabel = "NAMN", description = "Spara receptet i arbetsboken under detta namn.")
    String saveRecipe;

    @Option(names = "--encoding", paramLabel = "KODNING", description = "Teckenkodning för textfiler (t.ex. UTF-8, windows-1252).")
    String encoding;

    @Option(names = "--dry-run", description = "Visa vad som skulle hända utan att spara något.")
    boolean dryRun;

    @Option(names = "--preview", paramLabel = "N", description = "Visa de första N värdena som de kommer att sparas, och avsluta.")
    Integer preview;

    @Option(names = "--undo-last", description = "Ångra den senaste importen i arbetsboken.")
    boolean undoLast;

    @Option(names = "--list-recipes", description = "Lista inbyggda och sparade recept.")
    boolean listRecipes;

    @Override
    public Integer call() {
        if (workbook == null) throw new UserError("Ange arbetsboken med --workbook (t.ex. --workbook exempel.halsa).");
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            if (listRecipes) {
                for (Recipe r : BuiltInRecipes.all()) System.out.println(r.name() + "\tinbyggt\t" + r.description());
                wb.recipes().all().forEach(r -> System.out.println(r.name() + "\tsparat\t" + r.format() + " " + r.createdAt()));
                return Cli.OK;
            }
            if (undoLast) {
                System.out.println(ImportSession.undoLast(wb));
                return Cli.OK;
            }
            if (file == null) throw new UserError("Ange filen som ska importeras.");
            ImportSession session = ImportSession.open(wb, file, new ImportOptions(recipe, encoding));
            var d = session.detection();
            System.err.println("Fil: " + d.file() + " (" + d.format().label() + (d.encoding() == null ? "" : ", " + d.encoding())
                    + (d.separator() == null ? "" : ", avgränsare " + (d.separator() == '\t' ? "tabb" : "'" + d.separator() + "'"))
                    + "), recept: " + session.recipe().name());
            if (preview != null) {
                System.out.println("nyckeltal\tområde\tområdes-id\tperiod\tgrupp\tvärde\tn\tstatus\tcell");
                for (PreviewRow p : session.preview(preview)) {
                    System.out.println(p.indicatorId() + "\t" + p.area() + "\t" + (p.areaId() == null ? "(hittas inte)" : p.areaId()
                            + (p.newArea() ? " (ny)" : "")) + "\t" + p.period() + "\t" + p.group() + "\t"
                            + (p.value() == null ? (p.marker() == null ? "" : p.marker()) : se.halsolage.format.SwedishNumbers.plain(p.value()))
                            + "\t" + (p.n() == null ? "" : p.n()) + "\t" + p.status().code() + "\t" + p.location());
                }
                return Cli.OK;
            }
            ImportSummary s = session.commit(null, null, dryRun, saveRecipe);
            s.lines().forEach(System.out::println);
            if (saveRecipe != null && !dryRun) System.out.println("Receptet sparades som \"" + saveRecipe + "\".");
        }
        return Cli.OK;
    }
}
