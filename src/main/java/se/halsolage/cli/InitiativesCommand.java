package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.TargetGroup;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The workbook's initiatives (insatser) from the command line: list them, add one, change the fields given (the
 * background, this year's work and the rest, as the Insatser form does), delete one. Texts may be read from a
 * file with {@code @fil.txt}. Every argument is checked before anything is written; a bad one changes nothing.
 */
@Command(name = "initiatives", aliases = "insatser", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Listar, lägger till och ändrar arbetsbokens insatser: bakgrund (varför insatsen finns), årets arbete, "
                + "beskrivning, arbetsgrupp, period, status och nyckeltal som följs upp.",
                "Bakgrunden och årets arbete skrivs som löptext under \"Arbete <år>\" i planen (halsolage report)."},
        footer = {"", "Exempel: halsolage initiatives vaxjo.halsa",
                "         halsolage initiatives vaxjo.halsa --add \"Trygg skola\" --group \"Allas barn\" --from 2025 --to 2027 "
                        + "--indicators N15643 --background @bakgrund.txt --work \"Vi följer upp Skolenkäten.\"",
                "         halsolage initiatives vaxjo.halsa --id 3 --work \"Under året utbildas …\" --year 2026",
                "         halsolage initiatives vaxjo.halsa --delete 3",
                "Texter kan läsas från en fil: --background @bakgrund.txt. Tom text (\"\") tar bort texten."})
