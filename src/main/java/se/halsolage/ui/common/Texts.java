package se.halsolage.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-facing texts (resource bundle {@code se.halsolage.ui.messages}). */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("se.halsolage.ui.messages", locale);
    }

    public static Texts swedish() {
        return new Texts(new Locale("sv", "SE"));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}; with arguments, formatted as a MessageFormat ({0}, {1} …). */
    public String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) return s;
        MessageFormat f = new MessageFormat(s.replace("'", "''"), locale);
        return f.format(args);
    }
}
