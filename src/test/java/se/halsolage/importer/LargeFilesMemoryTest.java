package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Legitimate large files inside the documented limits are read within a small heap, through the CLI in
 * a forked JVM: a .px of 9 million values (the old reader kept one String per value, about 500 MB) with
 * -Xmx256m, and an xlsx whose shared strings hold 19,9 million entries, just under the limit of 20 million
 * characters (POI's table needed over 1 GB), with -Xmx512m (half the launcher's default heap). Only
 * {@code --preview} runs, but both readers index the whole file before the first row. No timing is asserted.
 */
class LargeFilesMemoryTest {
    @TempDir
    Path dir;

    record Result(int exit, String output) {
    }

    Result preview(Path file, String heap) throws Exception {
        Path w = dir.resolve("w.halsa");
        if (!Files.exists(w)) DemoWorkbook.build(w).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "se.halsolage.Main", "import", file.toString(), "--workbook", w.toString(), "--preview", "2"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    @Test
    void aPxOfNineMillionValuesIsReadWith256Mb() throws Exception {
        Path px = dir.resolve("stor.px");
        Random r = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(px, StandardCharsets.ISO_8859_1)) {
            out.write("CHARSET=\"ANSI\";\nCODEPAGE=\"iso-8859-1\";\nMATRIX=\"TEST\";\nTITLE=\"Provtabell\";\nCONTENTS=\"Andel\";\n"
                    + "UNITS=\"procent\";\nSTUB=\"region\",\"mått\";\nHEADING=\"år\";\n");
            StringBuilder regions = new StringBuilder(), measures = new StringBuilder(), years = new StringBuilder();
            for (int i = 1; i <= 300; i++) regions.append(i > 1 ? "," : "").append('"').append(String.format("%04d", i)).append('"');
            for (int i = 0; i < 1000; i++) measures.append(i > 0 ? "," : "").append("\"Mått ").append(i).append('"');
            for (int y = 1995; y < 2025; y++) years.append(y > 1995 ? "," : "").append('"').append(y).append('"');
            out.write("VALUES(\"region\")=" + regions + ";\nVALUES(\"mått\")=" + measures + ";\nVALUES(\"år\")=" + years
                    + ";\nTIMEVAL(\"år\")=TLIST(A1)," + years + ";\nDATA=\n");
            for (int i = 0; i < 300 * 1000; i++) {
                StringBuilder line = new StringBuilder();
                for (int y = 0; y < 30; y++) line.append(y > 0 ? " " : "").append(r.nextInt(100) == 0 ? "\"..\"" : r.nextInt(100));
                out.write(line.append('\n').toString());
            }
            out.write(";\n");
        }
        Result res = preview(px, "256m");
        assertThat(res.exit()).as(res.output()).isZero();
        assertThat(res.output()).contains("big.px!D2".replace("big", "stor")).doesNotContain("minnet tog slut");
    }

    @Test
    void anXlsxWith19_9MillionSharedStringsIsReadWith512Mb() throws Exception {
        Path xlsx = dir.resolve("delade.xlsx");
        int filler = 19_900_000;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(xlsx))) {
            zip.setLevel(Deflater.BEST_SPEED);
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            // a long table whose texts are shared strings 0-5; the filler entries (one character each) come after them
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
                    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\"><v>2020</v></c><c r=\"C2\" t=\"s\"><v>5</v></c><c r=\"D2\"><v>41.5</v></c></row>"
                    + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>" + (6 + filler - 1) + "</v></c><c r=\"B3\"><v>2021</v></c><c r=\"C3\" t=\"s\"><v>5</v></c><c r=\"D3\"><v>42.5</v></c></row>"
                    + "</sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (String s : new String[]{"Område", "År", "Nyckeltal", "Värde", "Exempelby", "Provtal"}) w.write("<si><t>" + s + "</t></si>");
            String alphabet = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            Random r = new Random(7);
            for (int i = 0; i < filler - 1; i++) w.write("<si><t>" + alphabet.charAt(r.nextInt(alphabet.length())) + "</t></si>");
            w.write("<si><t>Exempelby</t></si></sst>");
            w.flush();
            zip.closeEntry();
        }
        Result res = preview(xlsx, "512m");
        assertThat(res.exit()).as(res.output()).isZero();
        assertThat(res.output()).contains("Exempelby").doesNotContain("minnet tog slut");
    }

    static void put(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the zip entry is closed by the caller
        }
    }
}