public final class InitiativesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
    Path positional;

    @Option(names = "--workbook", paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa), i stället för som första argument.")
    Path option;

    @Option(names = "--add", paramLabel = "NAMN", description = "Lägg till en ny insats med det namnet.")
    String add;

    @Option(names = "--id", paramLabel = "ID", description = "Insatsen som ändras (id från listan).")
    Long id;

    @Option(names = "--delete", paramLabel = "ID", description = "Ta bort insatsen (en säkerhetskopia sparas först).")
    Long delete;

    @Option(names = "--if-version", paramLabel = "VERSION", description = "Spara bara om insatsen fortfarande har den "
            + "versionen (som utskriften efter förra ändringen visade); annars har någon annan ändrat den och inget sparas.")
    Long ifVersion;

    @Option(names = "--name", paramLabel = "NAMN", description = "Nytt namn (med --id).")
    String name;

    @Option(names = "--background", paramLabel = "TEXT", description = "Bakgrund: vad underlagen visade och vad som beslutades (eller @fil).")
    String background;

    @Option(names = "--work", paramLabel = "TEXT", description = "Årets arbete: vad som görs under året (eller @fil); året är --year.")
    String work;

    @Option(names = "--year", paramLabel = "ÅR", description = "Året som --work gäller. Standard: arbetsbokens planår.")
    Integer year;

    @Option(names = "--description", paramLabel = "TEXT", description = "Beskrivning: vad insatsen är (eller @fil).")
    String description;

    @Option(names = "--group", paramLabel = "ARBETSGRUPP", description = "Arbetsgrupp, t.ex. \"Allas barn\". Tom text tar bort.")
    String group;

    @Option(names = "--kind", paramLabel = "TYP", description = "främjande, förebyggande eller åtgärdande (standard främjande).")
    String kind;

    @Option(names = "--status", paramLabel = "STATUS", description = "planerad, pågående, avslutad eller pausad.")
    String status;

    @Option(names = "--maturity", paramLabel = "1-4", description = "Mognad 1–4.")
    Integer maturity;

    @Option(names = "--from", paramLabel = "ÅR", description = "Startår.")
    Integer from;

    @Option(names = "--to", paramLabel = "ÅR", description = "Slutår.")
    Integer to;

    @Option(names = "--indicators", split = ",", paramLabel = "ID", description = "Nyckeltal som insatsen följs upp med (ersätter listan).")
    List<String> indicators;

    @Option(names = "--target-groups", split = ",", paramLabel = "GRUPP", description = "Målgrupper: småbarn, skolbarn, unga, vuxna, äldre.")
    List<String> targetGroups;

    @Option(names = "--malomraden", split = ",", paramLabel = "1-8", description = "Nationella målområden, t.ex. 2,6.")
    List<Integer> malomraden;

    @Option(names = "--responsible", paramLabel = "TEXT", description = "Ansvarig.")
    String responsible;

    @Option(names = "--partners", split = ",", paramLabel = "NAMN", description = "Samverkanspartner (ersätter listan).")
    List<String> partners;

    @Override
    public Integer call() {
        Path workbook = option != null ? option : positional;
        if (workbook == null) throw new UserError("Ange arbetsboken, t.ex. halsolage initiatives vaxjo.halsa.");
        int modes = (add != null ? 1 : 0) + (id != null ? 1 : 0) + (delete != null ? 1 : 0);
        if (modes > 1) throw new UserError("Ange bara en av --add, --id och --delete.");
        if (modes == 0) {
            if (changesAny()) throw new UserError("Ange vilken insats som ska ändras med --id (se listan) eller lägg till en med --add.");
            try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
                list(wb);
            }
            return Cli.OK;
        }
        if (delete != null) {
            try (Workbook wb = WorkbookArgs.open(workbook)) {
                Initiative i = wb.initiatives().get(delete).orElseThrow(() -> missing(workbook, delete));
                wb.backup("fore-borttagning");
                wb.inTransaction(w -> w.initiatives().delete(i.id()));
                System.out.println("Insatsen " + i.id() + " (" + i.name() + ") är borttagen.");
            }
            return Cli.OK;
        }
        // Texts from files are read before the workbook is opened: a missing file changes nothing.
        String bg = text(background, "--background"), wk = text(work, "--work"), desc = text(description, "--description");
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            Initiative base = add != null
                    ? new Initiative(0, add.strip().isEmpty() ? "?" : add.strip(), null, InitiativeKind.FRAMJANDE, null, null, null,
                    null, null, null, null, null, InitiativeStatus.PAGAENDE, null, null, null)
                    : wb.initiatives().get(id).orElseThrow(() -> missing(workbook, id));
            if (add != null && add.isBlank()) throw new UserError("En insats måste ha ett namn (--add \"Namn\"). Inget ändrades.");
            if (add != null && ifVersion != null) throw new UserError("--if-version gäller en befintlig insats (--id). Inget ändrades.");
            // The version read with the initiative: an edit by someone else in between is refused, not overwritten.
            long seen = add != null ? 0 : ifVersion != null ? ifVersion : wb.initiatives().version(id).orElse(0);
            Initiative next = apply(wb, base, bg, wk, desc);
            Initiative saved = wb.transaction(w -> add != null ? w.initiatives().save(next) : w.initiatives().save(next, seen));
            System.out.println((add != null ? "Ny insats " : "Insats ") + saved.id() + ": " + saved.name()
                    + (saved.workGroup() == null ? "" : " (" + saved.workGroup() + ")")
                    + " – version " + wb.initiatives().version(saved.id()).orElse(0));
        }
        return Cli.OK;
    }

    private boolean changesAny() {
        return name != null || background != null || work != null || description != null || group != null || kind != null
                || status != null || maturity != null || from != null || to != null || indicators != null
                || targetGroups != null || malomraden != null || responsible != null || partners != null || year != null || ifVersion != null;
    }

    private static UserError missing(Path workbook, long id) {
        return new UserError("Det finns ingen insats med id " + id + " i " + workbook.getFileName()
                + ". Inget ändrades (se halsolage initiatives " + workbook + ").");
    }

    /** The option's text, read from a file for {@code @fil}; null when the option was not given. */
    static String text(String value, String option) {
        if (value == null || !value.startsWith("@")) return value;
        Path f = Path.of(value.substring(1));
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("Kan inte läsa " + f + " (" + option + "): " + (e instanceof java.nio.file.NoSuchFileException
                    ? "filen finns inte" : e.getMessage()) + ". Inget ändrades.");
        }
    }

    private Initiative apply(Workbook wb, Initiative b, String bg, String wk, String desc) {
        int y = year != null ? year : wb.settings().plan().planYear();
        Map<Integer, String> notes = new TreeMap<>(b.notes());
        if (wk != null) {
            if (wk.isBlank()) notes.remove(y);
            else notes.put(y, wk.strip());
        }
        List<String> ids = b.indicatorIds();
        if (indicators != null) {
            List<String> checked = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String raw : indicators) {
                if (raw.isBlank()) continue;
                Indicator ind = wb.indicators().get(raw.strip()).orElse(null);
                if (ind == null) unknown.add(raw.strip());
                else if (!checked.contains(ind.id())) checked.add(ind.id());
            }
            if (!unknown.isEmpty()) {
                throw new UserError("Nyckeltal som inte finns i arbetsboken: " + String.join(", ", unknown) + ". Inget ändrades.");
            }
            ids = checked;
        }
        Set<TargetGroup> tg = b.targetGroups();
        if (targetGroups != null) {
            tg = new LinkedHashSet<>();
            for (String t : targetGroups) if (!t.isBlank()) tg.add(parse(() -> TargetGroup.fromCode(t), "--target-groups", t));
        }
        Set<Malomrade> mo = b.malomraden();
        if (malomraden != null) {
            mo = new LinkedHashSet<>();
            for (Integer n : malomraden) mo.add(parse(() -> Malomrade.of(n), "--malomraden", String.valueOf(n)));
        }
        InitiativeKind k = kind == null ? b.kind() : parse(() -> InitiativeKind.fromCode(kind), "--kind", kind);
        InitiativeStatus st = status == null ? b.status() : parse(() -> InitiativeStatus.fromCode(status), "--status", status);
        Maturity mat = maturity == null ? b.maturity() : parse(() -> Maturity.of(maturity), "--maturity", String.valueOf(maturity));
        String nm = name == null ? b.name() : name.strip();
        if (nm.isEmpty()) throw new UserError("En insats måste ha ett namn. Inget ändrades.");
        String wg = group == null ? b.workGroup() : group.isBlank() ? null : group.strip();
        String de = desc == null ? b.description() : desc.isBlank() ? null : desc.strip();
        String bgr = bg == null ? b.background() : bg;
        String resp = responsible == null ? b.responsible() : responsible.isBlank() ? null : responsible.strip();
        List<String> pa = partners == null ? b.partners() : partners.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Integer start = from == null ? b.startYear() : from, end = to == null ? b.endYear() : to;
        if (start != null && end != null && end < start) {
            throw new UserError("Insatsen slutar (" + end + ") före den börjar (" + start + "). Inget ändrades.");
        }
        return new Initiative(b.id(), nm, de, k, wg, tg, mo, ids, resp, pa, start, end, st, mat, b.qualityStep(), notes, bgr);
    }

    private static <T> T parse(java.util.function.Supplier<T> s, String option, String value) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new UserError("Ogiltigt värde för " + option + ": \"" + value + "\" (" + e.getMessage() + "). Inget ändrades.");
        }
    }

    private static void list(Workbook wb) {
        List<Initiative> all = wb.initiatives().all();
        if (all.isEmpty()) {
            System.out.println("Arbetsboken har inga insatser. Lägg till en med --add \"Namn\".");
            return;
        }
        int y = wb.settings().plan().planYear();
        System.out.println("Id\tInsats\tArbetsgrupp\tPeriod\tStatus\tNyckeltal\tBakgrund\tArbete " + y);
        for (Initiative i : all) {
            String period = (i.startYear() == null ? "" : i.startYear()) + "–" + (i.endYear() == null ? "" : i.endYear());
            System.out.println(i.id() + "\t" + i.name() + "\t" + (i.workGroup() == null ? "–" : i.workGroup()) + "\t"
                    + period + "\t" + i.status().label() + "\t" + (i.indicatorIds().isEmpty() ? "–" : String.join(",", i.indicatorIds()))
                    + "\t" + (i.background() == null ? "–" : "ja") + "\t" + (i.notes().containsKey(y) ? "ja" : "–"));
        }
    }
}
