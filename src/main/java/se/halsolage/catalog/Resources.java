package se.halsolage.catalog;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the bundled catalogue files in {@code resources/} (packaged at the root of the class path). */
public final class Resources {
    private Resources() {
    }

    public static InputStream open(String path) {
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("Katalogfilen saknas i programmet: " + path);
        return in;
    }

    /** All records of a bundled CSV file with a header row. */
    public static List<CSVRecord> csv(String path) {
        try (InputStream in = open(path);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Kunde inte läsa katalogfilen " + path, e);
        }
    }

    public static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) return null;
        String v = r.get(column).strip();
        return v.isEmpty() ? null : v;
    }
}
