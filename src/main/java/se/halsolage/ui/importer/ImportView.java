package se.halsolage.ui.importer;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.File;

/** Import: the wizard (choose or drop a file, preview, mapping, check, import with progress and cancel, summary). */
public final class ImportView {
    private final WorkbookViewModel session;
    private final ImportViewModel vm;
    private final Texts t;

    public ImportView(WorkbookViewModel session) {
        this.session = session;
        this.vm = new ImportViewModel(session);
        this.t = session.texts();
    }

    public Node node() {
        Label[] steps = {new Label(t.get("import.step1")), new Label(t.get("import.step2")), new Label(t.get("import.step3"))};
        for (Label l : steps) l.getStyleClass().add("step-label");
        Runnable markStep = () -> {
            int i = switch (vm.stepProperty().get()) {
                case CHOOSE -> 0;
                case PREVIEW -> 1;
                case DONE -> 2;
            };
            for (int k = 0; k < steps.length; k++) {
                if (k == i) steps[k].getStyleClass().add("current"); else steps[k].getStyleClass().remove("current");
            }
        };
        vm.stepProperty().addListener((o, a, b) -> markStep.run());
        markStep.run();
        HBox stepBar = new HBox(18, steps);

        Label dropText = new Label(t.get("import.drop"));
        dropText.setWrapText(true);
        Button choose = new Button(t.get("import.choose"));
        choose.setId("chooseImportFile");
        choose.getStyleClass().add("initial-focus");
        choose.disableProperty().bind(vm.runningProperty().or(session.workbookProperty().isNull()));
        choose.setOnAction(e -> session.dialogs().chooseOpenFile(t.get("import.choose"), t.get("import.filter"),
                "*.xlsx", "*.xls", "*.csv", "*.txt", "*.px").ifPresent(vm::choose));
        Label fileLabel = new Label();
        fileLabel.setId("importFile");
        vm.fileProperty().addListener((o, a, b) -> fileLabel.setText(b == null ? "" : b.toString()));
        VBox drop = new VBox(8, dropText, new HBox(10, choose, fileLabel));
        drop.getStyleClass().add("drop-zone");
        drop.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !vm.runningProperty().get()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        drop.setOnDragEntered(e -> drop.getStyleClass().add("drag-over"));
        drop.setOnDragExited(e -> drop.getStyleClass().remove("drag-over"));
        drop.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                File f = e.getDragboard().getFiles().get(0);
                vm.choose(f.toPath());
                ok = true;
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        Label detection = new Label();
        detection.setWrapText(true);
        detection.getStyleClass().add("muted");
        detection.textProperty().bind(vm.detectionProperty());

        ComboBox<String> recipe = new ComboBox<>(vm.recipes());
        recipe.setId("importRecipe");
        recipe.valueProperty().bindBidirectional(vm.recipeProperty());
        Ui.tip(recipe, t.get("import.recipeTip"));
        TextField period = new TextField();
        period.setPrefColumnCount(8);
        period.setPromptText(t.get("import.periodPrompt"));
        period.textProperty().bindBidirectional(vm.periodValueProperty());
        Button apply = new Button(t.get("import.apply"));
        apply.setOnAction(e -> vm.applyMapping());
        HBox mapping = new HBox(8, Ui.labelFor(t.get("import.recipe"), recipe), recipe,
                Ui.labelFor(t.get("import.period"), period), period, apply);
        mapping.setAlignment(Pos.CENTER_LEFT);
        mapping.disableProperty().bind(vm.stepProperty().isNotEqualTo(ImportViewModel.Step.PREVIEW).or(vm.runningProperty()));

        // the columns and their roles (statistics tables): the user may change a role and read the file again
        TableView<ImportViewModel.ColumnRow> roles = new TableView<>(vm.columns());
        roles.setId("importColumns");
        roles.setEditable(true);
        roles.setPrefHeight(150);
        roles.setPlaceholder(new Label(t.get("import.noColumns")));
        javafx.scene.control.TableColumn<ImportViewModel.ColumnRow, String> colHeader = new javafx.scene.control.TableColumn<>(t.get("import.column"));
        colHeader.setCellValueFactory(new javafx.scene.control.cell.PropertyValueFactory<>("header"));
        colHeader.setPrefWidth(360);
        javafx.scene.control.TableColumn<ImportViewModel.ColumnRow, String> colRole = new javafx.scene.control.TableColumn<>(t.get("import.role"));
        colRole.setCellValueFactory(c -> c.getValue().roleProperty());
        colRole.setCellFactory(javafx.scene.control.cell.ComboBoxTableCell.forTableColumn(
                javafx.collections.FXCollections.observableArrayList(ImportViewModel.roles())));
        colRole.setEditable(true);
        colRole.setPrefWidth(140);
        roles.getColumns().add(colHeader);
        roles.getColumns().add(colRole);
        Ui.tip(roles, t.get("import.rolesTip"));
        Button applyRoles = new Button(t.get("import.applyRoles"));
        applyRoles.setId("applyRoles");
        applyRoles.setOnAction(e -> vm.applyRoles());
        javafx.scene.layout.VBox rolesBox = new javafx.scene.layout.VBox(4, roles, applyRoles);
        rolesBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.columns()));
        rolesBox.managedProperty().bind(rolesBox.visibleProperty());
        rolesBox.disableProperty().bind(vm.runningProperty());

        // the measures found, each with its value count: unticked ones are not imported (the summary says so)
        ListView<ImportViewModel.MeasureRow> measures = new ListView<>(vm.measures());
        measures.setId("importMeasures");
        measures.setMinHeight(80);
        measures.setCellFactory(javafx.scene.control.cell.CheckBoxListCell.forListView(ImportViewModel.MeasureRow::selectedProperty));
        Ui.tip(measures, t.get("import.measuresTip"));
        Label measuresLabel = Ui.labelFor(t.get("import.measures"), measures);
        VBox measuresBox = new VBox(4, measuresLabel, measures);
        measuresBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.measures()));
        measuresBox.managedProperty().bind(measuresBox.visibleProperty());
        measuresBox.disableProperty().bind(vm.runningProperty());

        // side by side, so the preview below keeps its height
        HBox rolesAndMeasures = new HBox(12, rolesBox, measuresBox);
        HBox.setHgrow(rolesBox, Priority.ALWAYS);
        HBox.setHgrow(measuresBox, Priority.ALWAYS);
        rolesBox.setMaxWidth(Double.MAX_VALUE);
        measuresBox.setMaxWidth(Double.MAX_VALUE);
        measures.setPrefHeight(150);

        TableView<ImportViewModel.Row> table = new TableView<>(vm.preview());
        table.setId("importPreview");
        table.getColumns().add(Ui.column(t.get("col.indicator"), "indicator", 260));
        table.getColumns().add(Ui.column(t.get("col.areaName"), "area", 180));
        table.getColumns().add(Ui.column(t.get("col.period"), "period", 70));
        table.getColumns().add(Ui.column(t.get("col.group"), "group", 80));
        table.getColumns().add(Ui.column(t.get("col.value"), "value", 90));
        table.getColumns().add(Ui.column(t.get("col.n"), "n", 60));
        table.getColumns().add(Ui.column(t.get("col.ci"), "ci", 100));
        table.getColumns().add(Ui.column(t.get("col.location"), "location", 150));
        table.setPlaceholder(new Label(t.get("import.noPreview")));

        Button check = new Button(t.get("import.check"));
        check.setId("checkImport");
        Button run = new Button(t.get("import.run"));
        run.setId("runImport");
        run.getStyleClass().add("accent");
        for (Button b : new Button[]{check, run}) {
            b.disableProperty().bind(vm.stepProperty().isNotEqualTo(ImportViewModel.Step.PREVIEW).or(vm.runningProperty()));
        }
        check.setOnAction(e -> vm.validate());
        run.setOnAction(e -> vm.commit());
        Button cancel = new Button(t.get("report.cancel"));
        cancel.setId("cancelImport");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setId("importMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(8, check, run, cancel, spinner, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);

        VBox top = new VBox(10, Ui.heading(t.get("nav.import").replace("_", "")), stepBar, drop, detection, mapping, rolesAndMeasures, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        top.setPadding(new Insets(12));

        ListView<String> problems = new ListView<>(vm.problems());
        problems.setPlaceholder(new Label(t.get("import.noProblems")));
        TextArea summary = new TextArea();
        summary.setId("importSummary");
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Button again = new Button(t.get("import.again"));
        again.setOnAction(e -> vm.restart());
        Button undo = new Button(t.get("import.undoLast"));
        undo.setId("undoLastImport");
        undo.disableProperty().bind(vm.lastImportProperty().isEmpty().or(vm.runningProperty()));
        undo.setOnAction(e -> vm.undoLastImport());
        Label last = new Label();
        last.getStyleClass().add("muted");
        last.textProperty().bind(vm.lastImportProperty());
        HBox problemsAndSummary = new HBox(12,
                box(Ui.labelFor(t.get("import.problems"), problems), problems),
                box(Ui.labelFor(t.get("import.summary"), summary), summary));
        for (Node n : problemsAndSummary.getChildren()) HBox.setHgrow(n, Priority.ALWAYS);
        VBox bottom = new VBox(8, problemsAndSummary, new HBox(8, again, undo, last));
        VBox.setVgrow(problemsAndSummary, Priority.ALWAYS);
        bottom.setPadding(new Insets(12));

        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        split.getProperties().put("vm", vm);
        return split;
    }

    private static VBox box(Node label, Node content) {
        VBox b = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }
}
