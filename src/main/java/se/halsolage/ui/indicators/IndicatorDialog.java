package se.halsolage.ui.indicators;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.SfhArea;
import se.halsolage.domain.Unit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Edits an indicator's metadata: titles, unit, direction, SfH area and goal, målområden, description. */
final class IndicatorDialog {
    private IndicatorDialog() {
    }

    static Optional<Indicator> show(WorkbookViewModel session, Indicator ind) {
        Texts t = session.texts();
        Dialog<Indicator> d = new Dialog<>();
        d.setTitle(t.get("indicatorDialog.title"));
        // Tab moves on from the description too, as in the main window (Ctrl+Tab writes a tab)
        Ui.tabMovesFocusIn(d.getDialogPane());
        d.setHeaderText(ind.id() + " – " + ind.title());
        TextField title = new TextField(ind.title());
        TextField shortTitle = new TextField(ind.shortTitle() == null ? "" : ind.shortTitle());
        ComboBox<Unit> unit = new ComboBox<>();
        unit.getItems().addAll(Unit.values());
        unit.setConverter(Ui.converter(u -> u.label().isEmpty() ? t.get("indicatorDialog.otherUnit") : u.label(), ""));
        unit.setValue(ind.unit());
        ComboBox<Direction> dir = new ComboBox<>();
        dir.getItems().addAll(Direction.values());
        dir.setConverter(Ui.converter(Direction::label, ""));
        dir.setValue(ind.direction());
        ComboBox<SfhArea> area = new ComboBox<>();
        area.getItems().add(null);
        area.getItems().addAll(SfhArea.values());
        area.setConverter(Ui.converter(SfhArea::title, t.get("indicatorDialog.noArea")));
        area.setValue(ind.sfhArea());
        TextField goal = new TextField(ind.sfhGoal() == null ? "" : ind.sfhGoal().toString());
        goal.setPrefColumnCount(4);
        Map<Malomrade, CheckBox> mal = new LinkedHashMap<>();
        FlowPane malPane = new FlowPane(8, 4);
        for (Malomrade m : Malomrade.values()) {
            CheckBox c = new CheckBox(m.label());
            c.setSelected(ind.malomraden().contains(m));
            mal.put(m, c);
            malPane.getChildren().add(c);
        }
        malPane.setPrefWrapLength(520);
        TextArea desc = new TextArea(ind.description() == null ? "" : ind.description());
        desc.setPrefRowCount(3);
        desc.setWrapText(true);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, Ui.labelFor(t.get("indicatorDialog.name"), title), title);
        g.addRow(1, Ui.labelFor(t.get("indicatorDialog.shortName"), shortTitle), shortTitle);
        g.addRow(2, Ui.labelFor(t.get("indicatorDialog.unit"), unit), unit);
        g.addRow(3, Ui.labelFor(t.get("indicatorDialog.direction"), dir), dir);
        g.addRow(4, Ui.labelFor(t.get("indicatorDialog.area"), area), area);
        g.addRow(5, Ui.labelFor(t.get("indicatorDialog.goal"), goal), goal);
        g.addRow(6, new Label(t.get("indicatorDialog.malomraden")), malPane);
        g.addRow(7, Ui.labelFor(t.get("indicatorDialog.description"), desc), desc);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        g.add(problem, 0, 8, 2, 1);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType(t.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, new ButtonType(t.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = null;
            if (title.getText().isBlank()) p = t.get("indicatorDialog.needName");
            Integer gl = null;
            if (!goal.getText().isBlank()) {
                try {
                    gl = Integer.parseInt(goal.getText().strip());
                    if (gl < 1 || gl > 22) p = t.get("indicatorDialog.badGoal");
                } catch (NumberFormatException x) {
                    p = t.get("indicatorDialog.badGoal");
                }
            }
            if (p != null) {
                problem.setText(p);
                e.consume();
            }
        });
        d.setResultConverter(b -> {
            if (b != ok) return null;
            Set<Malomrade> ms = EnumSet.noneOf(Malomrade.class);
            mal.forEach((m, c) -> {
                if (c.isSelected()) ms.add(m);
            });
            Integer gl = goal.getText().isBlank() ? null : Integer.parseInt(goal.getText().strip());
            return new Indicator(ind.id(), title.getText().strip(), shortTitle.getText().isBlank() ? null : shortTitle.getText().strip(),
                    unit.getValue(), dir.getValue(), ind.source(), ind.genderSplit(), ind.grade(), ms, area.getValue(), gl,
                    Arrays.asList("hög", "medel", "låg").contains(ind.mappingConfidence()) ? ind.mappingConfidence() : (area.getValue() == null ? null : "hög"),
                    desc.getText().isBlank() ? null : desc.getText().strip());
        });
        return d.showAndWait();
    }
}
