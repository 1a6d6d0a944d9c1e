package se.halsolage.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The desktop window: opens a workbook and lists its indicators with the latest own value. */
public final class HalsolageApp extends Application {
    static volatile Path initialWorkbook;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "halsolage-bakgrund");
        t.setDaemon(true);
        return t;
    });
    private ResourceBundle texts;
    private WorkbookViewModel model;
    private Stage stage;
    private final Label status = new Label();
    private final Menu recentMenu = new Menu();
    private final RecentFiles recent = RecentFiles.forUser();

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        texts = UiLanguage.bundle();
        model = new WorkbookViewModel(texts);

        BorderPane root = new BorderPane();
        root.setTop(menuBar());
        root.setCenter(indicatorTable());
        status.setPadding(new Insets(4, 8, 4, 8));
        root.setBottom(status);

        Scene scene = new Scene(root, 1100, 720);
        scene.getStylesheets().add(HalsolageApp.class.getResource("halsolage.css").toExternalForm());
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(scene);
        stage.show();
        if (initialWorkbook != null) open(initialWorkbook);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem(texts.getString("menu.open"));
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem quit = new MenuItem(texts.getString("menu.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        recentMenu.setText(texts.getString("menu.recent"));
        refreshRecent();
        Menu file = new Menu(texts.getString("menu.file"), null, open, recentMenu, quit);
        return new MenuBar(file);
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private TableView<IndicatorRow> indicatorTable() {
        TableView<IndicatorRow> table = new TableView<>(model.indicators());
        table.setId("indicatorTable");
        table.getColumns().add(column("col.id", IndicatorRow::id, 90));
        table.getColumns().add(column("col.indicator", IndicatorRow::title, 420));
        table.getColumns().add(column("col.area", IndicatorRow::area, 200));
        table.getColumns().add(column("col.latest", IndicatorRow::latestValue, 140));
        table.getColumns().add(column("col.period", IndicatorRow::period, 90));
        table.setPlaceholder(new Label(texts.getString("table.empty")));
        return table;
    }

    private TableColumn<IndicatorRow, String> column(String key, java.util.function.Function<IndicatorRow, String> value,
                                                     double width) {
        TableColumn<IndicatorRow, String> c = new TableColumn<>(texts.getString(key));
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.getString("menu.open"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.getString("filter.workbook"), "*" + Workbook.EXTENSION));
        var f = chooser.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /** Opens a workbook in the background and shows it when ready. */
    void open(Path file) {
        status.setText(texts.getString("status.opening") + " " + file.getFileName() + " …");
        Task<Object[]> task = new Task<>() {
            @Override
            protected Object[] call() {
                Workbook wb = Workbook.open(file);
                try {
                    return new Object[]{wb, WorkbookViewModel.rows(wb)};
                } catch (RuntimeException e) {
                    wb.close();
                    throw e;
                }
            }
        };
        task.setOnSucceeded(e -> {
            Object[] r = task.getValue();
            @SuppressWarnings("unchecked")
            List<IndicatorRow> rows = (List<IndicatorRow>) r[1];
            model.show((Workbook) r[0], rows);
            recent.add(file);
            refreshRecent();
            status.setText(String.format(texts.getString("status.opened"), rows.size()));
        });
        task.setOnFailed(e -> {
            status.setText("");
            Alert a = new Alert(Alert.AlertType.ERROR, task.getException().getMessage());
            a.setHeaderText(texts.getString("error.open"));
            a.initOwner(stage);
            a.show();
        });
        background.submit(task);
    }

    @Override
    public void stop() {
        background.shutdownNow();
        model.close();
    }
}
