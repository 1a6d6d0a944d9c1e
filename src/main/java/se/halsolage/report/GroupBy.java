package se.halsolage.report;

import se.halsolage.domain.UserError;

/** How the initiatives in "Arbete <år>" are grouped. */
public enum GroupBy {
    /** By the work group that owns the initiative ("Allas barn"), others under "Övriga insatser". */
    ARBETSGRUPP("arbetsgrupp", "Arbetsgrupp"),
    /** By the first of the initiative's national målområden. */
    MALOMRADE("malomrade", "Målområde");

    private final String code;
    private final String label;

    GroupBy(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static GroupBy fromCode(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT)
                .replace('å', 'a').replace('ä', 'a').replace('ö', 'o');
        return switch (s) {
            case "arbetsgrupp", "grupp", "arbetsgrupper" -> ARBETSGRUPP;
            case "malomrade", "malomraden", "mal" -> MALOMRADE;
            default -> throw new UserError("Okänd gruppering: \"" + raw + "\". Välj arbetsgrupp eller malomrade.");
        };
    }
}
