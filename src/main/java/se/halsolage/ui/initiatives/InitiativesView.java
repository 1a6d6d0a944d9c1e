package se.halsolage.ui.initiatives;

import se.halsolage.ui.common.IndicatorPicker;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.InitiativeStatus;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.Maturity;
import se.halsolage.domain.QualityStep;
import se.halsolage.domain.TargetGroup;

import java.util.Arrays;
import java.util.Map;

/** Insatser: the register with filters, the form, and the coverage matrix. */
public final class InitiativesView {
    private static final PseudoClass GAP = PseudoClass.getPseudoClass("gap");
    private final WorkbookViewModel session;
    private final InitiativesViewModel vm;
    private final Texts t;
    private final Label problem = new Label();
    private TabPane tabs;

    public InitiativesView(WorkbookViewModel session, InitiativesViewModel vm) {
        this.session = session;
        this.vm = vm;
        this.t = session.texts();
    }

    public Node node() {
        Tab register = new Tab(t.get("initiatives.tab.register"), register());
        register.setClosable(false);
        Tab coverage = new Tab(t.get("initiatives.tab.coverage"), coverage());
        coverage.setClosable(false);
        coverage.setId("coverageTab");
        tabs = new TabPane(register, coverage);
        tabs.getProperties().put("vm", vm);
        return tabs;
    }

