package se.halsolage.testing;

import se.halsolage.catalog.AppData;

import java.nio.file.Path;

/**
 * Points the application-data folder ({@link AppData}, where the downloaded Kolada catalogue is kept) at a
 * test's own temporary folder for as long as it is open, then back to what it was (the build's throw-away
 * folder that the pom sets). Never the real home.
 */
public final class TempAppData implements AutoCloseable {
    private final String before;

    public TempAppData(Path dir) {
        before = System.getProperty(AppData.PROPERTY);
        System.setProperty(AppData.PROPERTY, dir.toAbsolutePath().toString());
    }

    @Override
    public void close() {
        if (before == null) System.clearProperty(AppData.PROPERTY);
        else System.setProperty(AppData.PROPERTY, before);
    }
}
