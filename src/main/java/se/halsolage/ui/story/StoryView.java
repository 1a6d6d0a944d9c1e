package se.halsolage.ui.story;

import se.halsolage.ui.common.IndicatorPicker;
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
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Slide;
import se.halsolage.domain.Story;

import java.util.List;

/** Berättelse (workshop mode): build a story of chart and text slides, present it, export it. */
public final class StoryView {
    static final List<String> CHART_KINDS = List.of("TREND", "GENDER", "GAP", "OVERVIEW", "RANKING", "PROFILE", "MAP");
    private final WorkbookViewModel session;
    private final StoryViewModel vm;
    private final Texts t;
    private final ComboBox<Screen> screens = new ComboBox<>();
    private final CheckBox presenterView = new CheckBox();
    private PresentationWindow current;
    /** Indicator titles by id for the slide list, read on the task runner with the form's indicator list. */
    private final java.util.Map<String, String> titles = new java.util.HashMap<>();
    private ListView<Slide> slideList;

    public StoryView(WorkbookViewModel session, StoryViewModel vm) {
        this.session = session;
        this.vm = vm;
        this.t = session.texts();
    }

    public StoryViewModel model() {
        return vm;
    }

    /** The running presentation, or null (for tests). */
    public PresentationWindow presentation() {
        return current;
    }

