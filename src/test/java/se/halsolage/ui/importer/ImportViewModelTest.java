package se.halsolage.ui.importer;

import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.WorkbookViewModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Group;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The import wizard's view-model on a small CRAFTED long-format CSV (three invented values). */
class ImportViewModelTest {
    private static final String ID = "LOK-ANDEL-SOM-CYKLAR-TILL-SKOLAN";
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;
    ImportViewModel vm;
    Path csv;

    @BeforeEach
    void open() throws Exception {
        session = TestWorkbooks.session(dir, dialogs);
        vm = new ImportViewModel(session);
        csv = dir.resolve("cykel.csv");
        Files.writeString(csv, "Kommun;År;Kön;Nyckeltal;Värde\n"
                + "Exempelby;2024;Totalt;Andel som cyklar till skolan;41,5\n"
                + "Exempelby;2025;Totalt;Andel som cyklar till skolan;44,0\n"
                + "Exempelby;2025;Flickor;Andel som cyklar till skolan;39,0\n");
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void chooseShowsDetectionAndPreviewWithoutWriting() {
        long before = session.workbook().observations().count();
        vm.choose(csv);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.PREVIEW);
        assertThat(vm.recipeProperty().get()).isEqualTo("lang");
        assertThat(vm.preview()).hasSize(3);
        ImportViewModel.Row first = vm.preview().get(0);
        assertThat(first.getIndicator()).startsWith(ID);
        assertThat(first.getArea()).isEqualTo("Exempelby");
        assertThat(first.getPeriod()).isEqualTo("2024");
        assertThat(first.getValue()).isEqualTo("41,5");
        assertThat(first.getLocation()).isEqualTo("cykel!E2");
        assertThat(session.workbook().observations().count()).isEqualTo(before);
    }

