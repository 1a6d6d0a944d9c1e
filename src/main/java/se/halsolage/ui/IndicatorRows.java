package se.halsolage.ui;

import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Observation;
import se.halsolage.domain.PlanSettings;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the indicator rows of a workbook (off the FX thread). */
public final class IndicatorRows {
    private IndicatorRows() {
    }

    public static List<IndicatorRow> build(Workbook wb) {
        PlanSettings p = wb.settings().plan();
        StatusSource status = StatusSource.of(wb);
        List<IndicatorRow> rows = new ArrayList<>();
        for (Indicator i : wb.indicators().all()) {
            rows.add(row(wb, p, i, status));
        }
        return rows;
    }

    static IndicatorRow row(Workbook wb, PlanSettings p, Indicator i, StatusSource status) {
        List<Observation> own = p.municipalityId() == null ? List.of()
                : wb.observations().series(i.id(), p.municipalityId(), Group.TOTALT);
        List<Double> trend = new ArrayList<>();
        Observation latest = null, previous = null;
        for (Observation o : own) {
            if (!o.hasValue()) continue;
            trend.add(o.value());
            previous = latest;
            latest = o;
        }
        String change = "";
        boolean worse = false;
        if (latest != null && previous != null) {
            double d = latest.value() - previous.value();
            change = SwedishNumbers.change(d, i.unit());
            worse = i.direction().sign() * d < 0
                    && Math.abs(d) >= 0.5 * Math.pow(10, -SwedishNumbers.decimals(i.unit()));
        }
        String mal = i.malomraden().stream().sorted().map(m -> Integer.toString(m.number()))
                .collect(Collectors.joining(", "));
        return new IndicatorRow(i, i.id(), i.displayTitle(), i.sfhArea() == null ? "" : i.sfhArea().title(), mal,
                i.source() == null ? "" : i.source(),
                latest == null ? "–" : SwedishNumbers.value(latest.value(), i.unit()),
                latest == null ? "" : latest.period().label(), change, worse, status.statusText(i.id()), trend);
    }

    /** Målområde label for filters. */
    static String label(Malomrade m) {
        return m.label();
    }
}
