package se.halsolage.testing;

import org.junit.jupiter.api.Assumptions;
import se.halsolage.workbook.PostgresStore;
import se.halsolage.workbook.PostgresWorkbooks;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two stores a workbook can live in, for tests that run on both: a .halsa file in the test's folder, or a
 * schema of its own in the PostgreSQL test database named by {@code HALSOLAGE_TEST_PG} (set by {@code .ci/run},
 * e.g. {@code postgresql://127.0.0.1/halsolage_test?user=halsolage_test}, password through {@code PGPASSFILE}).
 * Without that variable, or when the server cannot be reached, the PostgreSQL cases are skipped and ONE line
 * on stderr says why.
 */
public enum Stores {
    SQLITE,
    POSTGRESQL;

    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();
    private static volatile String unavailable;
    private static volatile boolean checked;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(Stores::dropQuietly)));
    }

    /**
     * The store a test class runs on: PostgreSQL for a subclass named "…OnPostgres" (which runs all of its base
     * class's tests there), else SQLite.
     */
    public static Stores of(Class<?> testClass) {
        return testClass.getSimpleName().endsWith("OnPostgres") ? POSTGRESQL : SQLITE;
    }

    /**
     * A new, not yet created workbook address: {@code dir/name.halsa}, or a fresh schema on the test server
     * (removed when the tests end). Skips the calling test when there is no server.
     */
    public Path newWorkbook(Path dir, String name) {
        if (this == SQLITE) return dir.resolve(name + ".halsa");
        String base = requireServer();
        String schema = "t_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        Path p = PostgresStore.parse(base + (base.contains("?") ? "&" : "?") + "schema=" + schema).asPath();
        CREATED.add(p);
        return p;
    }

    /** The test server's address; skips the calling test (one line on stderr for the whole run) without one. */
    public static String requireServer() {
        String base = System.getenv("HALSOLAGE_TEST_PG");
        if (!checked) {
            synchronized (Stores.class) {
                if (!checked) {
                    unavailable = probe(base);
                    checked = true;
                }
            }
        }
        if (unavailable != null) {
            if (REPORTED.compareAndSet(false, true)) System.err.println(unavailable);
            Assumptions.abort(unavailable);
        }
        return base;
    }

    private static String probe(String base) {
        if (base == null || base.isBlank()) {
            return "Hoppar över PostgreSQL-testerna: HALSOLAGE_TEST_PG är inte satt (.ci/run startar en server och sätter den).";
        }
        try {
            PostgresStore s = PostgresStore.parse(base);
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", s.user());
            p.setProperty("connectTimeout", "5");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + s.host() + ":" + s.port() + "/" + s.database(), p)) {
                return null;
            }
        } catch (Exception e) {
            return "Hoppar över PostgreSQL-testerna: servern i HALSOLAGE_TEST_PG (" + base + ") svarar inte: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
    }

    /**
     * What "left the workbook byte-identical" compares: the file's bytes (SHA-256), or for a county workbook, which
     * has no file, every row of every table ({@code Workbook.contentDigest}).
     */
    public static String fingerprint(Path workbook) {
        try {
            if (PostgresStore.is(workbook)) {
                try (se.halsolage.workbook.Workbook wb = se.halsolage.workbook.Workbook.openReadOnly(workbook)) {
                    return wb.contentDigest();
                }
            }
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(workbook)));
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dropQuietly(Path p) {
        try {
            PostgresWorkbooks.drop(p);
        } catch (RuntimeException ignored) {
            // the test database is thrown away with the CI machine
        }
    }
}
