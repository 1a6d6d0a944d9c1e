package se.halsolage.workbook;

import java.nio.file.Path;

/** The workbook is already open for writing in another window or program. */
public class WorkbookBusyException extends WorkbookException {
    private final Path file;
    private final String holder;

    public WorkbookBusyException(Path file) {
        this(file, null);
    }

    /** {@code holder}: who holds it, as the holder wrote it ("process 1234 på datorn x (…), sedan …"), or null. */
    public WorkbookBusyException(Path file, String holder) {
        super("Arbetsboken " + file.getFileName() + " är redan öppen i ett annat fönster eller program"
                + (holder == null ? "" : " (" + holder + ")") + ". "
                + "Stäng den där först, eller öppna den skrivskyddad. Inget ändrades.");
        this.file = file;
        this.holder = holder;
    }

    public Path file() {
        return file;
    }

    /** Who holds the workbook, or null when unknown. */
    public String holder() {
        return holder;
    }
}
