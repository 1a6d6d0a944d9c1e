package se.halsolage.importer;

import se.halsolage.catalog.KpiCatalog;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.IndicatorCuration;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Source;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.ImportLogRepository;
import se.halsolage.workbook.ImportWriter;
import se.halsolage.workbook.ObservationRepository;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The import flow, free of any screen: {@link #open} detects the file, {@link #preview} shows the
 * first observations, {@link #useRecipe} changes the mapping, {@link #validate} lists every problem,
 * {@link #commit} writes everything in one workbook transaction (or nothing), and
 * {@link #undoLast} takes the last import back.
 *
 * <p>The file is streamed on every pass; nothing but counters and a set of key hashes (for duplicate
 * detection) grows with its size.
 */
public final class ImportSession {
    private static final int BATCH = 2000;
    private static final byte WRITE = 0, COUNT_ONLY = 1, DUPLICATE = 2;

    private final Workbook wb;
    private final Path file;
    private final GridSource grid;
    private final Detection detection;
    private Recipe recipe;
    /** Indicator ids the user unticked in the wizard (never imported), with title and value count for the summary. */
    private final Map<String, MeasureCount> excluded = new LinkedHashMap<>();
    /** False only in tests: the commit on one thread, as before the pipeline, for comparison. */
    private boolean pipelined = true;

    private ImportSession(Workbook wb, Path file, GridSource grid, Recipe recipe, Detection detection) {
        this.wb = wb;
        this.file = file;
        this.grid = grid;
        this.recipe = recipe;
        this.detection = detection;
        excludeFromRecipe();
    }

    /**
     * Opens a file: reads its sheets, detects encoding, separator and layout, and picks a recipe (the
     * one named in {@code options}, saved in the workbook or built in, else the built-in that fits).
     */
    public static ImportSession open(Workbook wb, Path file, ImportOptions options) {
        GridSource grid = Readers.open(file, options.encoding());
        Recipe recipe;
        if (options.given() != null) {
            recipe = options.given();
            BuiltInRecipes.mapperFor(recipe); // an unknown kind fails here
        } else if (options.recipe() != null && !options.recipe().isBlank()) {
            recipe = findRecipe(wb, options.recipe()).orElseThrow(() -> new UserError("Receptet \"" + options.recipe()
                    + "\" finns varken i arbetsboken eller bland de inbyggda (" + String.join(", ",
                    BuiltInRecipes.all().stream().map(Recipe::name).toList()) + ")."));
        } else {
            recipe = detectRecipe(wb, grid).orElseThrow(() -> new ImportException(Problem.error(
                    file.getFileName().toString(), grid.sheets().isEmpty() ? null : grid.dataSheets().get(0), null, null,
                    RecipeRegistry.refusal(grid, file.getFileName().toString()))));
        }
        Detection d = Detection.describe(grid, file.getFileName().toString(), recipe);
        return new ImportSession(wb, file, grid, recipe, d);
    }

    /** A saved recipe (workbook) first, then a built-in one. */
    public static Optional<Recipe> findRecipe(Workbook wb, String name) {
        Optional<Recipe> saved = wb.recipes().get(name).map(sr -> Recipe.fromJson(sr.definition()).withName(sr.name()));
        return saved.isPresent() ? saved : BuiltInRecipes.get(name);
    }

    /** The recipe whose detector is surest of the file: one saved in the workbook, or a built-in ({@link RecipeRegistry}). */
    private static Optional<Recipe> detectRecipe(Workbook wb, GridSource grid) {
        return RecipeRegistry.of(wb).detect(grid);
    }

    public Detection detection() { return detection; }

    /** For tests: commits on the calling thread alone (the reference the pipelined commit must equal). */
    ImportSession singleThreaded() {
        pipelined = false;
        return this;
    }

    public Recipe recipe() { return recipe; }

    /**
     * The columns of the first sheet with their roles as the statistics reader sees them (with the current recipe's
     * named columns), for the wizard to show and let the user change; empty when the sheet has no table it can read.
     */
    public List<ColumnRole> columnRoles() {
        return ColumnRoles.of(grid, recipe, file.getFileName().toString());
    }

    /**
     * Uses the roles the user chose (header key → role, as {@link #columnRoles()} gives them): the statistics reader
     * with exactly those columns, the same recipe a --map of them gives (and --save-recipe stores).
     */
    public void useRoles(List<ColumnRole> roles) {
        useRecipe(ColumnRoles.recipe(recipe, roles));
    }

    public Path file() { return file; }

    /** A measure (indicator) the file gives, with the number of values it would import. */
    public record MeasureCount(String id, String title, long values) { }

    /**
     * The measures the current recipe reads from the whole file, in file order, each with its value count (one pass
     * over the file, nothing written; {@code --only} of the recipe not applied, so every measure is listed).
     */
    public List<MeasureCount> measures(ProgressListener progress, BooleanSupplier cancelled) {
        Ctx ctx = new Ctx(file, wb);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> titles = new HashMap<>();
        int[] lastRow = {-1};
        BuiltInRecipes.mapperFor(recipe.withOnly(null)).map(grid, recipe.withOnly(null), ctx, p -> {
            if (p.row() != lastRow[0]) {
                lastRow[0] = p.row();
                if (cancelled != null && cancelled.getAsBoolean()) throw new ImportCancelled();
                if (progress != null && p.row() % 200 == 0) progress.progress(p.sheet(), p.row() + 1, counts.size());
            }
            counts.computeIfAbsent(p.indicator().id(), k -> new long[1])[0]++;
            titles.putIfAbsent(p.indicator().id(), p.indicator().title());
            return true;
        });
        List<MeasureCount> out = new ArrayList<>();
        for (var e : counts.entrySet()) out.add(new MeasureCount(e.getKey(), titles.get(e.getKey()), e.getValue()[0]));
        return out;
    }

    /**
     * The measures not to import (the wizard's unticked boxes): their values are left out of preview, check and
     * import, and the summary names them. An empty list imports everything again, except what the recipe itself leaves
     * out ({@link Recipe#exclude()}, a choice saved with it).
     */
    public void exclude(List<MeasureCount> measures) {
        excluded.clear();
        excludeFromRecipe(); // what the recipe leaves out stays out (a saved choice); the list adds to it
        for (MeasureCount m : measures) excluded.put(asciiUpper(m.id()), m);
    }

    /** The measures the recipe itself leaves out (saved with the wizard's ticks): their counts are not known yet (-1). */
    private void excludeFromRecipe() {
        if (recipe.exclude() == null) return;
        for (String id : recipe.exclude()) excluded.putIfAbsent(asciiUpper(id), new MeasureCount(id, null, -1));
    }

    /** The ids of the measures left out (unticked in the wizard, or by the recipe), in the order they were left out. */
    public List<String> excludedIds() {
        return excluded.values().stream().map(MeasureCount::id).toList();
    }

    /** Whether a planned value is imported: chosen by --only and not unticked in the wizard. */
    private boolean wanted(java.util.regex.Pattern only, Planned p) {
        return chosen(only, p) && (excluded.isEmpty() || !excluded.containsKey(asciiUpper(p.indicator().id())));
    }

    /** The summary's line about what the user left out, or null. */
    private Problem excludedNote() {
        if (excluded.isEmpty()) return null;
        long values = 0;
        boolean unknown = false;
        List<String> names = new ArrayList<>();
        for (MeasureCount m : excluded.values()) {
            if (m.values() < 0) unknown = true;
            else values += m.values();
            if (names.size() < 5) names.add(m.title() == null ? m.id() : m.title());
        }
        return Problem.warning(file.getFileName().toString(), null, null, null, "Valdes bort och importerades inte: "
                + se.halsolage.format.SwedishNumbers.number(excluded.size(), 0) + " nyckeltal"
                + (unknown ? " (receptet väljer bort dem)" : " med " + se.halsolage.format.SwedishNumbers.number(values, 0) + " värden")
                + " (" + String.join("; ", names)
                + (excluded.size() > names.size() ? " …" : "") + ").");
    }


    /** Changes the mapping (the wizard's "map" step); the next preview/validate/commit uses it. */
    public void useRecipe(Recipe r) {
        BuiltInRecipes.mapperFor(r); // fails early on an unknown kind
        this.recipe = r;
        excluded.clear(); // another mapping gives other measures: the wizard lists them anew
        excludeFromRecipe();
    }

    /** The first {@code max} observations the file will give, with their areas resolved (nothing is written). */
    public List<PreviewRow> preview(int max) {
        List<PreviewRow> out = new ArrayList<>();
        AreaResolver res = new AreaResolver(wb, file, false);
        Ctx ctx = new Ctx(file, wb);
        java.util.regex.Pattern only = StatsMapper.onlyPattern(recipe.only());
        BuiltInRecipes.mapperFor(recipe).map(grid, recipe, ctx, p -> {
            if (!wanted(only, p)) return true;
            String areaId = res.areaId(p);
            Double v = p.value();
            out.add(new PreviewRow(p.indicator().id(), p.indicator().title(), p.area().label(), areaId,
                    areaId != null && res.isNew(areaId), p.period().label(), p.group().label(), v, p.n(), p.ciLow(), p.ciHigh(), p.status(),
                    p.marker(), p.location()));
            return out.size() < max;
        });
        List<Problem> errors = ctx.problems.stream().filter(Problem::isError).toList();
        if (out.isEmpty() && !errors.isEmpty()) throw new ImportException(errors);
        return out;
    }

    /** Every problem in the file, read in full without writing (errors and warnings with their places). */
    public List<Problem> validate(ProgressListener progress, BooleanSupplier cancelled) {
        Run run = new Run(false, progress, cancelled);
        List<Problem> all = new ArrayList<>();
        try {
            run.pass(null);
            all.addAll(run.ctx.problems);
        } catch (ImportException e) {
            all.addAll(e.problems());
        }
        all.addAll(run.resolver.warnings());
        return all;
    }

    /**
     * Writes the file into the workbook in one transaction with a progress callback and cancellation.
     * On any error nothing is written and an {@link ImportException} names file, sheet, row and column.
     * A dry run does everything but rolls back at the end, so its counts are exact.
     */
    public ImportSummary commit(ProgressListener progress, BooleanSupplier cancelled, boolean dryRun, String saveRecipeAs) {
        Run run = new Run(true, progress == null ? ProgressListener.NONE : progress, cancelled == null ? () -> false : cancelled);
        if (dryRun) {
            try {
                wb.inTransaction(w -> {
                    run.pass(saveRecipeAs);
                    throw new DryRunDone();
                });
            } catch (DryRunDone done) {
                // rolled back on purpose
            }
            return run.summary(true);
        }
        // rolling copy (within the Backups budget) before the workbook changes; if it cannot be written the
        // import does not start
        java.nio.file.Path backup = wb.isInTransaction() ? null : wb.backup("fore-import");
        try {
            ImportSummary summary = wb.transaction(w -> {
                run.pass(saveRecipeAs);
                return run.summary(false);
            });
            // a large import leaves a -wal as big as the data: move it into the file now, not only on close
            wb.checkpoint();
            return summary;
        } catch (RuntimeException e) {
            // rolled back: the workbook equals the copy just made, which would only take room (on a full disk, the last)
            if (backup != null) {
                try {
                    java.nio.file.Files.deleteIfExists(backup);
                    try (var left = java.nio.file.Files.list(backup.getParent())) {
                        if (left.findAny().isEmpty()) java.nio.file.Files.deleteIfExists(backup.getParent());
                    }
                } catch (java.io.IOException ignored) {
                    // a redundant backup left behind does no harm
                }
            }
            throw e;
        }
    }

    public ImportSummary commit(ProgressListener progress, BooleanSupplier cancelled) {
        return commit(progress, cancelled, false, null);
    }

    /** What undo would take back: the last import that has not been undone. */
    public static Optional<ImportLogRepository.ImportRun> lastImport(Workbook wb) {
        return wb.imports().last();
    }

    /**
     * Undoes the last import: sources it created are deleted with their observations; values it
     * overwrote get their previous figures and source back. Returns a Swedish sentence of what happened.
     */
    public static String undoLast(Workbook wb) {
        ImportLogRepository.ImportRun run = wb.imports().last()
                .orElseThrow(() -> new UserError("Det finns ingen import att ångra."));
        ImportLogRepository.UndoResult r = wb.transaction(w -> w.imports().undo(run));
        StringBuilder text = new StringBuilder("Importen av " + run.file() + " är ångrad (" + r.values()
                + " värden borttagna eller återställda");
        if (r.indicators() > 0 || r.areas() > 0) {
            text.append("; ").append(r.indicators()).append(r.indicators() == 1 ? " nyckeltal" : " nyckeltal")
                    .append(" och ").append(r.areas()).append(r.areas() == 1 ? " delområde" : " delområden")
                    .append(" som importen skapade togs också bort");
        }
        int keptIndicators = run.newIndicators().size() - r.indicators();
        if (keptIndicators > 0) {
            text.append("; ").append(keptIndicators).append(" nyckeltal som importen skapade finns kvar eftersom de används nu");
        }
        return text.append(").").toString();
    }

    private static final class DryRunDone extends RuntimeException {
        DryRunDone() { super(null, null, false, false); }
    }

    /** The context mappers see. */
    private static final class Ctx implements MapContext {
        final Path file;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Boolean> existsCache = new HashMap<>();
        /** Asked once per indicator id (then cached); the workbook by default, a snapshot on the reading thread. */
        Predicate<String> lookup;
        final Predicate<String> exists = id -> existsCache.computeIfAbsent(id, x -> lookup.test(x));
        /** True once an error was reported (checked per row, so a flag rather than a scan of the list). */
        boolean errorSeen;
        /** On the reading thread: true once the writer has stopped (rows that only give warnings end there too). */
        BooleanSupplier stop = () -> false;

        Ctx(Path file, Workbook wb) {
            this.file = file;
            this.lookup = x -> wb.indicators().get(x).isPresent();
        }

        @Override public Path file() { return file; }
        @Override public void problem(Problem p) {
            if (stop.getAsBoolean()) throw new Stopped();
            problems.add(p);
            if (p.isError()) errorSeen = true;
        }
        @Override public KpiCatalog kpis() { return KpiCatalog.current(); }
        @Override public Predicate<String> indicatorExists() { return exists; }

        boolean hasErrors() { return errorSeen; }
    }

    /** One pass over the file: validate only, or write. */
    private final class Run {
        final boolean write;
        final ProgressListener progress;
        final BooleanSupplier cancelled;
        final Ctx ctx;
        final AreaResolver resolver;
        final LongHashSet keys = new LongHashSet();
        final Map<String, Source> sources = new LinkedHashMap<>();
        final Set<String> newSources = new HashSet<>();
        final Set<String> knownIndicators = new HashSet<>();
        final Map<String, List<Observation>> batches = new HashMap<>();
        int newIndicators, suppressed, missing;
        /** Ids of the indicators this import created (undo takes them back when nothing uses them). */
        final List<String> createdIndicators = new ArrayList<>();
        long count;
        ObservationRepository.UpsertCounts counts = new ObservationRepository.UpsertCounts(0, 0, 0);
        final Map<String, ObservationRepository.UpsertCounts> sheetCounts = new HashMap<>();
        long runId;
        String sha;
        ImportWriter writer;
        int lastRow = -1;

        Run(boolean write, ProgressListener progress, BooleanSupplier cancelled) {
            this.write = write;
            this.progress = progress;
            this.cancelled = cancelled;
            this.ctx = new Ctx(file, wb);
            this.resolver = new AreaResolver(wb, file, write);
        }

        void pass(String saveRecipeAs) {
            // When writing, the file is read on a second thread from the start, while this one hashes it and
            // prepares the writer.
            try (Pipeline pipe = write && pipelined ? new Pipeline(this) : null) {
                if (pipe != null) pipe.start();
                if (write) {
                    sha = sha256(file);
                    runId = wb.imports().start(file.getFileName().toString(), recipe.name());
                    writer = wb.imports().writer(runId);
                }
                try {
                    passBody(saveRecipeAs, pipe);
                } finally {
                    if (writer != null) writer.close();
                }
            }
        }

        private void passBody(String saveRecipeAs, Pipeline pipe) {
            if (pipe != null) {
                pipe.run();
            } else {
                java.util.regex.Pattern only = StatsMapper.onlyPattern(recipe.only());
                BuiltInRecipes.mapperFor(recipe).map(grid, recipe, ctx, p -> {
                    if (wanted(only, p)) row(p, classify(p));
                    return true;
                });
            }
            if (ctx.hasErrors()) throw new ImportException(ctx.problems);
            if (count == 0 && resolver.skipped() == 0) {
                throw new ImportException(Problem.error(file.getFileName().toString(), null, null, null,
                        "Filen gav inga värden att importera med receptet \"" + recipe.name() + "\""
                                + (recipe.only() != null ? " och --only \"" + recipe.only() + "\"" : "") + "."));
            }
            if (write) {
                for (String sheet : batches.keySet()) flush(sheet);
                List<Long> created = new ArrayList<>(), all = new ArrayList<>();
                for (var e : sources.entrySet()) {
                    Source s = e.getValue();
                    all.add(s.id());
                    if (newSources.contains(e.getKey())) created.add(s.id());
                    ObservationRepository.UpsertCounts sc = sheetCounts.getOrDefault(e.getKey(),
                            new ObservationRepository.UpsertCounts(0, 0, 0));
                    wb.sources().update(new Source(s.id(), s.kind(), s.name(), s.sha256(), s.sheet(), recipe.name(),
                            Instant.now(), s.request(), sc.added(), sc.updated(), resolver.skippedIn(e.getKey()), s.note()));
                }
                wb.imports().finish(runId, created, all, String.join(" ", summary(false).lines().subList(0, 2)),
                        List.copyOf(createdIndicators), resolver.created.stream().sorted().toList());
                if (saveRecipeAs != null && !saveRecipeAs.isBlank()) {
                    // with the measures chosen: --only is in the recipe, the wizard's unticked boxes become its exclude list
                    Recipe named = recipe.withName(saveRecipeAs.strip()).withExclude(excludedIds());
                    wb.recipes().save(named.name(), grid.format().name(), named.toJson());
                }
                progress.progress("", -1, count);
            }
        }

        /**
         * What becomes of a planned value, decided where it is read (on the reading thread when pipelined):
         * a duplicate key is reported and dropped; after any error in the file values are still counted but
         * no longer written (the import fails at the end and lists every error).
         */
        byte classify(Planned p) {
            // by code when the file gives one: "Kronoberg" and "Kronobergs län" are the same area (0007)
            String area = p.area().code() != null && !p.area().subarea() ? p.area().code() : p.area().label();
            String key = p.indicator().id() + "\u0000" + area + "\u0000" + p.period().label() + "\u0000" + p.group().label();
            if (!keys.add(LongHashSet.hash(key))) {
                ctx.problem(Problem.error(file.getFileName().toString(), p.sheet(), p.row() + 1, Cell.columnName(p.col()),
                        "Dubblett: " + p.indicator().id() + " för " + p.area().label() + ", " + p.period().label() + ", "
                                + p.group().label() + " finns redan tidigare i filen."));
                return DUPLICATE;
            }
            return ctx.hasErrors() ? COUNT_ONLY : WRITE;
        }

        /** Handles one planned value in file order (on the thread that holds the transaction). */
        void row(Planned p, byte kind) {
            if (p.row() != lastRow) {
                lastRow = p.row();
                if (cancelled.getAsBoolean()) throw new ImportCancelled();
                if (p.row() % 50 == 0) progress.progress(p.sheet(), p.row() + 1, count);
            }
            if (kind == DUPLICATE) return;
            String areaId = resolver.areaId(p);
            if (areaId == null) return;
            count++;
            if (p.status() == ObservationStatus.SUPPRESSED) suppressed++;
            else if (p.status() != ObservationStatus.OK) missing++;
            if (!write || kind == COUNT_ONLY) return;
            ensureIndicator(p.indicator());
            Source src = source(p.sheet());
            List<Observation> batch = batches.computeIfAbsent(p.sheet(), s -> new ArrayList<>());
            batch.add(new Observation(p.indicator().id(), areaId,
                    p.period(), p.group(), p.value(), p.n(), p.ciLow(), p.ciHigh(), p.status(), p.marker(), src.id(), p.location()));
            if (batch.size() >= BATCH) flush(p.sheet());
        }

        private void flush(String sheet) {
            List<Observation> b = batches.get(sheet);
            if (b == null || b.isEmpty()) return;
            ObservationRepository.UpsertCounts c = writer.write(b, !newSources.contains(sheet));
            counts = counts.plus(c);
            sheetCounts.merge(sheet, c, ObservationRepository.UpsertCounts::plus);
            b.clear();
        }

        private Source source(String sheet) {
            return sources.computeIfAbsent(sheet, s -> {
                Optional<Source> old = wb.sources().findFile(sha, s);
                if (old.isPresent()) return old.get();
                newSources.add(s);
                return wb.sources().add(Source.newFile(file.getFileName().toString(), sha, s, recipe.name(), Instant.now()));
            });
        }

        private void ensureIndicator(IndicatorSpec spec) {
            if (!knownIndicators.add(spec.id())) return;
            if (wb.indicators().get(spec.id()).isPresent()) return;
            Optional<se.halsolage.catalog.KpiInfo> kpi = KpiCatalog.current().get(spec.id());
            if (kpi.isPresent()) {
                wb.indicators().save(KpiCatalog.toIndicator(kpi.get()));
                IndicatorCuration.Suggestion s = se.halsolage.catalog.IndicatorSuggestions.fromCatalogue(spec.id())
                        .orElseGet(() -> se.halsolage.catalog.IndicatorSuggestions.forKoladaTitle(kpi.get().title()));
                IndicatorCuration c = spec.curation() == null ? new IndicatorCuration(spec.id(), null, null, null, s)
                        : spec.curation().withSuggestion(s);
                wb.indicators().saveCuration(new IndicatorCuration(spec.id(), c.survey(), c.question(), c.measure(), c.suggestion()));
            } else {
                String shortTitle = spec.shortTitle() != null ? spec.shortTitle()
                        : spec.title().length() > 60 ? SurveyTitles.cut(spec.title(), 56) : null;
                wb.indicators().save(new Indicator(spec.id(), spec.title(), shortTitle, spec.unit(), Direction.NEITHER,
                        "Fil: " + file.getFileName(), false, spec.grade(), Set.of(), null, null, null,
                        spec.description() == null ? "Importerad från " + file.getFileName() + " med receptet \""
                                + recipe.name() + "\"." : spec.description()));
                IndicatorCuration c = spec.curation();
                if (c == null) {
                    Direction d = spec.unit() == se.halsolage.domain.Unit.COUNT ? null
                            : se.halsolage.catalog.IndicatorSuggestions.direction(spec.title());
                    c = new IndicatorCuration(spec.id(), null, null, null, d == null ? null
                            : new IndicatorCuration.Suggestion(d, null, null, Set.of(), "namnet i filen"));
                }
                if (!c.id().equals(spec.id())) c = new IndicatorCuration(spec.id(), c.survey(), c.question(), c.measure(), c.suggestion());
                if (c.survey() != null || c.question() != null || c.measure() != null || c.hasSuggestion()) {
                    wb.indicators().saveCuration(c);
                }
            }
            newIndicators++;
            createdIndicators.add(spec.id());
        }

        ImportSummary summary(boolean dry) {
            List<ImportSummary.SourceUse> uses = new ArrayList<>();
            for (var e : sources.entrySet()) uses.add(new ImportSummary.SourceUse(e.getKey(), dry ? 0 : e.getValue().id(),
                    newSources.contains(e.getKey())));
            List<Problem> warnings = new ArrayList<>(grid.notices());
            Problem left = excludedNote();
            if (left != null) warnings.add(left);
            warnings.addAll(ctx.problems);
            warnings.addAll(resolver.warnings());
            return new ImportSummary(file.getFileName().toString(), recipe.name(), uses, counts.added(), counts.updated(),
                    counts.unchanged(), suppressed, missing, resolver.skipped(), newIndicators, resolver.created.size(),
                    warnings, dry ? 0 : runId, dry);
        }
    }

    /**
     * The commit's two threads. A reading thread runs the mapper over the file (parse, cells, periods,
     * indicator specs, duplicate check) and hands the planned values in file order, in chunks of
     * {@value #BATCH}, through a bounded queue to the thread that holds the transaction, which resolves
     * areas, creates indicators and sources, and writes. The reader never touches the workbook: the
     * indicator ids it may ask about are read before it starts, and the rare question the snapshot cannot
     * answer (an id this import itself may have created) is put in the queue and answered by the writer
     * in order. At most {@value #QUEUED} chunks wait in the queue, so the heap does not grow with the file.
     *
     * <p>Everything the user sees happens on the writing thread, in the same order as a single-threaded
     * pass: progress, the cancellation checks, the errors (a failure while reading is handed over after
     * the rows before it and rethrown as it was). When the writer stops early (an error, cancellation),
     * {@link #close()} stops the reader and waits for it, so no thread outlives the commit.
     */
    private final class Pipeline implements AutoCloseable {
        static final int QUEUED = 4;
        private final Run run;
        private final ArrayBlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED);
        private final Thread reader;
        private volatile boolean stop;
        /** Indicator ids (ASCII upper case, as the workbook compares them) stored before the import. */
        private final Set<String> stored = new HashSet<>();
        /** Ids of the indicators the reader has handed over so far (the writer may have created them). */
        private final Set<String> handed = new HashSet<>();
        private Chunk current = new Chunk();

        Pipeline(Run run) {
            this.run = run;
            for (Indicator i : wb.indicators().allIncludingHidden()) stored.add(asciiUpper(i.id()));
            run.ctx.lookup = this::exists;
            run.ctx.stop = () -> stop;
            reader = new Thread(this::read, "halsolage-import-läsare");
            reader.setDaemon(true);
        }

        void start() {
            reader.start();
        }

        /** Writes here what the reader hands over until the file ends; rethrows what stopped either side. */
        void run() {
            boolean interrupted = false;
            try {
                while (true) {
                    Chunk c;
                    try {
                        c = queue.take();
                    } catch (InterruptedException e) {
                        // as on one thread: an interrupt alone does not stop the import, the cancel check does
                        interrupted = true;
                        if (run.cancelled.getAsBoolean()) throw new ImportCancelled();
                        continue;
                    }
                    if (c.ask != null) {
                        c.answer.complete(wb.indicators().get(c.ask).isPresent());
                        continue;
                    }
                    for (int i = 0; i < c.size; i++) run.row(c.rows[i], c.kinds[i]);
                    if (c.failure != null) {
                        if (c.failure instanceof RuntimeException re) throw re;
                        if (c.failure instanceof Error err) throw err;
                        throw new IllegalStateException(c.failure);
                    }
                    if (c.end) break;
                }
                joinReader();
            } finally {
                if (interrupted) Thread.currentThread().interrupt(); // the flag stays as the caller left it
            }
        }

        /** The reading thread: maps the whole file into the queue, then an end (or the failure) chunk. */
        private void read() {
            try {
                java.util.regex.Pattern only = StatsMapper.onlyPattern(recipe.only());
                BuiltInRecipes.mapperFor(recipe).map(grid, recipe, run.ctx, p -> {
                    if (stop) throw new Stopped();
                    if (!wanted(only, p)) return true;
                    current.add(p, run.classify(p));
                    handed.add(asciiUpper(p.indicator().id()));
                    if (current.size == BATCH) handOver();
                    return true;
                });
                current.end = true;
                handOver();
            } catch (Throwable t) {
                if (stop) return; // the writer has stopped: nobody reads this any more
                current.failure = t;
                current.end = true;
                try {
                    handOver();
                } catch (Stopped ignored) {
                    // the writer stopped meanwhile
                }
            }
        }

        private void handOver() {
            Chunk c = current;
            current = new Chunk();
            put(c);
        }

        private void put(Chunk c) {
            try {
                while (!queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
                    if (stop) throw new Stopped();
                }
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        /**
         * Whether the workbook has this indicator, as the writing thread would see it at this point of the
         * file. Stored before the import: yes. Not stored and not among the ids handed over so far: no (only
         * those can have been created since). Otherwise the writer answers once it has written the rows before.
         */
        private boolean exists(String id) {
            String key = asciiUpper(id);
            if (stored.contains(key)) return true;
            if (!handed.contains(key)) return false;
            if (current.size > 0) handOver();
            Chunk ask = new Chunk(id);
            put(ask);
            while (true) {
                if (stop) throw new Stopped();
                try {
                    return ask.answer.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // ask again whether to stop
                } catch (InterruptedException e) {
                    throw new Stopped();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }

        private void joinReader() {
            boolean interrupted = false;
            while (reader.isAlive()) {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }

        /** Stops the reader (when the writer ended early) and waits until it has ended. */
        @Override
        public void close() {
            stop = true;
            if (reader.getState() == Thread.State.NEW) return;
            queue.clear();
            joinReader();
        }
    }

    /** Planned values in file order with what to do with each, or a question for the writer. */
    private static final class Chunk {
        final Planned[] rows;
        final byte[] kinds;
        int size;
        boolean end;
        Throwable failure;
        final String ask;
        final CompletableFuture<Boolean> answer;

        Chunk() {
            rows = new Planned[BATCH];
            kinds = new byte[BATCH];
            ask = null;
            answer = null;
        }

        Chunk(String ask) {
            rows = new Planned[0];
            kinds = new byte[0];
            this.ask = ask;
            answer = new CompletableFuture<>();
        }

        void add(Planned p, byte kind) {
            rows[size] = p;
            kinds[size++] = kind;
        }
    }

    /** Unwinds the reading thread once the writer has stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() { super(null, null, false, false); }
    }

    /** Whether a planned value's indicator is among those {@code --only} chose (its title or id matches). */
    static boolean chosen(java.util.regex.Pattern only, Planned p) {
        return only == null || only.matcher(p.indicator().title()).find() || only.matcher(p.indicator().id()).find();
    }

    /** Upper case for ASCII letters only: how the workbook compares indicator ids (COLLATE NOCASE). */
    static String asciiUpper(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'a' && ch <= 'z') {
                if (c == null) c = s.toCharArray();
                c[i] = (char) (ch - 32);
            }
        }
        return c == null ? s : new String(c);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new UserError("Kan inte läsa " + file + ": " + e.getMessage(), e);
        }
    }
}
