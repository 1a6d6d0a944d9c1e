package se.halsolage.ui.indicators;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.kolada.KoladaViewModel;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import se.halsolage.catalog.KpiInfo;

/**
 * "Lägg till nyckeltal från Kolada-katalogen": search the local copy of Kolada's catalogue (or, before the
 * first update, the Strategi för hälsa KPIs; the dialog says which and how old the copy is), pick one.
 */
final class CatalogDialog {
    private CatalogDialog() {
    }

    static void show(WorkbookViewModel session, IndicatorsViewModel vm) {
        Texts t = session.texts();
        Dialog<KpiInfo> d = new Dialog<>();
        d.setTitle(t.get("catalog.title"));
        d.setHeaderText(t.get("catalog.header"));
        TextField search = new TextField();
        search.setId("catalogSearch");
        search.setPromptText(t.get("catalog.prompt"));
        ListView<KpiInfo> list = new ListView<>();
        list.setId("catalogList");
        list.setPrefSize(640, 360);
        list.setPlaceholder(new Label(t.get("catalog.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(KpiInfo k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.id() + "  " + k.title() + (k.genderSplit() ? "  (kön)" : ""));
            }
        });
        // searched on the task runner (it asks the workbook which KPIs it already holds; an import may hold
        // the workbook): the list says "Söker …" meanwhile, and only the answer to the latest text is shown
        Label empty = (Label) list.getPlaceholder();
        int[] asked = {0};
        search.textProperty().addListener((o, a, b) -> {
            int n = ++asked[0];
            list.getItems().clear();
            if (b == null || b.isBlank()) {
                empty.setText(t.get("catalog.empty"));
                return;
            }
            empty.setText(t.get("catalog.searching"));
            session.runner().run(t.get("catalog.searching"), p -> vm.searchCatalog(b), found -> {
                if (n != asked[0]) return;
                empty.setText(t.get("catalog.empty"));
                list.getItems().setAll(found);
            }, e -> {
                if (n == asked[0]) empty.setText(session.message(e));
            });
        });
        search.setOnAction(e -> {
            list.requestFocus();
            list.getSelectionModel().selectFirst();
        });
        Label status = new Label(KoladaViewModel.catalogStatus(t));
        status.setId("catalogStatus");
        status.setWrapText(true);
        status.setMaxWidth(640);
        status.getStyleClass().add("muted");
        d.getDialogPane().setContent(new VBox(8, status, Ui.labelFor(t.get("catalog.searchLabel"), search), search, list));
        ButtonType add = new ButtonType(t.get("catalog.add"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(add, new ButtonType(t.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(add).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        d.setResultConverter(b -> b == add ? list.getSelectionModel().getSelectedItem() : null);
        Platform.runLater(search::requestFocus);
        d.showAndWait().ifPresent(k -> {
            try {
                vm.addFromCatalog(k);
                session.dialogs().notify(t.get("catalog.added", k.id()));
                vm.select(k.id());
            } catch (RuntimeException e) {
                session.dialogs().showError(t.get("error.edit"), session.message(e));
            }
        });
    }
}
