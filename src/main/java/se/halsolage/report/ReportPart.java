package se.halsolage.report;

import se.halsolage.domain.UserError;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The parts of the plan that can be switched on and off. The cover, contents and annex legend always follow. */
public enum ReportPart {
    STICKER_UT("sticker-ut", "Sammanfattning: vad sticker ut, mål och årets fokus"),
    INLEDNING("inledning", "Inledning och syfte"),
    ARBETE("arbete", "Arbete under året (insatser)"),
    NYCKELTAL("nyckeltal", "Nyckeltal per område"),
    BILAGA("bilaga", "Bilaga: källor och förklaringar");

    private final String code;
    private final String label;

    ReportPart(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Short name used on the command line (--without arbete,bilaga). */
    public String code() { return code; }

    /** Swedish label for the desktop's check boxes. */
    public String label() { return label; }

    public static ReportPart fromCode(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
        for (ReportPart p : values()) {
            if (p.code.equals(s) || p.name().equalsIgnoreCase(s)) return p;
        }
        if (s.equals("stickerut") || s.equals("vad-sticker-ut") || s.equals("fynd") || s.equals("sammanfattning")) return STICKER_UT;
        throw new UserError("Okänd del av planen: \"" + raw + "\". Välj bland: "
                + Arrays.stream(values()).map(ReportPart::code).collect(Collectors.joining(", ")) + ".");
    }
}
