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

    @Option(names = "--hide", arity = "1..*", paramLabel = "ID",
            description = "Dölj (arkivera) nyckeltalen: de behålls med sina värden men visas inte i listor eller i planen.")
    List<String> hide;

    @Option(names = "--show", arity = "1..*", paramLabel = "ID", description = "Visa dolda nyckeltal igen.")
    List<String> show;

    @Option(names = "--hidden", description = "Lista de dolda (arkiverade) nyckeltalen.")
    boolean hidden;

    @Option(names = "--suggestions", description = "Lista nyckeltalen med förslag (riktning, SfH-område, målområden) "
            + "som inte är bekräftade, och vad förslaget bygger på.")
    boolean suggestions;

    @Option(names = "--confirm", arity = "1..*", paramLabel = "ID",
            description = "Bekräfta förslagen för nyckeltalen: riktning, SfH-område och målområden används sedan i analysen och planen.")
    List<String> confirm;

    @Override
    public Integer call() {
        if (hide != null || show != null || confirm != null) return change();
        if (suggestions) return listSuggestions();
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            List<Indicator> list = hidden ? wb.indicators().hidden()
                    : search == null ? wb.indicators().all() : wb.indicators().search(search);
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
            if (list.isEmpty()) System.err.println(hidden ? "Inga nyckeltal är dolda." : "Inga nyckeltal matchar.");
        }
        return Cli.OK;
    }

    /** --suggestions: what is suggested for each indicator and not yet confirmed. */
    private Integer listSuggestions() {
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            java.util.Map<String, se.halsolage.domain.IndicatorCuration> cur = wb.indicators().curation();
            System.out.println("Id\tNyckeltal\tRiktning (förslag)\tSfH-område (förslag)\tMålområden (förslag)\tBygger på");
            int n = 0;
            for (Indicator i : wb.indicators().all()) {
                se.halsolage.domain.IndicatorCuration c = cur.get(i.id());
                if (c == null || !c.hasSuggestion()) continue;
                var s = c.suggestion();
                System.out.println(i.id() + "\t" + i.displayTitle() + "\t" + (s.direction() == null ? "" : s.direction().label())
                        + "\t" + (s.area() == null ? "" : s.area().title() + (s.goal() == null ? "" : ", mål " + s.goal()))
                        + "\t" + s.malomraden().stream().sorted().map(m -> Integer.toString(m.number()))
                        .collect(java.util.stream.Collectors.joining(", ")) + "\t" + (s.basis() == null ? "" : s.basis()));
                n++;
            }
            System.err.println(n == 0 ? "Inga obekräftade förslag." : n + " nyckeltal med förslag. Bekräfta med --confirm ID.");
        }
        return Cli.OK;
    }

    /** --hide/--show/--confirm: every id must exist, else nothing changes and the unknown ids are named. */
    private Integer change() {
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            List<String> unknown = new java.util.ArrayList<>();
            for (List<String> ids : java.util.Arrays.asList(hide, show, confirm)) {
                if (ids != null) for (String id : ids) if (wb.indicators().get(id).isEmpty()) unknown.add(id);
            }
            if (!unknown.isEmpty()) {
                throw new se.halsolage.domain.UserError("Okänt nyckeltal i " + wb.displayName() + ": "
                        + String.join(", ", unknown) + ". Inget ändrades (se halsolage indicators " + workbook + ").");
            }
            int[] changed = new int[3];
            wb.inTransaction(w -> {
                if (hide != null) for (String id : hide) {
                    String real = w.indicators().get(id).orElseThrow().id();
                    if (!w.indicators().isHidden(real) && w.indicators().setHidden(real, true)) changed[0]++;
                }
                if (show != null) for (String id : show) {
                    String real = w.indicators().get(id).orElseThrow().id();
                    if (w.indicators().isHidden(real) && w.indicators().setHidden(real, false)) changed[1]++;
                }
                if (confirm != null) for (String id : confirm) {
                    String real = w.indicators().get(id).orElseThrow().id();
                    if (w.indicators().confirmSuggestion(real)) changed[2]++;
                }
            });
            if (confirm != null) {
                System.out.println("Bekräftade förslag: " + changed[2] + " nyckeltal (" + (confirm.size() - changed[2])
                        + " hade inget förslag).");
                if (hide == null && show == null) return Cli.OK;
            }
            if (hide != null) System.out.println("Dolda: " + changed[0] + " nyckeltal (" + (hide.size() - changed[0]) + " var redan dolda).");
            if (show != null) System.out.println("Visas igen: " + changed[1] + " nyckeltal (" + (show.size() - changed[1]) + " var inte dolda).");
            System.out.println("Dolda nyckeltal totalt: " + wb.indicators().hidden().size() + " (lista med --hidden).");
        }
        return Cli.OK;
    }
}
