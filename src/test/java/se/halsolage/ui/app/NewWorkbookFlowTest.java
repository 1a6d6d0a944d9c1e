package se.halsolage.ui.app;

import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.FxTaskRunner;

import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import se.halsolage.catalog.CatalogLoader;
import se.halsolage.domain.Area;
import se.halsolage.domain.PlanSettings;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 5: a new workbook asks for the municipality first (type to search), then opens without errors. */
class NewWorkbookFlowTest extends DesktopTestBase {
    @Test
    void asksForTheMunicipalityFirstThenOpensWithoutErrors() throws Exception {
        waitUntil(30, () -> lookup("Tobaksrök i hemmet, spädbarn").tryQuery().isPresent());
        Path file = dir.resolve("arboga.halsa");
        dialogs.files.add(file);
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#newWorkbookSearch").tryQuery().isPresent());
        ListView<Area> list = lookup("#newWorkbookMunicipalities").query();
        assertThat(list.getItems()).hasSize(290);

        // nothing chosen: "Fortsätt" says what is missing and stays
        clickOn("#newWorkbookContinue");
        assertThat(lookup("Välj den egna kommunen: skriv några bokstäver av namnet och välj i listan.").tryQuery()).isPresent();
        assertThat(Files.exists(file)).isFalse();

        clickOn("#newWorkbookSearch").write("arbog");
        waitUntil(5, () -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).name()).isEqualTo("Arboga");
        assertThat(lookup("Vald: Arboga").tryQuery()).isPresent();
        clickOn("#newWorkbookContinue");

        waitUntil(60, () -> app.session().workbook() != null && app.session().workbook().file().equals(file));
        FxTaskRunner runner = (FxTaskRunner) app.session().runner();
        waitUntil(60, () -> !runner.busyProperty().get());
        PlanSettings plan = app.session().workbook().settings().plan();
        assertThat(plan.municipalityId()).isEqualTo("1984");
        assertThat(plan.countyId()).isEqualTo("0019");
        assertThat(app.session().titleProperty().get()).contains("arboga.halsa").contains("Arboga kommun");
        // the views refreshed on the new workbook without a single "saknar egen kommun"
        clickOn("#nav-indicators");
        waitUntil(30, () -> !runner.busyProperty().get());
        clickOn("#nav-overview");
        waitUntil(30, () -> !runner.busyProperty().get());
        assertThat(dialogs.errors).isEmpty();
        assertThat(lookup("#newWorkbookSearch").tryQuery()).isEmpty();
        assertThat(CatalogLoader.areas()).anyMatch(a -> a.id().equals(plan.countyId()));
    }
}
