package se.halsolage.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

class MonocleSmokeTest extends ApplicationTest {
    Button b;
    @Override
    public void start(Stage stage) {
        b = new Button("Hej");
        b.setOnAction(e -> b.setText("Klickad"));
        stage.setScene(new Scene(b, 200, 100));
        stage.show();
    }

    @Test
    void clicks() {
        clickOn(b);
        assertThat(b.getText()).isEqualTo("Klickad");
    }
}
