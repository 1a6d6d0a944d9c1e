package se.halsolage.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.PlanSettings;
import se.halsolage.kolada.FakeKoladaAccess;
import se.halsolage.testing.SharedFiles;
import se.halsolage.testing.TempAppData;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code kolada fetch} against the stand-in serving Kolada's real v3 shapes: "Liknande kommuner" for
 * Ljungby with its members, the real statuses of 12 180 values for all 290 municipalities, {@code --update}
 * with from_date, and undo in one step. Values marked CRAFTED are test figures, not Kolada's.
 */
class KoladaFetchCommandTest { // KoladaFetchCommandTestOnPostgres runs these on PostgreSQL
    @TempDir
    Path dir;
    PrintStream oldOut, oldErr;
    ByteArrayOutputStream out, err;
    FakeKoladaAccess kolada;
    TempAppData appData;

    @BeforeEach
    void setUp() throws Exception {
        oldOut = System.out;
        oldErr = System.err;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        appData = new TempAppData(dir.resolve("appdata"));
        kolada = new FakeKoladaAccess();
    }

    @AfterEach
    void tearDown() {
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

    int run(String... args) {
        return Cli.run(new Main(), args);
    }

    Path ljungby() {
        Path file = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "ljungby");
        Workbooks.createNew(file, new PlanSettings("0781", "0007", null, 2026, "sv", false)).close();
        return file;
    }

