package se.halsolage.importer;

import se.halsolage.testing.SharedFiles;

import java.nio.file.Path;

/** The real files in ../shared/fixtures (read from there, never copied into the repository). */
final class Fixtures {
    private Fixtures() {
    }

    static Path get(String name) {
        return SharedFiles.fixture(name);
    }

    static final String SKOLENKATEN = "skolenkaten-grundskola-ak8-2022.xlsx";
    static final String SKOLVERKET = "skolverket-grundskola-elever-per-arskurs-2023.csv";
    static final String PX = "BE0101F1datasymbols.px";
}
