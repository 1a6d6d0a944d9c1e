package se.halsolage.importer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The real Skolenkäten åk 8 2022 file, imported once into a demo workbook. */
class SkolenkatenImportTest {
    @TempDir
    static Path dir;
    static Workbook wb;
    static ImportSummary summary;
    static final Period Y2022 = Period.year(2022);
    static final String TRYGG = "SKOLENK-AK8-KANNER-DU-DIG-TRYGG-I-SKOLAN";

    static se.halsolage.testing.TempAppData catalogue;

    @BeforeAll
    static void importOnce() throws Exception {
        // the question → Kolada KPI matching uses Kolada's whole catalogue, as after 'kolada catalog update'
        catalogue = se.halsolage.testing.StandInCatalogue.install(dir.resolve("appdata"));
        wb = DemoWorkbook.build(dir.resolve("demo.halsa"));
        ImportSession s = ImportSession.open(wb, Fixtures.get(Fixtures.SKOLENKATEN), ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLENKATEN);
        summary = s.commit(ProgressListener.NONE, () -> false);
    }

    @AfterAll
    static void close() {
        if (wb != null) wb.close();
        if (catalogue != null) catalogue.close();
    }

    static Optional<Observation> obs(String indicator, String area, Group g) {
        return wb.observations().series(indicator, area, g).stream().filter(o -> o.period().equals(Y2022)).findFirst();
    }

    @Test
    void vaxjoTryggGivesTheKoladaShare() {
        Observation kpi = obs("N15643", "0780", Group.TOTALT).orElseThrow();
        assertThat(kpi.value()).isCloseTo(83.1, within(1e-9)); // 0,417 + 0,414
        assertThat(kpi.location()).isEqualTo("Resultat elever åk 8 2022!KR42");
        assertThat(kpi.n()).isEqualTo(688); // the respondents
        assertThat(obs(TRYGG + "-POSITIV", "0780", Group.TOTALT).orElseThrow().value()).isCloseTo(83.1, within(1e-9));
        // by default no share or count per response option: they come with --alla-svar (withResponses)
        assertThat(wb.indicators().get(TRYGG + "-HELT-OCH-HALLET-ANTAL")).isEmpty();
        assertThat(wb.indicators().get(TRYGG + "-HELT-OCH-HALLET-ANDEL")).isEmpty();
        assertThat(obs("SKOLENK-AK8-INDEX-TRYGGHET", "0780", Group.TOTALT).orElseThrow().n()).isNotNull();
    }

    @Test
    void otherKoladaQuestionsUseTheirOwnPositiveAnswers() {
        // N15633 "Hur ofta är det arbetsro på lektionerna?" is "Alltid" + "Ofta" in Kolada
        assertThat(wb.indicators().get("N15633")).isPresent();
        Observation o = obs("N15633", "0000", Group.TOTALT).orElseThrow();
        assertThat(o.status()).isEqualTo(ObservationStatus.OK);
        assertThat(o.location()).startsWith("Resultat elever åk 8 2022!");
    }

    @Test
    void allMunicipalHuvudmanRowsAndTheirSchoolUnitsAreImported() {
        long municipalities = wb.areas().byKind(AreaKind.MUNICIPALITY).stream()
                .filter(a -> obs("SKOLENK-AK8-ANTAL-SVAR", a.id(), Group.TOTALT).isPresent()).count();
        assertThat(municipalities).isEqualTo(150); // 149 "… kommun" rows and Region Gotland
        assertThat(obs("SKOLENK-AK8-ANTAL-SVAR", "0980", Group.TOTALT).orElseThrow().value()).isEqualTo(374.0);
        assertThat(obs("SKOLENK-AK8-ANTAL-SVAR", "2080", Group.TOTALT)).isPresent(); // "Falu kommun" → Falun
        List<Area> vaxjoUnits = wb.areas().children("0780");
        assertThat(vaxjoUnits).extracting(Area::id).contains("86616046", "49233138", "72833305");
        assertThat(obs(TRYGG + "-POSITIV", "86616046", Group.TOTALT)).isPresent();
        long units = wb.areas().byKind(AreaKind.SUBAREA).stream().filter(a -> a.id().matches("\\d{8}"))
                .filter(a -> obs("SKOLENK-AK8-ANTAL-SVAR", a.id(), Group.TOTALT).isPresent()).count();
        assertThat(units).isEqualTo(839); // every row with a school-unit code
        // a private huvudman is a sub-area of its own, never a municipality, and gets no Kolada KPI
        Area ekeby = wb.areas().get("HM5562512425").orElseThrow();
        assertThat(ekeby.kind()).isEqualTo(AreaKind.SUBAREA);
        assertThat(obs("N15643", "HM5562512425", Group.TOTALT)).isEmpty();
        assertThat(obs(TRYGG + "-POSITIV", "HM5562512425", Group.TOTALT).orElseThrow().value()).isCloseTo(77.3, within(1e-9));
    }