    @Test
    void liknandeForLjungbyStoresTheGroupItsMembersAndTheirValues() {
        // CRAFTED values for Ljungby and the members of "Liknande kommuner, övergripande, Ljungby, 2025" (G37450)
        Map<String, Double> trygg = Map.of("0781", 79.0, "0840", 81.0, "1264", 77.0, "1381", 83.0, "1471", 80.0,
                "1493", 78.0, "2029", 85.0); // Åre (2321) has none
        trygg.forEach((a, v) -> kolada.put("N15643", a, "2023", "T", v, ""));
        kolada.put("N00923", "0781", "2023", "T", 81.2, "");
        kolada.put("N00923", "0840", "2023", "T", 81.9, "");
        kolada.put("N00923", "2321", "2023", "T", 82.3, "");
        Path file = ljungby();
        int code = run("kolada", "fetch", "--workbook", file.toString(), "--kpi", "N15643,N00923", "--group", "liknande",
                "--members", "--base-url", kolada.baseUrl());
        assertThat(code).as(err()).isZero();
        // the group was looked up by title (?title=Ljungby) and its members read as {member_id, member_title}
        assertThat(kolada.requests()).anyMatch(u -> u.startsWith("/v3/municipality_groups?") && u.contains("title=Ljungby"));
        assertThat(out()).contains("Jämförelsegrupp: Liknande kommuner, övergripande, Ljungby, 2025 (G37450, 7 kommuner)",
                "Nya värden: 12", "0 värden reviderade, 12 nya", "Inga värden för områdena: 0007, 0000");
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.areas().get("G37450")).hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(AreaKind.GROUP));
            assertThat(wb.areas().members("G37450")).containsExactly("0840", "1264", "1381", "1471", "1493", "2029", "2321");
            assertThat(wb.settings().plan().comparisonGroupId()).isEqualTo("G37450");
            // Kolada's own group row (the stand-in: unweighted mean of the members with a value, count = how many)
            Observation g = wb.observations().series("N15643", "G37450", Group.TOTALT).get(0);
            assertThat(g.value()).isCloseTo((81.0 + 77 + 83 + 80 + 78 + 85) / 6, within(1e-9));
            assertThat(g.location()).endsWith("(medel av 6 kommuner)");
            assertThat(wb.observations().series("N00923", "G37450", Group.TOTALT).get(0).value()).isCloseTo(82.1, within(1e-9));
            assertThat(wb.observations().series("N00923", "G37450", Group.TOTALT).get(0).location()).endsWith("(medel av 2 kommuner)");
            assertThat(wb.observations().series("N15643", "2029", Group.TOTALT)).singleElement()
                    .satisfies(o -> assertThat(o.value()).isEqualTo(85.0));
            assertThat(wb.observations().series("N00923", "2321", Group.TOTALT)).singleElement()
                    .satisfies(o -> assertThat(o.value()).isEqualTo(82.3));
        }
    }

    @Test
    void whenKoladaCannotAnswerTheGroupComesFromTheSavedCatalogueWithAWarning() {
        assertThat(run("kolada", "catalog", "update", "--base-url", kolada.baseUrl(), "--quiet")).isZero();
        kolada.put("N15643", "0781", "2023", "T", 79.0, ""); // CRAFTED
        kolada.fault("/municipality_groups", 4, 500, "{\"detail\":\"internal\"}");
        Path file = ljungby();
        out.reset();
        int code = run("kolada", "fetch", "--workbook", file.toString(), "--kpi", "N15643", "--group", "liknande:socioekonomi",
                "--base-url", kolada.baseUrl(), "--quiet");
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("Obs: Kolada kunde inte svara på frågan om kommungrupper (Kolada har ett serverfel (500)",
                "gruppen Liknande kommuner socioekonomi, Ljungby, 2024 (G176320) och dess medlemmar togs ur katalogen som "
                        + "sparades på datorn hämtad " + LocalDate.now(),
                "Jämförelsegrupp: Liknande kommuner socioekonomi, Ljungby, 2024 (G176320, 7 kommuner)");
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.areas().members("G176320")).containsExactly("0882", "1266", "1382", "1499", "1883", "1981", "2262");
        }
    }

    /** status → (meaning, marker) as the issue and Kolada's web markers define them. */
    static final Map<String, ObservationStatus> MEANING = Map.of("", ObservationStatus.OK, "Privacy", ObservationStatus.SUPPRESSED,
            "Not applicable", ObservationStatus.NOT_APPLICABLE, "Missing", ObservationStatus.MISSING);
    static final Map<String, String> MARKER = Map.of("Privacy", "..", "Not applicable", ".", "Missing", "\u2013");

    @Test
    void allMunicipalitiesForThreeKpisKeepEveryRealStatusShowPrivacyAsDotDotAndUndoInOneStep() throws Exception {
        kolada.loadRealValues();
        Path file = ljungby();
        int code = run("kolada", "fetch", "--workbook", file.toString(), "--kpi", "N09890,N11051,N17813", "--areas", "alla",
                "--base-url", kolada.baseUrl());
        assertThat(code).as(err()).isZero();
        // 290 municipalities in requests of at most 25 ids: 12 requests, each reported
        assertThat(err()).contains("Hämtar fråga 1 av 12", "Hämtar fråga 12 av 12", "Sparar i arbetsboken");
        assertThat(kolada.requests().stream().filter(u -> u.startsWith("/v3/data/"))).hasSize(12)
                .allSatisfy(u -> assertThat(u.replaceAll(".*/municipality/([^/?]*).*", "$1").split(",").length).isLessThanOrEqualTo(25));
        // hand-counted in kolada_values_raw_2024-12-12.csv for these three KPIs: 12 180 values
        assertThat(out()).contains("Nya värden: 12180", "Utan värde (sparade med markering: .. sekretess, – saknas, . ej tillämpligt): 3377: 892 sekretess (..), 1553 saknas (\u2013), 932 ej tillämpligt (.)");

        Map<String, Integer> byStatus = new TreeMap<>();
        try (Workbook wb = Workbook.open(file);
             Reader r = Files.newBufferedReader(SharedFiles.real("kolada_values_raw_2024-12-12.csv"), StandardCharsets.UTF_8)) {
            Map<String, Observation> stored = new HashMap<>();
            for (String k : List.of("N09890", "N11051", "N17813")) {
                for (Observation o : wb.observations().forIndicator(k)) {
                    stored.put(k + "|" + o.areaId() + "|" + o.period().label() + "|" + o.group().label(), o);
                }
            }
            assertThat(stored).hasSize(12180);
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                String k = rec.get("kpi");
                if (!List.of("N09890", "N11051", "N17813").contains(k)) continue;
                String g = switch (rec.get("gender")) { case "K" -> "Kvinnor"; case "M" -> "Män"; default -> "Totalt"; };
                Observation o = stored.get(k + "|" + rec.get("municipality_id") + "|" + rec.get("year") + "|" + g);
                String st = rec.get("status");
                assertThat(o).as(rec.toString()).isNotNull();
                assertThat(o.status()).as(rec.toString()).isEqualTo(MEANING.get(st));
                if (st.isEmpty()) {
                    assertThat(o.value()).as(rec.toString()).isEqualTo(Double.parseDouble(rec.get("value")));
                } else {
                    assertThat(o.value()).as(rec.toString()).isNull();
                    assertThat(o.marker()).as(rec.toString()).isEqualTo(MARKER.get(st));
                }
                byStatus.merge(st.isEmpty() ? "ok" : st, 1, Integer::sum);
            }
            assertThat(wb.observations().count()).isEqualTo(12180);
        }
        // every status of Kolada's occurs (hand-counted in the file)
        assertThat(byStatus).containsExactly(Map.entry("Missing", 1553), Map.entry("Not applicable", 932),
                Map.entry("Privacy", 892), Map.entry("ok", 8803));

        // Gagnef (2026) N09890 2020 Kvinnor is "Privacy" in Kolada (README fact 3): series shows ..
        out.reset();
        assertThat(run("series", file.toString(), "--indicator", "N09890", "--area", "2026", "--group", "Kvinnor")).isZero();
        assertThat(out().lines().filter(l -> l.startsWith("2020\t"))).singleElement().asString()
                .startsWith("2020\tKvinnor\t..\t\tsuppressed\tKolada");
        assertThat(out().lines().filter(l -> l.startsWith("2018\t"))).singleElement().asString().startsWith("2018\tKvinnor\t46,3566\t\tok\tKolada");

        // and in charts: the gaps of Gagnef's line are marked as Kolada marks them (2019 Missing, 2020 and 2023 Privacy)
        try (Workbook wb = Workbook.open(file)) {
            var charts = new se.halsolage.chart.ChartService(wb);
            var trend = charts.create(se.halsolage.chart.ChartKind.TREND, "N09890", "2026", se.halsolage.chart.ChartTheme.SCREEN);
            assertThat(trend.note()).contains("Luckor i linjen: .. sekretess eller för få svar (2020, 2023); \u2013 uppgift saknas (2019).");
            var gender = charts.create(se.halsolage.chart.ChartKind.GENDER, "N09890", "2026", se.halsolage.chart.ChartTheme.SCREEN);
            assertThat(gender.note()).containsPattern("\\.\\. sekretess eller för få svar \\([^)]*Flickor 2020"); // 6–15 år: Flickor/Pojkar
            assertThat(trend.sourceLine()).isEqualTo("Källa: Kolada");
            // attribution: Kolada's values are "Källa: Kolada"; the girls/boys difference is ours and says so
            assertThat(trend.note()).doesNotContain("beräknade av Hälsoläge");
            assertThat(gender.subtitle()).contains("Skillnad 2022: Flickor − pojkar");
            assertThat(gender.note()).contains("Skillnaderna är beräknade av Hälsoläge ur källans värden, inte hämtade från källan.");
        }

        // the whole fetch is one entry in the import log: one undo takes it all back
        out.reset();
        assertThat(run("import", "--workbook", file.toString(), "--undo-last")).as(err()).isZero();
        assertThat(out()).contains("Kolada: N09890,N11051,N17813, 290 områden", "12180 värden borttagna eller återställda");
        try (Workbook wb = Workbook.open(file)) {
            assertThat(wb.observations().count()).isZero();
            assertThat(wb.sources().all()).isEmpty();
        }
    }

    @Test
    void updateAsksOnlyForWhatChangedAndItsRevisionsCanBeUndone() {
        Path file = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "arboga");
        Workbooks.createNew(file, new PlanSettings("1984", "0019", null, 2026, "sv", false)).close();
        // the real rows of grp_data.csv: N03702 for Arboga 2012–2023
        assertThat(run("kolada", "fetch", "--workbook", file.toString(), "--kpi", "N03702", "--areas", "1984",
                "--base-url", kolada.baseUrl(), "--quiet")).as(err()).isZero();
        assertThat(out()).contains("Nya värden: 12");

        // Kolada revises 2023 and publishes 2024 (CRAFTED figures)
        kolada.change("N03702", "1984", "2023", "T", 340.5, "");
        kolada.change("N03702", "1984", "2024", "T", 351.0, "");
        out.reset();
        assertThat(run("kolada", "fetch", "--workbook", file.toString(), "--kpi", "N03702", "--areas", "1984", "--update",
                "--base-url", kolada.baseUrl(), "--quiet")).as(err()).isZero();
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        assertThat(kolada.requests().get(kolada.requests().size() - 1)).contains("&from_date=" + today);
        assertThat(out()).contains("1 värde reviderat, 1 nya", "rader: 2", "Oförändrade värden: 0",
                "N03702 1984 2023 Totalt: 334,1665 \u2192 340,5", "Nya perioder: N03702 2024");
        try (Workbook wb = Workbook.open(file)) {
            List<Observation> s = wb.observations().series("N03702", "1984", Group.TOTALT);
            assertThat(s).hasSize(13);
            assertThat(s.get(0).value()).isEqualTo(268.853441); // 2012, not asked again, untouched
            assertThat(s.get(11).value()).isEqualTo(340.5);
            assertThat(s.get(12).value()).isEqualTo(351.0);
        }
        // again the same day: from_date has day resolution, so Kolada sends the same two rows, now unchanged
        out.reset();
        assertThat(run("kolada", "fetch", "--workbook", file.toString(), "--kpi", "N03702", "--areas", "1984", "--update",
                "--base-url", kolada.baseUrl(), "--quiet")).as(err()).isZero();
        assertThat(out()).contains("0 värden reviderade, 0 nya", "Oförändrade värden: 2")
                .doesNotContain("Inga värden från Kolada för", "Inga värden för områdena");
        // the revision is an undoable update in the import log (the fetch that changed nothing took no place there)
        out.reset();
        assertThat(run("import", "--workbook", file.toString(), "--undo-last")).isZero();
        assertThat(out()).contains("uppdatering", "2 värden borttagna eller återställda");
        try (Workbook wb = Workbook.open(file)) {
            List<Observation> s = wb.observations().series("N03702", "1984", Group.TOTALT);
            assertThat(s).hasSize(12);
            assertThat(s.get(11).value()).isEqualTo(334.166548);
        }
    }
}
