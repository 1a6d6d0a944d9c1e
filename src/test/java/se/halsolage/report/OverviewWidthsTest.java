package se.halsolage.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The overview table's columns: wide enough for each cell's widest unbreakable word at 9 pt, 16 cm in all. */
class OverviewWidthsTest {
    @Test
    void everyColumnHoldsItsWidestWordAndTheTableKeepsItsWidth() {
        List<String> header = List.of("Nyckeltal och period", "Kommun", "Länet", "Riket", "Liknande kommuner",
                "Förändring sedan förra mätningen", "Kvinnor och män (flickor och pojkar)", "Mål");
        // the demo's Ohälsotal row and the Växjö VAB row, as KeyFigures writes them (unit words may wrap)
        List<List<String>> rows = List.of(
                List.of("Ohälsotal\n2025", KeyFigures.breakableUnit("21,0\u00a0dagar"), "20,2 dagar", "17,9 dagar", "18,9 dagar",
                        "\u22123,3\u00a0dagar sedan 2024 (bättre)", "Kvinnor 24,2\u00a0dagar\nMän 17,2\u00a0dagar", "Inget mål"),
                List.of("Tillfälliga föräldrapenningdagar (VAB) som tas ut av män\n2023", "40,6\u00a0%", "–", "–", "38,3\u00a0%",
                        "+0,2\u00a0p.e. sedan 2022 (kan inte bedömas)", "Redovisas inte per kön", "Avvikelse"));
        double[] w = KeyFigures.fitWidths(header, rows, new double[]{3.6, 1.35, 1.35, 1.35, 2.05, 2.15, 2.45, 1.7}, 16.0);
        assertThat(java.util.Arrays.stream(w).sum()).isCloseTo(16.0, within(1e-6));
        for (int c = 0; c < w.length; c++) {
            double need = KeyFigures.widestToken(header.get(c), true);
            for (List<String> r : rows) need = Math.max(need, KeyFigures.widestToken(r.get(c), false));
            assertThat(w[c]).as(header.get(c)).isGreaterThan(need);
        }
        assertThat(KeyFigures.breakableUnit("249\u202f572\u00a0kr")).isEqualTo("249\u202f572 kr"); // the unit may go below
        assertThat(KeyFigures.breakableUnit("80,5\u00a0%")).isEqualTo("80,5\u00a0%");           // a share stays whole
        assertThat(KeyFigures.widestToken("föräldrapenningdagar (VAB)", false)).isGreaterThan(2.8).isLessThan(3.4);
    }
}
