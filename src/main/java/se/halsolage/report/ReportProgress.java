package se.halsolage.report;

/** Receives progress while a report is generated. Called on the generating thread. */
@FunctionalInterface
public interface ReportProgress {
    ReportProgress NONE = (done, message) -> { };

    /**
     * @param done fraction 0–1
     * @param message what is being done now, in Swedish ("Ritar diagram 12 av 47")
     */
    void update(double done, String message);
}
