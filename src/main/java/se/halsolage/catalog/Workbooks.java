package se.halsolage.catalog;

import se.halsolage.domain.PlanSettings;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;

/** Creating a new workbook: schema, bundled catalogue and the coordinator's settings. */
public final class Workbooks {
    private Workbooks() {
    }

    public static Workbook createNew(Path file, PlanSettings settings) {
        Workbook wb = Workbook.create(file);
        try {
            CatalogLoader.populate(wb);
            if (settings != null) wb.inTransaction(w -> w.settings().savePlan(settings));
            return wb;
        } catch (RuntimeException e) {
            wb.close();
            throw e;
        }
    }
}
