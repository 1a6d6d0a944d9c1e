package se.halsolage.workbook;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One workbook: a single SQLite file holding indicators, observations, initiatives, targets and
 * settings. The only code that speaks SQL lives in this package.
 *
 * <p>One connection, one writer: every change goes through {@link #transaction(Function)}, which
 * runs as one SQLite {@code BEGIN IMMEDIATE} transaction and rolls back completely on any error.
 * Before a migration the file is copied next to itself (see {@link #backupFolder(Path)}).
 */
public final class Workbook implements AutoCloseable {
    public static final String EXTENSION = ".halsa";
    private static final Logger LOG = LoggerFactory.getLogger(Workbook.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String SQLITE_MAGIC = "SQLite format 3\0";

    private final Path file;
    private final Dialect dialect;
    /** The server and schema of a PostgreSQL workbook; null for a file. */
    private final PostgresStore pg;
    private final Connection connection;
    private final WriterLock writerLock;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();
    private int txDepth;
    /** Counts ended top-level transactions (commit or rollback): read caches of key dictionaries check it. */
    private volatile long generation;
    private Path lastMigrationBackup;

    private final IndicatorRepository indicators = new IndicatorRepository(this);
    private final AreaRepository areas = new AreaRepository(this);
    private final ObservationRepository observations = new ObservationRepository(this);
    private final SourceRepository sources = new SourceRepository(this);
    private final InitiativeRepository initiatives = new InitiativeRepository(this);
    private final TargetRepository targets = new TargetRepository(this);
    private final SettingsRepository settings = new SettingsRepository(this);
    private final StoryRepository stories = new StoryRepository(this);
    private final KoladaCacheRepository koladaCache = new KoladaCacheRepository(this);
    private final RecipeRepository recipes = new RecipeRepository(this);
    private final ImportLogRepository imports = new ImportLogRepository(this);
    private final PlanIndicatorRepository planIndicators = new PlanIndicatorRepository(this);
    private final ComparisonSetRepository comparisonSets = new ComparisonSetRepository(this);

    private Workbook(Path file, Connection connection, WriterLock writerLock, boolean readOnly) {
        this(file, Dialect.SQLITE, null, connection, writerLock, readOnly);
    }

    private Workbook(Path file, Dialect dialect, PostgresStore pg, Connection connection, WriterLock writerLock, boolean readOnly) {
        this.file = file;
        this.dialect = dialect;
        this.pg = pg;
        this.connection = connection;
        this.writerLock = writerLock;
        this.readOnly = readOnly;
    }

    /** Creates a new, empty workbook (schema only). Fails if the file already exists. */
    public static Workbook create(Path file) {
        if (PostgresStore.is(file)) return createPostgres(PostgresStore.of(file));
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new WorkbookException("Filen finns redan: " + abs + ". Välj ett annat namn eller ta bort filen först.");
        }
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new WorkbookException("Kan inte skapa mappen för " + abs + ": " + e.getMessage(), e);
        }
        WriterLock lock = WriterLock.acquire(abs);
        try {
            migrate(abs, false, null);
            return connect(abs, lock);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** For tests of upgrades: creates a workbook file at an older schema version and closes it. */
    static void createAtVersion(Path file, String version) {
        migrate(file.toAbsolutePath(), false, version);
    }

    /**
     * Opens an existing workbook for writing, migrating it to the current schema if needed: under the
     * writer lock, a backup copy first, then the upgrade runs on a copy beside the file, which is swapped
     * in atomically, so an interrupted upgrade leaves the old file as it was.
     */
    public static Workbook open(Path file) {
        if (PostgresStore.is(file)) return openPostgres(PostgresStore.of(file), false);
        Path abs = file.toAbsolutePath();
        checkRegularFile(abs, "Arbetsboken");
        checkIsSqlite(abs);
        checkIsOurs(abs);
        checkWritable(abs);
        WriterLock lock = WriterLock.acquire(abs);
        try {
            Path backup = isCurrent(abs) ? null : upgradeBeside(abs);
            Workbook wb = connect(abs, lock);
            wb.lastMigrationBackup = backup;
            return wb;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Builds a new workbook beside {@code file} with {@code build} (given the temporary path; it returns
     * the workbook it made, open) and swaps it in with an atomic rename, all under {@code file}'s writer
     * lock: an open workbook is never deleted or replaced (the message says who holds it), and a process
     * killed at any moment leaves either the old file or the complete new one. Stale -wal/-shm files of the
     * old file are removed only under the lock, after a checkpoint. Without {@code overwrite} an existing
     * file is refused. Returns the new workbook, open for writing.
     */
    public static Workbook replace(Path file, boolean overwrite, Function<Path, Workbook> build) {
        if (PostgresStore.is(file)) return PostgresWorkbooks.replace(PostgresStore.of(file), overwrite, build);
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(abs)) {
            if (!overwrite) {
                throw new WorkbookException("Filen finns redan: " + abs + ". Välj ett annat namn, eller skriv över den (--force).");
            }
            checkRegularFile(abs, "Filen");
        }
        try {
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new WorkbookException(SqliteErrors.describe(abs, "skapas", e, false), e);
        }
        WriterLock lock = WriterLock.acquire(abs);
        Path tmp = null;
        try {
            removeStaleTemporaries(abs);
            tmp = temporaryBeside(abs, "ny");
            try (Workbook built = build.apply(tmp)) {
                LOG.debug("ny arbetsbok byggd i {}", built.file());
            } catch (RuntimeException e) {
                if (SqliteErrors.kind(e) == SqliteErrors.Kind.OTHER) throw e;
                throw new WorkbookException(SqliteErrors.describe(abs, "skapas", e, false)
                        + (Files.exists(abs) ? " Den befintliga filen " + abs.getFileName() + " är orörd." : ""), e);
            }
            if (!overwrite && Files.exists(abs)) throw new WorkbookException("Filen finns redan: " + abs + ".");
            swapIn(abs, tmp);
            tmp = null;
            return connect(abs, lock);
        } catch (IOException e) {
            lock.release();
            throw new WorkbookException(SqliteErrors.describe(abs, "sparas", e, false)
                    + (Files.exists(abs) ? " Den gamla filen är orörd." : ""), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        } finally {
            if (tmp != null) deleteWithSidecars(tmp);
        }
    }

    /**
     * Replaces the (closed) workbook {@code abs} with a copy of {@code source}, under the writer lock: the
     * source is copied beside the file first, the current file is backed up ({@code reason}), then the copy
     * is swapped in atomically. Returns the backup of the state before.
     */
    static Path replaceWithCopyOf(Path abs, Path source, String reason) {
        if (PostgresStore.is(abs)) {
            throw new WorkbookException("En länsarbetsbok på PostgreSQL återställs av serverns säkerhetskopior "
                    + "(se docs/postgresql.md), inte av Hälsoläge. Inget ändrades.");
        }
        checkRegularFile(abs, "Arbetsboken");
        checkWritable(abs);
        WriterLock lock = WriterLock.acquire(abs);
        Path tmp = null;
        try {
            removeStaleTemporaries(abs);
            tmp = temporaryBeside(abs, "aterstallning");
            // copy the chosen backup aside first: the backup of the current state below prunes old backups,
            // which may be the very one chosen
            try (Connection c = immutableSource(source).getConnection();
                 PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.execute();
            } catch (SQLException e) {
                throw new WorkbookException(SqliteErrors.describe(source, "läsas", e, true), e);
            }
            Path before = copyBeforeChange(abs, reason);
            swapIn(abs, tmp);
            tmp = null;
            return before;
        } catch (IOException e) {
            throw new WorkbookException(SqliteErrors.describe(abs, "återställas", e, true), e);
        } finally {
            if (tmp != null) deleteWithSidecars(tmp);
            lock.release();
        }
    }

    /** Upgrades a copy beside the (locked) file and swaps it in; returns the backup made first. */
    private static Path upgradeBeside(Path abs) {
        removeStaleTemporaries(abs);
        Path tmp = temporaryBeside(abs, "uppgradering");
        try {
            try (Connection c = dataSource(abs).getConnection(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, tmp.toString());
                ps.execute();
            } catch (SQLException e) {
                throw new WorkbookException(SqliteErrors.describe(abs, "uppgraderas", e, true), e);
            }
            Path backup = migrate(tmp, true, null, abs);
            swapIn(abs, tmp);
            tmp = null;
            return backup;
        } catch (IOException e) {
            throw new WorkbookException(SqliteErrors.describe(abs, "uppgraderas", e, true), e);
        } finally {
            if (tmp != null) deleteWithSidecars(tmp);
        }
    }

    private static SQLiteDataSource immutableSource(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file.toUri().toString().replaceFirst("^file:///", "file:/") + "?immutable=1");
        return ds;
    }

    /** A hidden temporary path beside the workbook: ".<name>.<purpose>-<random>.tmp". */
    private static Path temporaryBeside(Path abs, String purpose) {
        return abs.resolveSibling("." + abs.getFileName() + "." + purpose + "-"
                + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36) + ".tmp");
    }

    /** Leftovers of a build, upgrade or restore that was killed; only called under the writer lock. */
    private static void removeStaleTemporaries(Path abs) {
        Path dir = abs.getParent();
        if (dir == null) return;
        String prefix = "." + abs.getFileName() + ".";
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(prefix) && n.matches(".*\\.(ny|uppgradering|aterstallning)-[0-9a-z]+\\.tmp(-wal|-shm|-journal|\\.lock)?")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.debug("kunde inte städa gamla temporära filer bredvid {}", abs, e);
        }
    }

    private static void deleteWithSidecars(Path p) {
        for (String suffix : new String[]{"", "-wal", "-shm", "-journal", ".lock"}) {
            try {
                Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
            } catch (IOException ignored) {
                // a hidden leftover; removed by the next replace under the lock
            }
        }
    }

    /**
     * Swaps the finished file {@code tmp} in for {@code abs} (whose writer lock the caller holds):
     * fsync, checkpoint the old file so its -wal holds nothing, remove its -wal/-shm, rename atomically,
     * fsync the folder. A kill before the rename leaves the old file whole, one after it the new one.
     */
    private static void swapIn(Path abs, Path tmp) throws IOException {
        checkpointQuietly(tmp);
        Files.deleteIfExists(Path.of(tmp + "-wal"));
        Files.deleteIfExists(Path.of(tmp + "-shm"));
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path wal = Path.of(abs + "-wal"), shm = Path.of(abs + "-shm");
        if (Files.exists(wal)) checkpointQuietly(abs);
        Files.deleteIfExists(wal);
        Files.deleteIfExists(shm);
        Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        if (abs.getParent() != null) {
            try (java.nio.channels.FileChannel dir = java.nio.channels.FileChannel.open(abs.getParent(), java.nio.file.StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                LOG.debug("fsync av mappen gick inte (t.ex. Windows)", e);
            }
        }
    }

    /** Moves what a -wal holds into the main file (and lets SQLite remove the -wal); quiet if it is no database. */
    private static void checkpointQuietly(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig());
        ds.setUrl("jdbc:sqlite:" + file);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.debug("checkpoint av {} gick inte", file, e);
        }
    }

    /** Refuses what is not a plain file, with a message of its own for folders, FIFOs, devices and link loops. */
    static void checkRegularFile(Path abs, String what) {
        String problem = se.halsolage.domain.SpecialFiles.problem(abs);
        if (problem != null) throw new WorkbookException(what + " " + problem);
    }

    /** A workbook that is opened for writing needs a writable file and folder (lock, -wal, backups). */
    private static void checkWritable(Path abs) {
        if (!Files.isWritable(abs)) {
            throw new WorkbookException(SqliteErrors.describe(abs, "ändras",
                    new IOException("SQLITE_READONLY"), true).replace("Inget ändrades i arbetsboken.",
                    "Inget ändrades. Kommandon som bara läser (info, series, indicators, chart, report) fungerar ändå."));
        }
        Path dir = abs.getParent();
        if (dir != null && !Files.isWritable(dir)) {
            throw new WorkbookException(SqliteErrors.describe(abs, "öppnas för skrivning",
                    new IOException("SQLITE_READONLY_DIRECTORY"), true).replace("Inget ändrades i arbetsboken.",
                    "Inget ändrades. Kommandon som bara läser (info, series, indicators, chart, report) fungerar ändå."));
        }
    }

    /**
     * Opens a workbook for reading only, e.g. while another window or program has it open for
     * writing. Nothing is migrated or created: when no writer has the file open (no -wal beside it) the
     * writer lock is held while reading and SQLite reads the file as immutable, so no -wal/-shm appear;
     * while a writer has it open, its -wal/-shm are read as they are. Any attempt to change it fails with a
     * clear message. See {@link #needsUpgrade()} for a file of an older schema.
     */
    public static Workbook openReadOnly(Path file) {
        if (PostgresStore.is(file)) return openPostgres(PostgresStore.of(file), true);
        Path abs = file.toAbsolutePath();
        checkRegularFile(abs, "Arbetsboken");
        checkIsSqlite(abs);
        checkIsOurs(abs);
        WriterLock held = null;
        boolean immutable = false;
        if (!Files.exists(Path.of(abs + "-wal"))) {
            Path dir = abs.getParent();
            if (dir != null && !Files.isWritable(dir)) {
                immutable = true; // nobody can start writing in a read-only folder (no lock, no -wal)
            } else {
                try {
                    held = WriterLock.acquire(abs, "läser");
                    immutable = true;
                } catch (WorkbookBusyException e) {
                    held = null; // another reader or a writer that has not read yet: read it the ordinary way
                } catch (WorkbookException e) {
                    immutable = true;
                }
            }
        }
        try {
            Connection c = (immutable ? immutableSource(abs) : sharedReadSource(abs)).getConnection();
            return new Workbook(abs, c, held, true);
        } catch (SQLException e) {
            if (held != null) held.release();
            throw new WorkbookException(SqliteErrors.describe(abs, "läsas", e, true), e);
        } catch (RuntimeException e) {
            if (held != null) held.release();
            throw e;
        }
    }

    /**
     * What this process does, as a refused second writer will be told ("halsolage import",
     * "Hälsoläge-fönstret"); written into the lock side file of each workbook it opens.
     */
    public static void describeActivity(String what) {
        WriterLock.describeActivity(what);
    }

    /** True when opened with {@link #openReadOnly(Path)}. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** True when the file's schema is older than this build's (reading it may fail; opening it for writing upgrades it). */
    public boolean needsUpgrade() {
        int latest = Migrations.latest();
        return latest > 0 && schemaNumber() < latest;
    }

    /** The newest applied schema version as a number (0 when none). */
    public int schemaNumber() {
        return withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** PRAGMA quick_check(1): "ok" when the pages are sound, else SQLite's first finding. */
    public String quickCheck() {
        if (dialect == Dialect.POSTGRESQL) return "ok"; // the server checks its own pages (data checksums)
        try {
            return withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
                    return rs.next() ? rs.getString(1) : "ok";
                }
            });
        } catch (WorkbookException e) {
            return e.getMessage();
        }
    }

    /** A read-only connection that uses the -wal/-shm a writer has beside the file. */
    private static SQLiteDataSource sharedReadSource(Path abs) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5000);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + abs);
        return ds;
    }

    /** For a look that must create nothing beside the file: immutable when no -wal is there, else shared. */
    private static SQLiteDataSource lookSource(Path abs) {
        if (Files.exists(Path.of(abs + "-wal"))) return sharedReadSource(abs);
        SQLiteDataSource ds = immutableSource(abs);
        return ds;
    }

    private static void checkIsSqlite(Path abs) {
        try (InputStream in = Files.newInputStream(abs)) {
            byte[] head = in.readNBytes(16);
            if (head.length == 0) {
                throw new WorkbookException("Filen " + abs.getFileName() + " är tom och är ingen Hälsoläge-arbetsbok.");
            }
            if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals(SQLITE_MAGIC)) {
                throw new WorkbookException("Filen " + abs.getFileName()
                        + " är ingen Hälsoläge-arbetsbok (det är inte en SQLite-fil).");
            }
        } catch (IOException e) {
            throw new WorkbookException("Kan inte läsa " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything can write to the file (Flyway, or even switching the journal mode), a
     * SQLite database of another program and a workbook from a newer Hälsoläge. Read-only.
     */
    private static void checkIsOurs(Path abs) {
        SQLiteDataSource ds = lookSource(abs);
        int tables, history, newest = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(name = 'flyway_schema_history'), 0) "
                    + "FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")) {
                rs.next();
                tables = rs.getInt(1);
                history = rs.getInt(2);
            }
            if (history > 0) {
                try (ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history "
                        + "WHERE version IS NOT NULL")) {
                    if (rs.next()) newest = rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new WorkbookException(SqliteErrors.kind(e) == SqliteErrors.Kind.DAMAGED ? damaged(abs, e)
                    : SqliteErrors.describe(abs, "läsas", e, true), e);
        }
        if (history == 0 && tables > 0) {
            throw new WorkbookException("Filen " + abs.getFileName() + " är en SQLite-databas men ingen Hälsoläge-arbetsbok.");
        }
        if (history == 0) {
            throw new WorkbookException("Filen " + abs.getFileName() + " är en tom SQLite-databas och ingen Hälsoläge-arbetsbok. "
                    + "Skapa en ny arbetsbok i stället (Arkiv › Ny, eller halsolage demo). Filen har inte ändrats.");
        }
        int latest = Migrations.latest();
        if (latest > 0 && newest > latest) {
            throw new WorkbookException("Arbetsboken " + abs.getFileName() + " är skapad med en nyare version av Hälsoläge "
                    + "(schema " + newest + ", det här programmet känner till " + latest + "). Uppdatera programmet för att "
                    + "öppna den. Filen har inte ändrats.");
        }
    }

    /** A Swedish sentence for a file SQLite reports as damaged or not a database. */
    static String damaged(Path abs, SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("malformed") || m.contains("corrupt") || m.contains("not a database")) {
            return "Arbetsboken " + abs.getFileName() + " är skadad och kan inte läsas. Återställ den senaste "
                    + "säkerhetskopian (mappen " + backupFolder(abs).getFileName() + " bredvid filen).";
        }
        return "Kan inte läsa arbetsboken " + abs.getFileName() + ": " + e.getMessage();
    }

    private static SQLiteConfig config() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setBusyTimeout(5000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return cfg;
    }

    private static SQLiteDataSource dataSource(Path abs) {
        SQLiteDataSource ds = new SQLiteDataSource(config());
        ds.setUrl("jdbc:sqlite:" + abs);
        return ds;
    }

    /** Runs pending migrations. For an existing file with pending ones, copies the file first. */
    private static Path migrate(Path abs, boolean existing, String targetVersion) {
        return migrate(abs, existing, targetVersion, abs);
    }

    /** The migration that made observations compact (issue 18); a workbook crossing it is vacuumed once. */
    static final int COMPACT_OBSERVATIONS = 40;

    private static boolean crossed(MigrateResult result, int version) {
        String from = result.initialSchemaVersion;
        if (from == null || from.isEmpty() || from.equals("<< Empty Schema >>")) return false;
        try {
            return Integer.parseInt(from.split("\\.")[0]) < version && result.targetSchemaVersion != null
                    && Integer.parseInt(result.targetSchemaVersion.split("\\.")[0]) >= version;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void vacuum(Path abs) {
        try (Connection c = dataSource(abs).getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new WorkbookException(SqliteErrors.describe(abs, "uppgraderas", e, true), e);
        }
    }

    /** {@link #migrate(Path, boolean, String)} on {@code abs}, a copy of {@code original} (backups and messages name the original). */
    private static Path migrate(Path abs, boolean existing, String targetVersion, Path original) {
        var cfg = Flyway.configure(Workbook.class.getClassLoader());
        if (targetVersion != null) cfg = cfg.target(targetVersion);
        Flyway flyway = cfg
                .dataSource(dataSource(abs))
                .locations(MIGRATIONS)
                .baselineOnMigrate(false)
                .validateMigrationNaming(true)
                .load();
        Path backup = null;
        try {
            MigrationInfo[] pending = flyway.info().pending();
            MigrationInfo current = flyway.info().current();
            if (existing && pending.length > 0) {
                if (current == null && hasForeignTables(abs)) {
                    throw new WorkbookException("Filen " + original.getFileName()
                            + " är en SQLite-databas men ingen Hälsoläge-arbetsbok.");
                }
                String from = current == null ? "0" : current.getVersion().getVersion();
                backup = copyBeforeChange(abs, "fore-uppgradering-v" + from, original);
                LOG.info("Arbetsboken uppgraderas från schemaversion {}; kopia sparad i {}", from, backup);
            }
            if (existing && current != null && pending.length == 0) {
                MigrationInfo[] applied = flyway.info().applied();
                for (MigrationInfo mi : applied) {
                    if (mi.getState().name().contains("FUTURE")) {
                        throw new WorkbookException("Arbetsboken " + original.getFileName()
                                + " är skapad med en nyare version av Hälsoläge (schema " + mi.getVersion()
                                + "). Uppdatera programmet för att öppna den.");
                    }
                }
            }
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.debug("{} migreringar körda på {}", result.migrationsExecuted, abs);
            }
            if (existing && result.migrationsExecuted > 0 && crossed(result, COMPACT_OBSERVATIONS)) {
                // V40 rewrote every observation into the compact table: give the old table's pages back to the disk
                // (a 157 MB workbook becomes 22 MB). Runs on the copy beside the file, before it is swapped in.
                vacuum(abs);
            }
        } catch (WorkbookException e) {
            throw e;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("newer than") || String.valueOf(e.getMessage()).contains("not resolved locally")) {
                throw new WorkbookException("Arbetsboken " + original.getFileName()
                        + " är skapad med en nyare version av Hälsoläge. Uppdatera programmet för att öppna den.", e);
            }
            if (SqliteErrors.kind(e) != SqliteErrors.Kind.OTHER) {
                throw new WorkbookException(SqliteErrors.describe(original, "uppgraderas", e, true), e);
            }
            throw new WorkbookException("Kunde inte uppgradera arbetsboken " + original.getFileName() + ": "
                    + SqliteErrors.firstLine(e) + ". Filen har inte ändrats."
                    + (backup != null ? " En kopia av originalet finns i " + backup : ""), e);
        }
        return backup;
    }

    /**
     * True when the file's schema history already ends at this build's newest migration with no
     * failed step: then Flyway (and its start-up cost) is not needed.
     */
    private static boolean isCurrent(Path abs) {
        int latest = Migrations.latest();
        if (latest <= 0) return false;
        try (Connection c = dataSource(abs).getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)), sum(success = 0) "
                     + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
            return rs.next() && rs.getInt(1) == latest && rs.getInt(2) == 0;
        } catch (SQLException e) {
            return false; // no history table, or unreadable: let the full path explain
        }
    }

    /** Tables but no Flyway history: some other program's SQLite database. */
    private static boolean hasForeignTables(Path abs) {
        try (Connection c = dataSource(abs).getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), sum(name = 'flyway_schema_history') FROM sqlite_master "
                     + "WHERE type='table' AND name NOT LIKE 'sqlite_%'")) {
            return rs.next() && rs.getInt(1) > 0 && rs.getInt(2) == 0;
        } catch (SQLException e) {
            throw new WorkbookException("Kan inte läsa " + abs.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The folder where backups of {@code workbook} are kept: "<name>.halsa.backups" beside it. */
    public static Path backupFolder(Path workbook) {
        Path abs = workbook.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".backups");
    }

    /** A consistent copy (VACUUM INTO) of a workbook file that is not open in this process. */
    private static Path copyBeforeChange(Path abs, String reason) {
        return copyBeforeChange(abs, reason, abs);
    }

    /** A consistent copy of {@code abs} among the backups of {@code original} (the same file, or a copy of it). */
    private static Path copyBeforeChange(Path abs, String reason, Path original) {
        try (Connection c = dataSource(abs).getConnection()) {
            return vacuumInto(c, original, reason);
        } catch (SQLException e) {
            throw new WorkbookException(Backups.failed(original, e), e);
        }
    }

    private static Path vacuumInto(Connection c, Path abs, String reason) {
        return Backups.write(abs, reason, target -> {
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toString());
                ps.execute();
            }
        });
    }

    private static Workbook connect(Path abs, WriterLock lock) {
        try {
            Connection c = dataSource(abs).getConnection();
            c.setAutoCommit(true);
            return new Workbook(abs, c, lock, false);
        } catch (SQLException e) {
            throw new WorkbookException(SqliteErrors.describe(abs, "öppnas", e, true), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The store's SQL dialect: SQLite for a .halsa file, PostgreSQL for a county workbook. */
    public Dialect dialect() {
        return dialect;
    }

    /** The server address of a PostgreSQL workbook (never with a password); null for a file. */
    public PostgresStore postgres() {
        return pg;
    }

    /** Where the workbook is, as a user writes it: the file's path, or the server address (never with a password). */
    public String location() {
        return pg != null ? pg.address() : file.toString();
    }

    /** A name for messages and titles: the file name, or "databas/schema" on PostgreSQL. */
    public String displayName() {
        return pg != null ? pg.displayName() : String.valueOf(file.getFileName());
    }

    private String describe(String verb, SQLException e) {
        if (pg == null) return SqliteErrors.describe(file, verb, e, true);
        if ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState())) {
            return "Någon annan ändrade samma uppgifter i länsarbetsboken " + pg.displayName() + " samtidigt. Inget av det "
                    + "du gjorde sparades; försök igen.";
        }
        String m = pg.describe(e);
        if (!m.endsWith(".")) m += ".";
        return m + (verb.equals("läsas") || m.contains("Inget ändrades") ? "" : " Inget ändrades.");
    }

    /** Opens a PostgreSQL workbook: migrated to this build's schema first (for writing), or read-only as it is. */
    private static Workbook openPostgres(PostgresStore store, boolean readOnly) {
        if (!readOnly) PostgresWorkbooks.migrate(store, false);
        else PostgresWorkbooks.requireWorkbook(store);
        return connectPostgres(store, readOnly);
    }

    /** Creates the schema of a new PostgreSQL workbook; refused when the schema already holds one. */
    private static Workbook createPostgres(PostgresStore store) {
        PostgresWorkbooks.migrate(store, true);
        return connectPostgres(store, false);
    }

    static Workbook connectPostgres(PostgresStore store, boolean readOnly) {
        try {
            Connection c = store.connectTranslating();
            c.setAutoCommit(true);
            if (readOnly) c.setReadOnly(true);
            return new Workbook(store.asPath(), Dialect.POSTGRESQL, store, c, null, readOnly);
        } catch (SQLException e) {
            throw new WorkbookException(store.describe(e), e);
        }
    }

    /** The backup made when this open migrated the file, or null if no migration was needed. */
    public Path migrationBackup() {
        return lastMigrationBackup;
    }

    /** A consistent copy of this workbook in its backup folder. */
    public Path backup(String reason) {
        if (dialect == Dialect.POSTGRESQL) return null; // the server's backups (pg_dump, WAL archiving) cover it
        lock.lock();
        try {
            return vacuumInto(connection, file, reason);
        } finally {
            lock.unlock();
        }
    }

    /** A consistent copy of this workbook at {@code target} ("Spara som"); the target must not exist. */
    public void copyTo(Path target) {
        if (dialect == Dialect.POSTGRESQL || PostgresStore.is(target)) {
            WorkbookCopy.copy(this, target);
            return;
        }
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new WorkbookException("Filen finns redan: " + abs + ". Välj ett annat namn.");
        }
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, abs.toString());
                ps.execute();
            }
            return null;
        });
    }

    /** The latest applied schema version, e.g. "1". */
    public String schemaVersion() {
        return withConnection(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                                 + "ORDER BY installed_rank DESC LIMIT 1")) {
                return rs.next() ? rs.getString(1) : "0";
            }
        });
    }

    public IndicatorRepository indicators() { return indicators; }
    public AreaRepository areas() { return areas; }
    public ObservationRepository observations() { return observations; }

    /** Fast filling of generated workbooks, for {@code bench} only. */
    public BenchData benchData() { return new BenchData(this); }
    public SourceRepository sources() { return sources; }
    public InitiativeRepository initiatives() { return initiatives; }
    public TargetRepository targets() { return targets; }
    public SettingsRepository settings() { return settings; }
    public StoryRepository stories() { return stories; }
    public KoladaCacheRepository koladaCache() { return koladaCache; }
    public RecipeRepository recipes() { return recipes; }
    public ImportLogRepository imports() { return imports; }
    public PlanIndicatorRepository planIndicators() { return planIndicators; }

    /** The user's named comparison sets (schema 50). */
    public ComparisonSetRepository comparisonSets() { return comparisonSets; }

    /**
     * Runs {@code work} as one transaction: all of it is stored, or on any exception none of it.
     * Nested calls join the outer transaction.
     */
    public <T> T transaction(Function<Workbook, T> work) {
        if (isReadOnly()) {
            throw new WorkbookException("Arbetsboken " + file.getFileName()
                    + " är öppnad skrivskyddad (den är öppen i ett annat fönster eller program). Inget ändrades.");
        }
        checkAccess();
        lock.lock();
        try {
            if (txDepth > 0) {
                txDepth++;
                try {
                    return work.apply(this);
                } finally {
                    txDepth--;
                }
            }
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new WorkbookException(describe("ändras", e), e);
            }
            txDepth = 1;
            boolean ok = false;
            try {
                T result = work.apply(this);
                connection.commit();
                ok = true;
                return result;
            } catch (SQLException e) {
                throw new WorkbookException(describe("sparas", e), e);
            } finally {
                txDepth = 0;
                generation++;
                try {
                    if (!ok) connection.rollback();
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    // SQLite rolls back by itself after SQLITE_FULL and some I/O errors ("no transaction is
                    // active"); the failure itself is reported by the exception on its way out
                    LOG.debug("Återställning efter fel: {}", e.getMessage());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves everything the -wal holds into the file and empties the -wal (checkpoint TRUNCATE), so the file on
     * disk is the data: called after an import, which may have written hundreds of megabytes of -wal. Quiet when
     * another connection reads at the moment (the -wal then shrinks at the next checkpoint or on close).
     */
    public void checkpoint() {
        if (dialect == Dialect.POSTGRESQL) return;
        if (isReadOnly() || isInTransaction()) return;
        withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    /** The size on disk (the file and its -wal), the number of stored values and the bytes per value. */
    public record StorageInfo(long fileBytes, long walBytes, long values) {
        public long totalBytes() {
            return fileBytes + walBytes;
        }

        /** Bytes on disk per stored value (the whole workbook, indexes included); 0 without values. */
        public double bytesPerValue() {
            return values == 0 ? 0 : (double) totalBytes() / values;
        }
    }

    public StorageInfo storageInfo() {
        long values = observations.count();
        if (dialect == Dialect.POSTGRESQL) {
            long bytes = withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(sum(pg_total_relation_size("
                        + "quote_ident(schemaname) || '.' || quote_ident(tablename))), 0) FROM pg_tables WHERE schemaname = current_schema()")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            return new StorageInfo(bytes, 0, values);
        }
        long main = sizeOf(file), wal = sizeOf(Path.of(file + "-wal"));
        return new StorageInfo(main, wal, values);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** See {@link #generation}; with SQLite's data_version it tells whether cached dictionary rows may be stale. */
    long generation() {
        return generation;
    }

    /** {@link #transaction(Function)} for work that returns nothing. */
    public void inTransaction(Consumer<Workbook> work) {
        transaction(wb -> {
            work.accept(wb);
            return null;
        });
    }

    /** True while the current thread is inside {@link #transaction(Function)}. */
    public boolean isInTransaction() {
        return lock.isHeldByCurrentThread() && txDepth > 0;
    }

    void requireTransaction() {
        if (!isInTransaction()) {
            throw new IllegalStateException("Ändringar i arbetsboken måste göras i Workbook.transaction(...)");
        }
    }

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    private static volatile Runnable accessCheck;

    /**
     * A check run before every statement and transaction, on the calling thread (null: none). The
     * desktop's test mode uses it to catch workbook calls on the FX thread, which would freeze the
     * window while an import holds the workbook.
     */
    public static void setAccessCheck(Runnable check) {
        accessCheck = check;
    }

    private static void checkAccess() {
        Runnable c = accessCheck;
        if (c != null) c.run();
    }

    /** Runs SQL under the workbook's lock; translates SQL errors into Swedish WorkbookExceptions. */
    <T> T withConnection(SqlFunction<T> fn) {
        checkAccess();
        lock.lock();
        try {
            return fn.apply(connection);
        } catch (SQLException e) {
            if (dialect == Dialect.POSTGRESQL) throw new WorkbookException(describe(isReadOnly() ? "läsas" : "sparas", e), e);
            if (SqliteErrors.kind(e) != SqliteErrors.Kind.OTHER) {
                throw new WorkbookException(SqliteErrors.describe(file, isReadOnly() ? "läsas" : "sparas", e, true), e);
            }
            throw new WorkbookException("Fel i arbetsboken " + file.getFileName() + ": " + SqliteErrors.firstLine(e), e);
        } finally {
            lock.unlock();
        }
    }

    /** PRAGMA integrity_check; "ok" when the file is sound. */
    public String integrityCheck() {
        if (dialect == Dialect.POSTGRESQL) return "ok";
        return withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    if (!sb.isEmpty()) sb.append('\n');
                    sb.append(rs.getString(1));
                }
                return sb.toString();
            }
        });
    }

    /**
     * A SHA-256 over every row of every table (except Flyway's history), in a fixed order: equal
     * digests mean equal content. Used to prove that a failed or interrupted operation changed nothing.
     */
    public String contentDigest() {
        return contentDigest(java.util.function.UnaryOperator.identity());
    }

    /** {@link #contentDigest()} with every cell's text passed through {@code normalize} first. */
    public String contentDigest(java.util.function.UnaryOperator<String> normalize) {
        return withConnection(c -> {
            java.security.MessageDigest md;
            try {
                md = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            java.util.List<String> names = contentTables(c, dialect);
            for (String n : names) {
                md.update(("#" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + n + "\" ORDER BY 1, 2")) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder("|");
                        for (int i = 1; i <= cols; i++) row.append(normalize.apply(rs.getString(i))).append('\u0001');
                        md.update(row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        });
    }

    /** The workbook's own tables (not SQLite's or Flyway's), by name. */
    static java.util.List<String> contentTables(Connection c, Dialect dialect) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables "
                    + "WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            java.util.Collections.sort(names); // SQLite's order (binary), whatever the database's collation
            return names;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type='table' "
                     + "AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    /** Number of rows per table, for "info". */
    public java.util.Map<String, Long> tableCounts() {
        return withConnection(c -> {
            java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
            java.util.List<String> names = contentTables(c, dialect);
            for (String n : names) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + n + "\"")) {
                    rs.next();
                    // schema 40: the values live in "obs" (read as the view "observations"); keep the known name
                    counts.put(n.equals("obs") ? "observations" : n, rs.getLong(1));
                }
            }
            return counts;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection.isClosed()) return;
            if (!isReadOnly() && dialect == Dialect.SQLITE) try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.debug("checkpoint failed", e);
            }
            connection.close();
        } catch (SQLException e) {
            throw new WorkbookException("Kunde inte stänga arbetsboken: " + e.getMessage(), e);
        } finally {
            if (writerLock != null) writerLock.release();
            lock.unlock();
        }
    }
}
