package se.halsolage.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Group;
import se.halsolage.domain.PlanSettings;
import se.halsolage.kolada.FakeKoladaAccess;
import se.halsolage.testing.TempAppData;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code halsolage kolada …} end to end against the local fake Kolada. */
class KoladaCommandTest {
    @TempDir
    Path dir;
    PrintStream oldOut, oldErr;
    ByteArrayOutputStream out, err;
    FakeKoladaAccess kolada;
    TempAppData appData;

    @BeforeEach
    void capture() throws Exception {
        appData = new TempAppData(dir.resolve("appdata"));
        oldOut = System.out;
        oldErr = System.err;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        kolada = new FakeKoladaAccess();
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        if (kolada != null) kolada.close();
        appData.close();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void searchExplainsItselfBeforeTheCatalogueUpdateAndCoversAllOfKoladaAfter() throws Exception {
        // a fresh workbook on a computer that has never fetched Kolada's catalogue
        Path file = dir.resolve("ljungby.halsa");
        Workbooks.createNew(file, new PlanSettings("0781", "0007", null, 2026, "sv", false)).close();
        assertThat(Cli.run(new Main(), "kolada", "search", "trygg")).isZero();
        // the SfH set names the three "trygg i skolan" KPIs and "Brukarbedömning … trygghet"
        assertThat(out().lines()).extracting(l -> l.split("\t")[0]).containsExactly("N15613", "N15643", "N17673", "U21454");
        assertThat(err()).contains("4 träffar", "bara bland de 39 nyckeltal som programmets egen katalog (Strategi för hälsa)",
                "behöver hämtas från Kolada en gång", "halsolage kolada catalog update");
        assertThat(Cli.run(new Main(), "kolada", "search", "--groups", "liknande", "ljungby")).isEqualTo(Cli.USER_ERROR);
        assertThat(err()).contains("Koladas kommungrupper finns inte på datorn än", "kolada catalog update");

        out.reset();
        err.reset();
        assertThat(Cli.run(new Main(), "kolada", "catalog", "update", "--base-url", kolada.baseUrl())).as(err()).isZero();
        // the stand-in serves ../shared/data/kolada/: 6 099 KPIs (2 pages of 5000), 312 areas, 3 630 groups
        assertThat(out()).contains("Koladas katalog hämtad: 6099 nyckeltal, 312 kommuner och regioner, 3630 kommungrupper (4 sidor",
                "Källa: Kolada", dir.resolve("appdata").resolve("kolada").resolve("kolada-katalog.json").toString());
        assertThat(err()).contains("Hämtar Koladas nyckeltal (1 av 3), 2 sidor hittills", "Hämtar Koladas kommungrupper (3 av 3)");
        assertThat(Files.exists(dir.resolve("appdata/kolada/kolada-katalog.json"))).isTrue();

        out.reset();
        err.reset();
        assertThat(Cli.run(new Main(), "kolada", "search", "trygg")).isZero();
        assertThat(out().lines().count()).isGreaterThan(4);
        assertThat(out()).contains("N15643\tElever i åk 8: Känner du dig trygg i skolan?", "kommun, per kön, senast ");
        assertThat(err()).contains("Sökte i Koladas katalog, 6099 nyckeltal, hämtad " + LocalDate.now() + ", i dag")
                .doesNotContain("Strategi för hälsa");
        out.reset();
        assertThat(Cli.run(new Main(), "kolada", "search", "--groups", "liknande", "socioekonomi", "arboga")).isZero();
        assertThat(out()).contains("G176199\tLiknande kommuner socioekonomi, Arboga, 2024\t7 kommuner");
        out.reset();
        assertThat(Cli.run(new Main(), "kolada", "catalog")).isZero();
        assertThat(out()).contains("Koladas katalog, 6099 nyckeltal, hämtad " + LocalDate.now());
    }

    @Test
    void aFailedCatalogueUpdateKeepsTheEarlierCopy() throws Exception {
        assertThat(Cli.run(new Main(), "kolada", "catalog", "update", "--base-url", kolada.baseUrl(), "--quiet")).isZero();
        Path f = dir.resolve("appdata/kolada/kolada-katalog.json");
        byte[] before = Files.readAllBytes(f);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(Cli.run(new Main(), "kolada", "catalog", "update", "--base-url", "http://127.0.0.1:" + port + "/v3"))
                .isEqualTo(Cli.USER_ERROR);
        assertThat(err()).contains("Kan inte nå Kolada", "Den sparade katalogen har inte ändrats.").doesNotContain("arbetsboken");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void fetchWithDefaultAreasAndTheSimilarGroup() {
        Path file = dir.resolve("arboga.halsa");
        Workbooks.createNew(file, new PlanSettings("1984", "0019", null, 2026, "sv", false)).close();
        int code = Cli.run(new Main(), "kolada", "fetch", "--workbook", file.toString(), "--kpi", "N03702,N03703",
                "--years", "2020-2023", "--group", "liknande:socioekonomi", "--base-url", kolada.baseUrl());
        assertThat(code).as(err()).isZero();
        // 2 KPIs x 4 years for Arboga and for the group; region and riket have no rows in the real sample
        assertThat(out()).contains("Nya värden: 16", "Källa: Kolada",
                "Jämförelsegrupp: Liknande kommuner socioekonomi, Arboga, 2024 (G176199, 7 kommuner)",
                "Inga värden för områdena: 0019, 0000");
        assertThat(err()).contains("Hämtar fråga 1 av 1");
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.observations().series("N03703", "1984", Group.TOTALT)).hasSize(4);
            assertThat(wb.observations().series("N03702", "G176199", Group.TOTALT)).hasSize(4);
        }
        // run again: nothing new
        out.reset();
        code = Cli.run(new Main(), "kolada", "fetch", "--workbook", file.toString(), "--kpi", "N03702,N03703",
                "--years", "2020-2023", "--group", "G176199", "--base-url", kolada.baseUrl());
        assertThat(code).isZero();
        assertThat(out()).contains("Nya värden: 0", "Oförändrade värden: 16");
    }

    @Test
    void offlineExitsWithOneAndASwedishMessage() throws Exception {
        Path file = dir.resolve("a.halsa");
        Workbooks.createNew(file, new PlanSettings("1984", "0019", null, 2026, "sv", false)).close();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int code = Cli.run(new Main(), "kolada", "fetch", "--workbook", file.toString(), "--kpi", "N15643",
                "--base-url", "http://127.0.0.1:" + port + "/v3");
        assertThat(code).isEqualTo(Cli.USER_ERROR);
        assertThat(err()).contains("Fel: Kan inte nå Kolada", "Inget i arbetsboken har ändrats.");
    }

    @Test
    void badYearsAndMissingWorkbookAreUserErrors() {
        assertThat(Cli.run(new Main(), "kolada", "fetch", "--workbook", dir.resolve("nej.halsa").toString(), "--kpi", "N15643"))
                .isEqualTo(Cli.USER_ERROR);
        assertThat(err()).contains("Arbetsboken finns inte");
        Path file = dir.resolve("b.halsa");
        Workbooks.createNew(file, new PlanSettings("1984", "0019", null, 2026, "sv", false)).close();
        assertThat(Cli.run(new Main(), "kolada", "fetch", "--workbook", file.toString(), "--kpi", "N15643", "--years", "2025-2014"))
                .isEqualTo(Cli.USER_ERROR);
        assertThat(err()).contains("slutar före det börjar");
    }
}
