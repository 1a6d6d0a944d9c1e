package se.halsolage.ui.common;

import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import se.halsolage.domain.Indicator;

import java.util.Locale;

/**
 * The one indicator picker of every view (Insatser, Mål, Berättelse): ControlsFX's {@link SearchableComboBox}, so
 * typing "trygg" filters the list at once (every typed word must occur, case ignored), showing each indicator's short
 * title and its source. The list is 460 px wide (or as wide as the picker) but never wider than the window (long names
 * end in "…", the full title is the cell's tooltip).
 */
public final class IndicatorPicker {
    private IndicatorPicker() {
    }

    /** What a picker shows and searches for an indicator: "Trygg i skolan, åk 8 · Fil: skolenkaten….xlsx (ID)". */
    static String label(Indicator i) {
        if (i == null) return "";
        String src = i.source() == null || i.source().isBlank() ? "" : " · " + i.source();
        return i.displayTitle() + src + " (" + i.id() + ")";
    }

    /** True when every word of {@code text} occurs in the indicator's label or full title (case ignored). */
    static boolean matches(Indicator i, String text) {
        if (text == null || text.isBlank()) return true;
        String hay = (label(i) + " " + i.title()).toLowerCase(Locale.ROOT);
        for (String w : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) if (!hay.contains(w)) return false;
        return true;
    }

    public static SearchableComboBox<Indicator> create(String id, String prompt, double prefWidth) {
        SearchableComboBox<Indicator> c = new SearchableComboBox<>();
        c.setId(id);
        c.setPromptText(prompt);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(Indicator i) {
                return label(i);
            }

            @Override
            public Indicator fromString(String s) {
                return c.getItems().stream().filter(i -> label(i).equals(s)).findFirst().orElse(null);
            }
        });
        c.setPrefWidth(prefWidth);
        c.setMinWidth(120);
        c.setCellFactory(v -> new ListCell<>() {
            {
                // the popup list follows the cells' preferred width: wide enough for a short title and its source
                // (460 px, or the picker when it is wider), but never wider than the window
                prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
                    double win = c.getScene() == null || c.getScene().getWindow() == null ? 600
                            : c.getScene().getWindow().getWidth();
                    return Math.max(100, Math.min(win - 40, Math.max(c.getWidth() - 4, 460)));
                }, c.widthProperty(), c.sceneProperty()));
                setMaxWidth(USE_PREF_SIZE);
                setTextOverrun(OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(Indicator i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : label(i));
                setTooltip(empty || i == null ? null : new Tooltip(i.title()));
            }
        });
        return c;
    }

    public static SearchableComboBox<Indicator> create(String id, String prompt, double prefWidth, ObservableList<Indicator> items) {
        SearchableComboBox<Indicator> c = create(id, prompt, prefWidth);
        c.setItems(items);
        return c;
    }
}
