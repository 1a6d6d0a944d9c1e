package se.halsolage.domain;

/**
 * An error the user can act on (a missing file, a broken spreadsheet, a wrong option). The message is
 * Swedish, names what is wrong and where, and is shown as it is; the CLI exits with code 1.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
