package se.halsolage.catalog;

import se.halsolage.domain.Citation;
import se.halsolage.domain.Source;
import se.halsolage.domain.SourceKind;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests the publisher and title of a source from its recipe (and file name), e.g. recipe "skolenkaten" and
 * "skolenkaten-grundskola-ak8-2022.xlsx" → "Skolinspektionen, Skolenkäten 2022". The importer calls
 * {@link #suggest(String, String)} when it creates a source; the report falls back to it for sources stored
 * without one. The user can always change it ({@code halsolage source}).
 */
public final class SourceCitations {
    private SourceCitations() {
    }

    /** Recipe name → publisher and title (without the year). */
    private static final Map<String, Citation> BY_RECIPE = Map.of(
            "skolenkaten", new Citation("Skolinspektionen", "Skolenkäten"),
            "skolverket", new Citation("Skolverket", "Sveriges officiella statistik om skolan"),
            "ungdomsenkat", new Citation(null, "Ungdomsenkät"),
            "ungdomsenkat-bred", new Citation(null, "Ungdomsenkät"));

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[89]\\d|20\\d\\d)(?!\\d)");

    /** The suggestion for a file imported with a recipe; an empty citation when we cannot tell. */
    public static Citation suggest(String recipe, String fileName) {
        String r = recipe == null ? "" : recipe.strip().toLowerCase(Locale.ROOT);
        String f = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Citation base = BY_RECIPE.get(r);
        if (base == null && (r.equals("pxweb") || r.equals("px") || f.endsWith(".px"))) {
            if (f.contains("fohm") || f.contains("folkhals") || f.contains("folkhälsa")) {
                base = new Citation("Folkhälsomyndigheten", f.contains("hlv") || f.contains("enkat") || f.contains("enkät")
                        ? "Nationella folkhälsoenkäten" : "Folkhälsodata");
            } else if (f.contains("scb") || f.startsWith("be0101") || f.startsWith("am0") || f.startsWith("he0")) {
                base = new Citation("SCB", "Statistikdatabasen");
            }
        }
        if (base == null) {
            if (f.contains("skolenkat")) base = BY_RECIPE.get("skolenkaten");
            else if (f.contains("kolada")) return new Citation(null, "Kolada");
            else if (f.contains("mucf")) base = new Citation("MUCF", null);
            else if (f.contains("skolverket")) base = BY_RECIPE.get("skolverket");
        }
        if (base == null) return new Citation(null, null);
        Matcher m = YEAR.matcher(f);
        String year = null;
        while (m.find()) year = m.group(1);
        return new Citation(base.publisher(), base.title() == null ? null : base.title() + (year == null ? "" : " " + year));
    }

    /** The citation of a source: what is stored, else the suggestion; Kolada is always "Kolada". */
    public static Citation of(Source s, Citation stored) {
        if (stored != null && !stored.isEmpty()) return stored;
        if (s.kind() == SourceKind.KOLADA) return new Citation(null, "Kolada");
        if (s.kind() == SourceKind.DEMO) return new Citation(null, "exempeldata (påhittade värden)");
        if (s.kind() == SourceKind.FILE) return suggest(s.recipe(), s.name());
        return new Citation(null, null);
    }

    /** "Skolinspektionen, Skolenkäten 2022", else the source's own attribution text (file name). */
    public static String cite(Source s, Citation stored) {
        String t = of(s, stored).text();
        if (t != null) return t;
        String a = s.attribution();
        return a.startsWith("Källa: ") ? a.substring(7) : a;
    }
}
