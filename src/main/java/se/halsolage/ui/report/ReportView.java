package se.halsolage.ui.report;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.Ui;
import se.halsolage.ui.common.WorkbookViewModel;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.halsolage.report.GroupBy;
import se.halsolage.report.OutlineEntry;
import se.halsolage.report.ReportPart;

import java.nio.file.Path;

/** Rapport: parts to include, live outline, Generate with progress and cancel, Open in the word processor. */
public final class ReportView {
    private final WorkbookViewModel session;
    private final ReportViewModel vm;
    private final Texts t;

    public ReportView(WorkbookViewModel session) {
        this.session = session;
        this.vm = new ReportViewModel(session);
        this.t = session.texts();
    }

    public Node node() {
        VBox partsBox = new VBox(6);
        boolean first = true;
        for (ReportPart p : vm.allParts()) {
            CheckBox c = new CheckBox(p.label());
            c.setId("part-" + p.code());
            c.selectedProperty().bindBidirectional(vm.partProperty(p));
            if (first) c.getStyleClass().add("initial-focus");
            first = false;
            partsBox.getChildren().add(c);
        }
        TextField year = new TextField();
        year.setId("reportYear");
        year.setPrefColumnCount(5);
        year.textProperty().bindBidirectional(vm.yearProperty());
        ComboBox<GroupBy> group = new ComboBox<>();
        group.getItems().addAll(GroupBy.values());
        group.setConverter(Ui.converter(GroupBy::label, ""));
        group.valueProperty().bindBidirectional(vm.groupByProperty());
        CheckBox pdf = new CheckBox(t.get("report.pdf"));
        pdf.setId("reportPdf");
        pdf.selectedProperty().bindBidirectional(vm.pdfProperty());
        Button generate = new Button(t.get("report.generate"));
        generate.setId("generateReport");
        generate.getStyleClass().add("accent");
        generate.disableProperty().bind(vm.runningProperty().or(session.workbookProperty().isNull()));
        generate.setOnAction(e -> {
            String name = vm.suggestedFileName();
            java.util.Optional<Path> out = session.dialogs().chooseSaveFile(t.get("report.saveTitle"), name,
                    t.get("report.filter"), "*.docx");
            out.ifPresent(p -> {
                Path file = p.toString().toLowerCase().endsWith(".docx") ? p : Path.of(p + ".docx");
                String problem = vm.generate(file);
                if (problem != null) session.dialogs().showError(t.get("report.failed"), problem);
            });
        });
        Button cancel = new Button(t.get("report.cancel"));
        cancel.setId("cancelReport");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button open = new Button(t.get("report.open"));
        open.setId("openReport");
        open.disableProperty().bind(vm.resultProperty().isNull().or(vm.runningProperty()));
        open.setOnAction(e -> vm.open());
        ProgressBar bar = new ProgressBar();
        bar.setId("reportProgress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label intro = new Label(t.get("report.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        VBox left = new VBox(10, Ui.heading(t.get("nav.report").replace("_", "")), intro,
                new Label(t.get("report.parts")), partsBox,
                new HBox(8, Ui.labelFor(t.get("report.year"), year), year),
                new HBox(8, Ui.labelFor(t.get("report.groupBy"), group), group),
                pdf, new HBox(8, generate, cancel, open), bar, message);
        left.setPadding(new Insets(12));

        ListView<OutlineEntry> outline = new ListView<>(vm.outline());
        outline.setId("reportOutline");
        outline.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OutlineEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    setStyle("");
                    return;
                }
                setText(e.text());
                setStyle("-fx-padding: 2 4 2 " + (4 + (e.level() - 1) * 20) + ";" + (e.level() == 1 ? "-fx-font-weight: bold;" : ""));
            }
        });
        outline.setPlaceholder(new Label(t.get("report.noOutline")));
        javafx.collections.transformation.FilteredList<ReportViewModel.IndicatorChoice> shown =
                new javafx.collections.transformation.FilteredList<>(vm.indicators(), c -> true);
        javafx.scene.control.TextField findIndicator = new javafx.scene.control.TextField();
        findIndicator.setId("reportIndicatorSearch");
        findIndicator.setPromptText(t.get("picker.prompt"));
        findIndicator.textProperty().addListener((o, a, b) -> shown.setPredicate(c -> c.matches(b)));
        ListView<ReportViewModel.IndicatorChoice> chosen = new ListView<>(shown);
        chosen.setId("reportIndicators");
        chosen.setCellFactory(v -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private ReportViewModel.IndicatorChoice bound;

            @Override
            protected void updateItem(ReportViewModel.IndicatorChoice c, boolean empty) {
                super.updateItem(c, empty);
                if (bound != null) box.selectedProperty().unbindBidirectional(bound.includedProperty());
                bound = null;
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                bound = c;
                box.selectedProperty().bindBidirectional(c.includedProperty());
                box.setText(c.title() + (c.source().isBlank() ? "" : " · " + c.source()) + " (" + c.id() + ") – "
                        + c.reasonProperty().get());
                box.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
                box.setMaxWidth(Double.MAX_VALUE);
                setPrefWidth(0); // never wider than the list: long names end in "…"
                box.setAccessibleText(c.title() + ", " + c.reasonProperty().get());
                setGraphic(box);
                setText(null);
            }
        });
        Button resetIndicators = new Button(t.get("report.resetIndicators"));
        resetIndicators.setId("resetIndicators");
        resetIndicators.setOnAction(e -> vm.resetIndicators());
        VBox right = new VBox(8, Ui.labelFor(t.get("report.outline"), outline), outline,
                Ui.labelFor(t.get("report.indicators"), chosen), findIndicator, chosen, resetIndicators);
        VBox.setVgrow(outline, Priority.ALWAYS);
        VBox.setVgrow(chosen, Priority.ALWAYS);
        right.setPadding(new Insets(12));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.45);
        split.getProperties().put("vm", vm);
        return split;
    }
}
