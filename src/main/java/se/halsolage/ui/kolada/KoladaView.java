package se.halsolage.ui.kolada;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.kolada.KoladaClient;

/** Kolada: search, selection, area choice, fetch with progress and cancel, summary. */
public final class KoladaView {
    private final WorkbookViewModel session;
    private final KoladaViewModel vm;
    private final Texts t;

    public KoladaView(WorkbookViewModel session) {
        this.session = session;
        this.vm = new KoladaViewModel(session, () -> KoladaClient.builder().build());
        this.t = session.texts();
    }

    public Node node() {
        TextField search = new TextField();
        search.setId("koladaSearch");
        search.getStyleClass().add("initial-focus");
        search.setPromptText(t.get("catalog.prompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        ListView<KpiInfo> results = list(vm.results());
        results.setId("koladaResults");
        results.setPlaceholder(new Label(t.get("catalog.empty")));
        Button add = new Button(t.get("kolada.choose"));
        add.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> vm.choose(results.getSelectionModel().getSelectedItem()));
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) vm.choose(results.getSelectionModel().getSelectedItem());
        });
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) vm.choose(results.getSelectionModel().getSelectedItem());
        });
        search.setOnAction(e -> {
            results.requestFocus();
            results.getSelectionModel().selectFirst();
        });
        Button all = new Button(t.get("kolada.chooseWorkbook"));
        all.setId("koladaChooseWorkbook");
        Ui.tip(all, t.get("kolada.chooseWorkbookTip"));
        all.setOnAction(e -> vm.chooseWorkbookKpis());
        Label intro = new Label(t.get("kolada.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Label catalogStatus = new Label();
        catalogStatus.setId("koladaCatalogStatus");
        catalogStatus.setWrapText(true);
        catalogStatus.textProperty().bind(vm.catalogStatusProperty());
        Button updateCatalog = new Button(t.get("kolada.updateCatalog"));
        updateCatalog.setId("koladaUpdateCatalog");
        Ui.tip(updateCatalog, t.get("kolada.updateCatalogTip"));
        updateCatalog.disableProperty().bind(vm.runningProperty());
        updateCatalog.setOnAction(e -> {
            String p = vm.updateCatalog();
            if (p != null) session.dialogs().showError(t.get("kolada.catalogFailed"), p);
        });
        VBox left = new VBox(8, Ui.heading(t.get("nav.kolada").replace("_", "")), intro, catalogStatus, updateCatalog,
                Ui.labelFor(t.get("catalog.searchLabel"), search), search, results, new HBox(8, add, all));
        VBox.setVgrow(results, Priority.ALWAYS);
        left.setPadding(new Insets(12));

        ListView<KpiInfo> chosen = list(vm.chosen());
        chosen.setId("koladaChosen");
        chosen.setPlaceholder(new Label(t.get("kolada.noneChosen")));
        Button remove = new Button(t.get("kolada.remove"));
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.unchoose(chosen.getSelectionModel().getSelectedItem()));
        CheckBox own = box(t.get("kolada.own"), vm.own);
        CheckBox county = box(t.get("kolada.county"), vm.county);
        CheckBox riket = box(t.get("kolada.riket"), vm.riket);
        CheckBox group = box(t.get("kolada.group"), vm.group);
        Label areas = new Label();
        areas.getStyleClass().add("muted");
        Runnable updateAreas = () -> areas.setText(vm.areaText());
        for (CheckBox c : new CheckBox[]{own, county, riket, group}) c.selectedProperty().addListener((o, a, b) -> updateAreas.run());
        session.versionProperty().addListener((o, a, b) -> updateAreas.run());
        updateAreas.run();
        TextField years = new TextField();
        years.setPromptText(t.get("kolada.yearsPrompt"));
        years.textProperty().bindBidirectional(vm.years);
        Button fetch = new Button(t.get("kolada.fetch"));
        fetch.setId("koladaFetch");
        fetch.getStyleClass().add("accent");
        fetch.disableProperty().bind(vm.runningProperty().or(session.workbookProperty().isNull()));
        fetch.setOnAction(e -> {
            String p = vm.fetch();
            if (p != null) session.dialogs().showError(t.get("kolada.failed"), p);
        });
        Button updateAll = new Button(t.get("kolada.updateAll"));
        updateAll.setId("koladaUpdateAll");
        Ui.tip(updateAll, t.get("kolada.updateAllTip"));
        updateAll.disableProperty().bind(vm.runningProperty().or(session.workbookProperty().isNull()));
        updateAll.setOnAction(e -> {
            String p = vm.updateAll();
            if (p != null) session.dialogs().showError(t.get("kolada.failed"), p);
        });
        ListView<String> lastFetched = new ListView<>();
        lastFetched.setId("koladaLastFetched");
        lastFetched.setPrefHeight(140);
        Runnable updateLast = () -> lastFetched.getItems().setAll(vm.lastFetched().stream().map(vm::lastFetchedText).toList());
        session.versionProperty().addListener((o, a, b) -> updateLast.run());
        session.workbookProperty().addListener((o, a, b) -> updateLast.run());
        updateLast.run();
        Button cancel = new Button(t.get("report.cancel"));
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(300);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        TextArea summary = new TextArea();
        summary.setId("koladaSummary");
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setPrefRowCount(8);
        VBox right = new VBox(8, Ui.labelFor(t.get("kolada.chosen"), chosen), chosen, remove,
                new Label(t.get("kolada.areas")), new HBox(12, own, county, riket, group), areas,
                new HBox(8, Ui.labelFor(t.get("kolada.years"), years), years),
                new HBox(8, fetch, updateAll, cancel, bar), message, Ui.labelFor(t.get("kolada.summary"), summary), summary,
                Ui.labelFor(t.get("kolada.lastFetched"), lastFetched), lastFetched);
        VBox.setVgrow(chosen, Priority.ALWAYS);
        right.setPadding(new Insets(12));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        split.getProperties().put("vm", vm);
        return split;
    }

    private static CheckBox box(String text, javafx.beans.property.BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    private static ListView<KpiInfo> list(javafx.collections.ObservableList<KpiInfo> items) {
        ListView<KpiInfo> l = new ListView<>(items);
        l.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(KpiInfo k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.id() + "  " + k.title());
            }
        });
        return l;
    }
}
