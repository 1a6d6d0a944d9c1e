package se.halsolage.workbook;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The newest schema version this build knows, read from the migration file names
 * ({@code db/migration/V<n>__*.sql}). Lets {@link Workbook#open} skip Flyway's start-up cost when a
 * workbook is already current, which is the common case.
 */
final class Migrations {
    static final String FOLDER = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__.*\\.sql");
    private static volatile Integer latest;

    private Migrations() {
    }

    static int latest() {
        Integer l = latest;
        if (l == null) latest = l = scan();
        return l;
    }

    private static int scan() {
        int max = 0;
        try {
            Enumeration<URL> roots = Migrations.class.getClassLoader().getResources(FOLDER);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(FOLDER + "/")) max = Math.max(max, version(name.substring(FOLDER.length() + 1)));
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        for (Path p : (Iterable<Path>) files::iterator) max = Math.max(max, version(p.getFileName().toString()));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            return -1; // unknown: always let Flyway decide
        }
        return max;
    }

    private static int version(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
