package se.halsolage.ui.app;

import se.halsolage.ui.common.ChartMenu;
import se.halsolage.ui.common.DesktopTestBase;
import se.halsolage.ui.common.IndicatorRow;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20, point 7: the chart's menu is Swedish and copies/saves the picture; the tooltip is the point's value. */
class ChartMenuFlowTest extends DesktopTestBase {

    @Test
    void theChartMenuCopiesAndSavesAndTheTooltipTellsThePointsValue() throws Exception {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(10, () -> lookup("#indicatorTable").tryQuery().isPresent());
        TableView<IndicatorRow> table = lookup("#indicatorTable").query();
        waitUntil(10, () -> table.getItems().size() > 40);
        IndicatorRow target = table.getItems().stream().filter(r -> r.id().equals("N15428")).findFirst().orElseThrow();
        interact(() -> {
            table.getSelectionModel().select(target);
            table.scrollTo(target);
        });
        waitUntil(20, () -> lookup(".chart-viewer").tryQuery().isPresent());
        javafx.scene.control.TabPane tabs = lookup("#chartTabs").query();
        waitUntil(10, () -> tabs.getSelectionModel().getSelectedItem() != null
                && "chart-trend".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        ChartViewer viewer = from(tabs.getSelectionModel().getSelectedItem().getContent()).lookup(".chart-viewer").query();
        waitUntil(10, () -> viewer.getRenderingInfo() != null && viewer.getRenderingInfo().getEntityCollection() != null
                && viewer.getRenderingInfo().getEntityCollection().getEntityCount() > 0);

        // the menu says what it does, in Swedish, and nothing of JFreeChart's English "Export As"
        ContextMenu menu = viewer.getContextMenu();
        assertThat(menu.getItems()).filteredOn(i -> !(i instanceof SeparatorMenuItem)).extracting(MenuItem::getText)
                .containsExactly("Kopiera diagram", "Spara som PNG…", "Spara som SVG…");
        // from the keyboard: the chart takes the focus, Shift+F10 opens the menu
        interact(viewer::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.isFocusWithin()).isTrue();
        press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        waitUntil(5, menu::isShowing);
        interact(menu::hide);

        // hovering a point: the area, the period and the value in Swedish (demo: Exempelby 2025 = 80,5 %, by 'series')
        List<String> tips = new ArrayList<>();
        for (Object o : viewer.getRenderingInfo().getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && e.getToolTipText() != null) tips.add(e.getToolTipText());
        }
        assertThat(tips).contains("Exempelby, 2025: 80,5\u00a0%", "Exempelby, 2023: 83,1\u00a0%", "Riket, 2025: 84,0\u00a0%");
        // and no tooltip with the whole alt text on the chart itself
        assertThat(viewer.getProperties().get("javafx.scene.control.Tooltip")).isNull();

        // Kopiera diagram: a picture twice the chart's size on the clipboard, with the alt text as text
        MenuItem copy = menu.getItems().get(0);
        interact(copy::fire);
        int[] size = ChartMenu.size(viewer);
        interact(() -> {
            Clipboard cb = Clipboard.getSystemClipboard();
            assertThat(cb.hasImage()).isTrue();
            assertThat((int) cb.getImage().getWidth()).isEqualTo(size[0]);
            assertThat(cb.getString()).isEqualTo(viewer.getAccessibleText());
        });
        assertThat(dialogs.notes).anyMatch(n -> n.startsWith("Diagrammet är kopierat"));

        // Spara som PNG… and SVG…: the files the user chose, whole
        Path png = dir.resolve("trend.png");
        dialogs.files.add(png);
        interact(() -> menu.getItems().get(2).fire());
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(size[0]);
        assertThat(img.getHeight()).isEqualTo(size[1]);
        Path svg = dir.resolve("trend.svg");
        dialogs.files.add(svg);
        interact(() -> menu.getItems().get(3).fire());
        String text = Files.readString(svg);
        assertThat(text).contains("<svg").contains("<title").contains("Exempelby");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
    }
}
