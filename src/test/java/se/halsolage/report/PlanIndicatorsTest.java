package se.halsolage.report;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.catalog.Workbooks;
import se.halsolage.cli.Cli;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.importer.ImportOptions;
import se.halsolage.importer.ImportSession;
import se.halsolage.importer.ProgressListener;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's indicator set on a fresh Växjö workbook with the real Skolenkäten åk 8 2022 import. */
class PlanIndicatorsTest { // PlanIndicatorsTestOnPostgres runs these on PostgreSQL
    /** A Skolenkäten question the import adds that is not in the SfH set (positive share, elevhälsan). */
    static final String LOCAL = "SKOLENK-AK8-HUR-LATT-ELLER-SVART-AR-DET-ATT-FA-59CB-POSITIV";

    /** Another one: "Hur nöjd är du med din skola?", positive share. */
    static final String NOJD = "SKOLENK-AK8-HUR-NOJD-AR-DU-MED-DIN-SKOLA-POSITIV";

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void vaxjoWithSkolenkaten(org.junit.jupiter.api.TestInfo info) {
        Path xlsx = SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        file = se.halsolage.testing.Stores.of(info.getTestClass().orElseThrow()).newWorkbook(dir, "vaxjo");
        try (Workbook wb = Workbooks.createNew(file, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            ImportSession.open(wb, xlsx, ImportOptions.defaults()).commit(ProgressListener.NONE, () -> false);
        }
    }

    static Workbook open() {
        return Workbook.open(file);
    }

    @Test
    void byDefaultTheSfhSetAndNoCounts() {
        try (Workbook wb = open()) {
            PlanIndicators.reset(wb);
            List<PlanIndicators.Choice> all = PlanIndicators.of(wb);
            assertThat(all).hasSize(39 + 75); // the product's catalogue and what the default import added
            List<PlanIndicators.Choice> in = all.stream().filter(PlanIndicators.Choice::included).toList();
            assertThat(in).hasSize(39).allMatch(c -> c.reason() == PlanIndicators.Reason.SFH);
            assertThat(all.stream().filter(c -> c.indicator().unit() == Unit.COUNT))
                    .hasSize(2).allMatch(c -> c.reason() == PlanIndicators.Reason.COUNT); // antal svar, antal i gruppen
            assertThat(PlanIndicators.includedIds(wb)).contains("N15643", "N15653").doesNotContain(LOCAL,
                    "SKOLENK-AK8-ANTAL-SVAR");
        }
    }

    @Test
    void initiativesBringTheirIndicatorsButNotCounts() {
        try (Workbook wb = open()) {
            PlanIndicators.reset(wb);
            long id = wb.transaction(w -> w.initiatives().save(new Initiative(0, "Trygg skolmiljö", null,
                    InitiativeKind.values()[0], null, null, null, List.of(LOCAL, "SKOLENK-AK8-ANTAL-SVAR"), null, null,
                    2025, 2027, null, null, null, null))).id();
            try {
                var byId = PlanIndicators.of(wb).stream().collect(java.util.stream.Collectors.toMap(
                        c -> c.indicator().id(), c -> c));
                assertThat(byId.get(LOCAL).reason()).isEqualTo(PlanIndicators.Reason.INITIATIVE);
                assertThat(byId.get("SKOLENK-AK8-ANTAL-SVAR").included()).isFalse();
            } finally {
                wb.inTransaction(w -> w.initiatives().delete(id));
            }
        }
    }

    @Test
    void addRemoveReplaceAndResetAreKeptInTheWorkbook() {
        try (Workbook wb = open()) {
            PlanIndicators.reset(wb);
            PlanIndicators.add(wb, List.of(LOCAL, "SKOLENK-AK8-ANTAL-SVAR"));
            PlanIndicators.remove(wb, List.of("U01901"));
        }
        try (Workbook wb = open()) {
            var ids = PlanIndicators.includedIds(wb);
            assertThat(ids).hasSize(39 + 2 - 1).contains(LOCAL, "SKOLENK-AK8-ANTAL-SVAR").doesNotContain("U01901");
            PlanIndicators.replace(wb, List.of("N15643", NOJD));
            assertThat(PlanIndicators.includedIds(wb)).containsExactly("N15643", NOJD);
            assertThat(PlanIndicators.of(wb).stream().filter(c -> c.indicator().id().equals("N15653")).findFirst()
                    .orElseThrow().reason()).isEqualTo(PlanIndicators.Reason.NOT_LISTED);
            assertThatThrownBy(() -> PlanIndicators.add(wb, List.of(LOCAL, "FINNS-INTE")))
                    .isInstanceOf(UserError.class).hasMessageContaining("FINNS-INTE").hasMessageContaining("Inget ändrades");
            assertThat(PlanIndicators.includedIds(wb)).containsExactly("N15643", NOJD);
            PlanIndicators.reset(wb);
            assertThat(PlanIndicators.includedIds(wb)).hasSize(39);
        }
    }

    @Test
    void theDefaultVaxjoPlanIsAtMostEightyPages() throws Exception {
        try (Workbook wb = open()) {
            PlanIndicators.reset(wb);
        }
        Path docx = dir.resolve("vaxjo-plan.docx");
        assertThat(Cli.run(new Main(), "report", "--workbook", file.toString(), "--out", docx.toString())).isEqualTo(Cli.OK);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            // N15643 and N15653, the SfH indicators Skolenkäten gives, each with its trend and (149 municipalities
            // have a value, at least RANKING_MIN) its ranking; one profile per SfH area they belong to.
            java.util.Map<String, Long> kinds = chartKinds(doc);
            assertThat(kinds).containsEntry("utveckling", 2L).containsEntry("rangordning", 2L);
            long areas = java.util.stream.Stream.of("N15643", "N15653").map(id -> {
                try (Workbook wb = open()) {
                    return wb.indicators().get(id).orElseThrow().sfhArea();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }).distinct().count();
            assertThat(kinds).containsEntry("profil", areas);
            assertThat(doc.getAllPictures()).hasSize((int) (4 + areas));
        }
        if (PdfExport.findSoffice().isEmpty()) {
            org.junit.jupiter.api.Assumptions.abort("LibreOffice (soffice) saknas; sidantalet kontrolleras inte");
        }
        PdfExport.Result pdf = PdfExport.export(docx, dir.resolve("vaxjo-plan.pdf"));
        String raw = new String(Files.readAllBytes(pdf.pdf()), java.nio.charset.StandardCharsets.ISO_8859_1);
        int pages = raw.split("/Type\\s*/Page[^s]").length - 1;
        assertThat(pages).isBetween(5, 80); // was 544 pages with every indicator of the workbook
    }

    /** The plan's pictures by kind, from their names ("Diagram 3 (rangordning)"). */
    static java.util.Map<String, Long> chartKinds(XWPFDocument doc) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"Diagram \\d+ \\(([^)]+)\\)\"")
                .matcher(doc.getDocument().xmlText());
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        while (m.find()) out.merge(m.group(1), 1L, Long::sum);
        return out;
    }

    @Test
    void surveyChartsGetTheSimilarMunicipalitiesLineAsTheMembersMean() throws Exception {
        try (var catalogue = se.halsolage.testing.StandInCatalogue.install(dir.resolve("appdata"))) {
            similarMunicipalitiesLine();
        }
    }

    private void similarMunicipalitiesLine() {
        Path f = se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "vaxjo-grupp");
        try (Workbook src = open()) {
            src.copyTo(f);
        }
        try (Workbook wb = Workbook.open(f)) {
            var g = se.halsolage.catalog.KoladaGroups.byId("G37589").orElseThrow(); // Liknande kommuner, övergripande, Växjö, 2025
            wb.inTransaction(w -> {
                w.areas().save(new se.halsolage.domain.Area(g.id(), g.title(), se.halsolage.domain.AreaKind.GROUP, null, null));
                w.areas().setMembers(g.id(), g.members().keySet());
                var p = w.settings().plan();
                w.settings().savePlan(new PlanSettings(p.municipalityId(), p.countyId(), g.id(), p.planYear(), p.language(), false));
            });
            var rc = new se.halsolage.chart.ChartService(wb).create(se.halsolage.chart.ChartKind.TREND, "N15643", null,
                    se.halsolage.chart.ChartTheme.PRINT);
            // hand-checked: 5 of the 7 members have Skolenkäten 2022 values, mean 80,68 (sqlite avg)
            assertThat(rc.altText()).contains("Liknande kommuner: 80,7\u00a0%");
            assertThat(rc.note()).contains("ovägt medel av värdena för de av gruppens 7 kommuner som har ett");
        }
    }

    @Test
    void parsesListsAndFiles() throws Exception {
        assertThat(PlanIndicators.parseList(" N15643, N15653 ,,")).containsExactly("N15643", "N15653");
        Path f = dir.resolve("urval.txt");
        Files.writeString(f, "# planens nyckeltal\nN15643\nN15659 # nöjd med skolan\n\n");
        assertThat(PlanIndicators.parseList("@" + f)).containsExactly("N15643", "N15659");
        assertThatThrownBy(() -> PlanIndicators.parseList("@" + dir.resolve("saknas.txt")))
                .isInstanceOf(UserError.class).hasMessageContaining("saknas.txt");
    }

    @Test
    void cliKeepsTheChoiceAndABadIdLeavesTheWorkbookByteIdentical() throws Exception {
        try (Workbook wb = open()) {
            PlanIndicators.reset(wb);
        }
        Path out = dir.resolve("plan.docx");
        assertThat(Cli.run(new Main(), "report", "--workbook", file.toString(), "--add", LOCAL, "--out", out.toString()))
                .isEqualTo(Cli.OK);
        try (Workbook wb = open()) {
            assertThat(PlanIndicators.includedIds(wb)).contains(LOCAL).hasSize(40);
        }
        String before = se.halsolage.testing.Stores.fingerprint(file);
        assertThat(Cli.run(new Main(), "report", "--workbook", file.toString(), "--add", NOJD + ",NOPE",
                "--out", out.toString())).isEqualTo(Cli.USER_ERROR);
        assertThat(se.halsolage.testing.Stores.fingerprint(file)).isEqualTo(before);

        // The plan shows the three indicators with values and lists compactly what it leaves out, and why.
        String text;
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            text = ex.getText();
        }
        assertThat(text).contains("Planen redovisar 3 av arbetsbokens 114 nyckeltal")
                .contains("2 antal (till exempel antal svarande), inte ett nyckeltal för planen: ")
                .contains("och 64 till")
                .contains("72 ingår inte i Strategi för hälsa") // 114 − 39 SfH − 2 antal − 1 added
                .doesNotContain("Växjö ligger 56");
        assertThat(text.length()).isLessThan(40_000);
        try (Workbook wb = open()) {
            PlanIndicators.reset(wb);
        }
    }
}
