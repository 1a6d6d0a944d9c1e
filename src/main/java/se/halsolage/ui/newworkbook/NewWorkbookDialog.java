package se.halsolage.ui.newworkbook;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import se.halsolage.domain.Area;
import se.halsolage.domain.PlanSettings;

import java.util.Optional;

/** Ny arbetsbok, step 1: the own municipality (type to search) and the plan year. */
public final class NewWorkbookDialog {
    private NewWorkbookDialog() {
    }

    public static Optional<PlanSettings> show(Window owner, Texts t, NewWorkbookViewModel vm) {
        Dialog<PlanSettings> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(t.get("newWorkbook.title"));
        d.setHeaderText(t.get("newWorkbook.header"));
        TextField search = new TextField();
        search.setId("newWorkbookSearch");
        search.setPromptText(t.get("newWorkbook.searchPrompt"));
        search.textProperty().bindBidirectional(vm.search);
        ListView<Area> list = new ListView<>(vm.matches());
        list.setId("newWorkbookMunicipalities");
        list.setPrefHeight(260);
        list.setPlaceholder(new Label(t.get("newWorkbook.noMatch")));
        var conv = Ui.<Area>converter(a -> a.name() + " (" + a.id() + ")", "");
        list.setCellFactory(v -> Ui.cell(conv));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.municipality.set(b);
        });
        vm.municipality.addListener((o, a, b) -> {
            if (b == null) list.getSelectionModel().clearSelection();
            else if (list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
                list.scrollTo(b);
            }
        });
        // Down arrow from the search field goes into the list
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !vm.matches().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty()) list.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        TextField year = new TextField();
        year.setId("newWorkbookPlanYear");
        year.setPrefColumnCount(6);
        year.textProperty().bindBidirectional(vm.planYear);
        Label chosen = new Label();
        chosen.setId("newWorkbookChosen");
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.municipality.get() == null
                ? t.get("newWorkbook.noneChosen") : t.get("newWorkbook.chosen", vm.municipality.get().name()), vm.municipality));
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, Ui.labelFor(t.get("settings.municipality"), search), search);
        g.add(list, 1, 1);
        g.add(chosen, 1, 2);
        g.addRow(3, Ui.labelFor(t.get("settings.planYear"), year), year);
        g.add(problem, 0, 4, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType(t.get("newWorkbook.continue"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(t.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        javafx.scene.Node okButton = d.getDialogPane().lookupButton(ok);
        okButton.setId("newWorkbookContinue");
        okButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = vm.problem();
            if (p != null) {
                problem.setText(p);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && vm.problem() == null) {
                ((javafx.scene.control.Button) okButton).fire();
            }
        });
        d.setResultConverter(b -> b == ok ? vm.toSettings() : null);
        Platform.runLater(search::requestFocus);
        return d.showAndWait();
    }
}
