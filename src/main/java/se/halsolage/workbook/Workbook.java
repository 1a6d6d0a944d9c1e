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
    private final Connection connection;
    private final WriterLock writerLock;
    private final ReentrantLock lock = new ReentrantLock();
    private int txDepth;
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

    private Workbook(Path file, Connection connection, WriterLock writerLock) {
        this.file = file;
        this.connection = connection;
        this.writerLock = writerLock;
    }

    /** Creates a new, empty workbook (schema only). Fails if the file already exists. */
    public static Workbook create(Path file) {
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

    /** Opens an existing workbook, migrating it to the current schema (after a backup copy) if needed. */
    public static Workbook open(Path file) {
        Path abs = file.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            throw new WorkbookException("Arbetsboken finns inte: " + abs);
        }
        checkIsSqlite(abs);
        checkIsOurs(abs);
        WriterLock lock = WriterLock.acquire(abs);
        try {
            Path backup = isCurrent(abs) ? null : migrate(abs, true, null);
            Workbook wb = connect(abs, lock);
            wb.lastMigrationBackup = backup;
            return wb;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Opens a workbook for reading only, e.g. while another window or program has it open for
     * writing. Nothing is migrated; any attempt to change it fails with a clear message.
     */
    public static Workbook openReadOnly(Path file) {
        Path abs = file.toAbsolutePath();
        if (!Files.isRegularFile(abs)) throw new WorkbookException("Arbetsboken finns inte: " + abs);
        checkIsSqlite(abs);
        try {
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(true);
            cfg.setBusyTimeout(5000);
            SQLiteDataSource ds = new SQLiteDataSource(cfg);
            ds.setUrl("jdbc:sqlite:" + abs);
            Connection c = ds.getConnection();
            return new Workbook(abs, c, null);
        } catch (SQLException e) {
            throw new WorkbookException("Kan inte öppna arbetsboken " + abs + ": " + e.getMessage(), e);
        }
    }

    /** True when opened with {@link #openReadOnly(Path)}. */
    public boolean isReadOnly() {
        return writerLock == null;
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
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5000);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + abs);
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
            throw new WorkbookException(damaged(abs, e), e);
        }
        if (history == 0 && tables > 0) {
            throw new WorkbookException("Filen " + abs.getFileName() + " är en SQLite-databas men ingen Hälsoläge-arbetsbok.");
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
                    throw new WorkbookException("Filen " + abs.getFileName()
                            + " är en SQLite-databas men ingen Hälsoläge-arbetsbok.");
                }
                String from = current == null ? "0" : current.getVersion().getVersion();
                backup = copyBeforeChange(abs, "fore-uppgradering-v" + from);
                LOG.info("Arbetsboken uppgraderas från schemaversion {}; kopia sparad i {}", from, backup);
            }
            if (existing && current != null && pending.length == 0) {
                MigrationInfo[] applied = flyway.info().applied();
                for (MigrationInfo mi : applied) {
                    if (mi.getState().name().contains("FUTURE")) {
                        throw new WorkbookException("Arbetsboken " + abs.getFileName()
                                + " är skapad med en nyare version av Hälsoläge (schema " + mi.getVersion()
                                + "). Uppdatera programmet för att öppna den.");
                    }
                }
            }
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.debug("{} migreringar körda på {}", result.migrationsExecuted, abs);
            }
        } catch (WorkbookException e) {
            throw e;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("newer than") || String.valueOf(e.getMessage()).contains("not resolved locally")) {
                throw new WorkbookException("Arbetsboken " + abs.getFileName()
                        + " är skapad med en nyare version av Hälsoläge. Uppdatera programmet för att öppna den.", e);
            }
            throw new WorkbookException("Kunde inte uppgradera arbetsboken " + abs.getFileName() + ": "
                    + e.getMessage() + (backup != null ? " En kopia av originalet finns i " + backup : ""), e);
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
        try (Connection c = dataSource(abs).getConnection()) {
            return vacuumInto(c, abs, reason);
        } catch (SQLException | IOException e) {
            throw new WorkbookException("Kunde inte göra en säkerhetskopia av " + abs.getFileName()
                    + " innan den ändrades: " + e.getMessage(), e);
        }
    }

    private static Path vacuumInto(Connection c, Path abs, String reason) throws IOException, SQLException {
        Path dir = backupFolder(abs);
        Files.createDirectories(dir);
        String base = abs.getFileName().toString().replaceFirst("\\.halsa$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path target = dir.resolve(base + "-" + stamp + "-" + reason + EXTENSION);
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toString());
            ps.execute();
        }
        Backups.prune(abs);
        return target;
    }

    private static Workbook connect(Path abs, WriterLock lock) {
        try {
            Connection c = dataSource(abs).getConnection();
            c.setAutoCommit(true);
            return new Workbook(abs, c, lock);
        } catch (SQLException e) {
            throw new WorkbookException("Kan inte öppna arbetsboken " + abs + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The backup made when this open migrated the file, or null if no migration was needed. */
    public Path migrationBackup() {
        return lastMigrationBackup;
    }

    /** A consistent copy of this workbook in its backup folder. */
    public Path backup(String reason) {
        return withConnection(c -> {
            try {
                return vacuumInto(c, file, reason);
            } catch (IOException e) {
                throw new WorkbookException("Kunde inte spara säkerhetskopia: " + e.getMessage(), e);
            }
        });
    }

    /** A consistent copy of this workbook at {@code target} ("Spara som"); the target must not exist. */
    public void copyTo(Path target) {
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
                         "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL "
                                 + "ORDER BY installed_rank DESC LIMIT 1")) {
                return rs.next() ? rs.getString(1) : "0";
            }
        });
    }

    public IndicatorRepository indicators() { return indicators; }
    public AreaRepository areas() { return areas; }
    public ObservationRepository observations() { return observations; }
    public SourceRepository sources() { return sources; }
    public InitiativeRepository initiatives() { return initiatives; }
    public TargetRepository targets() { return targets; }
    public SettingsRepository settings() { return settings; }
    public StoryRepository stories() { return stories; }
    public KoladaCacheRepository koladaCache() { return koladaCache; }
    public RecipeRepository recipes() { return recipes; }
    public ImportLogRepository imports() { return imports; }
    public PlanIndicatorRepository planIndicators() { return planIndicators; }

    /**
     * Runs {@code work} as one transaction: all of it is stored, or on any exception none of it.
     * Nested calls join the outer transaction.
     */
    public <T> T transaction(Function<Workbook, T> work) {
        if (isReadOnly()) {
            throw new WorkbookException("Arbetsboken " + file.getFileName()
                    + " är öppnad skrivskyddad (den är öppen i ett annat fönster eller program). Inget ändrades.");
        }
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
                throw new WorkbookException("Kan inte börja en ändring i arbetsboken: " + e.getMessage(), e);
            }
            txDepth = 1;
            boolean ok = false;
            try {
                T result = work.apply(this);
                connection.commit();
                ok = true;
                return result;
            } catch (SQLException e) {
                throw new WorkbookException("Ändringen kunde inte sparas: " + e.getMessage(), e);
            } finally {
                txDepth = 0;
                try {
                    if (!ok) connection.rollback();
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    LOG.error("Återställning misslyckades", e);
                }
            }
        } finally {
            lock.unlock();
        }
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

    /** Runs SQL under the workbook's lock; translates SQL errors into Swedish WorkbookExceptions. */
    <T> T withConnection(SqlFunction<T> fn) {
        lock.lock();
        try {
            return fn.apply(connection);
        } catch (SQLException e) {
            throw new WorkbookException("Fel i arbetsboken " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** PRAGMA integrity_check; "ok" when the file is sound. */
    public String integrityCheck() {
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
            java.util.List<String> names = contentTables(c);
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
    private static java.util.List<String> contentTables(Connection c) throws SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
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
            java.util.List<String> names = contentTables(c);
            for (String n : names) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + n + "\"")) {
                    rs.next();
                    counts.put(n, rs.getLong(1));
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
            if (!isReadOnly()) try (Statement st = connection.createStatement()) {
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
