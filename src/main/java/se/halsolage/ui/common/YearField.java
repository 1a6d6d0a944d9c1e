package se.halsolage.ui.common;

/** Reads a year typed into a form field (1900–2100); shared by the views' forms so none depends on another's. */
public final class YearField {
    private YearField() {}

    /** The year in {@code s}, or null when it is blank, not a whole number or outside 1900–2100. */
    public static Integer parse(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            int y = Integer.parseInt(s.strip());
            return y >= 1900 && y <= 2100 ? y : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
