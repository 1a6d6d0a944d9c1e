package se.halsolage.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The benchmark's reference for cold start: the barest JavaFX window (one label), started the same way
 * as the application. When its stage is first shown it prints {@code FIRST_WINDOW_SHOWN <ms since JVM start>}
 * and exits. Not a class extending Application as main class, so it runs from the class path.
 */
public final class BareWindow {
    /** The line the benchmark reads; the application prints the same with -Dhalsolage.startupProbe=true. */
    public static final String PROBE_LINE = "FIRST_WINDOW_SHOWN";

    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** Milliseconds since the JVM started, as the probe line reports them. */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hälsoläge")), 400, 300));
            stage.setTitle("Hälsoläge");
            stage.setOnShown(e -> {
                System.out.println(PROBE_LINE + " " + sinceJvmStart());
                System.out.flush();
                Platform.exit();
            });
            stage.show();
        }
    }
}
