package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.catalog.CatalogLoader;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Skapar en ny, tom arbetsbok för en riktig kommun: katalogen med Strategi för hälsas "
                + "nyckeltal, alla områden och inställningarna (egen kommun, länets region, planår).",
                "Importera sedan data med 'import' och hämta från Kolada med 'kolada fetch'."},
        footer = {"", "Exempel: halsolage new --municipality Växjö --out vaxjo.halsa"})
public final class NewCommand implements Callable<Integer> {
    @Option(names = "--municipality", required = true, paramLabel = "KOMMUN",
            description = "Den egna kommunen: namn (Växjö) eller kommunkod (0780).")
    String municipality;

    @Option(names = "--out", required = true, paramLabel = "FIL", description = "Arbetsboken som skapas (.halsa).")
    Path out;

    @Option(names = "--year", paramLabel = "ÅR", description = "Planåret (standard: innevarande år).")
    Integer year;

    @Option(names = "--force", description = "Skriv över filen om den finns.")
    boolean force;

    @Option(names = "--no-group", description = "Välj ingen jämförelsegrupp (standard: den nyaste gruppen \"Liknande kommuner\" "
            + "för kommunen i den hämtade Kolada-katalogen).")
    boolean noGroup;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(Workbook.EXTENSION)) {
            throw new UserError("Arbetsboken ska sluta på " + Workbook.EXTENSION + ": " + out);
        }
        int y = year == null ? Year.now().getValue() : year;
        if (y < 1990 || y > 2100) throw new UserError("Orimligt planår: " + y);
        Area own = find(CatalogLoader.areas(), municipality);
        String county = own.parentId() != null ? own.parentId()
                : own.countyCode() == null ? null : Area.regionIdForCounty(own.countyCode());
        boolean catalogue = se.halsolage.catalog.KoladaCatalog.load().isPresent();
        var similar = noGroup || !catalogue ? java.util.Optional.<se.halsolage.catalog.KoladaGroups.KoladaGroup>empty()
                : se.halsolage.catalog.KoladaGroups.similarTo(own.name(), null);
        String groupId = similar.map(se.halsolage.catalog.KoladaGroups.KoladaGroup::id).orElse(null);
        PlanSettings settings = new PlanSettings(own.id(), county, groupId, y, "sv", false);
        // built beside the file and swapped in under its writer lock, as demo --force does: an open workbook
        // is never deleted, and an interrupted run leaves the old file or the complete new one
        try (Workbook wb = Workbook.replace(out, force, tmp -> Workbooks.createNew(tmp, settings))) {
            similar.ifPresent(g -> wb.inTransaction(w -> {
                w.areas().save(new Area(g.id(), g.title(), AreaKind.GROUP, null, null));
                w.areas().setMembers(g.id(), g.members().keySet());
            }));
            System.out.printf("Arbetsboken skapad: %s%n", wb.location());
            System.out.printf("  Kommun: %s (%s), län: %s, planår %d%n", own.name(), own.id(),
                    county == null ? "–" : wb.areas().get(county).map(Area::name).orElse(county), y);
            similar.ifPresent(g -> System.out.printf("  Jämförelsegrupp: %s (%s, %d kommuner)%n", g.title(), g.id(), g.members().size()));
            if (!noGroup && !catalogue) {
                System.out.println("  Ingen jämförelsegrupp ännu: Koladas katalog är inte hämtad. Kör 'halsolage kolada catalog update' "
                        + "och sedan 'halsolage kolada fetch --workbook " + (wb.postgres() != null ? "'" + wb.location() + "'" : wb.file().getFileName()) + " --kpi sfh --group liknande'.");
            } else if (!noGroup && similar.isEmpty()) {
                System.out.println("  Ingen grupp \"Liknande kommuner\" för " + own.name() + " i Koladas katalog.");
            }
            System.out.printf("  %d nyckeltal i katalogen, inga värden ännu%n", wb.indicators().count());
        }
        return Cli.OK;
    }

    static Area find(List<Area> areas, String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) throw new UserError("Ange kommunen, t.ex. --municipality Växjö.");
        Locale sv = Locale.forLanguageTag("sv-SE");
        String key = s.toLowerCase(sv).replaceFirst("\\s+kommun$", "");
        for (Area a : areas) {
            if (a.kind() != AreaKind.MUNICIPALITY) continue;
            if (a.id().equals(s) || a.name().toLowerCase(sv).equals(key)) return a;
        }
        List<String> near = areas.stream().filter(a -> a.kind() == AreaKind.MUNICIPALITY)
                .filter(a -> a.name().toLowerCase(sv).startsWith(key.substring(0, Math.min(3, key.length()))))
                .map(a -> a.name() + " (" + a.id() + ")").limit(8).toList();
        throw new UserError("Hittar ingen kommun som heter eller har koden \"" + s + "\"."
                + (near.isEmpty() ? "" : " Menar du: " + String.join(", ", near) + "?"));
    }
}