    @Test
    void nationalTotalAndItsGenderRows() {
        assertThat(obs("SKOLENK-AK8-ANTAL-SVAR", "0000", Group.TOTALT).orElseThrow().value()).isEqualTo(45843.0);
        assertThat(obs("SKOLENK-AK8-ANTAL-SVAR", "0000", Group.FLICKOR).orElseThrow().value()).isEqualTo(21201.0);
        assertThat(obs("SKOLENK-AK8-ANTAL-SVAR", "0000", Group.POJKAR).orElseThrow().value()).isEqualTo(22528.0);
        assertThat(obs("SKOLENK-AK8-ANTAL-SVAR", "0000", new Group("Vill inte ange")).orElseThrow().value()).isEqualTo(1036.0);
        // 0,315 + 0,444 for girls; stored as Kolada's "Kvinnor" under the KPI
        assertThat(obs("N15643", "0000", Group.KVINNOR).orElseThrow().value()).isCloseTo(75.9, within(1e-9));
        assertThat(obs(TRYGG + "-POSITIV", "0000", Group.FLICKOR).orElseThrow().value()).isCloseTo(75.9, within(1e-9));
        // "- Kvinna" row has "-" as its base: a suppressed base, not a zero
        Observation base = obs("SKOLENK-AK8-ANTAL-I-GRUPPEN", "0000", Group.FLICKOR).orElseThrow();
        assertThat(base.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(base.marker()).isEqualTo("-");
    }

    @Test
    void genderSheetIndexAndMeanValues() {
        assertThat(obs("SKOLENK-AK8-INDEX-TRYGGHET", "0780", Group.TOTALT).orElseThrow().value()).isEqualTo(8.2);
        assertThat(obs("SKOLENK-AK8-INDEX-TRYGGHET", "0780", Group.FLICKOR).orElseThrow().value()).isEqualTo(8.0);
        assertThat(obs("SKOLENK-AK8-INDEX-TRYGGHET", "0780", Group.POJKAR).orElseThrow().value()).isEqualTo(8.6);
        Observation mean = obs(TRYGG + "-MEDEL", "0780", Group.FLICKOR).orElseThrow();
        assertThat(mean.location()).startsWith("Könsuppdelat resultat!DE");
        // index for Upplands Väsby, sheet 2 row 5: I5 = 6
        assertThat(obs("SKOLENK-AK8-INDEX-INFORMATION-OM-UTBILDNINGEN", "0114", Group.TOTALT).orElseThrow().value()).isEqualTo(6.0);
    }

    @Test
    void maskedCellsAreSuppressedWithTheirMarkerAndMaskedPartsSuppressTheShare() {
        // Åsele: every cell "-" → the Kolada share is suppressed, not computed
        Observation asele = obs("N15643", "2463", Group.TOTALT).orElseThrow();
        assertThat(asele.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(asele.value()).isNull();
        // Montessori i Norrtälje AB: Helt och hållet "*" (share "-"), Till stor del 0,36 → suppressed, never 36
        Observation mont = obs(TRYGG + "-POSITIV", "HM5562855410", Group.TOTALT).orElseThrow();
        assertThat(mont.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(mont.marker()).isEqualTo("*");
        assertThat(summary.suppressed()).isGreaterThan(40_000);
    }

    @Test
    void theWholeSurveyIsStoredCompactlyWithTheWalCheckpointed() {
        // the demo (5 348 values) plus this import, the -wal emptied at commit
        var size = wb.storageInfo();
        assertThat(size.values()).isEqualTo(5_348 + summary.added());
        // the default import (issue 16): per question the positive share, index and mean values with their n
        // (568 608 values when every response option and count was its own value)
        assertThat(summary.added()).isEqualTo(190_580);
        assertThat(size.walBytes()).as("checkpointed after the import").isZero();
        assertThat(size.totalBytes()).isLessThanOrEqualTo(25_000_000L);
    }

    @Test
    void aFreshMunicipalityWorkbookWithTheSurveyTakesAtMostFortyBytesAValue() {
        // issue 18's measure, on the workbook a coordinator has: a new Växjö workbook and this import with its defaults
        // (the demo's fixed tables would count against the values otherwise)
        Path f = dir.resolve("vaxjo.halsa");
        try (Workbook v = se.halsolage.catalog.Workbooks.createNew(f,
                new se.halsolage.domain.PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            ImportSession.open(v, Fixtures.get(Fixtures.SKOLENKATEN), ImportOptions.defaults())
                    .commit(ProgressListener.NONE, () -> false);
            var size = v.storageInfo();
            assertThat(size.values()).isGreaterThan(180_000);
            assertThat(size.walBytes()).isZero();
            assertThat(size.totalBytes()).isLessThanOrEqualTo(25_000_000L);
            assertThat(size.bytesPerValue()).isLessThanOrEqualTo(40.0);
        }
    }

    @Test
    void provenanceAndSources() {
        assertThat(summary.sources()).extracting(ImportSummary.SourceUse::sheet)
                .containsExactly("Resultat elever åk 8 2022", "Könsuppdelat resultat");
        assertThat(summary.sources()).allMatch(ImportSummary.SourceUse::created);
        assertThat(summary.skipped()).isZero();
        long total = summary.sources().stream().mapToLong(s -> wb.sources().observationCount(s.sourceId())).sum();
        assertThat(total).isEqualTo(summary.added() + summary.updated() + summary.unchanged());
        assertThat(wb.sources().get(summary.sources().get(0).sourceId()).orElseThrow().sha256()).hasSize(64);
        assertThat(wb.indicators().get(TRYGG + "-POSITIV").orElseThrow().grade()).isEqualTo("åk 8");
    }
}
