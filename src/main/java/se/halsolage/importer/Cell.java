package se.halsolage.importer;

/**
 * One cell of a neutral grid. Rows and columns are 0-based; {@link #ref()} gives the spreadsheet
 * address ("KR42"). Numbers and dates are kept as text too, so nothing is lost.
 *
 * @param text the raw text as the file has it (numbers as their shortest decimal form, dates ISO)
 * @param number the numeric value when the file stored a number (not parsed from text), else null
 * @param merge the merged region this cell belongs to ("J1:L1"), or null
 */
public record Cell(String sheet, int row, int col, String text, Double number, String merge) {
    public Cell {
        text = text == null ? "" : text;
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public String ref() {
        return columnName(col) + (row + 1);
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    public static String columnName(int col) {
        StringBuilder sb = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }

    /** "KR" → 303 (0-based). */
    public static int columnIndex(String letters) {
        int c = 0;
        for (char ch : letters.toCharArray()) {
            if (ch < 'A' || ch > 'Z') break;
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }
}
