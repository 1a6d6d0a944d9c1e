package se.halsolage.chart;

import se.halsolage.domain.UserError;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

/**
 * One theme in three variants. SCREEN for the desktop, PRINT for the report (same sizes, drawn at 300 dpi by
 * {@link ChartExport}), PROJECTOR large type and thick lines for a wall screen.
 */
public enum ChartTheme {
    SCREEN(12f, 17f, 13f, 2.6f, 7),
    PRINT(11f, 15f, 12f, 2.2f, 6),
    PROJECTOR(20f, 30f, 22f, 5.0f, 12);

    /** Font family: DejaVu Sans is bundled with the OS packages we require (fonts-dejavu-core). */
    public static final String FONT_FAMILY = "DejaVu Sans";

    // Colours. All text colours have contrast ≥ 4.5:1 against white (checked in ChartThemeTest).
    public static final Color OWN = new Color(0x00, 0x57, 0xA8);       // strong blue: the own municipality
    public static final Color COUNTY = new Color(0x5A, 0x64, 0x6E);    // muted slate
    public static final Color GROUP = new Color(0x7A, 0x5C, 0x3E);     // muted brown
    public static final Color RIKET = new Color(0x22, 0x22, 0x22);     // near black, dashed
    public static final Color TARGET = new Color(0x1B, 0x6E, 0x3A);    // green, dotted target trajectory
    public static final Color FEMALE = new Color(0x9C, 0x27, 0x6E);    // plum
    public static final Color MALE = new Color(0x00, 0x5F, 0x73);      // dark teal
    public static final Color BETTER = new Color(0x00, 0x6D, 0x5B);    // teal-green: own is better off
    public static final Color WORSE = new Color(0xB0, 0x3A, 0x00);     // burnt orange: own is worse off
    public static final Color NEUTRAL = new Color(0x6B, 0x6B, 0x6B);   // grey: unclear or no direction
    public static final Color TEXT = new Color(0x1F, 0x1F, 0x1F);
    public static final Color MUTED_TEXT = new Color(0x55, 0x55, 0x55);
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    public static final Color CI_FILL = new Color(0x00, 0x57, 0xA8, 0x33);

    private final float base;
    private final float title;
    private final float subtitle;
    private final float line;
    private final int marker;

    ChartTheme(float base, float title, float subtitle, float line, int marker) {
        this.base = base;
        this.title = title;
        this.subtitle = subtitle;
        this.line = line;
        this.marker = marker;
    }

    public Font titleFont() {
        return new Font(FONT_FAMILY, Font.BOLD, Math.round(title));
    }

    public Font subtitleFont() {
        return new Font(FONT_FAMILY, Font.PLAIN, Math.round(subtitle));
    }

    public Font baseFont() {
        return new Font(FONT_FAMILY, Font.PLAIN, Math.round(base));
    }

    public Font labelFont(boolean bold) {
        return new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, Math.round(base + (this == PROJECTOR ? 0 : 1)));
    }

    public Font smallFont() {
        return new Font(FONT_FAMILY, Font.PLAIN, Math.round(base * 0.92f));
    }

    /** Stroke width of the own municipality's line; context lines are thinner. */
    public float lineWidth() {
        return line;
    }

    public int markerSize() {
        return marker;
    }

    /** Suggested size in pixels at 96 dpi. */
    public int defaultWidth() {
        return this == PROJECTOR ? 1600 : 900;
    }

    public int defaultHeight() {
        return this == PROJECTOR ? 900 : 560;
    }

    public static ChartTheme fromCode(String code) {
        if (code == null || code.isBlank()) return SCREEN;
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("Okänt tema \"" + code + "\". Välj screen, print eller projector.");
        }
    }

    /** WCAG contrast ratio between two colours. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
