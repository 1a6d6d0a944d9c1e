package se.halsolage.ui.common;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/se/halsolage/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndDefaultBundlesHaveEverySwedishKey() throws Exception {
        Properties sv = load("messages_sv.properties");
        Properties en = load("messages_en.properties");
        Properties def = load("messages.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(sv.stringPropertyNames()));
        assertThat(new TreeSet<>(def.stringPropertyNames())).isEqualTo(new TreeSet<>(sv.stringPropertyNames()));
        assertThat(sv.getProperty("nav.overview")).isEqualTo("_Översikt");
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws Exception {
        Properties sv = load("messages_sv.properties");
        TreeSet<String> missing = new TreeSet<>();
        var pattern = java.util.regex.Pattern.compile("(?:t|texts|texts\\(\\))\\.get\\(\"([a-zA-Z.]+)\"|item\\(\"([a-zA-Z.]+)\"");
        try (var files = Files.walk(Path.of("src/main/java/se/halsolage/ui"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                var m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".") && !sv.containsKey(key)) missing.add(f.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void formatsArgumentsAndKeepsApostrophes() {
        Texts t = Texts.swedish();
        assertThat(t.get("initiatives.saved", "Allas barn")).isEqualTo("\"Allas barn\" är sparad.");
        assertThat(new Texts(java.util.Locale.ENGLISH).get("menu.guide")).isEqualTo("User guide");
        assertThat(t.get("finns.inte")).isEqualTo("!finns.inte!");
    }

    @Test
    void theBundledGuideIsTheDocsGuide() throws Exception {
        assertThat(HelpWindow.guideText()).isEqualTo(Files.readString(Path.of("docs/user-guide.md")));
    }
}
