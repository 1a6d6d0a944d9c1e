package se.halsolage.importer;

/** Maps a grid to planned observations by a recipe, streaming. */
interface Mapper {
    /** Receives planned observations; returns false to stop (a preview that has enough). */
    @FunctionalInterface
    interface Sink {
        boolean accept(Planned p);
    }

    /** Runs the recipe over the grid. Returns false when the sink asked to stop. */
    boolean map(GridSource grid, Recipe recipe, MapContext ctx, Sink sink);
}
