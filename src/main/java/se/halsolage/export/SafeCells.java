package se.halsolage.export;

import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formula injection ("CSV injection") in text cells, following OWASP's
 * guidance: a text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return (or their full-width forms, which some spreadsheet programs also accept) is prefixed with a
 * single quote, so Excel and LibreOffice show it as text and never evaluate it. A text that is simply
 * a number ("-3,5", "+46", "-1 234.5", "-12 %") is left alone: it cannot be a formula, and a negative
 * number must stay a number. Numbers passed as numbers are never touched.
 */
public final class SafeCells {
    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    /** Plain numbers as people and our exports write them: sign, digits with spaces, decimal point or comma, exponent, %. */
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(\\d[\\d \u00a0\u202f]*)?([.,]\\d+)?([eE][+-]?\\d+)?\\s?%?");

    private SafeCells() {
    }

    /** True when {@code text} would be taken as a formula (or DDE command) by a spreadsheet program. */
    public static boolean isDangerous(String text) {
        if (text == null || text.isEmpty()) return false;
        if (text.equals("-") || text.equals("+")) return false; // a lone sign cannot be a formula ("-" marks "no value")
        if (TRIGGERS.indexOf(text.charAt(0)) < 0) return false;
        return !isPlainNumber(text);
    }

    /** The text as it is safe to put in a CSV or xlsx text cell. */
    public static String text(String text) {
        return isDangerous(text) ? "'" + text : text;
    }

    static boolean isPlainNumber(String text) {
        return text.chars().anyMatch(Character::isDigit) && NUMBER.matcher(text).matches();
    }
}
