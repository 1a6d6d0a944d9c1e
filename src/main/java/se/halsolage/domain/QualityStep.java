package se.halsolage.domain;

/** The eight steps of the quality model for preventive work. An initiative sits in one step. */
public enum QualityStep {
    KARTLAGGNING(1, "Kartläggning och analys"),
    RESURSBEDOMNING(2, "Resursbedömning"),
    UTVECKLINGSARBETE(3, "Utformning av utvecklingsarbete"),
    INSATSER(4, "Utformning av insatser"),
    MOBILISERING(5, "Förberedelser och mobilisering"),
    GENOMFORANDE(6, "Genomförande och kvalitetssäkring"),
    UPPFOLJNING(7, "Uppföljning och utvärdering"),
    SPRIDNING(8, "Förbättring och spridning");

    private final int step;
    private final String label;

    QualityStep(int step, String label) {
        this.step = step;
        this.label = label;
    }

    public int step() { return step; }
    public String label() { return label; }

    public static QualityStep of(int step) {
        if (step < 1 || step > 8) throw new IllegalArgumentException("Steg ska vara 1–8, inte " + step);
        return values()[step - 1];
    }
}
