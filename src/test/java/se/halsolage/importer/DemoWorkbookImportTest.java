package se.halsolage.importer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.workbook.Workbook;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared set-up of the importer tests that write files and import them into a fresh demo workbook. */
abstract class DemoWorkbookImportTest {
    @TempDir
    Path dir;
    Workbook wb;

    @BeforeEach
    void open() {
        wb = DemoWorkbook.build(dir.resolve("w.halsa"));
    }

    @AfterEach
    void close() {
        wb.close();
    }

    /** Writes {@code text} in {@code cs} after the given byte-order mark bytes. */
    Path write(String name, String text, Charset cs, byte... bom) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(bom);
            out.write(text.getBytes(cs));
        }
        return p;
    }

    /** The one stored value for the key, or a failure that lists what the area has. */
    Observation one(String indicator, String area, String period, Group g) {
        return wb.observations().series(indicator, area, g).stream().filter(o -> o.period().label().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("saknas: " + indicator + " " + area + " " + period + " " + g
                        + "; finns för området: " + wb.observations().forArea(area).stream()
                        .map(o -> o.indicatorId() + "/" + o.period().label() + "/" + o.group()).distinct().limit(40).toList()));
    }
}
