package se.halsolage.domain;

/**
 * How a source is cited in charts and tables: publisher and title, e.g. "Skolinspektionen, Skolenkäten 2022",
 * "Kolada". Either part may be null.
 */
public record Citation(String publisher, String title) {
    public Citation {
        publisher = blankToNull(publisher);
        title = blankToNull(title);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isEmpty() {
        return publisher == null && title == null;
    }

    /** "Skolinspektionen, Skolenkäten 2022"; "Kolada"; null when empty. */
    public String text() {
        if (isEmpty()) return null;
        if (publisher == null) return title;
        if (title == null || title.equalsIgnoreCase(publisher)) return publisher;
        return publisher + ", " + title;
    }
}
