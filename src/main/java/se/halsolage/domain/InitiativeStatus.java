package se.halsolage.domain;

public enum InitiativeStatus {
    PLANERAD("planerad", "Planerad"),
    PAGAENDE("pågående", "Pågående"),
    AVSLUTAD("avslutad", "Avslutad"),
    PAUSAD("pausad", "Pausad");

    private final String code;
    private final String label;

    InitiativeStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static InitiativeStatus fromCode(String code) {
        for (InitiativeStatus s : values()) {
            if (s.code.equalsIgnoreCase(code.trim()) || s.name().equalsIgnoreCase(code.trim())) return s;
        }
        throw new IllegalArgumentException("Okänd status: " + code);
    }
}
