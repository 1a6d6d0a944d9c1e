package se.halsolage.catalog;


import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kolada's municipality groups (about 3 600) from the downloaded catalogue copy ({@link KoladaCatalog});
 * empty before the first update. Ids change yearly, so look them up by title.
 */
public final class KoladaGroups {
    /** A group with its members as (code, name). */
    public record KoladaGroup(String id, String title, Map<String, String> members) {
        /** The year at the end of a title such as "Liknande kommuner socioekonomi, Ljungby, 2024", or 0. */
        public int year() {
            Matcher m = Pattern.compile("(\\d{4})\\s*$").matcher(title);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    private KoladaGroups() {
    }

    /** The groups of the downloaded catalogue copy, or none before the first update. */
    public static List<KoladaGroup> all() {
        return KoladaCatalog.load().map(KoladaCatalog::groups).orElse(List.of());
    }

    /** Members written "code:name|code:name" (the form of Kolada group lists kept as CSV). */
    public static Map<String, String> parseMembers(String s) {
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
        return search(all(), text);
    }

    /** {@link #search(String)} over any list of groups. */
    public static List<KoladaGroup> search(Collection<KoladaGroup> groups, String text) {
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        List<KoladaGroup> out = new ArrayList<>();
        for (KoladaGroup g : groups) {
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
     * The newest "Liknande kommuner <kind>, <municipality>, <year>" group in the downloaded copy, e.g.
     * kind "socioekonomi", or null/blank for any kind (when several are equally new, "övergripande"
     * is preferred, then "socioekonomi"). Also matches Kolada's "Liknande kommuner, övergripande, …".
     */
    public static Optional<KoladaGroup> similarTo(String municipalityName, String kind) {
        return similarTo(all(), municipalityName, kind);
    }

    /** {@link #similarTo(String, String)} over any list of groups (e.g. fresh from Kolada's API). */
    public static Optional<KoladaGroup> similarTo(Collection<KoladaGroup> groups, String municipalityName, String kind) {
        Locale sv = Locale.forLanguageTag("sv-SE");
        String k = kind == null ? "" : kind.strip().toLowerCase(sv);
        String name = ", " + municipalityName.strip().toLowerCase(sv) + ",";
        return groups.stream()
                .filter(g -> g.title() != null)
                .filter(g -> {
                    String t = g.title().toLowerCase(sv).replaceAll("\\s+", " ");
                    if (!t.startsWith("liknande kommuner") || !t.contains(name)) return false;
                    String kindPart = t.substring("liknande kommuner".length(), t.indexOf(name)).replace(",", " ").strip();
                    return k.isEmpty() || kindPart.equals(k) || kindPart.startsWith(k);
                })
                .max(Comparator.comparingInt(KoladaGroup::year)
                        .thenComparing(g -> g.title().toLowerCase(sv).contains("övergripande"))
                        .thenComparing(g -> g.title().toLowerCase(sv).contains("socioekonomi"))
                        .thenComparing(KoladaGroup::id));
    }

    /** A group of the downloaded copy by id. */
    public static Optional<KoladaGroup> byId(String id) {
        return all().stream().filter(g -> g.id().equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
