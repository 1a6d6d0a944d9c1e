package se.halsolage.ui.targets;

import se.halsolage.ui.common.IndicatorPicker;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Target;
import se.halsolage.format.SwedishNumbers;

import java.util.Optional;

/** Mål: targets per indicator with their status; add, edit, delete (undoable). */
public final class TargetsView {
    private final WorkbookViewModel session;
    private final TargetsViewModel vm;
    private final Texts t;

    public TargetsView(WorkbookViewModel session, TargetsViewModel vm) {
        this.session = session;
        this.vm = vm;
        this.t = session.texts();
    }

    public Node node() {
        TableView<TargetsViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("targetTable");
        table.getStyleClass().add("initial-focus");
        table.getColumns().add(Ui.column(t.get("col.indicator"), "indicator", 300));
        table.getColumns().add(Ui.column(t.get("col.group"), "group", 80));
        table.getColumns().add(Ui.column(t.get("targets.baseline"), "baseline", 120));
        table.getColumns().add(Ui.column(t.get("targets.goal"), "goal", 200));
        table.getColumns().add(Ui.column(t.get("col.targetStatus"), "status", 120));
        table.getColumns().add(Ui.column(t.get("targets.description"), "description", 300));
        table.setPlaceholder(new Label(t.get("targets.empty")));
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        Button add = new Button(t.get("targets.add"));
        add.setId("addTarget");
        add.setOnAction(e -> edit(null).ifPresent(x -> guarded(() -> vm.save(x))));
        Button edit = new Button(t.get("targets.edit"));
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        edit.setOnAction(e -> edit(vm.selectedProperty().get().target()).ifPresent(x -> guarded(() -> vm.save(x))));
        Button delete = new Button(t.get("targets.delete"));
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> {
            if (session.dialogs().confirm(t.get("targets.deleteTitle"), t.get("targets.deleteQuestion",
                    vm.selectedProperty().get().getIndicator()))) guarded(vm::deleteSelected);
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.selectedProperty().get() != null) edit.fire();
        });
        Label explain = new Label(t.get("targets.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        VBox box = new VBox(10, Ui.heading(t.get("nav.targets").replace("_", "")), explain, table, Ui.locked(session, new HBox(8, add, edit, delete)));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private Optional<Target> edit(Target existing) {
        Dialog<Target> d = new Dialog<>();
        // a window title shows no mnemonic underscore ("_Nytt mål…")
        d.setTitle((existing == null ? t.get("targets.add") : t.get("targets.edit")).replace("_", ""));
        ComboBox<Indicator> ind = IndicatorPicker.create("targetIndicator", t.get("picker.prompt"), 420);
        ind.getItems().setAll(session.workbook().indicators().all());
        TextField group = new TextField(existing == null ? "Totalt" : existing.group().label());
        TextField base = new TextField(existing == null ? Integer.toString(session.plan().planYear() - 1) : Integer.toString(existing.baselineYear()));
        TextField change = new TextField(existing == null || existing.changePerYear() == null ? "" : SwedishNumbers.number(existing.changePerYear(), 2));
        TextField value = new TextField(existing == null || existing.targetValue() == null ? "" : SwedishNumbers.number(existing.targetValue(), 2));
        TextField horizon = new TextField(existing == null ? Integer.toString(session.plan().planYear() + 3) : Integer.toString(existing.horizonYear()));
        TextField desc = new TextField(existing == null || existing.description() == null ? "" : existing.description());
        if (existing != null) ind.getItems().stream().filter(i -> i.id().equals(existing.indicatorId())).findFirst().ifPresent(ind::setValue);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, Ui.labelFor(t.get("targets.indicator"), ind), ind);
        g.addRow(1, Ui.labelFor(t.get("targets.group"), group), group);
        g.addRow(2, Ui.labelFor(t.get("targets.baseYear"), base), base);
        g.addRow(3, Ui.labelFor(t.get("targets.changePerYear"), change), change);
        g.addRow(4, Ui.labelFor(t.get("targets.targetValue"), value), value);
        g.addRow(5, Ui.labelFor(t.get("targets.horizon"), horizon), horizon);
        g.addRow(6, Ui.labelFor(t.get("targets.description"), desc), desc);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        g.add(problem, 0, 7, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType(t.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(t.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Object[] result = new Object[1];
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            result[0] = TargetsViewModel.parse(existing == null ? 0 : existing.id(),
                    ind.getValue() == null ? null : ind.getValue().id(),
                    existing == null ? session.plan().municipalityId() : existing.areaId(), group.getText(),
                    base.getText(), change.getText(), value.getText(), horizon.getText(), desc.getText());
            if (result[0] instanceof String s) {
                problem.setText(s);
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ok && result[0] instanceof Target x ? x : null);
        return d.showAndWait();
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            session.dialogs().showError(t.get("error.edit"), session.message(e));
        }
    }
}
