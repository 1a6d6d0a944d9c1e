package se.halsolage.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The population group an observation is about: Totalt, Kvinnor/Män (adults, Kolada) or
 * Flickor/Pojkar (youth surveys), or another label from the source (e.g. a grade).
 */
public record Group(String label) implements Comparable<Group> {
    public static final Group TOTALT = new Group("Totalt");
    public static final Group KVINNOR = new Group("Kvinnor");
    public static final Group MAN = new Group("Män");
    public static final Group FLICKOR = new Group("Flickor");
    public static final Group POJKAR = new Group("Pojkar");

    private static final List<String> ORDER = List.of("Totalt", "Kvinnor", "Män", "Flickor", "Pojkar");

    public Group {
        Objects.requireNonNull(label, "label");
        label = label.strip();
        if (label.isEmpty()) throw new IllegalArgumentException("Tom grupp");
    }

    /** Normalises common spellings: T/K/M, "flicka", "pojke", "kvinna", "man", "totalt", "alla". */
    public static Group of(String raw) {
        if (raw == null || raw.isBlank()) return TOTALT;
        String s = raw.strip().toLowerCase(new Locale("sv", "SE"));
        return switch (s) {
            case "t", "totalt", "total", "alla", "samtliga", "båda könen", "bägge könen" -> TOTALT;
            case "k", "kvinnor", "kvinna", "female" -> KVINNOR;
            case "m", "män", "man", "male" -> MAN;
            case "flickor", "flicka", "tjejer", "tjej" -> FLICKOR;
            case "pojkar", "pojke", "killar", "kille" -> POJKAR;
            default -> new Group(raw.strip());
        };
    }

    public boolean isFemale() { return equals(KVINNOR) || equals(FLICKOR); }
    public boolean isMale() { return equals(MAN) || equals(POJKAR); }
    public boolean isTotal() { return equals(TOTALT); }

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
