package se.halsolage.domain;

/** Whether an observation has a usable value. A suppressed or missing value is never 0. */
public enum ObservationStatus {
    OK("ok", ""),
    SUPPRESSED("suppressed", ".."),
    MISSING("missing", "–"),
    NOT_APPLICABLE("not_applicable", ".");

    private final String code;
    private final String defaultMarker;

    ObservationStatus(String code, String defaultMarker) {
        this.code = code;
        this.defaultMarker = defaultMarker;
    }

    public String code() { return code; }
    /** The marker printed in tables when the source gave none: ".." suppressed, "–" missing, "." not applicable. */
    public String defaultMarker() { return defaultMarker; }

    public String label() {
        return switch (this) {
            case OK -> "ok";
            case SUPPRESSED -> "sekretess/för få svar";
            case MISSING -> "saknas";
            case NOT_APPLICABLE -> "ej tillämpligt";
        };
    }

    /**
     * What the marker means, the same words in tables, text, charts and the legend:
     * ".." sekretess eller för få svar, "–" uppgift saknas, "." ej tillämpligt.
     */
    public String meaning() {
        return switch (this) {
            case OK -> "värde finns";
            case SUPPRESSED -> "sekretess eller för få svar";
            case MISSING -> "uppgift saknas";
            case NOT_APPLICABLE -> "ej tillämpligt";
        };
    }

    public static ObservationStatus fromCode(String code) {
        for (ObservationStatus s : values()) {
            if (s.code.equalsIgnoreCase(code) || s.name().equalsIgnoreCase(code)) return s;
        }
        throw new IllegalArgumentException("Okänd status: " + code);
    }
}
