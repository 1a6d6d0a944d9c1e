package se.halsolage.testing;

import se.halsolage.kolada.CatalogUpdate;
import se.halsolage.kolada.FakeKoladaAccess;
import se.halsolage.kolada.KoladaClient;

import java.nio.file.Path;

/**
 * For tests that need Kolada's whole catalogue (e.g. the Skolenkäten import's question → KPI matching):
 * points the application-data folder at {@code appDataDir} and fills it the way a user does, with
 * {@code kolada catalog update} against the stand-in server, which serves ../shared/data/kolada/ (the
 * test is skipped when that folder is missing). Close the returned handle to point it back.
 */
public final class StandInCatalogue {
    private StandInCatalogue() {
    }

    public static TempAppData install(Path appDataDir) throws Exception {
        TempAppData home = new TempAppData(appDataDir);
        try (FakeKoladaAccess kolada = new FakeKoladaAccess()) {
            new CatalogUpdate(KoladaClient.builder().baseUrl(kolada.baseUrl()).build()).run(null, null);
        } catch (Exception | Error e) {
            home.close();
            throw e;
        }
        return home;
    }
}
