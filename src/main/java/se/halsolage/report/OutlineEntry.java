package se.halsolage.report;

/**
 * One heading the report will contain, for the desktop's live preview.
 *
 * @param level 1–3 (Heading 1–3)
 * @param text the heading text exactly as it will appear
 * @param part the part it belongs to (null for the table of contents)
 */
public record OutlineEntry(int level, String text, ReportPart part) {
}
