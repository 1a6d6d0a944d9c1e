package se.halsolage.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Översikt and "Vad sticker ut" read every indicator's series ahead in a few statements
 * ({@code ObservationRepository.seriesFor}); the result must be exactly what one read per series gives.
 */
class ReadAheadTest {
    @TempDir
    Path dir;

    @Test
    void readAheadGivesTheSameSeriesAndAnalysesAsOneReadPerSeries() {
        try (Workbook wb = DemoWorkbook.build(dir.resolve("demo.halsa"))) {
            var plan = wb.settings().plan();
            List<String> areas = new ArrayList<>(List.of(plan.municipalityId(), plan.countyId(), Area.RIKET_ID));
            if (plan.comparisonGroupId() != null) areas.add(plan.comparisonGroupId());
            List<String> ids = wb.indicators().all().stream().map(Indicator::id).toList();
            Map<String, Map<String, List<Observation>>> ahead = wb.observations().seriesFor(ids, areas);
            int series = 0;
            for (String id : ids) {
                for (String a : areas) {
                    List<Observation> one = wb.observations().series(id, a);
                    List<Observation> got = ahead.getOrDefault(id, Map.of()).getOrDefault(a, List.of());
                    assertThat(got).as(id + " in " + a).isEqualTo(one);
                    if (!one.isEmpty()) series++;
                }
            }
            assertThat(series).isGreaterThan(100); // the demo has values in all four areas for most indicators

            AnalysisService service = new AnalysisService(wb);
            List<IndicatorAnalysis> all = service.analyzeAll();
            assertThat(all).hasSize(ids.size());
            for (IndicatorAnalysis a : all) assertThat(a).isEqualTo(new AnalysisService(wb).analyze(a.indicator().id()));
            // findings over a subset only name indicators of the subset
            Set<String> some = Set.copyOf(ids.subList(0, ids.size() / 2));
            assertThat(service.findings(some)).isNotEmpty().allSatisfy(f -> assertThat(some).contains(f.indicatorId()));
        }
    }
}
