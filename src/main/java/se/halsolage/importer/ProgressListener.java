package se.halsolage.importer;

/** Told as an import reads: the sheet, the last row read (1-based) and observations so far. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (sheet, row, observations) -> { };

    void progress(String sheet, int row, long observations);
}
