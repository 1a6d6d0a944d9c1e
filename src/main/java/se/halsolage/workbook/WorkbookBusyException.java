package se.halsolage.workbook;

import java.nio.file.Path;

/** The workbook is already open for writing in another window or program. */
public class WorkbookBusyException extends WorkbookException {
    private final Path file;

    public WorkbookBusyException(Path file) {
        super("Arbetsboken " + file.getFileName() + " är redan öppen i ett annat fönster eller program. "
                + "Stäng den där först, eller öppna den skrivskyddad.");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
