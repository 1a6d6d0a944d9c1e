package se.halsolage.importer;

import se.halsolage.catalog.KpiCatalog;

import java.nio.file.Path;
import java.util.function.Predicate;

/** What a mapper may use besides the grid: the file name, a problem sink, the KPI catalogue. */
public interface MapContext {
    Path file();

    void problem(Problem p);

    KpiCatalog kpis();

    /** True when an indicator with this id already exists in the workbook (e.g. a Kolada KPI). */
    Predicate<String> indicatorExists();

    default void error(Cell c, String msg) {
        problem(Problem.at(Problem.Severity.ERROR, file(), c, msg));
    }

    default void warning(Cell c, String msg) {
        problem(Problem.at(Problem.Severity.WARNING, file(), c, msg));
    }

    default String fileName() {
        return file().getFileName().toString();
    }
}
