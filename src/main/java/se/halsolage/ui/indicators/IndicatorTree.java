package se.halsolage.ui.indicators;

import se.halsolage.ui.common.IndicatorRow;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import se.halsolage.domain.IndicatorCuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nyckeltal grouped: source → survey → question → measure (levels an indicator has no value for are skipped,
 * so a Kolada KPI sits right under "Kolada"). Built from the view's filtered rows, so typing in the search field
 * filters the tree at once; while a search is typed every group is open.
 */
public final class IndicatorTree {
    /** A group node's text and how many indicators it holds. */
    public record Node(String text, IndicatorRow row) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final TreeView<Node> tree = new TreeView<>();
    private final ObservableList<IndicatorRow> rows;
    private final java.util.function.Supplier<String> search;
    private boolean building;

    IndicatorTree(ObservableList<IndicatorRow> rows, java.util.function.Supplier<String> search, Consumer<IndicatorRow> select) {
        this.rows = rows;
        this.search = search;
        tree.setId("indicatorTree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new TreeCell<>() {
            @Override
            protected void updateItem(Node n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.text());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!building && b != null && b.getValue() != null && b.getValue().row() != null) select.accept(b.getValue().row());
        });
        rows.addListener((ListChangeListener<IndicatorRow>) c -> rebuild());
        rebuild();
    }

    TreeView<Node> view() {
        return tree;
    }

    /** Selects the row's leaf (when it is shown). */
    void select(IndicatorRow r) {
        if (r == null) return;
        TreeItem<Node> leaf = find(tree.getRoot(), r);
        if (leaf != null && tree.getSelectionModel().getSelectedItem() != leaf) {
            for (TreeItem<Node> p = leaf.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
            tree.getSelectionModel().select(leaf);
            int i = tree.getRow(leaf);
            if (i >= 0) tree.scrollTo(i);
        }
    }

    private static TreeItem<Node> find(TreeItem<Node> item, IndicatorRow r) {
        if (item == null) return null;
        if (item.getValue() != null && item.getValue().row() == r) return item;
        for (TreeItem<Node> c : item.getChildren()) {
            TreeItem<Node> f = find(c, r);
            if (f != null) return f;
        }
        return null;
    }

    /** The path of group texts of a row: source, survey, question (each only when known). */
    static List<String> path(IndicatorRow r) {
        IndicatorCuration c = r.curation();
        List<String> p = new java.util.ArrayList<>();
        p.add(r.source().isBlank() ? "Utan källa" : r.source());
        if (c != null && c.survey() != null) p.add(c.survey());
        if (c != null && c.question() != null) p.add(c.question());
        return p;
    }

    /** The leaf's text: the short title (it names the measure: "Trygg i skolan, medelvärde, åk 8") and the latest value. */
    static String leafText(IndicatorRow r) {
        IndicatorCuration c = r.curation();
        String value = r.latestValue() == null || r.latestValue().equals("–") ? "" : "  " + r.latestValue();
        return r.title() + value;
    }

    private void rebuild() {
        building = true;
        try {
            boolean open = search.get() != null && !search.get().isBlank();
            TreeItem<Node> root = new TreeItem<>(new Node("", null));
            Map<String, TreeItem<Node>> groups = new LinkedHashMap<>();
            Map<TreeItem<Node>, Integer> counts = new LinkedHashMap<>();
            for (IndicatorRow r : rows) {
                TreeItem<Node> parent = root;
                String key = "";
                for (String part : path(r)) {
                    key += "\u0000" + part;
                    TreeItem<Node> p = parent;
                    TreeItem<Node> g = groups.computeIfAbsent(key, k -> {
                        TreeItem<Node> item = new TreeItem<>(new Node(part, null));
                        item.setExpanded(open);
                        p.getChildren().add(item);
                        return item;
                    });
                    counts.merge(g, 1, Integer::sum);
                    parent = g;
                }
                parent.getChildren().add(new TreeItem<>(new Node(leafText(r), r)));
            }
            for (var e : counts.entrySet()) {
                e.getKey().setValue(new Node(e.getKey().getValue().text() + " (" + e.getValue() + ")", null));
            }
            if (root.getChildren().size() == 1) root.getChildren().get(0).setExpanded(true);
            tree.setRoot(root);
        } finally {
            building = false;
        }
    }
}
