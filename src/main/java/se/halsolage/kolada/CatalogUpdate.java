package se.halsolage.kolada;

import se.halsolage.catalog.KoladaCatalog;
import se.halsolage.catalog.KoladaCatalog.KoladaArea;
import se.halsolage.catalog.KoladaGroups.KoladaGroup;
import se.halsolage.catalog.KpiInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Downloads Kolada's catalogue ({@code /v3/kpi}, {@code /v3/municipality}, {@code /v3/municipality_groups},
 * each followed through its {@code next_url} pages, through the client's throttling, retries and cancel)
 * and keeps it as the local copy ({@link KoladaCatalog}, written atomically in the application-data
 * folder). All three lists are downloaded and checked before anything is written: on any failure or
 * cancel the copy kept before stays as it was.
 */
public final class CatalogUpdate {
    public static final String UNCHANGED = " Den sparade katalogen har inte ändrats.";
    private static final String[] ENTITIES = {"kpi", "municipality", "municipality_groups"};
    private static final String[] LABELS = {"nyckeltal", "kommuner och regioner", "kommungrupper"};

    private final KoladaClient client;

    public CatalogUpdate(KoladaClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /** What an update fetched and where it was kept. */
    public record Result(Path file, KoladaCatalog catalog, int requests, int pages) {
        public String toText() {
            return "Koladas katalog hämtad: " + catalog.kpis().size() + " nyckeltal, " + catalog.areas().size()
                    + " kommuner och regioner, " + catalog.groups().size() + " kommungrupper (" + pages
                    + (pages == 1 ? " sida" : " sidor") + ", " + FetchSummary.ATTRIBUTION + ").\nSparad i " + file + ".";
        }
    }

    /**
     * Runs the update. Progress is given per page: done = lists finished of 3. Throws {@link KoladaException}
     * (the kept copy unchanged) when Kolada cannot be reached, answers oddly, or the user cancels.
     */
    public Result run(FetchListener listener, CancelToken cancel) {
        FetchListener progress = listener == null ? FetchListener.NONE : listener;
        CancelToken token = cancel == null ? CancelToken.none() : cancel;
        List<KpiInfo> kpis = new ArrayList<>();
        List<KoladaArea> areas = new ArrayList<>();
        List<KoladaGroup> groups = new ArrayList<>();
        int pages = 0;
        Instant fetchedAt = null;
        try {
            for (int i = 0; i < ENTITIES.length; i++) {
                int step = i;
                int[] n = {0};
                progress.progress(step, ENTITIES.length, "Hämtar Koladas " + LABELS[step] + " (" + (step + 1) + " av 3)");
                List<KoladaPage> got = client.getAll(client.catalogUrl(ENTITIES[i]), token, p -> {
                    n[0]++;
                    progress.progress(step, ENTITIES.length, "Hämtar Koladas " + LABELS[step] + " (" + (step + 1)
                            + " av 3), " + n[0] + (n[0] == 1 ? " sida" : " sidor") + " hittills");
                });
                for (KoladaPage p : got) {
                    switch (step) {
                        case 0 -> kpis.addAll(KoladaClient.parseKpis(p));
                        case 1 -> areas.addAll(KoladaClient.parseAreas(p));
                        default -> groups.addAll(KoladaClient.parseGroups(p));
                    }
                    if (fetchedAt == null || p.fetchedAt().isAfter(fetchedAt)) fetchedAt = p.fetchedAt();
                }
                pages += got.size();
            }
            if (kpis.isEmpty() || areas.isEmpty()) {
                throw KoladaException.malformed(client.catalogUrl(kpis.isEmpty() ? "kpi" : "municipality"),
                        "listan är tom", null);
            }
            token.check();
        } catch (KoladaException e) {
            String m = e.getMessage().replace(KoladaException.UNCHANGED, "");
            throw new KoladaException(e.kind(), e.status(), m + UNCHANGED, e);
        }
        progress.progress(ENTITIES.length, ENTITIES.length, "Sparar katalogen");
        KoladaCatalog cat = new KoladaCatalog(fetchedAt == null ? Instant.now() : fetchedAt, client.baseUrl(), kpis, areas, groups);
        Path file = KoladaCatalog.save(cat);
        return new Result(file, cat, ENTITIES.length, pages);
    }
}
