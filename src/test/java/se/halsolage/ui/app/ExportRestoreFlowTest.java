package se.halsolage.ui.app;

import se.halsolage.ui.backups.BackupsViewModel;
import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.indicators.IndicatorsViewModel;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.halsolage.domain.Indicator;
import se.halsolage.workbook.Workbook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "Exportera tabell…" and Arkiv → Återställ säkerhetskopia… through the window, headless (Monocle). */
class ExportRestoreFlowTest extends DesktopTestBase {
    @Test
    void exportsTheFilteredIndicatorTableAsXlsx() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#indicatorTable").tryQuery().isPresent());
        TableView<IndicatorRow> table = lookup("#indicatorTable").query();
        waitUntil(10, () -> table.getItems().size() > 40);
        clickOn("#filterWorse");
        waitUntil(5, () -> table.getItems().stream().allMatch(IndicatorRow::worse));
        int shown = table.getItems().size();

        Path file = dir.resolve("sämre.xlsx");
        dialogs.files.add(file);
        clickOn("#exportIndicators");
        waitUntil(20, () -> dialogs.notes.stream().anyMatch(n -> n.contains("är sparad i")));

        assertThat(dialogs.errors).isEmpty();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(shown);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Nyckeltal");
        }
    }

    @Test
    void restoresABackupFromTheFileMenu() throws Exception {
        WorkbookViewModel session = app.session();
        String original = session.workbook().indicators().get("N15428").orElseThrow().title();
        interact(() -> {
            session.workbook().backup("fore-import");
            Indicator i = session.workbook().indicators().get("N15428").orElseThrow();
            new IndicatorsViewModel(session).saveIndicator(new Indicator(i.id(), "Ändrad", i.shortTitle(), i.unit(),
                    i.direction(), i.source(), i.genderSplit(), i.grade(), i.malomraden(), i.sfhArea(), i.sfhGoal(),
                    i.mappingConfidence(), i.description()));
        });
        Workbook before = session.workbook();

        clickOn("Arkiv").clickOn("Återställ säkerhetskopia…");
        waitUntil(10, () -> lookup("#backupList").tryQuery().isPresent());
        ListView<BackupsViewModel.Entry> list = lookup("#backupList").query();
        assertThat(list.getItems()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("Före import"));
        Node restore = lookup(n -> n instanceof Button b && "Återställ".equals(b.getText())).query();
        clickOn(restore);
        waitUntil(20, () -> session.workbook() != null && session.workbook() != before);

        assertThat(dialogs.errors).isEmpty();
        assertThat(session.workbook().indicators().get("N15428").orElseThrow().title()).isEqualTo(original);
        assertThat(dialogs.notes).anyMatch(n -> n.contains("sparades också som säkerhetskopia"));
    }
}
