package se.halsolage.catalog;

import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kolada's municipality groups (about 3 600), bundled; ids change yearly, so look them up by title. */
public final class KoladaGroups {
    /** A group with its members as (code, name). */
    public record KoladaGroup(String id, String title, Map<String, String> members) {
        /** The year at the end of a title such as "Liknande kommuner socioekonomi, Ljungby, 2024", or 0. */
        public int year() {
            Matcher m = Pattern.compile("(\\d{4})\\s*$").matcher(title);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    private static volatile List<KoladaGroup> bundled;

    private KoladaGroups() {
    }

    public static List<KoladaGroup> all() {
        List<KoladaGroup> b = bundled;
        if (b == null) {
            synchronized (KoladaGroups.class) {
                b = bundled;
                if (b == null) {
                    List<KoladaGroup> list = new ArrayList<>();
                    for (CSVRecord r : Resources.csv("kolada/municipality_groups.csv")) {
                        list.add(new KoladaGroup(r.get("id"), r.get("title"), parseMembers(r.get("members"))));
                    }
                    bundled = b = List.copyOf(list);
                }
            }
        }
        return b;
    }

    static Map<String, String> parseMembers(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isBlank()) return m;
        for (String part : s.split("\\|")) {
            int i = part.indexOf(':');
            if (i > 0) m.put(part.substring(0, i).trim(), part.substring(i + 1).trim());
        }
        return m;
    }

    /** Groups whose title contains every word. */
    public static List<KoladaGroup> search(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<KoladaGroup> out = new ArrayList<>();
        for (KoladaGroup g : all()) {
            String t = g.title().toLowerCase(Locale.ROOT);
            boolean ok = true;
            for (String w : words) {
                if (!t.contains(w)) {
                    ok = false;
                    break;
                }
            }
            if (ok) out.add(g);
        }
        return out;
    }

    /**
     * The newest "Liknande kommuner <kind>, <municipality>, <year>" group, e.g. kind "socioekonomi"
     * (or null for any kind, preferring "socioekonomi" when several are equally new).
     */
    public static Optional<KoladaGroup> similarTo(String municipalityName, String kind) {
        String prefix = "liknande kommuner " + (kind == null ? "" : kind.toLowerCase(Locale.ROOT));
        String name = ", " + municipalityName.toLowerCase(Locale.ROOT) + ",";
        return all().stream()
                .filter(g -> g.title().toLowerCase(Locale.ROOT).startsWith(prefix))
                .filter(g -> g.title().toLowerCase(Locale.ROOT).contains(name))
                .max(Comparator.comparingInt(KoladaGroup::year)
                        .thenComparing(g -> g.title().toLowerCase(Locale.ROOT).contains("socioekonomi"))
                        .thenComparing(KoladaGroup::id));
    }
}
