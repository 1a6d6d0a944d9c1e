package se.halsolage.ui.common;

import javafx.application.HostServices;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Dialogs on the screen: alerts, file choosers and notifications, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Texts texts;
    private final HostServices host;
    private final Consumer<String> status;
    private File lastFolder;

    public FxDialogService(Supplier<Window> owner, Texts texts, HostServices host, Consumer<String> status) {
        this.owner = owner;
        this.texts = texts;
        this.host = host;
        this.status = status;
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.initOwner(owner.get());
        a.setTitle(texts.get("dialog.error"));
        a.setHeaderText(title);
        // a selectable text so the message can be copied into an e-mail to support
        TextArea area = new TextArea(message);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(8, Math.max(2, message.length() / 60 + 1)));
        area.setId("errorText");
        a.getDialogPane().setContent(area);
        a.getDialogPane().setId("errorDialog");
        a.showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setWrapText(true);
        a.getDialogPane().setContent(l);
        a.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        ButtonType yes = new ButtonType(texts.get("button.yes"), ButtonType.YES.getButtonData());
        ButtonType no = new ButtonType(texts.get("button.no"), ButtonType.NO.getButtonData());
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void notify(String message) {
        status.accept(message);
        Window w = owner.get();
        if (w == null || !w.isShowing()) return;
        try {
            Notifications.create().owner(w).text(message).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(4)).showInformation();
        } catch (RuntimeException ignored) {
            // the status bar already shows it
        }
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterName, String... patterns) {
        FileChooser c = chooser(title, filterName, patterns);
        File f = c.showOpenDialog(owner.get());
        if (f != null) lastFolder = f.getParentFile();
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String filterName, String... patterns) {
        FileChooser c = chooser(title, filterName, patterns);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner.get());
        if (f != null) lastFolder = f.getParentFile();
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, java.util.List<FileType> types) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        for (FileType t : types) c.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.name(), t.pattern()));
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner.get());
        if (f == null) return Optional.empty();
        lastFolder = f.getParentFile();
        FileChooser.ExtensionFilter sel = c.getSelectedExtensionFilter();
        FileType chosen = types.stream().filter(t -> sel != null && t.name().equals(sel.getDescription()))
                .findFirst().orElse(types.get(0));
        return Optional.of(DialogService.withExtension(f.toPath(), chosen, types));
    }

    private FileChooser chooser(String title, String filterName, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        if (filterName != null && patterns.length > 0) c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        return c;
    }

    @Override
    public void openInSystem(Path file) {
        if (host != null) {
            host.showDocument(file.toUri().toString());
            return;
        }
        try {
            java.awt.Desktop.getDesktop().open(file.toFile());
        } catch (Exception e) {
            showError(texts.get("error.openFile"), file + ": " + e.getMessage());
        }
    }
}
