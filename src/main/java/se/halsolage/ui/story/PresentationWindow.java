package se.halsolage.ui.story;

import se.halsolage.ui.common.Texts;

import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import se.halsolage.domain.Slide;

import java.util.List;

/**
 * Presents a story: one slide at a time, full screen on the chosen screen; a presenter view with the
 * next slide and the notes on the laptop screen. ←/→, PageUp/PageDown, Space; B black; Esc leaves.
 */
public final class PresentationWindow {
    private final PresenterModel model;
    private final SlideRenderer renderer;
    private final Stage show = new Stage();
    private final Stage presenter = new Stage();
    private final StackPane slidePane = new StackPane();
    private final StackPane nextPane = new StackPane();
    private final Label notes = new Label();
    private final Label position = new Label();
    private final StackPane currentSmall = new StackPane();
    private final Label timer = new Label();
    private final javafx.animation.Timeline ticker = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
    private final boolean withPresenterView;
    private boolean fullScreen;

    private final Texts t;

    /** {@code renderer} holds the slides' charts, read beforehand on the task runner ({@link SlideRenderer#prepare}). */
    PresentationWindow(Window owner, SlideRenderer renderer, List<Slide> slides, Screen screen, boolean withPresenterView, Texts t) {
        this.t = t;
        this.withPresenterView = withPresenterView;
        this.model = new PresenterModel(slides);
        this.renderer = renderer;
        slidePane.getStyleClass().add("presentation");
        slidePane.setPadding(new Insets(40));
        Scene scene = new Scene(slidePane, 1280, 720);
        scene.getStylesheets().add(PresentationWindow.class.getResource("/se/halsolage/ui/halsolage.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        show.setScene(scene);
        show.setTitle(t.get("present.title"));
        show.initOwner(owner);
        Rectangle2D b = screen.getBounds();
        show.setX(b.getMinX());
        show.setY(b.getMinY());
        show.setWidth(b.getWidth());
        show.setHeight(b.getHeight());
        show.setFullScreenExitHint("");
        show.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        show.setOnHidden(e -> {
            ticker.stop();
            presenter.close();
        });

        {
            // the presenter view is always built: with two screens it opens beside the slides, and on
            // one screen P switches between the slides and it
            timer.setId("presenterTimer");
            timer.getStyleClass().add("presenter-timer");
            notes.setWrapText(true);
            notes.getStyleClass().add("presenter-notes");
            notes.setId("presenterNotes");
            position.getStyleClass().add("subheading");
            position.setId("presenterPosition");
            currentSmall.setPrefSize(NOW_W + 16, NOW_W * 9 / 16 + 16);
            nextPane.setPrefSize(NEXT_W + 16, NEXT_W * 9 / 16 + 16);
            currentSmall.getStyleClass().add("presenter-slide");
            nextPane.getStyleClass().add("presenter-slide");
            Label nowLabel = new Label(t.get("present.now"));
            Label nextLabel = new Label(t.get("present.next"));
            VBox now = new VBox(6, nowLabel, currentSmall);
            VBox next = new VBox(6, nextLabel, nextPane);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(16, now, next);
            Label help = new Label(t.get("present.keys"));
            help.getStyleClass().add("muted");
            help.setWrapText(true);
            // the slide number and the clock are never cut to "Bild..."/"Tid ..."; the key help wraps instead
            position.setMinWidth(Region.USE_PREF_SIZE);
            timer.setMinWidth(Region.USE_PREF_SIZE);
            VBox box = new VBox(12, new HBox(16, position, timer, grow, help), top, new Label(t.get("present.notes")), notes);
            VBox.setVgrow(notes, Priority.ALWAYS);
            box.setPadding(new Insets(16));
            BorderPane pane = new BorderPane(box);
            Scene ps = new Scene(pane, 960, 640);
            ps.getStylesheets().add(PresentationWindow.class.getResource("/se/halsolage/ui/halsolage.css").toExternalForm());
            ps.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
            presenter.setScene(ps);
            presenter.setTitle(t.get("present.presenterTitle"));
            presenter.initOwner(owner);
            presenter.setOnCloseRequest(e -> {
                // closing the presenter view on one screen goes back to the slides, not out of the show
                e.consume();
                if (model.presenterInFrontProperty().get()) togglePresenter();
                else presenter.hide();
            });
        }
        ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        model.indexProperty().addListener((o, a, c) -> update());
        model.blackProperty().addListener((o, a, c) -> update());
        update();
    }

    public PresenterModel model() {
        return model;
    }

    public Stage stage() {
        return show;
    }

    void open(boolean fullScreen) {
        this.fullScreen = fullScreen;
        if (withPresenterView) presenter.show();
        show.show();
        if (fullScreen) show.setFullScreen(true);
        show.toFront();
        show.requestFocus();
        model.resetTimer();
        tick();
        ticker.play();
    }

    public Stage presenterStage() {
        return presenter;
    }

    /** The presenter view follows the main window's text size (e.g. 19,5 px for 150 %); the slides scale with their screen. */
    void textSize(double px) {
        presenter.getScene().getRoot().setStyle("-fx-font-size: " + px + "px;");
    }

    /**
     * P: the presenter view in front of the slides, or back. On one screen the full-screen slides
     * hide every other window, so the slides leave full screen while the presenter view is shown.
     */
    void togglePresenter() {
        boolean toPresenter = !model.presenterInFrontProperty().get();
        model.presenterInFrontProperty().set(toPresenter);
        if (toPresenter) {
            if (show.isFullScreen()) show.setFullScreen(false);
            if (!presenter.isShowing()) presenter.show();
            presenter.toFront();
            presenter.requestFocus();
        } else {
            if (!withPresenterView) presenter.hide();
            if (fullScreen) show.setFullScreen(true);
            show.toFront();
            show.requestFocus();
        }
    }

    private void tick() {
        timer.setText(t.get("present.timer", PresenterModel.clock(model.elapsedSeconds())));
    }

    void key(KeyEvent e) {
        KeyCode c = e.getCode();
        switch (c) {
            case RIGHT, PAGE_DOWN, SPACE, DOWN, ENTER -> model.forward();
            case LEFT, PAGE_UP, UP, BACK_SPACE -> model.back();
            case B, PERIOD -> model.toggleBlack();
            case ESCAPE -> close();
            case P -> togglePresenter();
            case T -> {
                model.resetTimer();
                tick();
            }
            case HOME -> {
                while (model.back()) { /* to the first slide */ }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    public void close() {
        ticker.stop();
        presenter.close();
        show.close();
    }

    /** Widths of the presenter view's pictures of the current and the next slide. */
    private static final double NOW_W = 520, NEXT_W = 340;

    private void update() {
        if (model.blackProperty().get()) {
            Region black = new Region();
            black.setId("blackScreen");
            black.setStyle("-fx-background-color: black;");
            slidePane.getChildren().setAll(black);
            slidePane.setStyle("-fx-background-color: black;");
        } else {
            slidePane.setStyle("");
            Node n = renderer.render(model.current(), true);
            slidePane.getChildren().setAll(n);
        }
        position.setText(t.get("present.position", model.indexProperty().get() + 1, model.size())
                + (model.blackProperty().get() ? " " + t.get("present.black") : ""));
        Slide s = model.current();
        notes.setText(s.notes() == null || s.notes().isBlank() ? t.get("present.noNotes") : s.notes());
        currentSmall.getChildren().setAll(renderer.render(s, false, NOW_W));
        Slide n = model.next();
        nextPane.getChildren().setAll(n == null ? new Label(t.get("present.end")) : renderer.render(n, false, NEXT_W));
    }
}
