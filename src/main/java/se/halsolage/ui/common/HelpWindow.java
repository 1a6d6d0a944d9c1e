package se.halsolage.ui.common;

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
public final class HelpWindow {
    static final String GUIDE = "/se/halsolage/ui/user-guide.md";

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

    /** The guide's section for each view (F1 opens the guide there): the start of its heading. */
    static final java.util.Map<String, String> SECTION_BY_VIEW = java.util.Map.of(
            "overview", "3. Se vad som har hänt",
            "indicators", "3. Se vad som har hänt",
            "initiatives", "4. Uppdatera insatserna",
            "targets", "5. Sätt och följ upp mål",
            "import", "2. Läs in skolenkäter och andra filer",
            "kolada", "1. Hämta nya värden från Kolada",
            "report", "6. Skapa folkhälsoplanen",
            "story", "7. Berätta för politiken");

    private static Stage open;

    public static void showGuide(Window owner, Texts t) {
        showGuide(owner, t, null);
    }

    /**
     * The user guide, scrolled to the section of {@code view} (null: the top), with a search field:
     * typing shows only the paragraphs that contain every word typed, under their headings.
     */
    public static Stage showGuide(Window owner, Texts t, String view) {
        if (open != null) open.close();
        List<Node> nodes = render(guideText());
        VBox box = new VBox(8);
        box.setPadding(new Insets(18));
        box.getChildren().addAll(nodes);
        box.setMaxWidth(760);
        box.setId("helpContent");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId("helpScroll");
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("helpSearch");
        search.setPromptText(t.get("help.searchPrompt"));
        search.setAccessibleText(t.get("help.search"));
        Label hits = new Label();
        hits.setId("helpHits");
        hits.getStyleClass().add("muted");
        hits.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox.setHgrow(search, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(8, Ui.labelFor(t.get("help.search"), search), search, hits);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 18, 10, 18));
        search.textProperty().addListener((o, a, b) -> filter(nodes, b, hits, t));
        javafx.scene.layout.BorderPane pane = new javafx.scene.layout.BorderPane(scroll);
        pane.setTop(top);
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(t.get("menu.guide"));
        Scene scene = new Scene(pane, 820, 720);
        scene.getStylesheets().add(HelpWindow.class.getResource("/se/halsolage/ui/halsolage.css").toExternalForm());
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                // Esc empties the search first, then closes
                if (!search.getText().isEmpty()) search.clear(); else s.close();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                search.requestFocus();
                e.consume();
            }
        });
        s.setScene(scene);
        s.setOnHidden(e -> {
            if (open == s) open = null;
        });
        open = s;
        s.show();
        Node section = section(nodes, view);
        if (section != null) {
            s.setTitle(t.get("menu.guide") + " – " + ((Label) section).getText());
            javafx.application.Platform.runLater(() -> scrollTo(scroll, box, section));
        }
        search.requestFocus();
        return s;
    }

    /** The heading of {@code view}'s section, or null. */
    static Node section(List<Node> nodes, String view) {
        String heading = view == null ? null : SECTION_BY_VIEW.get(view);
        if (heading == null) return null;
        for (Node n : nodes) {
            if (n instanceof Label l && l.getStyleClass().contains("help-h2") && l.getText().startsWith(heading)) return n;
        }
        return null;
    }

    private static void scrollTo(ScrollPane scroll, VBox box, Node target) {
        box.applyCss();
        box.layout();
        double content = box.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        double y = target.getBoundsInParent().getMinY();
        scroll.setVvalue(content <= viewport ? 0 : Math.min(1, y / (content - viewport)));
    }

    /** Shows only the text blocks containing every word of {@code query}, with the headings above them. */
    static int filter(List<Node> nodes, String query, Label hits, Texts t) {
        String[] words = query == null ? new String[0] : query.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+");
        boolean all = words.length == 0 || words[0].isEmpty();
        int found = 0;
        for (Node n : nodes) {
            Label l = (Label) n;
            if (l.getStyleClass().contains("help-h1") || l.getStyleClass().contains("help-h2")) {
                show(n, all);
                continue;
            }
            String text = l.getText().toLowerCase(java.util.Locale.ROOT);
            boolean match = all || java.util.Arrays.stream(words).allMatch(text::contains);
            show(n, match);
            if (match && !all) found++;
        }
        // only the nearest headings: a heading is shown when a block after it (before the next heading) matched
        if (!all) {
            Node lastHeading = null;
            boolean any = false;
            for (Node n : nodes) {
                Label l = (Label) n;
                if (l.getStyleClass().contains("help-h1") || l.getStyleClass().contains("help-h2")) {
                    if (lastHeading != null) show(lastHeading, any);
                    lastHeading = n;
                    any = false;
                } else if (n.isVisible()) {
                    any = true;
                }
            }
            if (lastHeading != null) show(lastHeading, any);
        }
        hits.setText(all ? "" : found == 0 ? t.get("help.noHits") : t.get("help.hits", found));
        return found;
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    static String version() {
        String v = HelpWindow.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0 (utvecklingsversion)" : v;
    }

    public static void showAbout(Window owner, Texts t) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(t.get("menu.about"));
        a.setHeaderText("Hälsoläge " + version());
        a.setContentText(t.get("about.text", System.getProperty("java.version"), System.getProperty("javafx.version")));
        a.showAndWait();
    }
}
