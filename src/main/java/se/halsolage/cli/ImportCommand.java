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

    @Option(names = "--recipe", paramLabel = "NAMN", description = "Recept: sparat i arbetsboken, inbyggt "
            + "(statistik, skolenkaten, skolverket, pxweb, lang, tabell, ungdomsenkat, ungdomsenkat-bred) eller en receptfil FIL.json.")
    String recipe;

    @Option(names = "--map", paramLabel = "ROLL=KOLUMN,…", description = "Säg vad kolumnerna är, t.ex. "
            + "area=Kommun,period=År,group=Kön,dimension=Ämne,value=Andel,n=Antal (också breakdown=Ålder, sheet=Blad1, "
            + "header=RAD, periodValue=2024). Spara det med --save-recipe.")
    String map;

    @Option(names = "--only", paramLabel = "MÖNSTER", description = "Importera bara nyckeltal vars namn eller id matchar "
            + "(skiftlägesokänsligt, * för valfri text, | mellan alternativ), t.ex. --only 'trygg*|Index*'.")
    String only;

    @Option(names = "--alla-svar", description = "Skolenkäten: importera också andelen för varje svarsalternativ (antalet blir "
            + "andelens n). Utan den: andel positiva svar per fråga, index och medelvärden.")
    boolean allResponses;

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
            Recipe given = null;
            String named = recipe;
            if (recipe != null && recipe.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                Path json = Path.of(recipe);
                if (!java.nio.file.Files.isRegularFile(json)) throw new UserError("Receptfilen " + json + " finns inte.");
                try {
                    given = Recipe.fromJson(java.nio.file.Files.readString(json));
                } catch (java.io.IOException e) {
                    throw new UserError("Kan inte läsa receptfilen " + json + ": " + e.getMessage(), e);
                }
                if (given.name() == null) given = given.withName(json.getFileName().toString().replaceFirst("\\.json$", ""));
                named = null;
            }
            if (map != null) given = Recipe.fromMap(map, given);
            if (only != null) {
                if (given == null && named == null) {
                    // detect first, then narrow what is imported
                    given = ImportSession.open(wb, file, new ImportOptions(null, encoding)).recipe();
                } else if (given == null) {
                    given = ImportSession.findRecipe(wb, named).orElseThrow(() -> new UserError("Receptet \"" + recipe
                            + "\" finns varken i arbetsboken eller bland de inbyggda."));
                }
                given = given.withOnly(only);
            }
            if (allResponses) {
                if (given == null) given = named != null ? ImportSession.findRecipe(wb, named).orElseThrow(() -> new UserError(
                        "Receptet \"" + recipe + "\" finns varken i arbetsboken eller bland de inbyggda."))
                        : ImportSession.open(wb, file, new ImportOptions(null, encoding)).recipe();
                given = given.withResponses(true);
            }
            ImportSession session = ImportSession.open(wb, file, new ImportOptions(named, encoding, given));
            var d = session.detection();
            System.err.println("Fil: " + d.file() + " (" + d.format().label() + (d.encoding() == null ? "" : ", " + d.encoding())
                    + (d.separator() == null ? "" : ", avgränsare " + (d.separator() == '\t' ? "tabb" : "'" + d.separator() + "'"))
                    + "), recept: " + session.recipe().name()
                    + (given == null && named == null && BuiltInRecipes.get(session.recipe().name()).isEmpty()
                    ? " (sparat i arbetsboken och känt igen; --recipe NAMN väljer ett annat)" : ""));
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
