package se.halsolage.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Hjälp menu: the user guide (docs/user-guide.md, bundled) and "Om Hälsoläge". */
final class HelpWindow {
    static final String GUIDE = "user-guide.md";

    private HelpWindow() {
    }

    static String guideText() {
        try (InputStream in = HelpWindow.class.getResourceAsStream(GUIDE)) {
            if (in == null) return "# Användarguide\n\nGuiden saknas i programmet.";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders simple Markdown (headings, lists, paragraphs) as labels. */
    static List<Node> render(String markdown) {
        List<Node> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String raw : markdown.split("\\R")) {
            String line = raw.stripTrailing();
            if (line.isBlank() || line.startsWith("#") || line.startsWith("- ") || line.matches("^\\d+\\. .*")
                    || line.startsWith("![")) {
                flush(para, out);
            }
            if (line.isBlank() || line.startsWith("![")) continue;
            if (line.startsWith("#")) {
                int level = (int) line.chars().takeWhile(c -> c == '#').count();
                Label l = new Label(plain(line.substring(level).strip()));
                l.getStyleClass().add(level == 1 ? "help-h1" : "help-h2");
                l.setWrapText(true);
                out.add(l);
            } else if (line.startsWith("- ")) {
                out.add(wrap("•  " + plain(line.substring(2)), "help-item"));
            } else if (line.matches("^\\d+\\. .*")) {
                out.add(wrap(plain(line), "help-item"));
            } else {
                if (!para.isEmpty()) para.append(' ');
                para.append(line.strip());
            }
        }
        flush(para, out);
        return out;
    }

    private static void flush(StringBuilder para, List<Node> out) {
        if (!para.isEmpty()) {
            out.add(wrap(plain(para.toString()), "help-text"));
            para.setLength(0);
        }
    }

    private static Label wrap(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private static String plain(String s) {
        return s.replace("**", "").replace("`", "").replaceAll("\\[([^]]+)]\\([^)]+\\)", "$1");
    }

    static void showGuide(Window owner, Texts t) {
        VBox box = new VBox(8);
        box.setPadding(new Insets(18));
        box.getChildren().addAll(render(guideText()));
        box.setMaxWidth(760);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(t.get("menu.guide"));
        Scene scene = new Scene(scroll, 800, 700);
        scene.getStylesheets().add(HelpWindow.class.getResource("halsolage.css").toExternalForm());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) s.close();
        });
        s.setScene(scene);
        s.show();
    }

    static String version() {
        String v = HelpWindow.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0 (utvecklingsversion)" : v;
    }

    static void showAbout(Window owner, Texts t) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(t.get("menu.about"));
        a.setHeaderText("Hälsoläge " + version());
        a.setContentText(t.get("about.text", System.getProperty("java.version"), System.getProperty("javafx.version")));
        a.showAndWait();
    }
}
