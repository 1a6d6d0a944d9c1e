package se.halsolage.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.PropertyValueFactory;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/** Small helpers the views share. */
public final class Ui {
    private Ui() {
    }

    public static <S> TableColumn<S, String> column(String title, String property, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(new PropertyValueFactory<>(property));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Keeps a column at least {@code chars} characters wide at the window's text size (Ctrl+plus),
     * so numbers are never cut to "45…": the width follows the root font size set on the scene.
     */
    public static void fitToText(TableColumn<?, ?> column, int chars) {
        column.tableViewProperty().addListener((o, a, table) -> {
            if (table == null) return;
            Runnable apply = () -> {
                double px = rootFontSize(table);
                column.setMinWidth(Math.ceil(chars * px * 0.62 + 14));
                if (column.getWidth() < column.getMinWidth()) column.setPrefWidth(column.getMinWidth());
            };
            table.sceneProperty().addListener((oo, aa, scene) -> {
                if (scene == null) return;
                apply.run();
                scene.getRoot().styleProperty().addListener((x, y, z) -> apply.run());
            });
            if (table.getScene() != null) apply.run();
        });
    }

    /** The root font size in px, from the style HalsolageApp sets ("-fx-font-size: 19.5px;"), else 13. */
    public static double rootFontSize(Node n) {
        if (n.getScene() == null || n.getScene().getRoot() == null) return 13;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-fx-font-size:\\s*([0-9.]+)px")
                .matcher(n.getScene().getRoot().getStyle() == null ? "" : n.getScene().getRoot().getStyle());
        return m.find() ? Double.parseDouble(m.group(1)) : 13;
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    public static Label labelFor(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public static <T extends Node> T tip(T node, String text) {
        if (node instanceof javafx.scene.control.Control c) c.setTooltip(new Tooltip(text));
        else Tooltip.install(node, new Tooltip(text));
        return node;
    }

    /**
     * Marks a text field or area as wrong while {@code problem} gives a message: a red border (style class
     * {@code invalid}), the message as its tooltip and as its accessible help. Checked on every change of the
     * text. (Replaces ControlsFX's ValidationSupport, whose decoration swapped a pane in as the scene's root on
     * first use and made JavaFX log dozens of CSS warnings: controlsfx/controlsfx#1600.)
     */
    public static void validate(javafx.scene.control.TextInputControl field, java.util.function.Supplier<String> problem) {
        Tooltip tip = new Tooltip();
        Runnable check = () -> {
            String message = problem.get();
            boolean bad = message != null && !message.isBlank();
            field.getStyleClass().remove("invalid");
            if (bad) {
                field.getStyleClass().add("invalid");
                tip.setText(message);
                field.setTooltip(tip);
            } else if (field.getTooltip() == tip) {
                field.setTooltip(null);
            }
            field.setAccessibleHelp(bad ? message : null);
        };
        field.textProperty().addListener((o, a, b) -> check.run());
        check.run();
    }

    /**
     * Editing controls (buttons, button rows) are off while an import or a Kolada fetch writes the
     * workbook; the window shows why ({@link WorkbookViewModel#longWriteProperty()}). A row is
     * disabled as a whole, so its buttons keep their own disable rules.
     */
    public static void lockWhileWriting(WorkbookViewModel session, Node... nodes) {
        for (Node n : nodes) {
            if (n.disableProperty().isBound()) {
                throw new IllegalArgumentException("lockWhileWriting: wrap " + n + " in a row; its disable is bound");
            }
            n.disableProperty().bind(session.editingLocked());
        }
    }

    /** {@link #lockWhileWriting} for one node, returned for building a layout. */
    public static <T extends Node> T locked(WorkbookViewModel session, T node) {
        lockWhileWriting(session, node);
        return node;
    }

    private static boolean forwarding;

    /**
     * Tab always moves the focus, also out of a multi-line field (Shift+Tab back); Ctrl+Tab inserts a
     * tab character where one is wanted. JavaFX's TextArea does it the other way round; the filter
     * hands it Ctrl+Tab, which its own behaviour treats as "move on".
     */
    public static void tabMovesFocus(javafx.scene.Scene scene) {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (forwarding || e.getCode() != javafx.scene.input.KeyCode.TAB) return;
            if (!(e.getTarget() instanceof javafx.scene.control.TextArea area) || !area.isEditable()) return;
            e.consume();
            if (e.isControlDown()) {
                area.replaceSelection("\t");
                return;
            }
            forwarding = true;
            try {
                area.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.TAB, e.isShiftDown(), true, false, false));
            } finally {
                forwarding = false;
            }
        });
    }

    /** {@link #tabMovesFocus} for the scene {@code node} is (or will be) in, e.g. a dialog's pane. */
    public static void tabMovesFocusIn(Node node) {
        if (node.getScene() != null) {
            tabMovesFocus(node.getScene());
            return;
        }
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene a,
                                javafx.scene.Scene b) {
                if (b == null) return;
                node.sceneProperty().removeListener(this);
                tabMovesFocus(b);
            }
        });
    }

    /**
     * Gives every item of the menus a mnemonic (Alt+letter) where it has none: the first free letter
     * that starts a word, else the first free letter, unique within its menu. Works for either language.
     */
    public static void assignMnemonics(java.util.List<javafx.scene.control.Menu> menus) {
        java.util.Set<Character> top = new java.util.HashSet<>();
        for (javafx.scene.control.Menu m : menus) {
            m.setText(withMnemonic(m.getText(), top));
            assignMnemonics(m);
        }
    }

    private static void assignMnemonics(javafx.scene.control.Menu menu) {
        java.util.Set<Character> used = new java.util.HashSet<>();
        for (javafx.scene.control.MenuItem mi : menu.getItems()) {
            if (mi instanceof javafx.scene.control.SeparatorMenuItem || !mi.isMnemonicParsing() || !mi.isVisible()) continue;
            String t = mi.getText();
            if (t == null || t.isEmpty()) continue;
            int at = t.indexOf('_');
            if (at >= 0 && at + 1 < t.length()) used.add(Character.toLowerCase(t.charAt(at + 1)));
        }
        for (javafx.scene.control.MenuItem mi : menu.getItems()) {
            if (mi instanceof javafx.scene.control.SeparatorMenuItem || !mi.isMnemonicParsing() || !mi.isVisible()) continue;
            if (mi.getText() == null || mi.getText().contains("_")) continue;
            mi.setText(withMnemonic(mi.getText(), used));
            if (mi instanceof javafx.scene.control.Menu sub) assignMnemonics(sub);
        }
    }

    /** {@code text} with "_" before its mnemonic letter, which is added to {@code used}; unchanged when it has one or none is free. */
    static String withMnemonic(String text, java.util.Set<Character> used) {
        int at = text.indexOf('_');
        if (at >= 0 && at + 1 < text.length()) {
            used.add(Character.toLowerCase(text.charAt(at + 1)));
            return text;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                if (!Character.isLetter(c) || (pass == 0 && !wordStart)) continue;
                if (used.add(Character.toLowerCase(c))) return text.substring(0, i) + "_" + text.substring(i);
            }
        }
        return text;
    }

    public static Region grow() {
        Region r = new Region();
        javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    static VBox box(double spacing, Node... children) {
        VBox v = new VBox(spacing, children);
        v.setPadding(new Insets(12));
        return v;
    }

    /** A combo box with an "all" entry (null) for filters. */
    public static <T> ComboBox<T> filterCombo(List<T> values, Function<T, String> label, String all,
                                       ObjectProperty<T> bound) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().add(null);
        c.getItems().addAll(values);
        StringConverter<T> conv = converter(label, all);
        c.setConverter(conv);
        c.setButtonCell(cell(conv));
        c.setCellFactory(v -> cell(conv));
        c.valueProperty().bindBidirectional(bound);
        return c;
    }

    public static <T> StringConverter<T> converter(Function<T, String> label, String nullText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? nullText : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    public static <T> ListCell<T> cell(StringConverter<T> conv) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : conv.toString(item));
            }
        };
    }

    static <T> void setItems(ComboBox<T> c, ObservableList<T> items) {
        c.setItems(items);
    }

    /** A small trend line of the values (null when fewer than two). */
    public static Node sparkline(List<Double> values, double width, double height) {
        if (values == null || values.size() < 2) return new Region();
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        Polyline line = new Polyline();
        for (int i = 0; i < values.size(); i++) {
            double x = i * width / (values.size() - 1);
            double y = height - 2 - (values.get(i) - min) / span * (height - 4);
            line.getPoints().addAll(x, y);
        }
        line.setStroke(Color.web("#1f4e79"));
        line.setStrokeWidth(1.6);
        line.getStyleClass().add("sparkline");
        return line;
    }
}
