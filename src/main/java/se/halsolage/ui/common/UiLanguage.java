package se.halsolage.ui.common;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.prefs.Preferences;

/**
 * The language of the user interface: Swedish unless the user chose English (Settings, or
 * {@code -Dhalsolage.language=en}). Not the operating system's locale: a Swedish coordinator on an
 * English Windows still expects Swedish.
 */
public final class UiLanguage {
    private static final String KEY = "language";

    private UiLanguage() {
    }

    public static Locale current() {
        String lang = System.getProperty("halsolage.language",
                Preferences.userRoot().node("se/halsolage").get(KEY, "sv"));
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : new Locale("sv", "SE");
    }

    public static void choose(String language) {
        Preferences.userRoot().node("se/halsolage").put(KEY, "en".equalsIgnoreCase(language) ? "en" : "sv");
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle("se.halsolage.ui.messages", current(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
