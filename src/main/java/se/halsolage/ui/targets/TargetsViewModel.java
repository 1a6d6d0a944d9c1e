package se.halsolage.ui.targets;

import se.halsolage.ui.common.UndoManager;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.common.YearField;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Target;
import se.halsolage.format.SwedishNumbers;
import se.halsolage.workbook.Workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Mål view: targets per indicator with their status; add, edit and delete with undo. */
public final class TargetsViewModel {
    /** One line of the target table. */
    public record Row(Target target, Indicator indicator, String status) {
        public String getIndicator() { return indicator == null ? target.indicatorId() : indicator.displayTitle(); }
        public String getGroup() { return target.group().label(); }
        public String getBaseline() {
            return target.baselineYear() + (target.baselineValue() == null ? ""
                    : ": " + SwedishNumbers.value(target.baselineValue(), unit()));
        }
        public String getGoal() {
            return target.targetValue() != null
                    ? SwedishNumbers.value(target.targetValue(), unit()) + " år " + target.horizonYear()
                    : SwedishNumbers.change(target.changePerYear(), unit()) + " per år till " + target.horizonYear();
        }
        public String getStatus() { return status; }
        public String getDescription() { return target.description() == null ? "" : target.description(); }
        private se.halsolage.domain.Unit unit() { return indicator == null ? se.halsolage.domain.Unit.OTHER : indicator.unit(); }
    }

    private final WorkbookViewModel session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();

    public TargetsViewModel(WorkbookViewModel session) {
        this.session = session;
        session.versionProperty().addListener((o, a, b) -> refresh());
        if (session.workbook() != null) refresh();
    }

    public ObservableList<Row> rows() { return rows; }
    public ObjectProperty<Row> selectedProperty() { return selected; }

    public void refresh() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        session.runner().run(session.texts().get("status.loading"), p -> {
            Map<String, Indicator> inds = new LinkedHashMap<>();
            for (Indicator i : wb.indicators().allIncludingHidden()) inds.put(i.id(), i);
            TargetStatusText status = TargetStatusText.of(wb);
            List<Row> out = new ArrayList<>();
            for (Target t : wb.targets().all()) out.add(new Row(t, inds.get(t.indicatorId()), status.text(t)));
            return out;
        }, rows::setAll, e -> session.dialogs().showError(session.texts().get("error.load"), session.message(e)));
    }

    /**
     * Checks and builds a target from the dialog's fields; returns the problem in Swedish, or the target.
     * {@code change} and {@code value} are Swedish numbers ("2,5", "−1"); one of them must be given.
     */
    public static Object parse(long id, String indicatorId, String areaId, String group, String baselineYear,
                               String change, String value, String horizonYear, String description) {
        if (indicatorId == null || indicatorId.isBlank()) return "Välj ett nyckeltal.";
        Integer b = YearField.parse(baselineYear);
        Integer h = YearField.parse(horizonYear);
        if (b == null) return "Basår ska vara ett år, till exempel 2024.";
        if (h == null) return "Målår ska vara ett år, till exempel 2030.";
        if (h < b) return "Målåret ligger före basåret.";
        Double c, v;
        try {
            c = number(change);
            v = number(value);
        } catch (NumberFormatException e) {
            return "Skriv förändringen och målvärdet som tal, till exempel 2,5.";
        }
        if (c == null && v == null) return "Ange en förändring per år eller ett målvärde.";
        return new Target(id, indicatorId, areaId, Group.of(group), b, null, c, v, h,
                description == null || description.isBlank() ? null : description.strip());
    }

    static Double number(String s) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip().replace('\u2212', '-').replace(" ", "").replace("\u202f", "").replace(',', '.');
        if (t.startsWith("+")) t = t.substring(1);
        return Double.parseDouble(t);
    }

    /** Adds or updates a target (undoable). */
    public void save(Target t) {
        if (t.id() == 0) {
            long[] id = {0};
            session.undo().execute(UndoManager.Command.of(session.texts().get("undo.addTarget", t.indicatorId()),
                    w -> id[0] = w.targets().save(id[0] == 0 ? t : t.withId(id[0])).id(),
                    w -> w.targets().delete(id[0])));
        } else {
            Target[] before = {null};
            session.undo().execute(UndoManager.Command.of(session.texts().get("undo.editTarget", t.indicatorId()), w -> {
                before[0] = w.targets().get(t.id()).orElse(null);
                w.targets().save(t);
            }, w -> {
                if (before[0] != null) w.targets().save(before[0]);
            }));
        }
    }

    public void deleteSelected() {
        Row r = selected.get();
        if (r == null) return;
        Target gone = r.target();
        session.undo().execute(UndoManager.Command.of(session.texts().get("undo.deleteTarget", gone.indicatorId()),
                w -> w.targets().delete(gone.id()), w -> w.targets().save(gone)));
    }
}
