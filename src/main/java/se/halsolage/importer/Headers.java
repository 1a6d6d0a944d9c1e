package se.halsolage.importer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loose header matching and id slugs. */
public final class Headers {
    private static final Locale SV = new Locale("sv", "SE");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19|20)\\d{2}(?!\\d)");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(?<!\\d)(20\\d{2})\\s*/\\s*(\\d{2,4})(?!\\d)");

    private Headers() {
    }

    /** "Skol-enhetskod" and "Skolenhetskod " → "skolenhetskod"; å ä ö kept. */
    public static String norm(String s) {
        if (s == null) return "";
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(SV).replaceAll("[^\\p{L}\\p{N}%]+", "");
    }

    public static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    /** "Känner du dig trygg i skolan?" → "KANNER-DU-DIG-TRYGG-I-SKOLAN", at most {@code max} characters. */
    public static String slug(String s, int max) {
        String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (t.length() > max) {
            String full = t;
            t = t.substring(0, max - 5);
            int dash = t.lastIndexOf('-');
            if (dash > max / 2) t = t.substring(0, dash);
            // a short hash of the whole text keeps ids of long, similar questions apart
            t = t + "-" + String.format("%04X", full.hashCode() & 0xffff);
        }
        return t;
    }

    /** The period a title or preamble names: "Valt läsår: 2023/24" → "2023/24", "… 2022 …" → "2022". */
    public static String periodIn(String text) {
        if (text == null) return null;
        Matcher m = SCHOOL_YEAR.matcher(text);
        if (m.find()) return m.group(1) + "/" + m.group(2);
        m = YEAR.matcher(text);
        return m.find() ? m.group() : null;
    }

    /** The survey grade a title names: "Elever årskurs 8" → "åk 8", "gymnasieskolan år 2" → "gy 2". */
    public static String gradeIn(String text) {
        if (text == null) return null;
        String t = text.toLowerCase(SV).replace('_', ' ').replace('-', ' ');
        Matcher gy = Pattern.compile("(gymnasie\\w*|gy)[\\s,]*(år|åk|årskurs)?\\s*(\\d)").matcher(t);
        if (gy.find()) return "gy " + gy.group(3);
        Matcher ak = Pattern.compile("(årskurs|åk|ak|år)\\s*(\\d{1,2})(?!\\d)").matcher(t);
        if (ak.find()) return "åk " + ak.group(2);
        if (t.contains("vårdnadshavare")) return "vårdnadshavare";
        if (t.contains("pedagogisk personal") || t.contains("lärare")) return "personal";
        return null;
    }

    /** Which confidence bound a column holds. */
    public enum Bound { LOW, HIGH }

    private static final java.util.Set<String> LOW_WORDS = java.util.Set.of("undre", "nedre", "lägre", "lower", "low", "lo", "min", "minimum");
    private static final java.util.Set<String> HIGH_WORDS = java.util.Set.of("övre", "högre", "upper", "high", "hi", "max", "maximum");
    private static final Pattern CONF_WORD = Pattern.compile("konfidens.*|confidence|(ki|ci|cl)\\d{0,2}");
    private static final java.util.Set<String> RESPONDENTS = java.util.Set.of("n", "antal n", "antal svarande", "svarande",
            "antal svar", "antal svarande n", "antal respondenter", "respondenter", "number of respondents", "respondents",
            "ovägt antal", "ovägt n", "unweighted n", "antal svarande personer").stream().map(Headers::norm)
            .collect(java.util.stream.Collectors.toSet());

    /**
     * The bound a header names, or null: a confidence word (konfidens…, confidence, KI, CI) and exactly one
     * direction (undre/nedre/lägre/lower/low/min or övre/högre/upper/high/max), in any order and with any
     * period or "95 %" around it: "Konfidensintervall nedre gräns", "Undre konfidensgräns", "95 % KI undre",
     * "CI low", "ciHigh", "Lower confidence limit". Also LCI/UCI, LCL/UCL.
     */
    public static Bound boundKind(String header) {
        if (header == null || header.isBlank()) return null;
        String t = Normalizer.normalize(header, Normalizer.Form.NFC).replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").toLowerCase(SV);
        boolean conf = false, low = false, high = false;
        for (String w : t.split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) continue;
            if (w.equals("lci") || w.equals("lcl")) { conf = true; low = true; continue; }
            if (w.equals("uci") || w.equals("ucl")) { conf = true; high = true; continue; }
            if (CONF_WORD.matcher(w).matches()) conf = true;
            if (LOW_WORDS.contains(w) || w.startsWith("nedre") || w.startsWith("undre")) low = true;
            if (HIGH_WORDS.contains(w) || w.startsWith("övre")) high = true;
        }
        if (!conf || low == high) return null;
        return low ? Bound.LOW : Bound.HIGH;
    }

    /**
     * True when a header says plainly that the column is the number of respondents: "Antal svarande", "n",
     * "Antal svar", "Respondents" (not "Antal" alone, which may be the number of people with the trait).
     */
    public static boolean isRespondents(String header) {
        return header != null && RESPONDENTS.contains(norm(header));
    }

    /** "åk 8" → "AK8", "gy 2" → "GY2". */
    public static String gradeCode(String grade) {
        return slug(grade, 20).replace("-", "");
    }
}
