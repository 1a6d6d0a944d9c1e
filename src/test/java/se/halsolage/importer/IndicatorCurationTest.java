package se.halsolage.importer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.IndicatorCuration;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.SfhArea;
import se.halsolage.report.PlanIndicators;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short and full titles and suggestions (schema 45) on a fresh Växjö workbook with the real Skolenkäten åk 8 2022
 * import; the expectations were read off the file by hand (question texts in row 2 of sheet 1).
 */
class IndicatorCurationTest {
    static final String TRYGG = "SKOLENK-AK8-KANNER-DU-DIG-TRYGG-I-SKOLAN-POSITIV";
    static final String TRYGG_MEDEL = "SKOLENK-AK8-KANNER-DU-DIG-TRYGG-I-SKOLAN-MEDEL";
    static final String RADD = "SKOLENK-AK8-KANNER-DU-DIG-RADD-FOR-ANDRA-ELEVER-I-SKOLAN-POSITIV";
    static final String ELEVHALSA = "SKOLENK-AK8-HUR-LATT-ELLER-SVART-AR-DET-ATT-FA-59CB-POSITIV";
    static final String INFLYTANDE = "SKOLENK-AK8-HUR-MYCKET-TYCKER-DU-ATT-NI-ELEVER-FAR-2AB7-POSITIV";

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void vaxjoWithSkolenkaten() {
        Path xlsx = SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        file = dir.resolve("vaxjo.halsa");
        try (Workbook wb = Workbooks.createNew(file, new PlanSettings("0780", "0007", null, 2026, "sv", false))) {
            ImportSession.open(wb, xlsx, ImportOptions.defaults()).commit(ProgressListener.NONE, () -> false);
        }
    }

    private static Workbook copy(String name) throws Exception {
        Path c = dir.resolve(name);
        Files.copy(file, c, StandardCopyOption.REPLACE_EXISTING);
        return Workbook.open(c);
    }

    @Test
    void shortTitleFromTheQuestionFullTitleKept() {
        try (Workbook wb = Workbook.openReadOnly(file)) {
            Indicator trygg = wb.indicators().get(TRYGG).orElseThrow();
            assertThat(trygg.displayTitle()).isEqualTo("Trygg i skolan, åk 8");
            assertThat(trygg.title()).isEqualTo("Skolenkäten åk 8: Känner du dig trygg i skolan? Andel \"helt och hållet\" + \"till stor del\"");
            assertThat(wb.indicators().get(TRYGG_MEDEL).orElseThrow().displayTitle()).isEqualTo("Trygg i skolan, medelvärde, åk 8");
            assertThat(wb.indicators().get(ELEVHALSA).orElseThrow().displayTitle()).isEqualTo("Få hjälp av elevhälsan, åk 8");
            assertThat(wb.indicators().get("SKOLENK-AK8-INDEX-TRYGGHET").orElseThrow().displayTitle()).isEqualTo("Trygghet (index), åk 8");
            // every imported measure has a short title that fits a picker
            assertThat(wb.indicators().all()).filteredOn(i -> i.id().startsWith("SKOLENK-"))
                    .hasSize(75).allSatisfy(i -> assertThat(i.displayTitle()).hasSizeLessThanOrEqualTo(70).endsWith("åk 8"));
        }
    }

