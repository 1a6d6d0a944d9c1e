package se.halsolage.chart;

import se.halsolage.domain.UserError;

import java.util.Locale;

/** The chart kinds: trend over time, women/men over time, the gap dumbbell, the SfH area overview and the ranking among a comparison set. */
public enum ChartKind {
    TREND("trend", "Utveckling över tid"),
    GENDER("gender", "Kvinnor och män över tid"),
    GAP("gap", "Skillnader per nyckeltal"),
    OVERVIEW("overview", "Områdesöversikt"),
    RANKING("ranking", "Rangordning bland kommuner"),
    PROFILE("profile", "Profil bland kommuner"),
    MAP("map", "Karta över länet"),
    GROUPS("grupper", "Skillnader mellan grupper");

    private final String code;
    private final String label;

    ChartKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Swedish name for menus. */
    public String label() {
        return label;
    }

    public static ChartKind fromCode(String code) {
        if (code == null || code.isBlank()) return TREND;
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (ChartKind k : values()) {
            if (k.code.equals(c) || k.name().equalsIgnoreCase(c)) return k;
        }
        throw new UserError("Okänd diagramtyp \"" + code + "\". Välj trend, gender, gap, overview, ranking, profile, map eller grupper.");
    }
}
