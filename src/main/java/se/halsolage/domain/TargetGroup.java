package se.halsolage.domain;

public enum TargetGroup {
    SMA_BARN("småbarn", "Små barn"),
    SKOLBARN("skolbarn", "Skolbarn"),
    UNGA("unga", "Unga"),
    VUXNA("vuxna", "Vuxna"),
    ALDRE("äldre", "Äldre 65+");

    private final String code;
    private final String label;

    TargetGroup(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static TargetGroup fromCode(String code) {
        for (TargetGroup t : values()) {
            if (t.code.equalsIgnoreCase(code.trim()) || t.name().equalsIgnoreCase(code.trim())) return t;
        }
        throw new IllegalArgumentException("Okänd målgrupp: " + code);
    }
}
