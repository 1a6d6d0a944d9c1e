package se.halsolage.report;

import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The report's prose. The coordinator's own texts are stored in the workbook
 * ({@code settings().text("inledning")}, {@code text("syfte")} …); when a text is missing the
 * default from {@code resources/report/<name>.txt} is used. Placeholders: {kommun}, {år}, {län},
 * {jämförelsegrupp}.
 */
public final class ReportTexts {
    /** The texts a user can replace, with a Swedish description for the desktop. */
    public static final Map<String, String> EDITABLE = Map.of(
            "inledning", "Inledning",
            "syfte", "Syfte",
            "arbete", "Inledning till Arbete <år>",
            "nyckeltal", "Inledning till Nyckeltal",
            "osakerhet", "Om osäkerhet (bilagan)");

    private final Workbook wb;
    private final Map<String, String> placeholders;

    ReportTexts(Workbook wb, Map<String, String> placeholders) {
        this.wb = wb;
        this.placeholders = placeholders;
    }

    /** The workbook's text if there is one, else our default; placeholders filled in. */
    String get(String name) {
        String raw = wb.settings().text(name).filter(s -> !s.isBlank()).orElseGet(() -> defaultText(name));
        return fill(raw);
    }

    String fill(String raw) {
        String s = raw;
        for (var e : placeholders.entrySet()) s = s.replace("{" + e.getKey() + "}", e.getValue());
        return s;
    }

    /** The bundled default text (placeholders not filled). */
    public static String defaultText(String name) {
        try (InputStream in = ReportTexts.class.getClassLoader().getResourceAsStream("report/" + name + ".txt")) {
            if (in == null) throw new IllegalArgumentException("Ingen standardtext heter " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
