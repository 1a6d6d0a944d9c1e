package se.halsolage.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.catalog.Workbooks;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.PlanSettings;
import se.halsolage.domain.Source;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rolling periods from a file source (not example data): labels, gaps and attribution. */
class RollingPeriodChartTest {
    @TempDir
    Path dir;

    @Test
    void rollingPeriodsKeepTheirLabelsAndTheFileIsTheSource() {
        try (Workbook wb = Workbooks.createNew(dir.resolve("r.halsa"), new PlanSettings("0781", "0007", null, 2026, "sv", false))) {
            wb.inTransaction(w -> {
                long src = w.sources().add(Source.newFile("folkhalsodata_fetma.csv", "abc", null, "pxweb",
                        Instant.parse("2026-01-01T00:00:00Z"))).id();
                List<Observation> o = new ArrayList<>();
                String[] periods = {"2015–2018", "2016–2019", "2017–2020", "2018–2021", "2019–2022", "2020–2023"};
                for (int i = 0; i < periods.length; i++) {
                    Period p = Period.parse(periods[i]);
                    if (i == 3) {
                        o.add(Observation.withStatus("U01411", "0781", p, Group.TOTALT, ObservationStatus.SUPPRESSED, "..", src, "Blad1!R5"));
                    } else {
                        o.add(Observation.ok("U01411", "0781", p, Group.TOTALT, 15 + i * 0.5, null, src, null));
                    }
                    o.add(Observation.ok("U01411", "0000", p, Group.TOTALT, 14 + i * 0.3, null, src, null));
                }
                w.observations().upsertAll(o);
            });
            RenderedChart rc = new ChartService(wb).create(ChartKind.TREND, "U01411", null, ChartTheme.SCREEN);
            // the publisher and title suggested from the recipe and file name (issue 19); the file name is provenance
            assertThat(rc.sourceLine()).isEqualTo("Källa: Folkhälsomyndigheten, Folkhälsodata");
            assertThat(rc.note()).contains(".. sekretess eller för få svar (2018–2021)").doesNotContain("påhittade");
            assertThat(rc.subtitle()).isEqualTo("Andel i procent, totalt, 2015–2018 till 2020–2023");
            assertThat(rc.altText()).contains("från 2015–2018 till 2020–2023", "17,5\u00a0%");
            ChartExport.png(rc.chart(), dir.resolve("rolling.png"), 900, 560, 96);
            ChartExport.png(rc.chart(), Path.of(System.getProperty("java.io.tmpdir"), "halsolage-rolling.png"), 900, 560, 96);
        }
    }
}
