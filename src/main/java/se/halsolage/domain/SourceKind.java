package se.halsolage.domain;

public enum SourceKind {
    FILE("Fil"), KOLADA("Kolada"), DEMO("Exempeldata"), MANUAL("Manuellt inmatat"), CATALOG("Katalog");

    private final String label;

    SourceKind(String label) { this.label = label; }

    public String label() { return label; }
}
