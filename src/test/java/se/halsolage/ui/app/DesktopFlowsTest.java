package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.importer.ImportViewModel;
import se.halsolage.ui.initiatives.InitiativesViewModel;
import se.halsolage.ui.story.PresentationWindow;
import se.halsolage.ui.story.StoryView;
import se.halsolage.ui.story.StoryViewModel;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.Slide;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop flows a coordinator goes through, headless (Monocle), on the demo workbook. */
class DesktopFlowsTest extends DesktopTestBase {
    @BeforeEach
    void overviewShown() throws Exception {
        waitUntil(30, () -> lookup("Tobaksrök i hemmet, spädbarn").tryQuery().isPresent());
    }

    private <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    @Test
    void startsOnTheDemoWorkbookWithTheOverview() {
        Stage stage = (Stage) Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        assertThat(stage.getTitle()).isEqualTo("Hälsoläge – exempel.halsa – Exempelby kommun – exempeldata (påhittade värden)");
        ListView<?> highlights = node("#highlights");
        assertThat(highlights.getItems()).isNotEmpty();
        assertThat(dialogs.errors).isEmpty();

        // text scaling: Ctrl+= (Ctrl+plus) and Ctrl+minus change the root font size, Ctrl+0 resets it
        double base = app.fontSize();
        press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fontSize()).isEqualTo(base + 1);
        assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: " + (base + 1));
        press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fontSize()).isEqualTo(base - 1);
        press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.fontSize()).isEqualTo(13);

        // F1 shows the user guide
        type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("Hälsoläge – användarguide").tryQuery()).isPresent();
        Stage guide = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Användarguide"))
                .findFirst().orElseThrow();
        interact(guide::close);
    }

    @Test
    void filtersTheIndicatorTableAndOpensAnIndicatorsCharts() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#indicatorTable").tryQuery().isPresent());
        TableView<IndicatorRow> table = node("#indicatorTable");
        waitUntil(10, () -> table.getItems().size() > 40);
        int all = table.getItems().size();
        clickOn("#indicatorSearch").write("behöriga");
        waitUntil(5, () -> table.getItems().size() < all);
        assertThat(table.getItems()).extracting(IndicatorRow::id).contains("N15428")
                .allSatisfy(id -> assertThat(id).isNotNull());
        assertThat(table.getItems()).allMatch(r -> r.indicator().title().toLowerCase().contains("behöriga"));
        // only the ones that got worse
        doubleClickOn("#indicatorSearch").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        clickOn("#filterWorse");
        waitUntil(5, () -> table.getItems().stream().allMatch(IndicatorRow::worse));
        assertThat(table.getItems()).isNotEmpty().extracting(IndicatorRow::id).contains("N15428");

        // open its charts
        IndicatorRow target = table.getItems().stream().filter(r -> r.id().equals("N15428")).findFirst().orElseThrow();
        interact(() -> {
            table.getSelectionModel().select(target);
            table.scrollTo(target);
        });
        waitUntil(20, () -> lookup(".chart-viewer").tryQuery().isPresent());
        TabPane tabs = node("#chartTabs");
        assertThat(tabs.getTabs()).extracting(Tab::getText).contains("Trend", "Data");
        ChartViewer viewer = lookup(".chart-viewer").query();
        assertThat(viewer.getChart()).isNotNull();
        assertThat(viewer.getAccessibleText()).isNotBlank();
        TableView<?> data = node("#dataTable");
        waitUntil(10, () -> !data.getItems().isEmpty());
    }

    @Test
    void theKoladaViewSaysWhatTheSearchCoversAndWhenEachKpiWasLastFetched() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#koladaCatalogStatus").tryQuery().isPresent());
        // the build's application-data folder has no downloaded catalogue: the SfH set only, and the button to fetch it
        javafx.scene.control.Label status = node("#koladaCatalogStatus");
        assertThat(status.getText()).startsWith("Söker bara bland de 39 nyckeltal");
        javafx.scene.control.Button update = node("#koladaUpdateCatalog");
        assertThat(update.getText()).isEqualTo("Hämta Koladas _katalog");
        assertThat(update.isDisabled()).isFalse();
        assertThat(((javafx.scene.control.Button) node("#koladaUpdateAll")).isDisabled()).isFalse();
        // the demo's values are invented, not fetched: every Kolada KPI of the workbook says so
        ListView<String> last = node("#koladaLastFetched");
        assertThat(last.getItems()).hasSizeGreaterThanOrEqualTo(39).allSatisfy(l -> assertThat(l).endsWith(": aldrig hämtat"));
        clickOn("#koladaSearch").write("trygg");
        ListView<?> results = node("#koladaResults");
        waitUntil(5, () -> results.getItems().size() == 4);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void addsAndEditsAnInitiativeWithUndo() throws Exception {
        clickOn("#nav-initiatives");
        waitUntil(10, () -> lookup("#initiativeTable").tryQuery().isPresent());
        TableView<InitiativesViewModel.Row> table = node("#initiativeTable");
        waitUntil(10, () -> table.getItems().size() == 11);
        clickOn("#newInitiative");
        clickOn("#initiativeName").write("Rökfria hem");
        clickOn("#initiativeResponsible").write("Barnhälsovården");
        clickOn("#initiativeStart").write("2026");
        clickOn("#saveInitiative");
        waitUntil(10, () -> table.getItems().size() == 12);
        Initiative saved = app.session().workbook().initiatives().all().stream()
                .filter(i -> i.name().equals("Rökfria hem")).findFirst().orElseThrow();
        assertThat(saved.responsible()).isEqualTo("Barnhälsovården");
        assertThat(saved.startYear()).isEqualTo(2026);

        // edit: the saved initiative is selected in the form
        waitUntil(10, () -> ((javafx.scene.control.TextField) node("#initiativeName")).getText().equals("Rökfria hem"));
        doubleClickOn("#initiativeResponsible").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("Familjecentralen");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(10, () -> "Familjecentralen".equals(app.session().workbook().initiatives().get(saved.id()).orElseThrow().responsible()));

        // undo the edit, then the creation (Ctrl+Z; in a text field Ctrl+Z undoes typing, so leave it first)
        clickOn("#initiativeTable");
        press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(10, () -> "Barnhälsovården".equals(app.session().workbook().initiatives().get(saved.id()).orElseThrow().responsible()));
        press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(10, () -> app.session().workbook().initiatives().get(saved.id()).isEmpty());
        waitUntil(10, () -> table.getItems().size() == 11);
        // and redo (Ctrl+Y)
        press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        waitUntil(10, () -> table.getItems().size() == 12);

        // an initiative without a name is refused with a Swedish message
        clickOn("#newInitiative");
        clickOn("#saveInitiative");
        assertThat(lookup("Skriv ett namn på insatsen.").tryQuery()).isPresent();
        assertThat(table.getItems()).hasSize(12);
    }

    @Test
    void generatesTheReport() throws Exception {
        clickOn("#nav-report");
        waitUntil(10, () -> lookup("#generateReport").tryQuery().isPresent());
        ListView<?> outline = node("#reportOutline");
        waitUntil(20, () -> !outline.getItems().isEmpty());
        Path out = dir.resolve("plan.docx");
        dialogs.files.add(out);
        clickOn("#generateReport");
        waitUntil(180, () -> Files.exists(out) && !lookup("#openReport").query().isDisabled());
        assertThat(Files.size(out)).isGreaterThan(10_000);
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.notes).anyMatch(n -> n.contains("plan.docx"));
        clickOn("#openReport");
        assertThat(dialogs.opened).containsExactly(out);
    }

    @Test
    void stepsThroughAStoryFullScreenWithThePresenterView() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#storyList").tryQuery().isPresent());
        StoryView view = (StoryView) lookup("#slideList").query().getParent().getParent().getParent().getProperties().get("view");
        StoryViewModel vm = view == null ? null : view.model();
        StoryViewModel model = vm != null ? vm : (StoryViewModel) findVm();
        // edits run on the task runner: the new story is selected once it is stored
        interact(() -> model.create("Workshop 2026"));
        waitUntil(10, () -> model.selectedProperty().get() != null && model.selectedProperty().get().name().equals("Workshop 2026"));
        interact(() -> {
            model.addChart("N15428", "TREND", null, "Behörigheten sjunker för andra året.");
            model.addText("Vad gör vi nu?", "Tre frågor till nämnden", "Låt politikerna prata först.");
            model.addChart("N15613", "TREND", null, "Flickorna mår sämre.");
        });
        ListView<Slide> slides = node("#slideList");
        assertThat(slides.getItems()).hasSize(3);
        clickOn("#presentStory");
        waitUntil(10, () -> view.presentation() != null && view.presentation().stage().isShowing());
        PresentationWindow p = view.presentation();
        assertThat(p.model().position()).isEqualTo("Bild 1 av 3");
        waitUntil(10, () -> lookup(".slide-title").tryQuery().isPresent());
        type(KeyCode.RIGHT);
        waitUntil(5, () -> p.model().indexProperty().get() == 1);
        assertThat(lookup("Vad gör vi nu?").tryQuery()).isPresent();
        type(KeyCode.PAGE_DOWN);
        waitUntil(5, () -> p.model().indexProperty().get() == 2);
        type(KeyCode.B);
        waitUntil(5, () -> p.model().blackProperty().get());
        assertThat(lookup("#blackScreen").tryQuery()).isPresent();
        type(KeyCode.PAGE_UP);
        waitUntil(5, () -> p.model().indexProperty().get() == 1 && !p.model().blackProperty().get());
        type(KeyCode.ESCAPE);
        waitUntil(5, () -> !p.stage().isShowing());
    }

    private Object findVm() {
        return lookup(n -> n.getProperties().get("vm") instanceof StoryViewModel).query().getProperties().get("vm");
    }

    @Test
    void importsTheSkolenkatenFixtureThroughTheWizard() throws Exception {
        Path fixture = se.halsolage.testing.SharedFiles.fixture("skolenkaten-grundskola-ak8-2022.xlsx");
        // the question → Kolada KPI matching uses Kolada's whole catalogue, as after 'kolada catalog update'
        try (var catalogue = se.halsolage.testing.StandInCatalogue.install(dir.resolve("appdata"))) {
            importTheSkolenkatenFixture(fixture);
        }
    }

    private void importTheSkolenkatenFixture(Path fixture) throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#chooseImportFile").tryQuery().isPresent());
        dialogs.files.add(fixture);
        clickOn("#chooseImportFile");
        TableView<?> preview = node("#importPreview");
        waitUntil(120, () -> !preview.getItems().isEmpty());
        assertThat(dialogs.errors).isEmpty();
        assertThat(preview.getItems()).hasSize(ImportViewModel.PREVIEW_ROWS);
        // the measures found, each with a check box and its value count; the first is unticked and left out
        javafx.scene.control.ListView<ImportViewModel.MeasureRow> measures = node("#importMeasures");
        waitUntil(30, () -> !measures.getItems().isEmpty());
        assertThat(measures.isVisible()).isTrue();
        assertThat(measures.getItems()).hasSizeGreaterThan(50).allMatch(ImportViewModel.MeasureRow::isSelected);
        ImportViewModel.MeasureRow first = measures.getItems().get(0);
        assertThat(first.toString()).matches("[0-9 \u00a0\u202f]+ värden \u2013 .+ \\(.+\\)");
        waitUntil(10, () -> lookup("#importMeasures .check-box").tryQuery().isPresent());
        clickOn(lookup("#importMeasures .check-box").<javafx.scene.Node>query());
        waitUntil(5, () -> !first.isSelected());
        clickOn("#runImport");
        TextArea summary = node("#importSummary");
        waitUntil(600, () -> !summary.getText().isBlank() || !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).isEmpty();
        assertThat(summary.getText()).startsWith("Importerade skolenkaten-grundskola-ak8-2022.xlsx med receptet \"skolenkaten\".")
                .contains("Valdes bort och importerades inte: 1 nyckeltal med " + se.halsolage.format.SwedishNumbers.number(first.getValues(), 0)
                        + " värden (" + first.getTitle() + ").");
        assertThat(app.session().workbook().observations().forIndicator(first.getId())).isEmpty();
        assertThat(app.session().workbook().indicators().count()).isGreaterThanOrEqualTo(150); // 151 with the measure left out
        assertThat(lookup("#undoLastImport").query().isDisabled()).isFalse();
    }
}
