package se.halsolage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering rules of docs/architecture.md, enforced. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.halsolage");
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("se.halsolage.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("se.halsolage.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("se.halsolage.workbook..", "se.halsolage.catalog..",
                        "se.halsolage.importer..", "se.halsolage.kolada..", "se.halsolage.analysis..", "se.halsolage.chart..",
                        "se.halsolage.report..", "se.halsolage.cli..", "se.halsolage.ui..", "se.halsolage.demo..",
                        "se.halsolage.format..")
                .check(classes);
    }

    @Test
    void onlyTheWorkbookSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("se.halsolage.workbook..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnTheCliOrUi() {
        noClasses().that().resideInAnyPackage("se.halsolage.workbook..", "se.halsolage.catalog..", "se.halsolage.importer..",
                        "se.halsolage.kolada..", "se.halsolage.analysis..", "se.halsolage.chart..", "se.halsolage.report..",
                        "se.halsolage.demo..", "se.halsolage.format..")
                .should().dependOnClassesThat().resideInAnyPackage("se.halsolage.cli..", "se.halsolage.ui..")
                .check(classes);
    }
}
