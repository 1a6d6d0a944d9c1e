package se.halsolage.domain;

/** The unit an indicator is measured in. */
public enum Unit {
    PERCENT("percent", "procent", "%"),
    YEARS("years", "år", "år"),
    DAYS("days", "dagar", "dagar"),
    PER_100000("per100000", "per\u00a0100\u202f000 invånare", "/100\u202f000"),
    PER_1000("per1000", "per\u00a01\u202f000 invånare", "/1\u202f000"),
    COUNT("count", "antal", ""),
    INDEX("index", "index 0–10", ""),
    KRONOR("kronor", "kronor", "kr"),
    OTHER("other", "", "");

    private final String code;
    private final String label;
    private final String suffix;

    Unit(String code, String label, String suffix) {
        this.code = code;
        this.label = label;
        this.suffix = suffix;
    }

    public String code() { return code; }
    public String label() { return label; }
    /** Short suffix written after a value, e.g. "%" or "år"; empty for plain counts. */
    public String suffix() { return suffix; }
    public boolean isShare() { return this == PERCENT; }

    public static Unit fromCode(String code) {
        if (code == null || code.isBlank()) return OTHER;
        for (Unit u : values()) {
            if (u.code.equalsIgnoreCase(code.trim()) || u.name().equalsIgnoreCase(code.trim())) return u;
        }
        throw new IllegalArgumentException("Okänd enhet: " + code);
    }

    /** Best guess from a Kolada KPI title such as "..., andel (%)" or "Medellivslängd män, år". */
    public static Unit guessFromTitle(String title) {
        String t = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("(%)") || t.contains("andel") || t.endsWith("%")) return PERCENT;
        if (t.contains("/100 000") || t.contains("per 100 000")) return PER_100000;
        if (t.contains("/1 000") || t.contains("per 1 000") || t.contains("/1000")) return PER_1000;
        if (t.endsWith(", år") || t.contains("medellivslängd")) return YEARS;
        if (t.contains("dagar")) return DAYS;
        if (t.contains("kr/") || t.endsWith(" kr") || t.contains("kronor")) return KRONOR;
        if (t.contains("antal")) return COUNT;
        if (t.contains("index")) return INDEX;
        return OTHER;
    }
}
