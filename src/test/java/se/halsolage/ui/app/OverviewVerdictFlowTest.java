package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.Texts;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import se.halsolage.analysis.AnalysisService;
import se.halsolage.analysis.IndicatorAnalysis;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 3: Översikt states each change with the plan's verdict word and the unit, as the plan does. */
class OverviewVerdictFlowTest extends DesktopTestBase {

    /** The text with no-break and thin spaces as plain spaces. */
    private static String plain(Label l) {
        return l.getText().replace('\u00a0', ' ').replace('\u202f', ' ').replace('\n', ' ');
    }

    @Test
    void overviewSaysWhatThePlanSaysAboutEachChange() throws Exception {
        waitUntil(20, () -> lookup("#overviewChange-N15428").tryQuery().isPresent());
        // hand-checked on the demo with 'series --area 0799 --indicator N15428': 82,1 (2024) → 80,5 (2025)
        Label behoriga = lookup("#overviewChange-N15428").query();
        assertThat(plain(behoriga)).isEqualTo("\u22121,6 p.e. sedan 2024 (sämre)");
        assertThat(behoriga.getStyleClass()).contains("worse");
        // the example: −5,9 p.e. for gy 2 was shown plain where the plan says the change is uncertain
        Label gy2 = lookup("#overviewChange-UNG-MAR-BRA-GY2").query();
        assertThat(plain(gy2)).isEqualTo("\u22125,9 p.e. sedan 2021 (osäker)");
        assertThat(gy2.getStyleClass()).contains("uncertain").doesNotContain("worse");
        // a value printed without a unit gets it after the period, as in the plan's overview table
        Label falls = lookup("#overviewValue-N20402").query();
        assertThat(plain(falls)).matches("[0-9 ]+ \\(2025\\) per 100 000 invånare");
        assertThat(falls.getText()).contains("\n");

        // every row: the phrase of the plan (analysis.Texts over the same analysis the report makes)
        List<String> mismatches = new ArrayList<>();
        for (IndicatorAnalysis a : new AnalysisService(app.session().workbook()).analyzeAll()) {
            var shown = lookup("#overviewChange-" + a.indicator().id()).tryQuery();
            if (shown.isEmpty()) continue;
            String expected = se.halsolage.analysis.Texts.changePhrase(a);
            String text = ((Label) shown.get()).getText().replace('\n', ' ');
            assertThat(text).doesNotContain("(sämre) (sämre)");
            if (!text.equals(expected == null ? "–" : expected)) mismatches.add(a.indicator().id() + ": " + text + " ≠ " + expected);
        }
        assertThat(mismatches).isEmpty();
    }
}
