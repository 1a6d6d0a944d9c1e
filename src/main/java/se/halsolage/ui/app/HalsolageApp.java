package se.halsolage.ui.app;

import se.halsolage.ui.common.RecentFiles;

import se.halsolage.ui.common.StartupProbe;

import se.halsolage.ui.backups.RestoreBackupDialog;
import se.halsolage.ui.common.DialogService;
import se.halsolage.ui.common.FxDialogService;
import se.halsolage.ui.common.FxTaskRunner;
import se.halsolage.ui.common.FxThreadCheck;
import se.halsolage.ui.common.HelpWindow;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.UiLanguage;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.importer.ImportView;
import se.halsolage.ui.indicators.IndicatorsView;
import se.halsolage.ui.indicators.IndicatorsViewModel;
import se.halsolage.ui.initiatives.InitiativesView;
import se.halsolage.ui.initiatives.InitiativesViewModel;
import se.halsolage.ui.kolada.KoladaView;
import se.halsolage.ui.newworkbook.NewWorkbookDialog;
import se.halsolage.ui.newworkbook.NewWorkbookViewModel;
import se.halsolage.ui.overview.OverviewView;
import se.halsolage.ui.report.ReportView;
import se.halsolage.ui.settings.SettingsDialog;
import se.halsolage.ui.settings.SettingsViewModel;
import se.halsolage.ui.story.StoryView;
import se.halsolage.ui.story.StoryViewModel;
import se.halsolage.ui.targets.TargetsView;
import se.halsolage.ui.targets.TargetsViewModel;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/** The desktop window: menus, the navigation on the left, the views, and a status bar. */
public final class HalsolageApp extends Application {
    public static volatile Path initialWorkbook;
    /** For tests: wraps the screen's dialog service (e.g. to answer file choosers). */
    public static volatile java.util.function.UnaryOperator<DialogService> dialogDecorator = d -> d;
    /** The window's own preferences (text size), read when first needed so loading this class stays cheap. */
    private static Preferences prefs() {
        return Preferences.userRoot().node("se/halsolage/ui");
    }

    private Texts texts;
    private Stage stage;
    private FxTaskRunner runner;
    private WorkbookViewModel session;
    private final Label status = new Label();
    private final Menu recentMenu = new Menu();
    private final StackPane center = new StackPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Map<String, Supplier<Node>> factories = new LinkedHashMap<>();
    private final Map<String, Node> views = new LinkedHashMap<>();
    private final Map<String, ToggleButton> navButtons = new LinkedHashMap<>();
    private double fontSize = 13;
    private BorderPane root;
    /** The view shown (F1 opens the guide at its section). */
    private String currentView = "overview";

    /** Exposed for tests: the session of the open window. */
    public WorkbookViewModel session() {
        return session;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        texts = new Texts(uiLocale());
        if (Boolean.getBoolean("halsolage.fxcheck")) FxThreadCheck.install();
        runner = new FxTaskRunner();
        FxDialogService dialogs = new FxDialogService(() -> this.stage, texts, getHostServicesOrNull(), status::setText);
        session = new WorkbookViewModel(texts, runner, dialogDecorator.apply(dialogs),
                Boolean.getBoolean("halsolage.test") ? null : RecentFiles.forUser());

        root = new BorderPane();
        root.setTop(menuBar());
        root.setLeft(navigation());
        center.setPadding(new Insets(0));
        // while an import or a Kolada fetch writes, the views say why editing is off
        Label lockBanner = new Label();
        lockBanner.setId("lockBanner");
        lockBanner.getStyleClass().add("lock-banner");
        lockBanner.setWrapText(true);
        lockBanner.setMaxWidth(Double.MAX_VALUE);
        lockBanner.textProperty().bind(session.longWriteProperty());
        lockBanner.visibleProperty().bind(session.editingLocked());
        lockBanner.managedProperty().bind(lockBanner.visibleProperty());
        BorderPane main = new BorderPane(center);
        main.setTop(lockBanner);
        root.setCenter(main);
        root.setBottom(statusBar());

        // never larger than the screen (small laptops; the headless test screen is 1280×800)
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(HalsolageApp.class.getResource("/se/halsolage/ui/halsolage.css").toExternalForm());
        Ui.tabMovesFocus(scene);
        stage.titleProperty().bind(session.titleProperty());
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        fontSize = prefs().getDouble("fontSize", 13);
        applyFontSize();
        if (StartupProbe.enabled()) {
            // for the benchmark: JVM start → first window on screen (and, if asked, → Översikt filled in)
            stage.setOnShown(e -> Platform.runLater(StartupProbe::windowShown));
        }
        // nothing typed is lost on closing: forms save what they can, or ask
        stage.setOnCloseRequest(e -> {
            if (!session.mayLeave()) e.consume();
        });
        stage.show();
        // The window is on screen first (menus, navigation, status bar); the Översikt view and the
        // workbook follow on the next turn of the FX thread, so a cold start shows a window sooner.
        Platform.runLater(() -> {
            if (views.isEmpty()) showView("overview");
            Path first = initialWorkbook;
            if (first != null) session.open(first, null);
        });
    }

