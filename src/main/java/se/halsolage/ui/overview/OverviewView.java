package se.halsolage.ui.overview;

import se.halsolage.ui.common.IndicatorRow;
import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.halsolage.domain.SfhArea;

import java.util.function.Consumer;

/** Översikt: three SfH areas with each indicator at a glance; "Vad sticker ut" beside them. */
public final class OverviewView {
    private final WorkbookViewModel session;
    private final OverviewViewModel vm;
    private final Consumer<String> openIndicator;
    private final Texts t;

    public OverviewView(WorkbookViewModel session, Consumer<String> openIndicator) {
        this.session = session;
        this.vm = new OverviewViewModel(session);
        this.openIndicator = openIndicator;
        this.t = session.texts();
    }

    public Node node() {
        VBox areas = new VBox(18);
        areas.setPadding(new Insets(16));
        areas.getChildren().add(Ui.heading(t.get("overview.title")));
        Label intro = new Label(t.get("overview.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        areas.getChildren().add(intro);
        for (SfhArea a : SfhArea.values()) {
            VBox section = new VBox(6);
            section.getStyleClass().add("area-card");
            Label h = new Label(a.title());
            h.getStyleClass().add("subheading");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("overview-grid");
            grid.setHgap(14);
            grid.setVgap(4);
            grid.getColumnConstraints().addAll(new ColumnConstraints(160, 250, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true),
                    fitted(), fitted(), fitted(), new ColumnConstraints(92));
            fill(grid, vm.rows(a));
            vm.rows(a).addListener((ListChangeListener<IndicatorRow>) c -> fill(grid, vm.rows(a)));
            vm.loadedProperty().addListener((o, was, now) -> fill(grid, vm.rows(a)));
            section.getChildren().addAll(h, grid);
            areas.getChildren().add(section);
        }
        ScrollPane left = new ScrollPane(areas);
        left.setFitToWidth(true);
        left.getStyleClass().add("initial-focus");

        ListView<OverviewViewModel.Highlight> list = new ListView<>(vm.highlights());
        list.setId("highlights");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OverviewViewModel.Highlight h, boolean empty) {
                super.updateItem(h, empty);
                if (empty || h == null) {
                    setText(null);
                    getStyleClass().remove("worse");
                    return;
                }
                setText(h.text());
                setWrapText(true);
                setPrefWidth(0);
                if (h.worse()) getStyleClass().add("worse"); else getStyleClass().remove("worse");
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                openIndicator.accept(list.getSelectionModel().getSelectedItem().indicatorId());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                openIndicator.accept(list.getSelectionModel().getSelectedItem().indicatorId());
            }
        });
        Label placeholder = new Label();
        placeholder.setId("highlightsPlaceholder");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadedProperty())
                .then(t.get("overview.noHighlights")).otherwise(t.get("overview.loading")));
        list.setPlaceholder(placeholder);
        Label hl = Ui.labelFor(t.get("overview.highlights"), list);
        hl.getStyleClass().add("subheading");
        VBox right = new VBox(8, hl, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        right.setPadding(new Insets(16));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.68);
        return split;
    }

    private void fill(GridPane grid, java.util.List<IndicatorRow> rows) {
        grid.getChildren().clear();
        int r = 0;
        grid.addRow(r++, head(t.get("col.indicator")), head(t.get("col.latest")), head(t.get("col.change")),
                head(t.get("col.targetStatus")), head(t.get("col.trend")));
        for (IndicatorRow row : rows) {
            Hyperlink link = new Hyperlink(row.title());
            link.setWrapText(true);
            link.setOnAction(e -> openIndicator.accept(row.id()));
            Ui.tip(link, row.indicator().title() + " (" + row.id() + ")");
            // value, unit and change as the plan writes them: "2 532 (2025, antal)", "−5,9 p.e. sedan 2022 (osäker)"
            // (two lines each, so the target status and the curve stay in view at the default size)
            String unitNote = se.halsolage.analysis.Texts.unitNote(row.indicator().unit());
            Label value = new Label(row.latestValue() + (row.period().isEmpty() ? "" : " (" + row.period() + ")")
                    + (unitNote.isEmpty() ? "" : "\n" + unitNote.substring(2)));
            value.setId("overviewValue-" + row.id());
            Label change = new Label(row.changePhrase() == null ? "–" : twoLines(row.changePhrase()));
            change.setId("overviewChange-" + row.id());
            if (row.verdict() == se.halsolage.analysis.Verdict.SAMRE) change.getStyleClass().add("worse");
            else if (row.verdict() == se.halsolage.analysis.Verdict.OSAKER) change.getStyleClass().add("uncertain");
            else if (row.verdict() == se.halsolage.analysis.Verdict.BATTRE) change.getStyleClass().add("better");
            Label status = new Label(row.targetStatus().isEmpty() ? t.get("overview.noTarget") : row.targetStatus());
            status.getStyleClass().add("status");
            Node spark = Ui.sparkline(row.trend(), 90, 22);
            Ui.tip(spark, t.get("overview.sparkTip"));
            // the numbers are never cut to "6,3 % (20…": their columns are as wide as their text at
            // any text size, and the name column wraps instead
            for (Label l : java.util.List.of(value, change, status)) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(r++, link, value, change, status, spark);
            GridPane.setValignment(spark, javafx.geometry.VPos.CENTER);
        }
        if (rows.isEmpty()) {
            Label empty = new Label(vm.loadedProperty().get() ? t.get("overview.empty") : t.get("overview.loading"));
            empty.getStyleClass().add(vm.loadedProperty().get() ? "muted" : "loading");
            grid.addRow(r, empty);
        }
        grid.setAlignment(Pos.TOP_LEFT);
    }

    /** "−5,9 p.e. sedan 2021 (osäker)" as "−5,9 p.e. sedan 2021" over "(osäker)": the plan's words, on two lines. */
    static String twoLines(String phrase) {
        int at = phrase.lastIndexOf(" (");
        return at < 0 ? phrase : phrase.substring(0, at) + "\n" + phrase.substring(at + 1);
    }

    /** A column as wide as its widest cell (value, change, target status). */
    private static ColumnConstraints fitted() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        c.setHgrow(Priority.NEVER);
        return c;
    }

    private static Label head(String s) {
        Label l = new Label(s);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("column-head");
        return l;
    }
}
