package se.halsolage.ui;

import se.halsolage.domain.Target;
import se.halsolage.workbook.Workbook;

/** The status of a target in words (from the analysis service). */
interface TargetStatusText {
    String text(Target t);

    static TargetStatusText of(Workbook wb) {
        return t -> "–";
    }
}
