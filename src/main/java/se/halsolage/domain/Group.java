package se.halsolage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The population group an observation is about, as a value of a <b>breakdown</b> (redovisningsgrupp): Totalt
 * (the total of every breakdown), Kvinnor/Män or Flickor/Pojkar of breakdown "Kön", "16–29 år" of "Ålder",
 * "Kommunal" of "Typ av huvudman", or a combination ("Kvinnor, 16–29 år" of "Kön, Ålder").
 *
 * <p>A group is identified by its label alone (equality, hashing, the workbook's key): the breakdown only says
 * which question the label answers. When a source does not name it, {@link #inferBreakdown} guesses it from the
 * label (gender words, age bands, born in Sweden/abroad, huvudman, grade, education; else "Grupp").
 */
public record Group(String label, String breakdown) implements Comparable<Group> {
    /** The breakdown of the gender groups. */
    public static final String KON = "Kön";
    /** The breakdown name of the total, which belongs to every breakdown. */
    public static final String TOTAL_BREAKDOWN = "Totalt";

    // before the constants below: their constructor uses them
    private static final List<String> ORDER = List.of("Totalt", "Kvinnor", "Män", "Flickor", "Pojkar");
    private static final Locale SV = new Locale("sv", "SE");

    public static final Group TOTALT = new Group("Totalt");
    public static final Group KVINNOR = new Group("Kvinnor");
    public static final Group MAN = new Group("Män");
    public static final Group FLICKOR = new Group("Flickor");
    public static final Group POJKAR = new Group("Pojkar");


    public Group {
        Objects.requireNonNull(label, "label");
        label = label.strip();
        if (label.isEmpty()) throw new IllegalArgumentException("Tom grupp");
        breakdown = breakdown == null || breakdown.isBlank() ? inferBreakdown(label) : breakdown.strip();
    }

    /** A group whose breakdown is guessed from its label (see {@link #inferBreakdown}). */
    public Group(String label) {
        this(label, null);
    }

    /** Normalises common spellings: T/K/M, "flicka", "pojke", "kvinna", "man", "totalt", "alla". */
    public static Group of(String raw) {
        if (raw == null || raw.isBlank()) return TOTALT;
        String s = raw.strip().toLowerCase(SV);
        return switch (s) {
            case "t", "totalt", "total", "alla", "samtliga", "båda könen", "bägge könen" -> TOTALT;
            case "k", "kvinnor", "kvinna", "female" -> KVINNOR;
            case "m", "män", "man", "male" -> MAN;
            case "flickor", "flicka", "tjejer", "tjej" -> FLICKOR;
            case "pojkar", "pojke", "killar", "kille" -> POJKAR;
            default -> new Group(raw.strip());
        };
    }

    /**
     * The breakdown a label most likely belongs to when the source does not say: "Totalt", "Kön" (Kvinnor, Män,
     * Flickor, Pojkar), "Ålder" ("16-24 år", "65+ år", "age 20"), "Födelseland" (inrikes/utrikes född), "Typ av
     * huvudman" (kommunal, enskild), "Årskurs" ("årskurs 9", "åk 8"), "Utbildning" (förgymnasial, gymnasial,
     * eftergymnasial), parts joined with ", " for a combination ("Kvinnor, 16-24 år" → "Kön, Ålder"), else "Grupp".
     */
    public static String inferBreakdown(String label) {
        String l = label.strip();
        if (l.equals("Totalt")) return TOTAL_BREAKDOWN;
        if (l.contains(", ")) {
            List<String> parts = new ArrayList<>();
            for (String p : l.split(", ")) {
                String b = inferBreakdown(p);
                if (!b.equals(TOTAL_BREAKDOWN) && !parts.contains(b)) parts.add(b);
            }
            return parts.isEmpty() ? TOTAL_BREAKDOWN : String.join(", ", parts);
        }
        String s = l.toLowerCase(SV);
        if (s.equals("kvinnor") || s.equals("män") || s.equals("flickor") || s.equals("pojkar") || s.contains("könsidentitet")) return KON;
        if (s.matches(".*\\d+\\s*(-|–|\\+)?\\s*(\\d+\\s*)?år.*") || s.startsWith("age ") || s.startsWith("ålder")) return "Ålder";
        if (s.contains("född") || s.contains("inrikes") || s.contains("utrikes") || s.contains("born")) return "Födelseland";
        if (s.contains("kommunal") || s.contains("enskild") || s.contains("huvudman") || s.contains("fristående")) return "Typ av huvudman";
        if (s.startsWith("årskurs") || s.matches("åk\\.?\\s*\\d+.*")) return "Årskurs";
        if (s.contains("gymnasi") || s.contains("grundskol") || s.contains("utbildning") || s.contains("folkskol")) return "Utbildning";
        return "Grupp";
    }

    public boolean isFemale() { return equals(KVINNOR) || equals(FLICKOR); }
    public boolean isMale() { return equals(MAN) || equals(POJKAR); }
    public boolean isTotal() { return equals(TOTALT); }

    /** Equal labels are the same group, whatever breakdown name a source gave. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && g.label.equals(label);
    }

    @Override
    public int hashCode() { return label.hashCode(); }

    @Override
    public int compareTo(Group o) {
        int a = ORDER.indexOf(label), b = ORDER.indexOf(o.label);
        if (a < 0) a = ORDER.size();
        if (b < 0) b = ORDER.size();
        return a != b ? Integer.compare(a, b) : label.compareTo(o.label);
    }

    @Override
    public String toString() { return label; }
}
