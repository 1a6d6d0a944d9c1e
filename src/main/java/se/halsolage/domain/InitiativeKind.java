package se.halsolage.domain;

public enum InitiativeKind {
    FRAMJANDE("främjande", "Främjande"),
    FOREBYGGANDE("förebyggande", "Förebyggande"),
    ATGARDANDE("åtgärdande", "Åtgärdande");

    private final String code;
    private final String label;

    InitiativeKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static InitiativeKind fromCode(String code) {
        for (InitiativeKind k : values()) {
            if (k.code.equalsIgnoreCase(code.trim()) || k.name().equalsIgnoreCase(code.trim())) return k;
        }
        throw new IllegalArgumentException("Okänd insatstyp: " + code);
    }
}
