package se.halsolage.domain;

/** The three areas of SKR's "Strategi för hälsa". */
public enum SfhArea {
    GOD_OCH_JAMLIK_HALSA("god", "God och jämlik hälsa"),
    HALLBART_OCH_UTHALLIGT("hallbart", "Hållbart och uthålligt"),
    GOD_KVALITET("kvalitet", "God kvalitet");

    private final String code;
    private final String title;

    SfhArea(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() { return code; }
    public String title() { return title; }

    public static SfhArea fromCode(String code) {
        if (code == null || code.isBlank()) return null;
        for (SfhArea a : values()) {
            if (a.code.equalsIgnoreCase(code.trim()) || a.name().equalsIgnoreCase(code.trim())) return a;
        }
        throw new IllegalArgumentException("Okänt SfH-område: " + code);
    }
}