    public Node node() {
        ListView<Story> stories = new ListView<>(vm.stories());
        stories.setId("storyList");
        stories.getStyleClass().add("initial-focus");
        stories.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Story s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name() + " (" + s.slides().size() + ")");
            }
        });
        stories.setPlaceholder(new Label(t.get("story.none")));
        stories.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && vm.selectedProperty().get() != b) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && stories.getSelectionModel().getSelectedItem() != b) stories.getSelectionModel().select(b);
        });
        Button create = new Button(t.get("story.new"));
        create.setId("newStory");
        create.setOnAction(e -> {
            TextInputDialog d = new TextInputDialog(t.get("story.defaultName", session.plan() == null ? "" : String.valueOf(session.plan().planYear())));
            d.setTitle(t.get("story.new"));
            d.setHeaderText(t.get("story.nameQuestion"));
            d.showAndWait().ifPresent(name -> {
                String p = guardedString(() -> vm.create(name));
                if (p != null) session.dialogs().showError(t.get("story.new"), p);
            });
        });
        Button delete = new Button(t.get("story.delete"));
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> {
            if (session.dialogs().confirm(t.get("story.delete"), t.get("story.deleteQuestion", vm.selectedProperty().get().name()))) {
                guarded(vm::deleteSelected);
            }
        });
        VBox left = new VBox(8, Ui.heading(t.get("nav.story").replace("_", "")), Ui.labelFor(t.get("story.stories"), stories),
                stories, Ui.locked(session, new HBox(8, create, delete)));
        VBox.setVgrow(stories, Priority.ALWAYS);
        left.setPadding(new Insets(12));

        ListView<Slide> slides = new ListView<>(vm.slides());
        slides.setId("slideList");
        slideList = slides;
        slides.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Slide s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                String what = s.kind() == Slide.Kind.CHART ? t.get("story.chartSlide", indicatorTitle(s.indicatorId()), chartKindLabel(s.chartKind()))
                        : t.get("story.textSlide");
                setText((getIndex() + 1) + ". " + (s.title() == null || s.title().isBlank() ? "" : s.title() + " – ") + what);
            }
        });
        slides.setPlaceholder(new Label(t.get("story.noSlides")));
        Button up = new Button(t.get("story.up"));
        Button down = new Button(t.get("story.down"));
        Button remove = new Button(t.get("story.remove"));
        for (Button b : List.of(up, down, remove)) b.disableProperty().bind(slides.getSelectionModel().selectedItemProperty().isNull());
        up.setOnAction(e -> moveSelected(slides, -1));
        down.setOnAction(e -> moveSelected(slides, +1));
        remove.setOnAction(e -> guarded(() -> vm.remove(slides.getSelectionModel().getSelectedIndex())));
        slides.setOnKeyPressed(e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.UP) moveSelected(slides, -1);
            else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) moveSelected(slides, +1);
            else if (e.getCode() == KeyCode.DELETE && slides.getSelectionModel().getSelectedIndex() >= 0) remove.fire();
        });
        TextArea slideNotes = new TextArea();
        slideNotes.setPrefRowCount(3);
        slideNotes.setWrapText(true);
        slideNotes.setPromptText(t.get("story.notesPrompt"));
        slideNotes.setId("slideNotes");
        // nothing typed is lost: when another slide (or story) is chosen, notes typed for the slide
        // shown until now are saved to that slide, not to the one clicked
        slides.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            String typed = slideNotes.getText() == null ? "" : slideNotes.getText();
            if (shownIndex >= 0 && !typed.equals(shownNotes)) {
                long story = shownStory;
                int from = shownIndex;
                int to = slides.getSelectionModel().getSelectedIndex();
                javafx.application.Platform.runLater(() -> {
                    guarded(() -> vm.setNotes(story, from, typed));
                    session.dialogs().notify(t.get("story.notesSaved", from + 1));
                    if (to >= 0 && to < slides.getItems().size()) slides.getSelectionModel().select(to);
                });
            }
            shownStory = vm.selectedProperty().get() == null ? 0 : vm.selectedProperty().get().id();
            shownIndex = b == null ? -1 : slides.getSelectionModel().getSelectedIndex();
            shownNotes = b == null || b.notes() == null ? "" : b.notes();
            slideNotes.setText(shownNotes);
        });
        Button saveNotes = new Button(t.get("story.saveNotes"));
        saveNotes.disableProperty().bind(slides.getSelectionModel().selectedItemProperty().isNull());
        saveNotes.setOnAction(e -> saveSlideNotes(slides, slideNotes));

        screens.setConverter(Ui.converter(s -> {
            int i = Screen.getScreens().indexOf(s) + 1;
            return t.get("story.screen", i, (int) s.getBounds().getWidth(), (int) s.getBounds().getHeight())
                    + (s.equals(Screen.getPrimary()) ? " – " + t.get("story.primary") : "");
        }, ""));
        refreshScreens();
        presenterView.setText(t.get("story.presenterView"));
        presenterView.setId("presenterView");
        presenterView.setSelected(Screen.getScreens().size() > 1);
        Button present = new Button(t.get("story.present"));
        present.setId("presentStory");
        present.getStyleClass().add("accent");
        present.disableProperty().bind(vm.selectedProperty().isNull());
        present.setOnAction(e -> present());
        Button export = new Button(t.get("story.export"));
        export.setId("exportStory");
        export.disableProperty().bind(vm.selectedProperty().isNull());
        export.setOnAction(e -> exportPptx());
        HBox presentRow = new HBox(8, Ui.labelFor(t.get("story.screenLabel"), screens), screens, presenterView);
        VBox middle = new VBox(8, Ui.labelFor(t.get("story.slides"), slides), slides, Ui.locked(session, new HBox(8, up, down, remove)),
                Ui.labelFor(t.get("story.notes"), slideNotes), slideNotes, Ui.locked(session, new HBox(saveNotes)), presentRow, new HBox(8, present, export));
        VBox.setVgrow(slides, Priority.ALWAYS);
        middle.setPadding(new Insets(12));

        SplitPane split = new SplitPane(left, middle, addSlideForm());
        split.setDividerPositions(0.22, 0.62);
        split.getProperties().put("vm", vm);
        split.getProperties().put("view", this);
        return split;
    }

    private long shownStory;
    private int shownIndex = -1;
    private String shownNotes = "";

    private void saveSlideNotes(ListView<Slide> slides, TextArea slideNotes) {
        int i = slides.getSelectionModel().getSelectedIndex();
        Slide s = slides.getSelectionModel().getSelectedItem();
        String typed = slideNotes.getText() == null ? "" : slideNotes.getText();
        if (i < 0 || s == null || typed.equals(s.notes() == null ? "" : s.notes())) return;
        shownNotes = typed;
        guarded(() -> vm.setNotes(i, typed));
        if (i < slides.getItems().size()) slides.getSelectionModel().select(i);
        session.dialogs().notify(t.get("story.notesSaved", i + 1));
    }

    private String indicatorTitle(String id) {
        return titles.getOrDefault(id, id);
    }

    /**
     * Reads the workbook's indicators on the task runner (never on the FX thread: an import may hold the
     * workbook), then fills the form's list and the slide list's titles. The list says "Läser …" meanwhile.
     */
    private void loadIndicators(ComboBox<Indicator> indicator) {
        se.halsolage.workbook.Workbook wb = session.workbook();
        if (wb == null) return;
        if (indicator.getItems().isEmpty()) indicator.setPromptText(t.get("story.readingIndicators"));
        session.runner().run(t.get("story.readingIndicators"), p -> wb.indicators().all(), list -> {
            indicator.setPromptText(t.get("picker.prompt"));
            if (session.workbook() != wb) return;
            titles.clear();
            for (Indicator i : list) titles.put(i.id(), i.displayTitle());
            indicator.getItems().setAll(list);
            if (slideList != null) slideList.refresh();
        }, e -> {
            indicator.setPromptText(t.get("picker.prompt"));
            session.dialogs().showError(t.get("story.indicator"), session.message(e));
        });
    }

    private String chartKindLabel(String kind) {
        return t.get("chartKind." + (kind == null ? "TREND" : kind));
    }

    private void refreshScreens() {
        screens.getItems().setAll(Screen.getScreens());
        Screen pick = Screen.getScreens().stream().filter(s -> !s.equals(Screen.getPrimary())).findFirst().orElse(Screen.getPrimary());
        screens.setValue(pick);
    }

    private void moveSelected(ListView<Slide> slides, int delta) {
        int i = slides.getSelectionModel().getSelectedIndex();
        if (i < 0 || i + delta < 0 || i + delta >= vm.slides().size()) return;
        guarded(() -> vm.move(i, delta));
        slides.getSelectionModel().select(i + delta);
    }

    private Node addSlideForm() {
        ComboBox<Indicator> indicator = IndicatorPicker.create("slideIndicator", t.get("picker.prompt"), 320);
        session.versionProperty().addListener((o, a, b) -> loadIndicators(indicator));
        loadIndicators(indicator);
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().addAll(CHART_KINDS);
        kind.setConverter(Ui.converter(this::chartKindLabel, ""));
        kind.setValue("TREND");
        kind.setId("slideChartKind");
        TextField title = new TextField();
        title.setPromptText(t.get("story.titlePrompt"));
        TextArea notes = new TextArea();
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.setPromptText(t.get("story.notesPrompt"));
        notes.setId("newSlideNotes");
        Button suggest = new Button(t.get("story.suggestNotes"));
        suggest.setId("suggestNotes");
        suggest.disableProperty().bind(indicator.valueProperty().isNull());
        String[] suggested = {null};
        suggest.setOnAction(e -> {
            se.halsolage.workbook.Workbook wb = session.workbook();
            String id = indicator.getValue().id();
            String k = kind.getValue();
            // read on the task runner; shown only if the same chart is still chosen when it is ready
            session.runner().run(t.get("story.suggestNotes"), p -> SlideNotes.suggest(wb, id, k), text -> {
                if (session.workbook() != wb || indicator.getValue() == null || !id.equals(indicator.getValue().id())
                        || !java.util.Objects.equals(k, kind.getValue())) return;
                suggested[0] = text;
                notes.setText(text);
            }, ex -> session.dialogs().showError(t.get("story.suggestNotes"), session.message(ex)));
        });
        // notes suggested for one chart do not go with another: a changed chart kind or indicator
        // takes the suggestion away (an empty field gets the right suggestion when the slide is added)
        javafx.beans.InvalidationListener forget = o -> {
            if (suggested[0] != null && suggested[0].equals(notes.getText())) notes.clear();
            suggested[0] = null;
        };
        kind.valueProperty().addListener(forget);
        indicator.valueProperty().addListener(forget);
        Button addChart = new Button(t.get("story.addChart"));
        addChart.setId("addChartSlide");
        addChart.disableProperty().bind(indicator.valueProperty().isNull().or(vm.selectedProperty().isNull()));
        addChart.setOnAction(e -> {
            String id = indicator.getValue().id();
            String k = kind.getValue();
            String ti = title.getText().isBlank() ? null : title.getText();
            String typed = notes.getText();
            title.clear();
            notes.clear();
            if (!typed.isBlank()) {
                guarded(() -> vm.addChart(id, k, ti, typed));
                return;
            }
            // empty notes get the suggestion, read on the task runner; the slide is added when it is ready
            se.halsolage.workbook.Workbook wb = session.workbook();
            session.runner().run(t.get("story.addChart"), p -> SlideNotes.suggest(wb, id, k), n -> {
                if (session.workbook() == wb) guarded(() -> vm.addChart(id, k, ti, n));
            }, ex -> session.dialogs().showError(t.get("error.edit"), session.message(ex)));
        });
        GridPane chart = new GridPane();
        chart.setHgap(8);
        chart.setVgap(8);
        chart.addRow(0, Ui.labelFor(t.get("story.indicator"), indicator), indicator);
        chart.addRow(1, Ui.labelFor(t.get("story.chartKind"), kind), kind);
        chart.addRow(2, Ui.labelFor(t.get("story.slideTitle"), title), title);
        chart.addRow(3, Ui.labelFor(t.get("story.notes"), notes), notes);
        chart.add(Ui.locked(session, new HBox(8, suggest, addChart)), 1, 4);

        TextField textTitle = new TextField();
        textTitle.setId("textSlideTitle");
        TextArea body = new TextArea();
        body.setPrefRowCount(4);
        body.setWrapText(true);
        Button addText = new Button(t.get("story.addText"));
        addText.setId("addTextSlide");
        addText.disableProperty().bind(vm.selectedProperty().isNull().or(textTitle.textProperty().isEmpty()));
        addText.setOnAction(e -> {
            guarded(() -> vm.addText(textTitle.getText(), body.getText(), null));
            textTitle.clear();
            body.clear();
        });
        GridPane text = new GridPane();
        text.setHgap(8);
        text.setVgap(8);
        text.addRow(0, Ui.labelFor(t.get("story.slideTitle"), textTitle), textTitle);
        text.addRow(1, Ui.labelFor(t.get("story.body"), body), body);
        text.add(addText, 1, 2);
        VBox box = new VBox(10, Ui.heading(t.get("story.addChartHeading")), chart, Ui.heading(t.get("story.addTextHeading")), text);
        box.setPadding(new Insets(12));
        return box;
    }

    /** Starts the presentation of the selected story on the chosen screen. */
    public void present() {
        Story s = vm.selectedProperty().get();
        if (s == null) {
            session.dialogs().showError(t.get("story.present"), t.get("story.chooseFirst"));
            return;
        }
        if (s.slides().isEmpty()) {
            session.dialogs().showError(t.get("story.present"), t.get("story.empty"));
            return;
        }
        refreshScreens();
        Screen screen = screens.getValue() == null ? Screen.getPrimary() : screens.getValue();
        boolean withPresenter = presenterView.isSelected();
        se.halsolage.workbook.Workbook wb = session.workbook();
        // the charts are read on the task runner; the show opens when they are ready
        session.runner().run(t.get("story.preparing"), p -> SlideRenderer.prepare(wb, s.slides()), renderer -> {
            if (session.workbook() != wb) return;
            current = new PresentationWindow(null, renderer, s.slides(), screen, withPresenter, t);
            current.textSize(Ui.rootFontSize(screens));
            current.open(!Boolean.getBoolean("halsolage.test"));
        }, e -> session.dialogs().showError(t.get("story.present"), session.message(e)));
    }

    private void exportPptx() {
        Story s = vm.selectedProperty().get();
        if (s == null) return;
        if (s.slides().isEmpty()) {
            session.dialogs().showError(t.get("story.export"), t.get("story.empty"));
            return;
        }
        session.dialogs().chooseSaveFile(t.get("story.export"), s.name() + ".pptx", t.get("story.pptxFilter"), "*.pptx")
                .ifPresent(p -> vm.export(s, p.toString().toLowerCase().endsWith(".pptx") ? p : java.nio.file.Path.of(p + ".pptx")));
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            session.dialogs().showError(t.get("error.edit"), session.message(e));
        }
    }

    private String guardedString(java.util.function.Supplier<String> r) {
        try {
            return r.get();
        } catch (RuntimeException e) {
            return session.message(e);
        }
    }
}
