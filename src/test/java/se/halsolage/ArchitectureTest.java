package se.halsolage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** The importer's grid readers: files become cells, nothing more. */
    private static final String READING = "se\\.halsolage\\.importer\\.(GridSource|Readers|CsvGrid|BoundedCsvReader|XlsxGrid|XlsGrid"
            + "|PxGrid|HeadCachingGrid|LimitedSharedStrings|TextDetect|ReadFailure|Cell|GridRow|FileFormat)(\\$.*)?";
    /** Understanding a table's layout: header rows, column roles. */
    private static final String LAYOUT = "se\\.halsolage\\.importer\\.(Table|TableLayout)(\\$.*)?";
    /** Mapping to observations, choosing and detecting recipes, and the flow. */
    private static final String MAPPING_AND_FLOW = "se\\.halsolage\\.importer\\.(.*Mapper|MapContext|Planned|IndicatorSpec"
            + "|AreaResolver|ColumnRoles|Recipe|RecipeRegistry|RecipeDetector|RecipeDetectors|BuiltInRecipes|ImportSession"
            + "|Detection)(\\$.*)?";

    @Test
    void importerReadsThenUnderstandsThenMaps() {
        // reading knows nothing of layouts, recipes or mapping
        noClasses().that().haveNameMatching(READING)
                .should().dependOnClassesThat().haveNameMatching(LAYOUT)
                .orShould().dependOnClassesThat().haveNameMatching(MAPPING_AND_FLOW)
                .check(classes);
        // layout understanding knows the recipe's named columns (Recipe), never a mapper or the flow
        noClasses().that().haveNameMatching(LAYOUT)
                .should().dependOnClassesThat().haveNameMatching(
                        "se\\.halsolage\\.importer\\.(.*Mapper|MapContext|Planned|IndicatorSpec|AreaResolver|ColumnRoles"
                                + "|RecipeRegistry|RecipeDetectors?|BuiltInRecipes|ImportSession|Detection)(\\$.*)?")
                .check(classes);
    }

    /** One package per view (docs/architecture.md, "The desktop's packages"); app and common are shared. */
    private static final List<String> VIEWS = List.of("overview", "indicators", "initiatives", "targets", "story", "report",
            "importer", "kolada", "backups", "settings", "newworkbook");

    private static String[] viewPackages(String... except) {
        return VIEWS.stream().filter(v -> !Arrays.asList(except).contains(v)).map(v -> "se.halsolage.ui." + v + "..")
                .toArray(String[]::new);
    }

    @Test
    void viewsLiveInTheirOwnPackage() {
        classes().that().resideInAPackage("se.halsolage.ui..").and().haveSimpleNameEndingWith("View")
                .should().resideInAnyPackage(viewPackages())
                .check(classes);
        classes().that().resideInAPackage("se.halsolage.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .and().doNotHaveSimpleName("WorkbookViewModel")
                .should().resideInAnyPackage(viewPackages())
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().resideInAPackage("se.halsolage.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "org.jfree.chart.fx..")
                .check(classes);
    }

    /**
     * View packages meet only through ui.common (and are put together by ui.app). The one exception: the indicators
     * view opens the Kolada catalogue dialog and shows the catalogue's status, which the kolada view owns.
     */
    @Test
    void viewPackagesDoNotDependOnEachOther() {
        for (String view : VIEWS) {
            String[] others = "indicators".equals(view) ? viewPackages(view, "kolada") : viewPackages(view);
            noClasses().that().resideInAPackage("se.halsolage.ui." + view + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("se.halsolage.ui.app..")
                    .check(classes);
        }
        noClasses().that().resideInAPackage("se.halsolage.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage(viewPackages())
                .orShould().dependOnClassesThat().resideInAPackage("se.halsolage.ui.app..")
                .check(classes);
    }

    @Test
    void uiPackagesAreFreeOfCycles() {
        slices().matching("se.halsolage.ui.(*)..").should().beFreeOfCycles().check(classes);
    }
}
