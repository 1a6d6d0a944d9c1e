package se.halsolage.ui;

import se.halsolage.workbook.Workbook;

/** The target status of an indicator in words, from the analysis service. */
interface StatusSource {
    String statusText(String indicatorId);

    static StatusSource of(Workbook wb) {
        return id -> wb.targets().forIndicator(id).isEmpty() ? "" : "–";
    }
}
