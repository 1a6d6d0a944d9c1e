package se.halsolage.workbook;

/** A workbook could not be opened, read or changed. The message is Swedish and meant for the user. */
public class WorkbookException extends se.halsolage.domain.UserError {
    public WorkbookException(String message) {
        super(message);
    }

    public WorkbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