    private Node register() {
        TextField search = new TextField();
        search.setId("initiativeSearch");
        search.setPromptText(t.get("initiatives.searchPrompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        ComboBox<InitiativeStatus> status = Ui.filterCombo(Arrays.asList(InitiativeStatus.values()), InitiativeStatus::label, t.get("filter.allStatus"), vm.statusFilterProperty());
        ComboBox<InitiativeKind> kind = Ui.filterCombo(Arrays.asList(InitiativeKind.values()), InitiativeKind::label, t.get("filter.allKinds"), vm.kindFilterProperty());
        ComboBox<Malomrade> mal = Ui.filterCombo(Arrays.asList(Malomrade.values()), Malomrade::label, t.get("filter.allMalomraden"), vm.malomradeFilterProperty());
        mal.setPrefWidth(190);
        FlowPane filters = new FlowPane(8, 8, search, status, kind, mal);

        TableView<InitiativesViewModel.Row> table = new TableView<>(vm.filtered());
        table.setId("initiativeTable");
        table.getColumns().add(Ui.column(t.get("col.name"), "name", 220));
        table.getColumns().add(Ui.column(t.get("col.kind"), "kind", 100));
        table.getColumns().add(Ui.column(t.get("col.status"), "status", 90));
        table.getColumns().add(Ui.column(t.get("col.period"), "period", 90));
        table.getColumns().add(Ui.column(t.get("col.maturity"), "maturity", 60));
        table.getColumns().add(Ui.column(t.get("col.responsible"), "responsible", 140));
        table.getColumns().add(Ui.column(t.get("col.indicators"), "indicators", 160));
        table.setPlaceholder(new Label(t.get("initiatives.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && vm.selectedProperty().get() != b) vm.selectedProperty().set(b);
        });
        // follows the view model's selection; when it refuses a click (a form that cannot be saved
        // and the user chose to stay), the table goes back to the insats still in the form
        Runnable follow = () -> {
            InitiativesViewModel.Row now = vm.selectedProperty().get();
            if (now == null) table.getSelectionModel().clearSelection();
            else if (table.getSelectionModel().getSelectedItem() != now) {
                int i = table.getItems().indexOf(now);
                if (i >= 0) table.getSelectionModel().clearAndSelect(i);
            }
        };
        vm.selectedProperty().addListener((o, a, b) -> {
            follow.run();
            javafx.application.Platform.runLater(follow);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != vm.selectedProperty().get()) javafx.application.Platform.runLater(follow);
        });
        Button add = new Button(t.get("initiatives.new"));
        add.setId("newInitiative");
        add.getStyleClass().add("initial-focus");
        add.setOnAction(e -> {
            vm.newInitiative();
            focusName();
        });
        Button delete = new Button(t.get("initiatives.delete"));
        delete.setId("deleteInitiative");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> {
            if (session.dialogs().confirm(t.get("initiatives.deleteTitle"),
                    t.get("initiatives.deleteQuestion", vm.selectedProperty().get().getName()))) {
                guarded(vm::deleteSelected);
            }
        });
        HBox buttons = new HBox(8, add, delete);
        Ui.lockWhileWriting(session, buttons);
        VBox left = new VBox(8, Ui.heading(t.get("nav.initiatives").replace("_", "")), filters, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        SplitPane split = new SplitPane(left, form());
        split.setDividerPositions(0.52);
        return split;
    }

    private TextField nameField;

    private void focusName() {
        if (nameField != null) nameField.requestFocus();
    }

    private Node form() {
        InitiativeForm f = vm.form();
        nameField = new TextField();
        nameField.setId("initiativeName");
        nameField.textProperty().bindBidirectional(f.name);
        Ui.validate(nameField, () -> nameField.getText() == null || nameField.getText().isBlank() ? t.get("initiatives.needName") : null);
        TextArea desc = new TextArea();
        desc.setId("initiativeDescription");
        desc.setPrefRowCount(3);
        desc.setWrapText(true);
        desc.textProperty().bindBidirectional(f.description);
        TextArea background = new TextArea();
        background.setId("initiativeBackground");
        background.setPrefRowCount(3);
        background.setWrapText(true);
        background.setPromptText(t.get("initiatives.backgroundPrompt"));
        background.textProperty().bindBidirectional(f.background);
        ComboBox<InitiativeKind> kind = combo(InitiativeKind.values(), InitiativeKind::label);
        kind.valueProperty().bindBidirectional(f.kind);
        TextField workGroup = new TextField();
        workGroup.textProperty().bindBidirectional(f.workGroup);
        FlowPane groups = new FlowPane(10, 4);
        for (TargetGroup g : TargetGroup.values()) groups.getChildren().add(setBox(g.label(), f.targetGroups, g));
        FlowPane mal = new FlowPane(10, 4);
        mal.setPrefWrapLength(420);
        for (Malomrade m : Malomrade.values()) {
            CheckBox c = setBox(Integer.toString(m.number()), f.malomraden, m);
            Ui.tip(c, m.label());
            mal.getChildren().add(c);
        }
        ListView<String> linked = new ListView<>(f.indicatorIds);
        linked.setId("linkedIndicators");
        linked.setPrefHeight(90);
        linked.setPlaceholder(new Label(t.get("initiatives.noIndicators")));
        linked.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : id + "  " + vm.indicators().stream().filter(i -> i.id().equals(id))
                        .map(Indicator::displayTitle).findFirst().orElse(""));
            }
        });
        ComboBox<Indicator> pick = IndicatorPicker.create("pickIndicator", t.get("initiatives.pickIndicator"), 220, vm.indicators());
        pick.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(pick, Priority.ALWAYS);
        Button link = new Button(t.get("initiatives.link"));
        link.setMinWidth(Region.USE_PREF_SIZE);
        link.setId("linkIndicator");
        link.setOnAction(e -> {
            Indicator i = pick.getValue();
            if (i != null && !f.indicatorIds.contains(i.id())) f.indicatorIds.add(i.id());
        });
        Button unlink = new Button(t.get("initiatives.unlink"));
        unlink.setMinWidth(Region.USE_PREF_SIZE);
        unlink.setOnAction(e -> {
            String s = linked.getSelectionModel().getSelectedItem();
            if (s != null) f.indicatorIds.remove(s);
        });
        unlink.disableProperty().bind(linked.getSelectionModel().selectedItemProperty().isNull());
        TextField responsible = new TextField();
        responsible.setId("initiativeResponsible");
        responsible.textProperty().bindBidirectional(f.responsible);
        TextField partners = new TextField();
        partners.textProperty().bindBidirectional(f.partners);
        partners.setPromptText(t.get("initiatives.partnersPrompt"));
        TextField start = new TextField();
        start.setId("initiativeStart");
        start.setPrefColumnCount(5);
        start.textProperty().bindBidirectional(f.startYear);
        TextField end = new TextField();
        end.setId("initiativeEnd");
        end.setPrefColumnCount(5);
        end.textProperty().bindBidirectional(f.endYear);
        Ui.validate(start, () -> f.problems().get("startYear"));
        Ui.validate(end, () -> f.problems().get("endYear"));
        ComboBox<InitiativeStatus> status = combo(InitiativeStatus.values(), InitiativeStatus::label);
        status.setId("initiativeStatus");
        status.valueProperty().bindBidirectional(f.status);
        ComboBox<Maturity> maturity = combo(Maturity.values(), m -> m.level() + " " + m.label());
        maturity.valueProperty().bindBidirectional(f.maturity);
        ComboBox<QualityStep> step = new ComboBox<>();
        step.getItems().add(null);
        step.getItems().addAll(QualityStep.values());
        step.setConverter(Ui.converter(q -> q.step() + " " + q.label(), t.get("initiatives.noStep")));
        step.valueProperty().bindBidirectional(f.qualityStep);
        TextArea notes = new TextArea();
        notes.setId("initiativeNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.setPromptText(t.get("initiatives.notesPrompt"));
        notes.textProperty().bindBidirectional(f.notes);
        Ui.validate(notes, () -> f.problems().get("notes"));

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        int r = 0;
        g.addRow(r++, Ui.labelFor(t.get("initiatives.name"), nameField), nameField);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.background"), background), background);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.description"), desc), desc);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.kind"), kind), kind);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.workGroup"), workGroup), workGroup);
        g.addRow(r++, new Label(t.get("initiatives.targetGroups")), groups);
        g.addRow(r++, new Label(t.get("initiatives.malomraden")), mal);
        HBox linkRow = new HBox(6, pick, link, unlink);
        Ui.lockWhileWriting(session, linkRow);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.indicators"), linked), new VBox(6, linked, linkRow));
        g.addRow(r++, Ui.labelFor(t.get("initiatives.responsible"), responsible), responsible);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.partners"), partners), partners);
        HBox period = new HBox(6, start, new Label("–"), end);
        period.setAlignment(Pos.CENTER_LEFT);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.period"), start), period);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.status"), status), status);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.maturity"), maturity), maturity);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.step"), step), step);
        g.addRow(r++, Ui.labelFor(t.get("initiatives.notes"), notes), notes);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);

        Button save = new Button(t.get("initiatives.save"));
        save.setId("saveInitiative");
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        Label heading = new Label();
        heading.getStyleClass().add("subheading");
        Runnable updateHeading = () -> heading.setText(vm.selectedProperty().get() == null
                ? t.get("initiatives.formNew") : t.get("initiatives.formEdit"));
        vm.selectedProperty().addListener((o, a, b) -> {
            updateHeading.run();
            problem.setText("");
        });
        updateHeading.run();
        VBox box = new VBox(10, heading, g);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Ui.tip(save, t.get("initiatives.saveTip"));
        // The save row stays visible under the scrolling form (the form grew with Bakgrund).
        HBox saveRow = new HBox(10, save, problem);
        saveRow.setPadding(new Insets(8, 12, 8, 12));
        Ui.lockWhileWriting(session, save);
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(scroll);
        pane.setBottom(saveRow);
        pane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                if (!save.isDisabled()) save();
                e.consume();
            }
        });
        return pane;
    }

    private void save() {
        try {
            Map<String, String> p = vm.save();
            if (p.isEmpty()) {
                problem.setText("");
                session.dialogs().notify(t.get("initiatives.saved", vm.form().name.get()));
            } else {
                problem.setText(String.join(" ", p.values()));
            }
        } catch (RuntimeException e) {
            session.dialogs().showError(t.get("error.edit"), session.message(e));
        }
    }

    private <T> CheckBox setBox(String label, javafx.collections.ObservableSet<T> set, T value) {
        CheckBox c = new CheckBox(label);
        c.setSelected(set.contains(value));
        c.selectedProperty().addListener((o, a, b) -> {
            if (b) set.add(value); else set.remove(value);
        });
        set.addListener((SetChangeListener<T>) ch -> c.setSelected(set.contains(value)));
        return c;
    }

    private static <T> ComboBox<T> combo(T[] values, java.util.function.Function<T, String> label) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().addAll(values);
        c.setConverter(Ui.converter(label, ""));
        return c;
    }

    private Node coverage() {
        TableView<InitiativesViewModel.CoverageRow> table = new TableView<>();
        table.setId("coverageMatrix");
        CheckBox onlyGaps = new CheckBox(t.get("coverage.onlyGaps"));
        onlyGaps.setId("onlyGaps");
        FilteredList<InitiativesViewModel.CoverageRow> rows = new FilteredList<>(vm.matrix(), r -> true);
        onlyGaps.selectedProperty().addListener((o, a, b) -> rows.setPredicate(r -> !b || r.gap()));
        table.setItems(rows);
        Runnable columns = () -> {
            table.getColumns().clear();
            TableColumn<InitiativesViewModel.CoverageRow, String> ind = new TableColumn<>(t.get("col.indicator"));
            ind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().indicator().title()));
            ind.setPrefWidth(280);
            TableColumn<InitiativesViewModel.CoverageRow, String> ch = new TableColumn<>(t.get("col.change"));
            // a word, not ▼: an arrow down beside "+78" read as a fall, while it meant "worse"
            ch.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().indicator().change()
                    + (c.getValue().indicator().worse() ? " " + t.get("coverage.worse") : "")));
            ch.setPrefWidth(130);
            Ui.fitToText(ch, 14);
            table.getColumns().add(ind);
            table.getColumns().add(ch);
            for (int i = 0; i < vm.matrixColumns().size(); i++) {
                int col = i;
                TableColumn<InitiativesViewModel.CoverageRow, String> c = new TableColumn<>();
                // the initiative's whole name, wrapped over lines, instead of its first nine characters
                Label header = new Label(vm.matrixColumns().get(i));
                header.setWrapText(true);
                header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
                header.setMaxWidth(110);
                Ui.tip(header, vm.matrixColumns().get(i));
                c.setGraphic(header);
                c.setCellValueFactory(v -> new ReadOnlyStringWrapper(v.getValue().covered().get(col) ? "●" : ""));
                c.setPrefWidth(120);
                c.setStyle("-fx-alignment: CENTER;");
                table.getColumns().add(c);
            }
        };
        vm.matrixColumns().addListener((ListChangeListener<String>) c -> columns.run());
        columns.run();
        table.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(InitiativesViewModel.CoverageRow r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(GAP, !empty && r != null && r.gap());
            }
        });
        table.setPlaceholder(new Label(t.get("coverage.empty")));
        Label gaps = new Label();
        gaps.setWrapText(true);
        vm.matrix().addListener((ListChangeListener<InitiativesViewModel.CoverageRow>) c ->
                gaps.setText(t.get("coverage.summary", vm.gaps().size())));
        gaps.setText(t.get("coverage.summary", vm.gaps().size()));
        Button create = new Button(t.get("coverage.newFor"));
        create.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        create.setOnAction(e -> {
            String id = table.getSelectionModel().getSelectedItem().indicator().id();
            vm.newFor(id);
            tabs.getSelectionModel().selectFirst();
            focusName();
        });
        Label explain = new Label(t.get("coverage.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        VBox box = new VBox(8, Ui.heading(t.get("initiatives.tab.coverage")), explain, new HBox(12, onlyGaps, create), gaps, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            session.dialogs().showError(t.get("error.edit"), session.message(e));
        }
    }
}