    private javafx.application.HostServices getHostServicesOrNull() {
        try {
            return getHostServices();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Locale uiLocale() {
        return UiLanguage.current();
    }

    static void saveUiLanguage(String lang) {
        UiLanguage.choose(lang);
    }

    private MenuBar menuBar() {
        MenuItem create = item("menu.new", "Shortcut+N", e -> newWorkbook());
        MenuItem open = item("menu.open", "Shortcut+O", e -> chooseAndOpen());
        MenuItem demo = item("menu.openDemo", null, e -> session.open(DesktopLauncher.demoWorkbook(), null));
        MenuItem saveAs = item("menu.saveAs", "Shortcut+Shift+S", e -> saveAs());
        MenuItem restore = item("menu.restoreBackup", null, e -> RestoreBackupDialog.show(stage, session));
        restore.setId("menuRestoreBackup");
        MenuItem settings = item("menu.settings", "Shortcut+Comma", e -> editSettings());
        MenuItem quit = item("menu.quit", "Shortcut+Q", e -> {
            if (session.mayLeave()) Platform.exit();
        });
        recentMenu.setText(texts.get("menu.recent"));
        session.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> refreshRecent());
        refreshRecent();
        saveAs.disableProperty().bind(session.workbookProperty().isNull());
        settings.disableProperty().bind(session.workbookProperty().isNull().or(session.editingLocked()));
        restore.disableProperty().bind(session.workbookProperty().isNull().or(session.editingLocked()));
        Menu file = new Menu(texts.get("menu.file"), null, create, open, recentMenu, demo, new SeparatorMenuItem(),
                saveAs, restore, settings, new SeparatorMenuItem(), quit);

        MenuItem undo = item("menu.undo", "Shortcut+Z", e -> guarded(() -> session.undo().undo()));
        MenuItem redo = item("menu.redo", "Shortcut+Y", e -> guarded(() -> session.undo().redo()));
        // no undo while an import or a Kolada fetch writes: it would only wait behind it
        undo.disableProperty().bind(session.undo().canUndoProperty().not().or(session.editingLocked()));
        redo.disableProperty().bind(session.undo().canRedoProperty().not().or(session.editingLocked()));
        // the label keeps its mnemonic (given below) when the edit's name is added to it
        session.undo().undoTextProperty().addListener((o, a, b) -> {
            String base = (String) undo.getProperties().getOrDefault("base", texts.get("menu.undo"));
            undo.setText(b.isEmpty() ? base : base + ": " + b.replace("_", "__"));
        });
        session.undo().redoTextProperty().addListener((o, a, b) -> {
            String base = (String) redo.getProperties().getOrDefault("base", texts.get("menu.redo"));
            redo.setText(b.isEmpty() ? base : base + ": " + b.replace("_", "__"));
        });
        Menu edit = new Menu(texts.get("menu.edit"), null, undo, redo);

        Menu view = new Menu(texts.get("menu.view"));
        registerViews();
        int n = 1;
        for (String key : factories.keySet()) {
            MenuItem mi = new MenuItem(texts.get("nav." + key));
            mi.setAccelerator(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN));
            mi.setOnAction(e -> showView(key));
            view.getItems().add(mi);
            n++;
        }
        MenuItem bigger = item("menu.textBigger", "Shortcut+Plus", e -> changeFont(+1));
        MenuItem bigger2 = new MenuItem();
        bigger2.setVisible(false);
        bigger2.setAccelerator(KeyCombination.keyCombination("Shortcut+Equals"));
        bigger2.setOnAction(e -> changeFont(+1));
        MenuItem smaller = item("menu.textSmaller", "Shortcut+Minus", e -> changeFont(-1));
        MenuItem normal = item("menu.textNormal", "Shortcut+0", e -> {
            fontSize = 13;
            applyFontSize();
        });
        view.getItems().addAll(new SeparatorMenuItem(), bigger, bigger2, smaller, normal);

        MenuItem present = item("menu.present", "F5", e -> {
            showView("story");
            if (views.get("story").getProperties().get("view") instanceof StoryView sv) sv.present();
        });
        present.disableProperty().bind(session.workbookProperty().isNull());
        Menu presentation = new Menu(texts.get("menu.presentation"), null, present);

        MenuItem guide = item("menu.guide", "F1", e -> HelpWindow.showGuide(stage, texts, currentView));
        MenuItem about = item("menu.about", null, e -> HelpWindow.showAbout(stage, texts));
        Menu help = new Menu(texts.get("menu.help"), null, guide, about);
        MenuBar bar = new MenuBar(file, edit, view, presentation, help);
        // Alt+letter for every menu and item (mnemonics), in either language
        Ui.assignMnemonics(bar.getMenus());
        undo.getProperties().put("base", undo.getText());
        redo.getProperties().put("base", redo.getText());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            session.dialogs().showError(texts.get("error.edit"), session.message(e));
        }
    }

    private MenuItem item(String key, String accelerator, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        MenuItem mi = new MenuItem(texts.get(key));
        if (accelerator != null) mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        mi.setOnAction(h);
        return mi;
    }

    private void registerViews() {
        if (!factories.isEmpty()) return;
        factories.put("overview", () -> new OverviewView(session, this::openIndicator).node());
        factories.put("indicators", () -> new IndicatorsView(session, new IndicatorsViewModel(session),
                this::newInitiativeFor).node());
        factories.put("initiatives", () -> new InitiativesView(session, new InitiativesViewModel(session)).node());
        factories.put("targets", () -> new TargetsView(session, new TargetsViewModel(session)).node());
        factories.put("import", () -> new ImportView(session).node());
        factories.put("kolada", () -> new KoladaView(session).node());
        factories.put("report", () -> new ReportView(session).node());
        factories.put("story", () -> {
            StoryView v = new StoryView(session, new StoryViewModel(session));
            Node node = v.node();
            node.getProperties().put("view", v);
            return node;
        });
    }

    private VBox navigation() {
        registerViews();
        // exactly one view is selected: clicking the selected one again does not leave none selected
        navGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) a.setSelected(true);
        });
        VBox nav = new VBox(2);
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(10, 6, 10, 6));
        int n = 1;
        for (String key : factories.keySet()) {
            ToggleButton b = new ToggleButton(texts.get("nav." + key));
            b.setMnemonicParsing(true);
            b.setId("nav-" + key);
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            Ui.tip(b, texts.get("nav." + key + ".tip") + " (Ctrl+" + n + ")");
            b.setOnAction(e -> showView(key));
            navButtons.put(key, b);
            nav.getChildren().add(b);
            n++;
        }
        nav.setPrefWidth(170);
        return nav;
    }

    /** Shows a view (built the first time). */
    void showView(String key) {
        currentView = key;
        Node node = views.get(key);
        if (node == null) {
            node = factories.get(key).get();
            views.put(key, node);
        }
        center.getChildren().setAll(node);
        ToggleButton b = navButtons.get(key);
        if (b != null) b.setSelected(true);
        Node focus = node.lookup(".initial-focus");
        if (focus != null) Platform.runLater(focus::requestFocus);
    }

    private void openIndicator(String indicatorId) {
        showView("indicators");
        Object v = views.get("indicators").getProperties().get("vm");
        if (v instanceof IndicatorsViewModel vm) vm.select(indicatorId);
    }

    private void newInitiativeFor(String indicatorId) {
        showView("initiatives");
        Object v = views.get("initiatives").getProperties().get("vm");
        if (v instanceof InitiativesViewModel vm) vm.newFor(indicatorId);
    }

    private HBox statusBar() {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(160);
        bar.visibleProperty().bind(runner.busyProperty());
        bar.progressProperty().bind(runner.progressProperty());
        Label running = new Label();
        running.textProperty().bind(runner.messageProperty());
        status.setId("statusText");
        HBox box = new HBox(10, status, Ui.grow(), running, bar);
        box.getStyleClass().add("status-bar");
        box.setPadding(new Insets(4, 10, 4, 10));
        box.setAlignment(Pos.CENTER_LEFT);
        session.versionProperty().addListener((o, a, b) -> {
            Workbook wb = session.workbook();
            if (wb != null && status.getText().isEmpty()) status.setText(wb.file().toString());
        });
        return box;
    }

    private void changeFont(int delta) {
        fontSize = Math.max(10, Math.min(28, fontSize + delta));
        applyFontSize();
    }

    private void applyFontSize() {
        root.setStyle("-fx-font-size: " + fontSize + "px;");
        prefs().putDouble("fontSize", fontSize);
    }

    /** Sets the root font size in px (text scaling; for the screenshot tour at 150 %). */
    void setFontSize(double px) {
        fontSize = px;
        applyFontSize();
    }

    /** The root font size in px (text scaling). */
    public double fontSize() {
        return fontSize;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : session.recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> session.open(p, null));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void chooseAndOpen() {
        session.dialogs().chooseOpenFile(texts.get("menu.open"), texts.get("filter.workbook"), "*" + Workbook.EXTENSION)
                .ifPresent(p -> session.open(p, null));
    }

    /**
     * Ny arbetsbok: first the own municipality (type to search) and the plan year, then the file; the
     * workbook is created with those settings, so no view ever sees one without its municipality.
     */
    private void newWorkbook() {
        if (!session.mayLeave()) return;
        NewWorkbookViewModel vm = new NewWorkbookViewModel(se.halsolage.catalog.CatalogLoader.areas(), uiLocale().getLanguage());
        NewWorkbookDialog.show(stage, texts, vm).ifPresent(settings ->
                session.dialogs().chooseSaveFile(texts.get("menu.new"), vm.suggestedFileName(Workbook.EXTENSION),
                        texts.get("filter.workbook"), "*" + Workbook.EXTENSION).ifPresent(p -> {
                    Path file = p.toString().endsWith(Workbook.EXTENSION) ? p : Path.of(p + Workbook.EXTENSION);
                    session.create(file, settings, null);
                }));
    }

    private void saveAs() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        String name = wb.file().getFileName().toString().replace(Workbook.EXTENSION, "") + "-kopia" + Workbook.EXTENSION;
        session.dialogs().chooseSaveFile(texts.get("menu.saveAs"), name, texts.get("filter.workbook"),
                "*" + Workbook.EXTENSION).ifPresent(p ->
                session.saveAs(p.toString().endsWith(Workbook.EXTENSION) ? p : Path.of(p + Workbook.EXTENSION)));
    }

    private void editSettings() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        SettingsDialog.show(stage, texts, new SettingsViewModel(wb)).ifPresent(s -> {
            guarded(() -> session.saveSettings(s));
            if (!s.language().equals(uiLocale().getLanguage())) {
                saveUiLanguage(s.language());
                session.dialogs().showInformation(texts.get("settings.title"), texts.get("settings.languageRestart"));
            }
        });
    }

    @Override
    public void stop() {
        if (runner != null) runner.close();
        if (session != null) session.close();
    }
}
