package se.halsolage.kolada;

/** Progress of a fetch, for a progress bar: requests done of planned, and a Swedish line of text. */
@FunctionalInterface
public interface FetchListener {
    void progress(int done, int total, String message);

    FetchListener NONE = (d, t, m) -> { };
}
