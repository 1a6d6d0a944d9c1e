package se.halsolage.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Properties;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class UiLanguageTest {
    @AfterEach
    void reset() {
        System.clearProperty("halsolage.language");
    }

    @Test
    void swedishByDefaultEnglishOnRequestAndBothBundlesComplete() throws Exception {
        System.setProperty("halsolage.language", "sv");
        ResourceBundle sv = UiLanguage.bundle();
        assertThat(sv.getString("menu.open")).isEqualTo("Öppna arbetsbok…");
        System.setProperty("halsolage.language", "en");
        ResourceBundle en = UiLanguage.bundle();
        assertThat(en.getString("menu.open")).isEqualTo("Open workbook…");
        Properties base = new Properties(), english = new Properties();
        try (var a = getClass().getResourceAsStream("/se/halsolage/ui/messages.properties");
             var b = getClass().getResourceAsStream("/se/halsolage/ui/messages_en.properties")) {
            base.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(Collections.list(english.keys())).as("English bundle is complete")
                .containsExactlyInAnyOrderElementsOf(Collections.list(base.keys()));
    }
}
