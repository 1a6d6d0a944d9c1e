package se.halsolage.workbook;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a county workbook lives on a PostgreSQL server: {@code postgresql://host[:port]/database[?user=…&schema=…]}.
 * The workbook is one schema of the database ({@code schema}, default {@code public}); several workbooks
 * (e.g. a test's) can share a database in schemas of their own.
 *
 * <p>No password is ever part of the address, stored or logged: the driver reads it from the PostgreSQL
 * password file ({@code PGPASSFILE}, else {@code ~/.pgpass}) as libpq does, or from {@code PGPASSWORD}.
 *
 * <p>The command line and the desktop hand workbooks around as {@link Path}s; a PostgreSQL address survives
 * that as the path "postgresql:/host/db?…" (a Unix path folds the double slash), which {@link #of(Path)}
 * reads back.
 */
public record PostgresStore(String host, int port, String database, String user, String schema, Map<String, String> options) {
    public static final String PREFIX = "postgresql:";

    /** True when {@code p} is a PostgreSQL workbook address rather than a file. */
    public static boolean is(Path p) {
        return p != null && is(p.toString());
    }

    public static boolean is(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).startsWith(PREFIX + "/");
    }

    public static PostgresStore of(Path p) {
        return parse(p.toString());
    }

    /** Parses an address; a password in it is refused (it would end up in shell histories and logs). */
    public static PostgresStore parse(String address) {
        if (!is(address)) throw new WorkbookException("Ingen PostgreSQL-adress: " + address);
        String rest = address.substring(PREFIX.length());
        while (rest.startsWith("/")) rest = rest.substring(1);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new WorkbookException("Adressen till länsarbetsboken ska se ut som postgresql://server/databas"
                    + "?user=namn (t.ex. postgresql://127.0.0.1/halsolage?user=analytiker), inte " + address + ".");
        }
        String hostPort = rest.substring(0, slash), db = rest.substring(slash + 1);
        String host = hostPort;
        int port = 5432;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new WorkbookException("Porten i " + address + " är inget tal.");
            }
        }
        Map<String, String> opts = new LinkedHashMap<>();
        String user = System.getenv("PGUSER"), schema = "public";
        if (!query.isEmpty()) {
            for (String kv : query.split("&")) {
                if (kv.isEmpty()) continue;
                int eq = kv.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                switch (k.toLowerCase(Locale.ROOT)) {
                    case "password" -> throw new WorkbookException("Skriv inte lösenordet i adressen till länsarbetsboken "
                            + "(det hamnar i historik och loggar). Lägg det i PostgreSQL:s lösenordsfil (PGPASSFILE eller "
                            + "~/.pgpass) eller i miljövariabeln PGPASSWORD.");
                    case "user" -> user = v;
                    case "schema", "currentschema" -> schema = v;
                    default -> opts.put(k, v);
                }
            }
        }
        if (!schema.matches("[a-z_][a-z0-9_]{0,47}")) {
            throw new WorkbookException("Schemanamnet \"" + schema + "\" i adressen går inte att använda: små bokstäver a–z, "
                    + "siffror och _, högst 48 tecken.");
        }
        if (user == null || user.isBlank()) user = System.getProperty("user.name");
        return new PostgresStore(host, port, db, user, schema, Map.copyOf(opts));
    }

    /** The address as a user writes it (no password: there never is one). */
    public String address() {
        StringBuilder sb = new StringBuilder("postgresql://").append(host).append(port == 5432 ? "" : ":" + port)
                .append('/').append(database).append("?user=").append(user);
        if (!"public".equals(schema)) sb.append("&schema=").append(schema);
        options.forEach((k, v) -> sb.append('&').append(k).append('=').append(v));
        return sb.toString();
    }

    /** The address as the Path that command line and desktop pass around. */
    public Path asPath() {
        return Path.of(address());
    }

    /** A short name for messages and the window title: "databas" or "databas/schema". */
    public String displayName() {
        return "public".equals(schema) ? database : database + "/" + schema;
    }

    String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/').append(database)
                .append("?ApplicationName=Halsolage");
        options.forEach((k, v) -> sb.append('&').append(k).append('=').append(v));
        return sb.toString();
    }

    /** A new connection with the workbook's schema first on the search path. */
    Connection connect() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", user);
        String pw = System.getenv("PGPASSWORD");
        if (pw != null && !pw.isEmpty()) p.setProperty("password", pw);
        String file = System.getenv("PGPASSFILE");
        p.setProperty("currentSchema", schema);
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** A connection whose statements are translated from SQLite's SQL (see {@link Dialect#translate}). */
    Connection connectTranslating() throws SQLException {
        return translating(connect());
    }

    static Connection translating(Connection real) {
        return (Connection) Proxy.newProxyInstance(PostgresStore.class.getClassLoader(), new Class<?>[]{Connection.class},
                new Translator(real, Dialect.POSTGRESQL));
    }

    /** Translates the SQL text handed to prepareStatement/prepareCall/nativeSQL and to a Statement's execute*. */
    private record Translator(Object target, Dialect dialect) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) return target;
            if (args != null && args.length > 0 && args[0] instanceof String sql
                    && (m.getName().startsWith("prepare") || m.getName().startsWith("execute") || m.getName().equals("addBatch")
                    || m.getName().equals("nativeSQL"))) {
                args = args.clone();
                args[0] = dialect.translate(sql);
            }
            try {
                Object r = m.invoke(target, args);
                if (r instanceof Statement st && !(r instanceof java.sql.PreparedStatement)) {
                    return Proxy.newProxyInstance(PostgresStore.class.getClassLoader(), new Class<?>[]{Statement.class},
                            new Translator(st, dialect));
                }
                return r;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** A Swedish sentence for a failed connection, naming the server and what to check; never the password. */
    String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "PostgreSQL-servern " + host + ":" + port + " (databasen " + database + ")";
        if (state.startsWith("08")) return "Kan inte nå " + where + ". Kontrollera att servern är igång och adressen stämmer.";
        if (state.equals("28P01") || state.equals("28000")) {
            return "Inloggningen som " + user + " till " + where + " nekades. Kontrollera användarnamnet och lösenordet "
                    + "i PostgreSQL:s lösenordsfil (PGPASSFILE eller ~/.pgpass).";
        }
        if (state.equals("3D000")) return "Databasen " + database + " finns inte på " + host + ". Be IT skapa den (se docs/postgresql.md).";
        if (state.equals("42501")) return "Användaren " + user + " har inte behörighet till det här i " + where + ". Inget ändrades.";
        return "Fel i länsarbetsboken " + displayName() + ": " + SqliteErrors.firstLine(e);
    }
}
