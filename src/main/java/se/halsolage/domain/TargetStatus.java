package se.halsolage.domain;

/** Whether an indicator is on its target trajectory. Not Kolada's rank colours. */
public enum TargetStatus {
    I_FAS("I fas"), BEVAKA("Bevaka"), AVVIKELSE("Avvikelse"), OKAND("Kan inte bedömas");

    private final String label;

    TargetStatus(String label) { this.label = label; }

    public String label() { return label; }
}
