package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.analysis.ComparisonSet;
import se.halsolage.analysis.ComparisonSets;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** halsolage compare-sets W [--create NAME --members A,B,…] [--delete NAME] [--show SET] */
@Command(name = "compare-sets", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Listar jämförelsemängderna (länets kommuner, Liknande kommuner, alla kommuner och de egna), "
                + "sparar en egen mängd med valda kommuner och tar bort en.",
                "Mängden används med --compare i 'chart --kind ranking', 'table' och 'report'."},
        footer = {"", "Exempel: halsolage compare-sets vaxjo.halsa",
                "         halsolage compare-sets vaxjo.halsa --create \"Våra jämförelsekommuner\" --members Kalmar,Karlskrona,Jönköping,Halmstad",
                "         halsolage compare-sets vaxjo.halsa --show lan",
                "         halsolage compare-sets vaxjo.halsa --delete \"Våra jämförelsekommuner\""})
public final class CompareSetsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path positional;

    @Option(names = "--workbook", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa), i stället för som första argument.")
    Path option;

    @Option(names = "--create", paramLabel = "NAMN", description = "Spara (eller ersätt) en egen mängd med detta namn.")
    String create;

    @Option(names = "--members", paramLabel = "KOMMUNER", split = ",", description = "Kommunerna i mängden: namn eller kommunkod, åtskilda med kommatecken.")
    List<String> members;

    @Option(names = "--delete", paramLabel = "NAMN", description = "Ta bort en egen mängd.")
    String delete;

    @Option(names = "--show", paramLabel = "MÄNGD", description = "Visa kommunerna i en mängd (lan, liknande, alla, ett grupp-id eller ett namn).")
    String show;

    @Override
    public Integer call() {
        Path workbook = option != null ? option : positional;
        if (workbook == null) throw new UserError("Ange arbetsboken, t.ex. halsolage compare-sets vaxjo.halsa.");
        if (create != null && (members == null || members.isEmpty())) {
            throw new UserError("Ange kommunerna med --members, t.ex. --members Kalmar,Karlskrona,Jönköping.");
        }
        boolean writes = create != null || delete != null;
        try (Workbook wb = writes ? WorkbookArgs.open(workbook) : WorkbookArgs.openForReading(workbook)) {
            ComparisonSets sets = new ComparisonSets(wb);
            if (create != null) {
                ComparisonSet s = sets.save(create, members);
                System.out.println("Sparade \"" + s.name() + "\" med " + s.members().size() + " kommuner: " + names(wb, s) + ".");
            }
            if (delete != null) {
                if (!sets.delete(delete)) throw new UserError("Det finns ingen egen jämförelsemängd som heter \"" + delete + "\". Inget ändrades.");
                System.out.println("Tog bort \"" + delete.strip() + "\".");
            }
            if (show != null) {
                ComparisonSet s = sets.resolve(show);
                System.out.println(ComparisonSets.describe(s));
                System.out.println("  " + names(wb, s));
            }
            if (!writes && show == null) {
                System.out.println("Jämförelsemängder (använd koden med --compare):");
                for (ComparisonSet s : sets.list()) System.out.println("  " + ComparisonSets.describe(s));
            }
        }
        return Cli.OK;
    }

    private static String names(Workbook wb, ComparisonSet s) {
        var a = new se.halsolage.analysis.AnalysisService(wb);
        return String.join(", ", s.members().stream().map(a::areaName).toList());
    }

    static List<String> split(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
