package se.halsolage.ui.settings;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import se.halsolage.domain.Area;
import se.halsolage.domain.PlanSettings;

import java.util.Optional;

/** Own municipality, county, comparison group, plan year and language. */
public final class SettingsDialog {
    private SettingsDialog() {
    }

    public static Optional<PlanSettings> show(Window owner, Texts t, SettingsViewModel vm) {
        Dialog<PlanSettings> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(t.get("settings.title"));
        d.setHeaderText(t.get("settings.header"));
        ComboBox<Area> mun = areaCombo(vm.municipalities(), vm.municipality, null);
        mun.setId("settingsMunicipality");
        ComboBox<Area> county = areaCombo(vm.counties(), vm.county, t.get("settings.none"));
        ComboBox<Area> group = areaCombo(vm.groups(), vm.group, t.get("settings.none"));
        TextField year = new TextField();
        year.textProperty().bindBidirectional(vm.planYear);
        year.setPrefColumnCount(6);
        ComboBox<String> lang = new ComboBox<>();
        lang.getItems().addAll("sv", "en");
        lang.setConverter(Ui.converter(s -> "sv".equals(s) ? "Svenska" : "English", ""));
        lang.valueProperty().bindBidirectional(vm.language);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, Ui.labelFor(t.get("settings.municipality"), mun), mun);
        g.addRow(1, Ui.labelFor(t.get("settings.county"), county), county);
        g.addRow(2, Ui.labelFor(t.get("settings.group"), group), group);
        g.addRow(3, Ui.labelFor(t.get("settings.planYear"), year), year);
        g.addRow(4, Ui.labelFor(t.get("settings.language"), lang), lang);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        g.add(problem, 0, 5, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType(t.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(t.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = vm.problem();
            if (p != null) {
                problem.setText(p);
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ok ? vm.toSettings() : null);
        javafx.application.Platform.runLater(mun::requestFocus);
        return d.showAndWait();
    }

    private static ComboBox<Area> areaCombo(javafx.collections.ObservableList<Area> items,
                                            javafx.beans.property.ObjectProperty<Area> bound, String none) {
        ComboBox<Area> c = new ComboBox<>();
        if (none != null) c.getItems().add(null);
        c.getItems().addAll(items);
        var conv = Ui.<Area>converter(a -> a.name() + " (" + a.id() + ")", none == null ? "" : none);
        c.setConverter(conv);
        c.setButtonCell(Ui.cell(conv));
        c.setCellFactory(v -> Ui.cell(conv));
        c.setVisibleRowCount(15);
        c.setPrefWidth(340);
        c.valueProperty().bindBidirectional(bound);
        return c;
    }
}
