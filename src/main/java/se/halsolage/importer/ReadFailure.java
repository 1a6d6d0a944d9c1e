package se.halsolage.importer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Turns the ways a spreadsheet library fails on a bad file (English, technical) into one Swedish
 * sentence a coordinator can act on: damaged, password-protected, a zip bomb, forbidden XML, or not a
 * spreadsheet at all. The technical cause is logged at debug level, never shown.
 */
final class ReadFailure {
    private static final Logger LOG = LoggerFactory.getLogger(ReadFailure.class);

    /** Excel's limits: 16 384 columns (A–XFD) and 32 767 characters per cell. */
    static final int MAX_COLUMNS = 16_384;
    /** Generous beyond Excel's 32 767 characters, yet far from anything that strains memory. */
    static final int MAX_CELL_CHARS = 1_000_000;

    private ReadFailure() {
    }

    static String describe(String what, Throwable e) {
        LOG.debug("Kunde inte läsa filen som {}", what, e);
        String all = chain(e);
        if (e instanceof java.nio.file.AccessDeniedException || has(all, "permission denied", "used by another process",
                "being used by another")) {
            return "Filen kan inte läsas: du saknar behörighet, eller så är den låst av ett annat program. "
                    + "Stäng den i Excel och försök igen.";
        }
        if (has(all, "zip bomb", "max. ratio", "exceed the max", "zip entry size", "maxentrysize")) {
            return "Filen packas upp till orimligt mycket data (en så kallad zip-bomb) och läses inte av säkerhetsskäl. "
                    + "Öppna den i Excel och spara en ny kopia om du litar på avsändaren.";
        }
        if (has(all, "doctype", "entity", "entities", "external dtd")) {
            return "Filen innehåller XML-definitioner (DOCTYPE eller entiteter) som Excel aldrig skriver; den läses inte "
                    + "av säkerhetsskäl. Öppna den i Excel och spara en ny kopia om du litar på avsändaren.";
        }
        if (has(all, "encrypt", "password", "encryptedpackage")) {
            return passwordProtected();
        }
        if (has(all, "content type part", "no core document", "officedocument relationship", "not a valid ooxml",
                "notofficexmlfile", "no valid entries or contents found")) {
            return "Filen är en zip-fil men ingen Excel-arbetsbok (xlsx), till exempel ett Word- eller OpenDocument-dokument.";
        }
        if (has(all, "biff8 'workbook' entry", "workbook entry", "no such entry", "really a doc file", "really a ppt file",
                "really a msg file", "really a pub file", "really a vsd file")) {
            return "Filen är ett Office-dokument men ingen Excel-arbetsbok (kanske ett Word-dokument).";
        }
        return "Filen är skadad eller ofullständig och kan inte läsas som " + what
                + ". Hämta den på nytt eller öppna den i Excel och spara en ny kopia.";
    }

    static String passwordProtected() {
        return "Filen är lösenordsskyddad (krypterad) och kan inte läsas. Öppna den i Excel, spara en kopia utan "
                + "lösenord och importera kopian.";
    }

    static String tooManyColumns() {
        return "Raden har fler än " + MAX_COLUMNS + " kolumner (Excels gräns är kolumn XFD). Filen är trasig eller "
                + "ingen tabell; den importeras inte.";
    }

    static String cellTooLong() {
        return "Cellen är för lång (mer än " + String.format(Locale.ROOT, "%,d", MAX_CELL_CHARS).replace(',', ' ')
                + " tecken; Excel rymmer högst 32 767). Filen är trasig eller ingen tabell; den importeras inte.";
    }

    /** A CSV parse error from commons-csv, in Swedish with the line it started on. */
    static ImportException csv(java.nio.file.Path file, String sheet, char separator, RuntimeException e) {
        LOG.debug("CSV-fel i {}", file, e);
        String msg = chain(e);
        // commons-csv writes the line with the default locale's digit grouping ("6 000", "6,000")
        String num = "(\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3})+|\\d+)";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(line " + num + "\\)|startline " + num + "|line " + num)
                .matcher(msg);
        Integer line = null;
        if (m.find()) {
            for (int g = 1; g <= 3; g++) if (m.group(g) != null) line = Integer.parseInt(m.group(g).replaceAll("\\D", ""));
        }
        String text;
        if (msg.contains("eof reached before encapsulated token finished")) {
            text = "Ett citattecken (\") öppnas här men stängs aldrig, så resten av filen skulle bli en enda cell. "
                    + "Kontrollera raden i en texteditor.";
        } else if (msg.contains("invalid char between encapsulated token and delimiter")) {
            text = "Efter ett avslutande citattecken (\") kommer andra tecken än en avgränsare. Kontrollera raden i en texteditor.";
        } else {
            text = "Filen kunde inte tolkas som " + (separator == '\t' ? "tabb" : "\"" + separator + "\"") + "-avgränsad text.";
        }
        return new ImportException(Problem.error(file.getFileName().toString(), sheet, line, null, text), e);
    }

    /**
     * A file that breaks one of the reader's limits (cell length, column count, formula without result),
     * thrown from deep inside a parser; {@link Readers#broken} adds the file name.
     */
    static final class Limit extends RuntimeException {
        final String sheet;
        final Integer row;
        final String column;

        Limit(String sheet, Integer row, String column, String message) {
            super(message, null, false, false);
            this.sheet = sheet;
            this.row = row;
            this.column = column;
        }
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
            if (sb.length() > 20_000) break;
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean has(String s, String... needles) {
        for (String n : needles) if (s.contains(n)) return true;
        return false;
    }
}
