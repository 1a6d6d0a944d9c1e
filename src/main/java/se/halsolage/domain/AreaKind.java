package se.halsolage.domain;

public enum AreaKind {
    RIKET("Riket"), REGION("Region"), MUNICIPALITY("Kommun"), GROUP("Kommungrupp"), SUBAREA("Delområde");

    private final String label;

    AreaKind(String label) { this.label = label; }

    public String label() { return label; }
}
