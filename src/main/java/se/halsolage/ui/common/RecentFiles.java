package se.halsolage.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened workbooks, kept in the user's preferences. */
public final class RecentFiles {
    private static final int MAX = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("se/halsolage/recent"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String s = prefs.get("file" + i, null);
            if (s != null && Files.exists(Path.of(s))) out.add(Path.of(s));
        }
        return out;
    }

    public void add(Path file) {
        List<Path> list = new ArrayList<>(list());
        Path abs = file.toAbsolutePath();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) prefs.put("file" + i, list.get(i).toString());
            else prefs.remove("file" + i);
        }
    }
}
