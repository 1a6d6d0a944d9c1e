package se.halsolage.ui.indicators;

import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.table.TableFilter;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.SfhArea;

import java.util.Arrays;
import java.util.function.Consumer;

/** Nyckeltal: the filterable table and the selected indicator's charts, data, target and initiatives. */
public final class IndicatorsView {
    private final WorkbookViewModel session;
    private final IndicatorsViewModel vm;
    private final Consumer<String> newInitiativeFor;
    private final Texts t;
    private final ChartTabs charts;

    public IndicatorsView(WorkbookViewModel session, IndicatorsViewModel vm, Consumer<String> newInitiativeFor) {
        this.session = session;
        this.vm = vm;
        this.newInitiativeFor = newInitiativeFor;
        this.t = session.texts();
        this.charts = new ChartTabs(session);
    }

    public Node node() {
        TextField search = new TextField();
        search.setId("indicatorSearch");
        search.setPromptText(t.get("indicators.searchPrompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.getStyleClass().add("initial-focus");
        Ui.tip(search, t.get("indicators.searchTip"));
        ComboBox<SfhArea> area = Ui.filterCombo(Arrays.asList(SfhArea.values()), SfhArea::title, t.get("filter.allAreas"), vm.areaProperty());
        area.setId("filterArea");
        ComboBox<Malomrade> mal = Ui.filterCombo(Arrays.asList(Malomrade.values()), Malomrade::label, t.get("filter.allMalomraden"), vm.malomradeProperty());
        mal.setId("filterMalomrade");
        mal.setPrefWidth(200);
        ComboBox<String> source = new ComboBox<>();
        source.setId("filterSource");
        source.setConverter(Ui.converter(s -> s, t.get("filter.allSources")));
        source.setButtonCell(Ui.cell(source.getConverter()));
        source.setCellFactory(v -> Ui.cell(source.getConverter()));
        vm.sources().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = source.getValue();
            source.getItems().setAll((String) null);
            source.getItems().addAll(vm.sources());
            source.setValue(keep);
        });
        source.getItems().add(null);
        source.getItems().addAll(vm.sources());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        CheckBox worse = new CheckBox(t.get("filter.worse"));
        worse.setId("filterWorse");
        worse.selectedProperty().bindBidirectional(vm.worseOnlyProperty());
        Ui.tip(worse, t.get("filter.worseTip"));
        Button clear = new Button(t.get("filter.clear"));
        clear.setOnAction(e -> vm.clearFilters());
        Button add = new Button(t.get("indicators.addFromCatalog"));
        add.setId("addFromCatalog");
        add.setOnAction(e -> CatalogDialog.show(session, vm));
        add.disableProperty().bind(session.workbookProperty().isNull().or(session.editingLocked()));
        Button export = new Button(t.get("export.button"));
        export.setId("exportIndicators");
        Ui.tip(export, t.get("export.indicatorsTip"));
        export.setOnAction(e -> vm.exportIndicators());
        export.disableProperty().bind(Bindings.isEmpty(vm.filtered()));
        CheckBox grouped = new CheckBox(t.get("indicators.tree"));
        grouped.setId("indicatorTreeToggle");
        Ui.tip(grouped, t.get("indicators.treeTip"));
        FlowPane filters = new FlowPane(8, 8, Ui.labelFor(t.get("indicators.search"), search), search, area, mal, source, worse,
                grouped, clear, add);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<IndicatorRow> table = new TableView<>(vm.filtered());
        table.setId("indicatorTable");
        // the name, then the numbers people open the table for (value, period, change, target), so
        // they are visible at the default size; id, area, målområden and source follow to the right.
        // The number columns never get narrower than their text at the current text size.
        var latest = Ui.<IndicatorRow>column(t.get("col.latest"), "latestValue", 80);
        var period = Ui.<IndicatorRow>column(t.get("col.period"), "period", 80);
        var change = Ui.<IndicatorRow>column(t.get("col.change"), "change", 90);
        var target = Ui.<IndicatorRow>column(t.get("col.targetStatus"), "targetStatus", 90);
        Ui.fitToText(latest, 9);
        Ui.fitToText(period, 9);
        Ui.fitToText(change, 10);
        Ui.fitToText(target, 9);
        table.getColumns().add(Ui.column(t.get("col.indicator"), "title", 220));
        table.getColumns().add(latest);
        table.getColumns().add(period);
        table.getColumns().add(change);
        table.getColumns().add(target);
        table.getColumns().add(Ui.column(t.get("col.id"), "id", 70));
        table.getColumns().add(Ui.column(t.get("col.area"), "area", 140));
        table.getColumns().add(Ui.column(t.get("col.malomraden"), "malomraden", 70));
        table.getColumns().add(Ui.column(t.get("col.source"), "source", 90));
        table.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(IndicatorRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("worse"), !empty && r != null && r.worse());
            }
        });
        table.setPlaceholder(new Label(t.get("table.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        try {
            TableFilter.forTableView(table).lazy(true).apply();
        } catch (RuntimeException ignored) {
            // column filters are a convenience; the filter fields above always work
        }
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> t.get("indicators.count", vm.filtered().size(), vm.rows().size()),
                vm.filtered(), vm.rows()));
        count.getStyleClass().add("muted");
        HBox under = new HBox(8, count, Ui.grow(), export);
        under.setAlignment(Pos.CENTER_LEFT);
        IndicatorTree tree = new IndicatorTree(vm.filtered(), () -> vm.searchProperty().get(), r -> vm.selectedProperty().set(r));
        vm.selectedProperty().addListener((o, a, b) -> tree.select(b));
        javafx.scene.control.TreeView<?> treeView = tree.view();
        treeView.visibleProperty().bind(grouped.selectedProperty());
        treeView.managedProperty().bind(grouped.selectedProperty());
        table.visibleProperty().bind(grouped.selectedProperty().not());
        table.managedProperty().bind(grouped.selectedProperty().not());
        VBox left = new VBox(8, Ui.heading(t.get("nav.indicators").replace("_", "")), filters, table, treeView, under);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(treeView, Priority.ALWAYS);
        left.setPadding(new Insets(12));

        SplitPane split = new SplitPane(left, detail());
        split.setDividerPositions(0.55);
        split.getProperties().put("vm", vm);
        return split;
    }

    private Node detail() {
        Label title = new Label(t.get("indicators.noneSelected"));
        title.setId("detailTitle");
        title.getStyleClass().add("subheading");
        title.setWrapText(true);
        Label meta = new Label();
        meta.setWrapText(true);
        meta.getStyleClass().add("muted");
        Button edit = new Button(t.get("indicators.edit"));
        edit.setId("editIndicator");
        Button confirm = new Button(t.get("indicators.confirmSuggestion"));
        confirm.setId("confirmSuggestion");
        Ui.tip(confirm, t.get("indicators.confirmSuggestionTip"));
        confirm.setOnAction(e -> guarded(vm::confirmSuggestion));
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.setVisible(false);
        Label suggestion = new Label();
        suggestion.setId("suggestion");
        suggestion.setWrapText(true);
        suggestion.managedProperty().bind(suggestion.visibleProperty());
        suggestion.setVisible(false);
        Button newInitiative = new Button(t.get("indicators.newInitiative"));
        newInitiative.setId("newInitiativeFor");
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        newInitiative.disableProperty().bind(vm.selectedProperty().isNull());
        edit.setOnAction(e -> IndicatorDialog.show(session, vm.selectedProperty().get().indicator()).ifPresent(i -> guarded(() -> vm.saveIndicator(i))));
        newInitiative.setOnAction(e -> newInitiativeFor.accept(vm.selectedProperty().get().id()));

        TableView<IndicatorsViewModel.DataRow> data = new TableView<>(vm.data());
        data.setId("dataTable");
        data.getColumns().add(Ui.column(t.get("col.areaName"), "area", 130));
        data.getColumns().add(Ui.column(t.get("col.period"), "period", 70));
        data.getColumns().add(Ui.column(t.get("col.group"), "group", 70));
        data.getColumns().add(Ui.column(t.get("col.value"), "value", 80));
        data.getColumns().add(Ui.column(t.get("col.n"), "n", 50));
        data.getColumns().add(Ui.column(t.get("col.provenance"), "source", 200));
        data.getColumns().add(Ui.column(t.get("col.location"), "location", 160));
        data.setPlaceholder(new Label(t.get("indicators.noData")));

        ListView<String> targets = new ListView<>(vm.targets());
        targets.setPlaceholder(new Label(t.get("indicators.noTargets")));
        targets.setPrefHeight(70);
        ListView<String> initiatives = new ListView<>(vm.initiatives());
        initiatives.setId("linkedInitiatives");
        initiatives.setPlaceholder(new Label(t.get("indicators.noInitiatives")));
        initiatives.setPrefHeight(90);

        TabPane tabs = charts.tabs();
        Button exportData = new Button(t.get("export.button"));
        exportData.setId("exportData");
        Ui.tip(exportData, t.get("export.dataTip"));
        exportData.setOnAction(e -> vm.exportData());
        exportData.disableProperty().bind(Bindings.isEmpty(vm.data()));
        Button copyTable = new Button(t.get("indicators.copyComparison"));
        copyTable.setId("copyComparison");
        Ui.tip(copyTable, t.get("indicators.copyComparisonTip"));
        copyTable.disableProperty().bind(vm.selectedProperty().isNull());
        copyTable.setOnAction(e -> {
            try {
                String text = vm.comparisonTableText(session.workbook() != null && session.workbook().settings().plan().countyId() != null
                        ? se.halsolage.analysis.ComparisonSets.COUNTY : se.halsolage.analysis.ComparisonSets.ALL);
                if (text == null) return;
                javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
                c.putString(text);
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
                session.dialogs().notify(t.get("indicators.copiedComparison"));
            } catch (RuntimeException ex) {
                session.dialogs().notify(session.message(ex));
            }
        });
        HBox dataButtons = new HBox(8, copyTable, exportData);
        dataButtons.setAlignment(Pos.CENTER_RIGHT);
        VBox dataBox = new VBox(6, data, dataButtons);
        VBox.setVgrow(data, Priority.ALWAYS);
        dataBox.setPadding(new Insets(6));
        Tab dataTab = new Tab(t.get("indicators.tab.data"), dataBox);
        dataTab.setClosable(false);
        VBox links = new VBox(6, Ui.labelFor(t.get("indicators.targets"), targets), targets,
                Ui.labelFor(t.get("indicators.initiatives"), initiatives), initiatives);
        links.setPadding(new Insets(8));
        Tab linksTab = new Tab(t.get("indicators.tab.links"), links);
        linksTab.setClosable(false);
        TableView<IndicatorsViewModel.DataRow> sub = new TableView<>(vm.subareas());
        sub.setId("subareaTable");
        sub.getColumns().add(Ui.column(t.get("col.areaName"), "area", 200));
        sub.getColumns().add(Ui.column(t.get("col.period"), "period", 70));
        sub.getColumns().add(Ui.column(t.get("col.value"), "value", 80));
        sub.getColumns().add(Ui.column(t.get("col.n"), "n", 50));
        sub.getColumns().add(Ui.column(t.get("col.location"), "location", 160));
        sub.setPlaceholder(new Label(t.get("indicators.noSubareas")));
        Tab subTab = new Tab(t.get("indicators.subareas"), sub);
        subTab.setId("subareaTab");
        subTab.setClosable(false);
        tabs.getTabs().addAll(dataTab, subTab, linksTab);

        vm.selectedProperty().addListener((o, a, b) -> {
            suggestion.setText(IndicatorsViewModel.suggestionText(t, b));
            suggestion.setVisible(b != null && b.hasSuggestion());
            confirm.setVisible(b != null && b.hasSuggestion());
            if (b == null) {
                title.setText(t.get("indicators.noneSelected"));
                meta.setText("");
                charts.show(null);
                return;
            }
            Indicator i = b.indicator();
            title.setText(i.title() + " (" + i.id() + ")");
            meta.setText(String.join(" · ", nonBlank(
                    i.unit().label().isEmpty() ? null : t.get("indicators.unit", i.unit().label()),
                    i.direction().label(), i.source(), i.grade(),
                    i.sfhGoal() == null ? null : t.get("indicators.goal", i.sfhGoal()),
                    i.malomraden().isEmpty() ? null : t.get("indicators.malomraden", b.malomraden()))));
            charts.show(i.id());
        });
        FlowPane buttons = new FlowPane(8, 8, edit, confirm, newInitiative); // wraps instead of cutting the labels
        Ui.lockWhileWriting(session, buttons);
        VBox box = new VBox(8, title, meta, suggestion, buttons, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private static String[] nonBlank(String... s) {
        return Arrays.stream(s).filter(x -> x != null && !x.isBlank()).toArray(String[]::new);
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            session.dialogs().showError(t.get("error.edit"), session.message(e));
        }
    }
}
