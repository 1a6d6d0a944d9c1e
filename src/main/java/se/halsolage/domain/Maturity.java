package se.halsolage.domain;

/** Implementation maturity of an initiative (SKR): 1 planning … 4 part of ordinary joint work. */
public enum Maturity {
    PLANERING(1, "Planering"),
    PROVAS(2, "Nytt arbetssätt prövas"),
    VISAR_FORBATTRING(3, "Visar förbättring, införs i större skala"),
    ORDINARIE(4, "Del av ordinarie samverkan");

    private final int level;
    private final String label;

    Maturity(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public int level() { return level; }
    public String label() { return label; }

    public static Maturity of(int level) {
        if (level < 1 || level > 4) throw new IllegalArgumentException("Mognadsnivå ska vara 1–4, inte " + level);
        return values()[level - 1];
    }
}
