package se.halsolage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.domain.PlanSettings;
import se.halsolage.testing.StandInCatalogue;
import se.halsolage.testing.TempAppData;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NewCommandTest {
    @TempDir
    Path dir;

    @Test
    void beforeTheCatalogueIsFetchedThereIsNoGroupAndTheMessageSaysHowToGetOne() {
        Path f = dir.resolve("vaxjo.halsa");
        try (TempAppData empty = new TempAppData(dir.resolve("no-catalogue"))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream was = System.out;
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                assertThat(Cli.run(new Main(), "new", "--municipality", "Växjö", "--out", f.toString())).isEqualTo(Cli.OK);
            } finally {
                System.setOut(was);
            }
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("kolada catalog update");
        }
        try (Workbook wb = Workbook.open(f)) {
            assertThat(wb.settings().plan().municipalityId()).isEqualTo("0780");
            assertThat(wb.settings().plan().comparisonGroupId()).isNull();
        }
    }

    @Test
    void makesAnEmptyWorkbookForARealMunicipality() throws Exception {
        try (var catalogue = StandInCatalogue.install(dir.resolve("appdata"))) {
            makeVaxjoAndLjungby();
        }
    }

    private void makeVaxjoAndLjungby() {
        Path f = dir.resolve("vaxjo.halsa");
        assertThat(Cli.run(new Main(), "new", "--municipality", "Växjö", "--out", f.toString(), "--year", "2026"))
                .isEqualTo(Cli.OK);
        try (Workbook wb = Workbook.open(f)) {
            PlanSettings p = wb.settings().plan();
            assertThat(p.municipalityId()).isEqualTo("0780");
            assertThat(p.countyId()).isEqualTo("0007"); // Region Kronoberg
            assertThat(p.planYear()).isEqualTo(2026);
            assertThat(p.exampleData()).isFalse();
            assertThat(wb.indicators().count()).isEqualTo(39);
            assertThat(wb.observations().count()).isZero();
            // the newest "Liknande kommuner … Växjö" group of the downloaded catalogue, stored with its members
            assertThat(p.comparisonGroupId()).isEqualTo("G37589");
            assertThat(wb.areas().members("G37589")).hasSize(7);
        }
        // by code, "… kommun" and existing files
        assertThat(Cli.run(new Main(), "new", "--municipality", "0780", "--out", f.toString())).isEqualTo(Cli.USER_ERROR);
        assertThat(Cli.run(new Main(), "new", "--municipality", "Ljungby kommun", "--out", f.toString(), "--force"))
                .isEqualTo(Cli.OK);
        try (Workbook wb = Workbook.open(f)) {
            assertThat(wb.settings().plan().municipalityId()).isEqualTo("0781");
        }
    }

    @Test
    void unknownMunicipalityIsAUserErrorAndWritesNothing() {
        Path f = dir.resolve("x.halsa");
        assertThat(Cli.run(new Main(), "new", "--municipality", "Växsjö", "--out", f.toString())).isEqualTo(Cli.USER_ERROR);
        assertThat(Files.exists(f)).isFalse();
        assertThat(Cli.run(new Main(), "new", "--municipality", "Växjö", "--out", dir.resolve("x.db").toString()))
                .isEqualTo(Cli.USER_ERROR);
    }
}
