package se.halsolage.importer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Readable short titles for survey measures: "Känner du dig trygg i skolan?" with its positive share in åk 8
 * becomes "Trygg i skolan, åk 8"; the full question stays the indicator's title. The question's opening
 * ("Känner du dig", "Tycker du att", "Hur ofta är det") is dropped, the rest cut at a word near 48 characters.
 */
public final class SurveyTitles {
    static final int MAX = 48;
    /** Openings dropped from the question, longest first; what follows is the short title. */
    private static final List<String[]> OPENINGS = List.of(
            new String[]{"hur lätt eller svårt är det att ", ""},
            new String[]{"hur nöjd är du med ", "nöjd med "},
            new String[]{"hur ofta är det så ", ""},
            new String[]{"hur ofta är det ", ""},
            new String[]{"hur ofta tycker du att ", ""},
            new String[]{"hur ofta får du ", "får "},
            new String[]{"hur ofta ", ""},
            new String[]{"hur mycket tycker du att ", ""},
            new String[]{"hur mycket ", ""},
            new String[]{"hur tycker du att ", ""},
            new String[]{"känner du att det finns ", "det finns "},
            new String[]{"känner du att du ", ""},
            new String[]{"känner du dig ", ""},
            new String[]{"känner du att ", ""},
            new String[]{"litar du på att ", ""},
            new String[]{"tycker du att du ", ""},
            new String[]{"tycker du att ", ""},
            new String[]{"får du ", "får "},
            new String[]{"är du ", ""});
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SurveyTitles() {
    }

    /**
     * The short title of a measure of {@code question}: the question's core, the measure when it is not the
     * positive share ("medelvärde", "index"), and the grade: "Trygg i skolan, åk 8", "Trygg i skolan, medelvärde, åk 8".
     */
    public static String shortTitle(String question, String measure, String grade) {
        String core = core(question);
        StringBuilder sb = new StringBuilder(core);
        if (measure != null && !measure.isBlank()) sb.append(", ").append(measure.toLowerCase(Locale.ROOT));
        if (grade != null && !grade.isBlank()) sb.append(", ").append(grade);
        return sb.toString();
    }

    /** The question without its opening and question mark, capitalised and cut at a word near {@value #MAX} characters. */
    static String core(String question) {
        String q = SPACE.matcher(question == null ? "" : question).replaceAll(" ").strip();
        q = q.replaceFirst("\\s*\\?\\s*$", "");
        // examples and asides are the full title's: "… elevhälsan, till exempel skolsköterskan" → "… elevhälsan"
        q = q.replaceFirst(",\\s*(till exempel|t\\.ex\\.|exempelvis)\\s.*$", "").replaceFirst("\\s*\\([^)]*\\)\\s*$", "");
        String lower = q.toLowerCase(Locale.ROOT);
        for (String[] o : OPENINGS) {
            if (lower.startsWith(o[0]) && q.length() > o[0].length() + 3) {
                q = o[1] + q.substring(o[0].length());
                break;
            }
        }
        return capitalise(cut(q, MAX));
    }

    /** {@code text} cut before a comma, parenthesis or word so it fits {@code max}, with "…" when cut. */
    public static String cut(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) return t;
        int comma = t.lastIndexOf(", ", max);
        int paren = t.lastIndexOf(" (", max);
        int at = Math.max(comma, paren);
        if (at < max / 2) at = t.lastIndexOf(' ', max - 1);
        if (at < max / 2) at = max - 1;
        return t.substring(0, at).replaceAll("[\\s,;:]+$", "") + "…";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
