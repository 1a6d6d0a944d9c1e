package se.halsolage.workbook;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Creating, migrating and replacing county workbooks on PostgreSQL: one schema per workbook, migrated by Flyway
 * from {@value #MIGRATIONS} (the PostgreSQL twins of SQLite's migrations, same version numbers).
 */
public final class PostgresWorkbooks {
    static final String MIGRATIONS = "classpath:db/postgresql";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresWorkbooks.class);

    private PostgresWorkbooks() {
    }

    /** Tables in the workbook's schema, and whether Flyway's history is among them. */
    private record Look(int tables, boolean history) { }

    private static Look look(PostgresStore store) {
        try (Connection c = store.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE tablename = 'flyway_schema_history') "
                     + "FROM pg_tables WHERE schemaname = ?")) {
            ps.setString(1, store.schema());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Look(rs.getInt(1), rs.getInt(2) > 0);
            }
        } catch (SQLException e) {
            throw new WorkbookException(store.describe(e), e);
        }
    }

    static boolean exists(PostgresStore store) {
        return look(store).history();
    }

    /** Refuses an address where no workbook is (nothing is created). */
    static void requireWorkbook(PostgresStore store) {
        Look l = look(store);
        if (l.history()) return;
        if (l.tables() > 0) {
            throw new WorkbookException("Schemat " + store.schema() + " i databasen " + store.database() + " innehåller tabeller "
                    + "men ingen Hälsoläge-arbetsbok. Välj ett eget schema (…&schema=namn). Inget ändrades.");
        }
        throw new WorkbookException("Det finns ingen länsarbetsbok i " + store.displayName() + " på " + store.host()
                + ". Skapa den med: halsolage new " + store.address() + " (eller halsolage workbook copy --from fil.halsa --to "
                + store.address() + ").");
    }

    /**
     * Brings the workbook to this build's schema (Flyway takes an advisory lock, so two programs starting at once
     * migrate once). With {@code create} the schema must not hold a workbook yet; without, it must.
     */
    static void migrate(PostgresStore store, boolean create) {
        Look l = look(store);
        if (create && l.history()) {
            throw new WorkbookException("Det finns redan en länsarbetsbok i " + store.displayName() + ". Välj ett annat schema "
                    + "(…&schema=namn), eller skriv över den (--force).");
        }
        if (create && l.tables() > 0) {
            throw new WorkbookException("Schemat " + store.schema() + " i databasen " + store.database() + " innehåller andra "
                    + "tabeller. Välj ett eget schema för arbetsboken (…&schema=namn). Inget ändrades.");
        }
        if (!create) requireWorkbook(store);
        try {
            Flyway flyway = Flyway.configure(Workbook.class.getClassLoader())
                    .dataSource(dataSource(store))
                    .schemas(store.schema())
                    .locations(MIGRATIONS)
                    .baselineOnMigrate(false)
                    .validateMigrationNaming(true)
                    .load();
            int n = flyway.migrate().migrationsExecuted;
            if (n > 0) LOG.info("Länsarbetsboken {}: {} migreringar körda", store.displayName(), n);
        } catch (FlywayException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("newer than") || m.contains("not resolved locally")) {
                throw new WorkbookException("Länsarbetsboken " + store.displayName() + " har ett nyare schema än det här "
                        + "programmet känner till. Uppdatera Hälsoläge för att öppna den. Inget ändrades.", e);
            }
            Throwable cause = e;
            while (cause != null && !(cause instanceof SQLException)) cause = cause.getCause();
            if (cause instanceof SQLException se) throw new WorkbookException(store.describe(se), e);
            throw new WorkbookException("Kunde inte skapa eller uppgradera länsarbetsboken " + store.displayName() + ": "
                    + m.lines().findFirst().orElse(m), e);
        }
    }

    static PGSimpleDataSource dataSource(PostgresStore store) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(store.jdbcUrl());
        ds.setUser(store.user());
        String pw = System.getenv("PGPASSWORD");
        if (pw != null && !pw.isEmpty()) ds.setPassword(pw);
        ds.setCurrentSchema(store.schema());
        return ds;
    }

    /**
     * {@link Workbook#replace} for PostgreSQL: builds the new workbook in a schema of its own beside the old one and
     * swaps the two names in one transaction, so other users see either the old workbook or the whole new one, and a
     * build that fails leaves the old one as it was.
     */
    static Workbook replace(PostgresStore store, boolean overwrite, Function<Path, Workbook> build) {
        boolean existed = exists(store);
        if (existed && !overwrite) {
            throw new WorkbookException("Det finns redan en länsarbetsbok i " + store.displayName()
                    + ". Välj ett annat schema (…&schema=namn), eller skriv över den (--force).");
        }
        if (!existed && look(store).tables() > 0) {
            throw new WorkbookException("Schemat " + store.schema() + " i databasen " + store.database() + " innehåller andra "
                    + "tabeller. Välj ett eget schema för arbetsboken (…&schema=namn). Inget ändrades.");
        }
        String suffix = Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36);
        PostgresStore tmp = new PostgresStore(store.host(), store.port(), store.database(), store.user(),
                store.schema() + "_ny_" + suffix, store.options());
        try {
            try (Workbook built = build.apply(tmp.asPath())) {
                LOG.debug("ny länsarbetsbok byggd i schemat {}", tmp.schema());
            }
            try (Connection c = store.connect()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    String old = store.schema() + "_gammal_" + suffix;
                    if (schemaExists(c, store.schema())) st.execute("ALTER SCHEMA " + store.schema() + " RENAME TO " + old);
                    st.execute("ALTER SCHEMA " + tmp.schema() + " RENAME TO " + store.schema());
                    st.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
            return Workbook.connectPostgres(store, false);
        } catch (SQLException e) {
            throw new WorkbookException(store.describe(e) + (existed ? " Den befintliga arbetsboken är orörd." : ""), e);
        } finally {
            dropQuietly(tmp);
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Removes a workbook's schema (tests, and a failed build); quiet when it is not there. */
    static void dropQuietly(PostgresStore store) {
        try (Connection c = store.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + store.schema() + " CASCADE");
        } catch (SQLException e) {
            LOG.debug("kunde inte ta bort schemat {}", store.schema(), e);
        }
    }

    /** For tests: removes the workbook at {@code address} (its whole schema). Never used on "public". */
    public static void drop(Path address) {
        PostgresStore s = PostgresStore.of(address);
        if ("public".equals(s.schema())) throw new IllegalArgumentException("public tas inte bort");
        dropQuietly(s);
    }
}
