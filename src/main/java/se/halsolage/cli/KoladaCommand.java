package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.catalog.KoladaCatalog;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.catalog.KpiCatalog;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.UserError;
import se.halsolage.kolada.CancelToken;
import se.halsolage.kolada.CatalogUpdate;
import se.halsolage.kolada.FetchRequest;
import se.halsolage.kolada.FetchSummary;
import se.halsolage.kolada.KoladaClient;
import se.halsolage.kolada.KoladaService;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code halsolage kolada search|fetch|catalog}: a thin adapter over {@link KoladaService} and {@link CatalogUpdate}. */
@Command(name = "kolada", mixinStandardHelpOptions = true,
        description = "Söker i Koladas nyckeltalskatalog (utan internet) och hämtar värden från Kolada (Källa: Kolada).",
        subcommands = {KoladaCommand.Search.class, KoladaCommand.Fetch.class, KoladaCommand.Catalog.class})
public final class KoladaCommand implements Callable<Integer> {
    static final String UPDATE_HINT = "Hämta den med 'halsolage kolada catalog update' (behöver internet, en gång).";

    @Override
    public Integer call() {
        throw new UserError("Ange 'search', 'fetch' eller 'catalog', t.ex. 'halsolage kolada search trygg skolan'. "
                + "Skriv 'halsolage kolada --help' för hjälp.");
    }

    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = "Koladas katalog (nyckeltal, kommuner, kommungrupper) som sparas på datorn: 'update' hämtar den; utan "
                    + "underkommando visas hur gammal den sparade är.",
            subcommands = {KoladaCommand.CatalogUpdateCommand.class})
    static final class Catalog implements Callable<Integer> {
        @Override
        public Integer call() {
            KpiCatalog c = KpiCatalog.current();
            System.out.println(c.describe(LocalDate.now()));
            System.out.println(c.full() ? "Sparad i " + KoladaCatalog.file() + ". Uppdatera med 'halsolage kolada catalog update'."
                    : UPDATE_HINT);
            return Cli.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Hämtar Koladas katalog (/v3/kpi, /v3/municipality, /v3/municipality_groups) och sparar den i "
                    + "programmets datamapp med hämtningsdatum. Går något fel ligger den tidigare sparade kvar.")
    static final class CatalogUpdateCommand implements Callable<Integer> {
        @Mixin
        KoladaOptions kolada;

        @Override
        public Integer call() {
            CatalogUpdate update = new CatalogUpdate(kolada.client());
            CatalogUpdate.Result r = update.run(kolada.progress(), new CancelToken());
            System.out.println(r.toText());
            return Cli.OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Söker i Koladas katalog som sparats på datorn (fungerar utan internet; hämta den först med "
                    + "'kolada catalog update', annars söks bara Strategi för hälsa-nyckeltalen).")
    static final class Search implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Ord ur namnet, beskrivningen eller id, t.ex. trygg skolan åk 8.")
        List<String> words;

        @Option(names = "--limit", defaultValue = "25", description = "Högst så många träffar (standard ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--groups", description = "Sök bland Koladas kommungrupper i stället för nyckeltal.")
        boolean groups;

        @Override
        public Integer call() {
            String text = String.join(" ", words);
            KpiCatalog catalog = KpiCatalog.current();
            if (groups) {
                if (!catalog.full()) {
                    throw new UserError("Koladas kommungrupper finns inte på datorn än. " + UPDATE_HINT);
                }
                List<KoladaGroup> hits = KoladaService.searchGroups(text, limit);
                for (KoladaGroup g : hits) {
                    System.out.println(g.id() + "\t" + g.title() + "\t" + g.members().size() + " kommuner");
                }
                if (hits.isEmpty()) System.err.println("Ingen kommungrupp matchar \"" + text + "\".");
                System.err.println("Kommungrupper ur " + catalog.describe(LocalDate.now()) + ".");
                return Cli.OK;
            }
            List<KpiInfo> hits = KoladaService.search(text, limit);
            for (KpiInfo k : hits) {
                System.out.println(k.id() + "\t" + k.title() + "\t" + typeLabel(k.municipalityType())
                        + (k.genderSplit() ? ", per kön" : "")
                        + (k.publPeriod() == null ? "" : ", senast " + k.publPeriod()));
            }
            if (hits.isEmpty()) System.err.println("Inget nyckeltal i katalogen matchar \"" + text + "\".");
            else System.err.println(hits.size() + " träffar (Källa: Kolada).");
            if (catalog.full()) {
                System.err.println("Sökte i " + catalog.describe(LocalDate.now()) + ".");
                if (catalog.downloaded().orElseThrow().ageDays(LocalDate.now()) > 90) {
                    System.err.println("Katalogen är mer än 90 dagar gammal; uppdatera med 'halsolage kolada catalog update'.");
                }
            } else {
                System.err.println(catalog.describe(LocalDate.now()) + " " + UPDATE_HINT);
            }
            return Cli.OK;
        }

        private static String typeLabel(String t) {
            if (t == null) return "okänd nivå";
            return switch (t) {
                case "K" -> "kommun";
                case "L" -> "region";
                case "A" -> "kommun och region";
                default -> t;
            };
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Hämtar värden från Kolada till arbetsboken. Allt hämtas först; arbetsboken ändras bara om allt gick bra.")
    static final class Fetch implements Callable<Integer> {
        @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
        Path workbook;

        @Option(names = "--kpi", required = true, split = ",", paramLabel = "ID",
                description = "Nyckeltal, t.ex. N15643,N00923. 'sfh' = alla Kolada-nyckeltal i arbetsbokens katalog (Strategi för hälsa).")
        List<String> kpis;

        @Option(names = "--years", paramLabel = "ÅR", description = "År, t.ex. 2014-2025 eller 2019,2021. Utan: alla år.")
        String years;

        @Option(names = "--areas", split = ",", paramLabel = "ID",
                description = "Kolada-id, t.ex. 0780,0007,0000; 'lan' = länets alla kommuner, 'alla' = Sveriges 290 kommuner "
                        + "(går att blanda: alla,0007,0000). Standard: egen kommun, länets region och riket.")
        List<String> areas;

        @Option(names = "--group", paramLabel = "GRUPP",
                description = "Jämförelsegrupp: 'liknande' (nyaste \"Liknande kommuner …\" för egna kommunen), "
                        + "'liknande:socioekonomi' (en viss sort) eller ett grupp-id som G176320.")
        String group;

        @Option(names = "--members", description = "Hämta även varje medlemskommuns egna värden.")
        boolean members;

        @Option(names = "--update", description = "Fråga Kolada bara efter det som ändrats sedan arbetsbokens förra hämtning "
                + "av samma fråga (Koladas from_date). Reviderade värden kan ångras med 'import --workbook W --undo-last'.")
        boolean update;

        @Mixin
        KoladaOptions kolada;

        @Override
        public Integer call() {
            KoladaClient client = kolada.client();
            KoladaService service = new KoladaService(client);
            CancelToken cancel = new CancelToken();
            try (Workbook wb = WorkbookArgs.open(workbook)) {
                List<String> kpiIds = expandKpis(wb, kpis);
                List<String> areaIds = areas == null || areas.isEmpty() ? KoladaService.defaultAreas(wb) : KoladaService.expandAreas(wb, areas);
                List<KoladaGroup> groups = new ArrayList<>();
                List<String> warnings = new ArrayList<>();
                if (group != null && !group.isBlank()) groups.add(resolveGroup(wb, service, group.strip(), cancel, warnings));
                for (String w : warnings) System.out.println("Obs: " + w);
                FetchRequest req = new FetchRequest(kpiIds, areaIds, FetchRequest.parseYears(years), groups, members, update);
                FetchSummary s = service.fetch(wb, req, kolada.progress(), cancel);
                System.out.println(s.toText());
            }
            return Cli.OK;
        }

        private static List<String> expandKpis(Workbook wb, List<String> raw) {
            List<String> out = new ArrayList<>();
            for (String k : raw) {
                if (k.strip().equalsIgnoreCase("sfh")) {
                    out.addAll(KoladaService.catalogueKpis(wb));
                } else {
                    out.add(k.strip());
                }
            }
            if (out.isEmpty()) throw new UserError("Arbetsboken har inga Strategi för hälsa-nyckeltal från Kolada.");
            return out;
        }

        private static KoladaGroup resolveGroup(Workbook wb, KoladaService service, String spec, CancelToken cancel,
                                                List<String> warnings) {
            String lower = spec.toLowerCase(Locale.ROOT);
            if (lower.equals("liknande") || lower.startsWith("liknande:")) {
                String kind = lower.contains(":") ? spec.substring(spec.indexOf(':') + 1).strip() : null;
                String name = KoladaService.ownMunicipalityName(wb);
                Optional<KoladaGroup> g = service.similarGroup(name, kind, cancel, warnings);
                return g.orElseThrow(() -> new UserError("Hittar ingen grupp \"Liknande kommuner"
                        + (kind == null ? "" : " " + kind) + ", " + name + ", <år>\" i Kolada."));
            }
            if (spec.matches("(?i)G\\d+")) {
                return service.group(spec.toUpperCase(Locale.ROOT), cancel, warnings)
                        .orElseThrow(() -> new UserError("Kolada har ingen kommungrupp med id " + spec + "."));
            }
            throw new UserError("Okänd grupp \"" + spec + "\". Skriv 'liknande', 'liknande:socioekonomi' eller ett id som G176320 "
                    + "(sök med 'halsolage kolada search --groups liknande ljungby').");
        }
    }
}
