package se.halsolage.ui.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cold-start warm-up list must match the code: regenerate it with installer/startup-classes.sh when this fails. */
class StartupWarmupTest {

    @Test
    void everyListedClassExists() {
        List<String> names = StartupWarmup.classNames();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            try {
                Class.forName(n, false, StartupWarmupTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(n);
            }
        }
        assertThat(missing).as("classes in startup-classes.txt that no longer exist (run installer/startup-classes.sh)")
                .isEmpty();
    }

    @Test
    void listHoldsWhatTheFirstWindowNeedsBeyondABareWindow() {
        List<String> names = StartupWarmup.classNames();
        assertThat(names).hasSizeGreaterThan(100)
                .contains("se.halsolage.ui.app.HalsolageApp", "javafx.scene.control.MenuBar", "javafx.scene.control.ToggleButton")
                // recorded as the difference to ui.BareWindow: JavaFX's own start-up is not in it
                .doesNotContain("javafx.stage.Stage", "javafx.scene.Scene", "javafx.scene.control.Label")
                .doesNotHaveDuplicates()
                .noneMatch(n -> n.contains("$$Lambda") || n.startsWith("jdk.proxy"));
    }
}
