package se.halsolage.importer;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real files copied from ../shared/fixtures into the test resources. */
final class Fixtures {
    private Fixtures() {
    }

    static Path get(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Testfilen saknas: " + name, e);
        }
    }

    static final String SKOLENKATEN = "skolenkaten-grundskola-ak8-2022.xlsx";
    static final String SKOLVERKET = "skolverket-grundskola-elever-per-arskurs-2023.csv";
    static final String PX = "BE0101F1datasymbols.px";
}