    @Test
    void suggestionsFromTheKpiAndFromTheQuestionNotUsedUntilConfirmed() {
        try (Workbook wb = Workbook.openReadOnly(file)) {
            Map<String, IndicatorCuration> cur = wb.indicators().curation();
            IndicatorCuration trygg = cur.get(TRYGG);
            assertThat(trygg.survey()).isEqualTo("Skolenkäten åk 8");
            assertThat(trygg.question()).isEqualTo("Känner du dig trygg i skolan?");
            assertThat(trygg.measure()).startsWith("Andel positiva svar");
            // the question is the one Kolada's N15643 counts: its catalogue entry is the suggestion
            Indicator n15643 = wb.indicators().get("N15643").orElseThrow();
            assertThat(trygg.suggestion().basis()).isEqualTo("Kolada-nyckeltalet N15643");
            assertThat(trygg.suggestion().direction()).isEqualTo(n15643.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
            assertThat(trygg.suggestion().area()).isEqualTo(n15643.sfhArea());
            assertThat(trygg.suggestion().goal()).isEqualTo(n15643.sfhGoal());
            // a share of pupils who are afraid: lower is better; its mean value (Skolinspektionen's scale) higher
            assertThat(cur.get(RADD).suggestion().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
            assertThat(cur.get(RADD).suggestion().area()).isEqualTo(SfhArea.GOD_OCH_JAMLIK_HALSA);
            assertThat(cur.get("SKOLENK-AK8-KANNER-DU-DIG-RADD-FOR-ANDRA-ELEVER-I-SKOLAN-MEDEL").suggestion().direction())
                    .isEqualTo(Direction.HIGHER_IS_BETTER);
            assertThat(cur.get(INFLYTANDE).suggestion().malomraden()).containsExactlyInAnyOrder(Malomrade.M2, Malomrade.M7);
            assertThat(cur.get(ELEVHALSA).suggestion().malomraden()).contains(Malomrade.M8);
            // counts get no suggestion
            assertThat(cur.get("SKOLENK-AK8-ANTAL-SVAR").suggestion()).isNull();
            // the indicator itself is unchanged: no direction, no area, so neither analysis nor the plan uses a guess
            Indicator t = wb.indicators().get(TRYGG).orElseThrow();
            assertThat(t.direction()).isEqualTo(Direction.NEITHER);
            assertThat(t.sfhArea()).isNull();
            assertThat(PlanIndicators.includedIds(wb)).doesNotContain(TRYGG, RADD);
        }
    }

    @Test
    void confirmingMovesTheSuggestionIntoTheIndicator() throws Exception {
        try (Workbook wb = copy("confirm.halsa")) {
            assertThat(Boolean.TRUE.equals(wb.transaction(w -> w.indicators().confirmSuggestion(RADD)))).isTrue();
            Indicator r = wb.indicators().get(RADD).orElseThrow();
            assertThat(r.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
            assertThat(r.sfhArea()).isEqualTo(SfhArea.GOD_OCH_JAMLIK_HALSA);
            assertThat(r.malomraden()).containsExactly(Malomrade.M2);
            IndicatorCuration after = wb.indicators().curation(RADD).orElseThrow();
            assertThat(after.hasSuggestion()).isFalse();
            assertThat(after.question()).isEqualTo("Känner du dig rädd för andra elever i skolan?");
            // confirmed with an SfH area, it now belongs to the plan's default set
            assertThat(PlanIndicators.includedIds(wb)).contains(RADD);
            // nothing left to confirm; an unknown id changes nothing
            assertThat(Boolean.TRUE.equals(wb.transaction(w -> w.indicators().confirmSuggestion(RADD)))).isFalse();
            assertThat(Boolean.TRUE.equals(wb.transaction(w -> w.indicators().confirmSuggestion("FINNS-INTE")))).isFalse();
        }
    }

    @Test
    void hiddenIndicatorsStayOutOfListsAndThePlan() throws Exception {
        try (Workbook wb = copy("hidden.halsa")) {
            wb.inTransaction(w -> {
                w.indicators().confirmSuggestion(TRYGG);
                w.indicators().setHidden(TRYGG, true);
            });
            assertThat(wb.indicators().all()).extracting(Indicator::id).doesNotContain(TRYGG);
            assertThat(wb.indicators().search("trygg")).extracting(Indicator::id).doesNotContain(TRYGG).contains("N15643");
            assertThat(PlanIndicators.includedIds(wb)).doesNotContain(TRYGG);
            PlanIndicators.add(wb, java.util.List.of(TRYGG)); // even asked for by name, a hidden one is not in the plan
            assertThat(PlanIndicators.includedIds(wb)).doesNotContain(TRYGG);
        }
    }

    @Test
    void shortTitlesOfQuestions() {
        assertThat(SurveyTitles.shortTitle("Hur nöjd är du med din skola?", null, "åk 8")).isEqualTo("Nöjd med din skola, åk 8");
        assertThat(SurveyTitles.shortTitle("Hur ofta är det arbetsro på lektionerna?", "medelvärde", "åk 5"))
                .isEqualTo("Arbetsro på lektionerna, medelvärde, åk 5");
        assertThat(SurveyTitles.cut("Tycker du att lärarna behandlar alla elever lika oavsett om de är flickor", 30))
                .isEqualTo("Tycker du att lärarna…");
        assertThat(SurveyTitles.cut("Kort", 30)).isEqualTo("Kort");
    }
}
