package se.halsolage.ui.backups;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** The list of backups to choose from (thin: the logic is in {@link BackupsViewModel}). */
public final class RestoreBackupDialog {
    private RestoreBackupDialog() {
    }

    /** Shows the backups and restores the chosen one (after the view-model's confirmation). */
    public static void show(Window owner, WorkbookViewModel session) {
        Texts t = session.texts();
        BackupsViewModel vm = new BackupsViewModel(session);
        List<BackupsViewModel.Entry> entries;
        try {
            entries = vm.entries();
        } catch (RuntimeException e) {
            session.dialogs().showError(t.get("error.restore"), session.message(e));
            return;
        }
        if (entries.isEmpty()) {
            session.dialogs().showInformation(t.get("restore.title"), t.get("restore.none"));
            return;
        }
        Dialog<BackupsViewModel.Entry> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(t.get("restore.title"));
        d.setHeaderText(t.get("restore.header"));
        ListView<BackupsViewModel.Entry> list = new ListView<>();
        list.setId("backupList");
        list.getItems().setAll(entries);
        list.getSelectionModel().select(0);
        list.setPrefSize(520, 260);
        Label hint = new Label(t.get("restore.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        hint.setMaxWidth(520);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(8, list, hint);
        content.setMaxWidth(540);
        d.getDialogPane().setContent(content);
        d.getDialogPane().setPrefWidth(580);
        ButtonType ok = new ButtonType(t.get("restore.button"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(t.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        d.getDialogPane().setId("restoreDialog");
        d.setResultConverter(b -> b == ok ? list.getSelectionModel().getSelectedItem() : null);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                ((javafx.scene.control.Button) d.getDialogPane().lookupButton(ok)).fire();
            }
        });
        javafx.application.Platform.runLater(list::requestFocus);
        Optional<BackupsViewModel.Entry> chosen = d.showAndWait();
        chosen.ifPresent(vm::restore);
    }
}
