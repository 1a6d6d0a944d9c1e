package se.halsolage.ui.common;

import se.halsolage.demo.DemoWorkbook;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo workbook, built once per JVM and copied for each test. */
public final class TestWorkbooks {
    private static Path master;

    private TestWorkbooks() {
    }

    public static synchronized Path demoCopy(Path dir) {
        try {
            if (master == null) {
                Path d = Files.createTempDirectory("halsolage-demo");
                Path f = d.resolve("exempel.halsa");
                try (Workbook wb = DemoWorkbook.build(f)) {
                    wb.file();
                }
                master = f;
            }
            Path copy = dir.resolve("exempel.halsa");
            Files.copy(master, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session (direct runner, recording dialogs) on a fresh copy of the demo workbook. */
    public static WorkbookViewModel session(Path dir, RecordingDialogs dialogs) {
        WorkbookViewModel s = new WorkbookViewModel(Texts.swedish(), TaskRunner.direct(), dialogs, null);
        s.open(demoCopy(dir), null);
        if (s.workbook() == null) throw new IllegalStateException("demo did not open: " + dialogs.errors);
        return s;
    }
}