    @Test
    void previewShowsTheConfidenceIntervalAFileGives() throws Exception {
        Path withBounds = dir.resolve("trygg.csv");
        Files.writeString(withBounds, "Kommun;År;Kön;Nyckeltal;Andel;Konfidensintervall undre;Konfidensintervall övre\n"
                + "Exempelby;2024;Totalt;Känner sig trygg;69,4;65,0;73,8\n"
                + "Exempelby;2025;Totalt;Känner sig trygg;70,1;..;74,2\n");
        vm.choose(withBounds);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.preview()).hasSize(2);
        assertThat(vm.preview().get(0).getValue()).isEqualTo("69,4");
        assertThat(vm.preview().get(0).getCi()).isEqualTo("65,0\u201373,8");
        assertThat(vm.preview().get(1).getCi()).isEqualTo("\u2264 74,2");
        assertThat(vm.preview()).noneMatch(r -> r.getIndicator().toLowerCase().contains("konfidens"));
    }

    @Test
    void measuresAreListedWithCountsAndUntickedOnesAreNotImported() throws Exception {
        Path two = dir.resolve("tva.csv");
        Files.writeString(two, "Kommun;År;Kön;Nyckeltal;Värde\n"
                + "Exempelby;2024;Totalt;Andel som cyklar till skolan;41,5\n"
                + "Exempelby;2025;Totalt;Andel som cyklar till skolan;44,0\n"
                + "Exempelby;2025;Flickor;Andel som cyklar till skolan;39,0\n"
                + "Exempelby;2025;Totalt;Andel som går till skolan;30,5\n");
        vm.choose(two);
        assertThat(vm.measures()).extracting(ImportViewModel.MeasureRow::toString).containsExactly(
                "3 värden \u2013 Andel som cyklar till skolan (" + ID + ")",
                "1 värde \u2013 Andel som går till skolan (LOK-ANDEL-SOM-GAR-TILL-SKOLAN)");
        assertThat(vm.measures()).allMatch(ImportViewModel.MeasureRow::isSelected);
        vm.measures().get(0).setSelected(false);
        vm.commit();
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("Tillagda: 1,")
                .contains("Valdes bort och importerades inte: 1 nyckeltal med 3 värden (Andel som cyklar till skolan).");
        assertThat(session.workbook().observations().series(ID, "0799", Group.TOTALT)).isEmpty();
        assertThat(session.workbook().observations().series("LOK-ANDEL-SOM-GAR-TILL-SKOLAN", "0799", Group.TOTALT))
                .extracting(o -> o.value()).containsExactly(30.5);
    }

    @Test
    void noMeasureTickedImportsNothingAndSaysWhy() {
        long before = session.workbook().observations().count();
        vm.choose(csv);
        vm.measures().forEach(m -> m.setSelected(false));
        vm.commit();
        assertThat(vm.messageProperty().get()).isEqualTo("Inget mått är valt: bocka i minst ett mått att importera.");
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.PREVIEW);
        assertThat(session.workbook().observations().count()).isEqualTo(before);
    }

    @Test
    void checkImportSummaryAndUndoLastImport() {
        long before = session.workbook().observations().count();
        vm.choose(csv);
        vm.validate();
        assertThat(vm.errorsProperty().get()).isZero();
        assertThat(vm.messageProperty().get()).startsWith("Filen är kontrollerad: inga fel");
        int version = session.versionProperty().get();
        vm.commit();
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.DONE);
        assertThat(vm.summaryProperty().get()).startsWith("Importerade cykel.csv med receptet \"lang\".")
                .contains("Tillagda: 3");
        assertThat(session.versionProperty().get()).isGreaterThan(version);
        assertThat(session.workbook().observations().series(ID, "0799", Group.TOTALT))
                .extracting(o -> o.value()).containsExactly(41.5, 44.0);
        assertThat(vm.lastImportProperty().get()).isEqualTo("Senaste import: cykel.csv (recept lang)");

        vm.undoLastImport();
        assertThat(session.workbook().observations().count()).isEqualTo(before);
        assertThat(session.workbook().observations().series(ID, "0799", Group.TOTALT)).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadGivesASwedishErrorNamingIt() throws Exception {
        Path bad = dir.resolve("tom.csv");
        Files.writeString(bad, "");
        vm.choose(bad);
        assertThat(dialogs.errors).singleElement().asString().startsWith("Filen tom.csv kunde inte läsas: ");
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.CHOOSE);
    }

    @Test
    void theWizardShowsEachColumnsRoleAndTheUserCanChangeOne() throws Exception {
        // a statistics table: the year column is found, "Ämne" is read as part of the indicator
        Path table = dir.resolve("resultat.csv");
        Files.writeString(table, "year,municipality,Ämne,Andel (%)\n2024,Exempelby,Matematik,81,5\n2024,Exempelby,Svenska,88,0\n"
                .replace("81,5", "81.5").replace("88,0", "88.0"));
        vm.choose(table);
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.recipeProperty().get()).isEqualTo("statistik");
        assertThat(vm.columns()).extracting(ImportViewModel.ColumnRow::getHeader, ImportViewModel.ColumnRow::getRole)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("year", "period"),
                        org.assertj.core.groups.Tuple.tuple("municipality", "area"),
                        org.assertj.core.groups.Tuple.tuple("Ämne", "dimension"),
                        org.assertj.core.groups.Tuple.tuple("Andel (%)", "value"));
        assertThat(vm.preview()).extracting(ImportViewModel.Row::getIndicator).anyMatch(i -> i.contains("Matematik"));
        // the user says Ämne is not part of the measure: one indicator, the two subjects no longer kept apart,
        // so Ämne is ignored and only the value column with its area and period is read
        vm.columns().get(2).setRole("ignore");
        vm.applyRoles();
        assertThat(dialogs.errors).as("a duplicate is found only when checking").isEmpty();
        assertThat(vm.recipeProperty().get()).isEqualTo("statistik"); // the same reader, with the columns as set
        assertThat(vm.columns()).extracting(ImportViewModel.ColumnRow::getRole).containsExactly("period", "area", "ignore", "value");
        assertThat(vm.preview()).extracting(ImportViewModel.Row::getIndicator).noneMatch(i -> i.contains("Matematik"));
    }
}
