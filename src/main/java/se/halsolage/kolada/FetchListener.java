package se.halsolage.kolada;

/** Progress of a fetch, for a progress bar: requests done of planned, and a Swedish line of text. */
@FunctionalInterface
public interface FetchListener {
    void progress(int done, int total, String message);

    /**
     * The message given exactly once, as the first thing inside the workbook transaction: from here
     * until {@code fetch} returns, the workbook is being written (the crash-safety harness aims its
     * kills at this phase).
     */
    String SAVING = "Sparar i arbetsboken";

    FetchListener NONE = (d, t, m) -> { };
}
