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
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code halsolage kolada …} end to end against the local fake Kolada. */
class KoladaCommandTest {
    @TempDir
    Path dir;
    PrintStream oldOut, oldErr;
    ByteArrayOutputStream out, err;
    FakeKoladaAccess kolada;

    @BeforeEach
    void capture() throws Exception {
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
        kolada.close();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void searchIsOffline() {
        int code = Cli.run(new Main(), "kolada", "search", "trygg", "skolan", "åk", "8");
        assertThat(code).isZero();
        assertThat(out()).contains("N15643\tElever i åk 8: Känner du dig trygg i skolan?");
        code = Cli.run(new Main(), "kolada", "search", "--groups", "liknande", "socioekonomi", "arboga");
        assertThat(code).isZero();
        assertThat(out()).contains("G176199\tLiknande kommuner socioekonomi, Arboga, 2024\t7 kommuner");
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
