package se.halsolage.domain;

/** Which way is better for an indicator. */
public enum Direction {
    HIGHER_IS_BETTER("higher", "Högre är bättre"),
    LOWER_IS_BETTER("lower", "Lägre är bättre"),
    NEITHER("neither", "Varken högre eller lägre är bättre");

    private final String code;
    private final String label;

    Direction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    /** +1 when an increase is an improvement, -1 when a decrease is, 0 when neither. */
    public int sign() {
        return switch (this) {
            case HIGHER_IS_BETTER -> 1;
            case LOWER_IS_BETTER -> -1;
            case NEITHER -> 0;
        };
    }

    public static Direction fromCode(String code) {
        if (code == null || code.isBlank()) return NEITHER;
        for (Direction d : values()) {
            if (d.code.equalsIgnoreCase(code.trim()) || d.name().equalsIgnoreCase(code.trim())) return d;
        }
        throw new IllegalArgumentException("Okänd riktning: " + code);
    }
}
