package se.halsolage.reliability;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates the hostile and broken input corpus on the fly, into a temporary folder: nothing large
 * is committed. Spreadsheets are written part by part with {@link ZipOutputStream} so that every byte
 * of the XML is under the test's control (entities, formulas, cell references, sizes).
 */
final class HostileFiles {
    private HostileFiles() {
    }

    /** The one valid table every "should import" case carries: area, year, indicator, value. */
    static final String[] HEADER = {"Område", "År", "Nyckeltal", "Värde"};
    static final Object[][] ROWS = {{"Exempelby", "2023", "Provtal", 81.5}, {"Exempelby", "2024", "Provtal", -3.5}};
    /** The id the importer gives the local indicator "Provtal". */
    static final String INDICATOR = "LOK-PROVTAL";

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // ------------------------------------------------------------------ text files

    static String csvText() {
        StringBuilder sb = new StringBuilder(String.join(";", HEADER)).append("\r\n");
        for (Object[] r : ROWS) {
            sb.append(r[0]).append(';').append(r[1]).append(';').append(r[2]).append(';')
                    .append(String.valueOf(r[3]).replace('.', ',')).append("\r\n");
        }
        return sb.toString();
    }

    static Path csv(Path out, String text, Charset cs, byte[] bom) throws IOException {
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(bom);
            o.write(text.getBytes(cs));
        }
        return out;
    }

    /** A valid CSV with NUL bytes inside a cell on line 3. */
    static Path csvWithNul(Path out) throws IOException {
        String t = csvText();
        int line3 = t.indexOf("\r\n", t.indexOf("\r\n") + 2) + 2;
        String bad = t.substring(0, line3 + 4) + "\0\0\0" + t.substring(line3 + 4);
        return csv(out, bad, StandardCharsets.UTF_8, new byte[0]);
    }

    /** A CSV whose value cell on line 2 holds {@code megabytes} MB of letters, streamed to disk. */
    static Path csvHugeCell(Path out, int megabytes) throws IOException {
        byte[] block = letters(1 << 20, 7);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            o.write((String.join(";", HEADER) + "\r\nExempelby;2023;Provtal;\"").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < megabytes; i++) o.write(block);
            o.write("\"\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A CSV whose header line has {@code columns} columns. */
    static Path csvManyColumns(Path out, int columns) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            o.write("Område;År;Nyckeltal;Värde".getBytes(StandardCharsets.UTF_8));
            byte[] more = ";K".getBytes(StandardCharsets.UTF_8);
            for (int i = 4; i < columns; i++) o.write(more);
            o.write("\r\nExempelby;2023;Provtal;81,5\r\n".getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static byte[] letters(int n, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) ('a' + r.nextInt(26));
        return b;
    }

    // ------------------------------------------------------------------ xlsx, part by part

    /** One cell of a hand-written sheet: an inline string or a number. */
    static String cell(String ref, Object v) {
        if (v instanceof Number n) return "<c r=\"" + ref + "\"><v>" + n + "</v></c>";
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + v + "</t></is></c>";
    }

    /** sheetData rows of the valid table; {@code valueCell} may replace the cells of column D. */
    static String tableRows(java.util.function.BiFunction<Integer, Object, String> valueCell) {
        StringBuilder sb = new StringBuilder("<row r=\"1\">");
        for (int c = 0; c < HEADER.length; c++) sb.append(cell((char) ('A' + c) + "1", HEADER[c]));
        sb.append("</row>");
        for (int i = 0; i < ROWS.length; i++) {
            int r = i + 2;
            sb.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 3; c++) sb.append(cell((char) ('A' + c) + "" + r, ROWS[i][c]));
            sb.append(valueCell == null ? cell("D" + r, ROWS[i][3]) : valueCell.apply(r, ROWS[i][3]));
            sb.append("</row>");
        }
        return sb.toString();
    }

    static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN_NS
                + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** The parts of a minimal, valid xlsx with one sheet "Data" (and a shared-strings part if given). */
    static Map<String, byte[]> xlsxParts(String sheetXml, String sharedStrings, boolean macros) {
        Map<String, byte[]> p = new LinkedHashMap<>();
        String wbType = macros ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        p.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + (macros ? "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>" : "")
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + wbType + "\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings != null ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                + "</Types>"));
        p.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        p.put("xl/workbook.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\"><sheets>"
                + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        p.put("xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings != null ? "<Relationship Id=\"rId2\" Type=\"" + REL_NS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                + (macros ? "<Relationship Id=\"rId3\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/>" : "")
                + "</Relationships>"));
        p.put("xl/worksheets/sheet1.xml", utf8(sheetXml));
        if (sharedStrings != null) p.put("xl/sharedStrings.xml", utf8(sharedStrings));
        if (macros) p.put("xl/vbaProject.bin", vbaProject());
        return p;
    }

    static Path zip(Path out, Map<String, byte[]> parts) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    static Path validXlsx(Path out) throws IOException {
        return zip(out, xlsxParts(sheet(tableRows(null)), null, false));
    }

    /** An .xlsm: the valid table plus a VBA project part (an OLE2 container with an auto-run module name). */
    static Path xlsm(Path out) throws IOException {
        return zip(out, xlsxParts(sheet(tableRows(null)), null, true));
    }

    private static byte[] vbaProject() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream()) {
            var vba = fs.getRoot().createDirectory("VBA");
            vba.createDocument("Module1", new java.io.ByteArrayInputStream(
                    "Sub Workbook_Open()\r\n  Shell \"calc.exe\"\r\nEnd Sub\r\n".getBytes(StandardCharsets.US_ASCII)));
            vba.createDocument("dir", new java.io.ByteArrayInputStream(new byte[16]));
            fs.writeFilesystem(bos);
            return bos.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Values as formulas: with the result Excel cached ({@code cached}) or without any cached result. */
    static Path xlsxFormulas(Path out, boolean cached) throws IOException {
        String rows = tableRows((r, v) -> "<c r=\"D" + r + "\"><f>" + v + "*1</f>" + (cached ? "<v>" + v + "</v>" : "") + "</c>");
        return zip(out, xlsxParts(sheet(rows), null, false));
    }

    /** A cached formula result that is an error (#DIV/0!). */
    static Path xlsxFormulaError(Path out) throws IOException {
        String rows = tableRows((r, v) -> r == 3 ? "<c r=\"D3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>" : cell("D" + r, v));
        return zip(out, xlsxParts(sheet(rows), null, false));
    }

    /** An xlsx whose sheet has no rows at all. */
    static Path xlsxEmptySheet(Path out) throws IOException {
        return zip(out, xlsxParts(sheet(""), null, false));
    }

    /** A row with one cell far beyond Excel's last column XFD (16 384): column {@code col}. */
    static Path xlsxBeyondLastColumn(Path out, int col) throws IOException {
        String ref = se.halsolage.importer.Cell.columnName(col) + "2";
        String rows = tableRows(null).replace("</row><row r=\"3\">", cell(ref, "x") + "</row><row r=\"3\">");
        return zip(out, xlsxParts(sheet(rows), null, false));
    }

    /** External entity pointing at {@code secret}, in the sheet (resolved by the reader's own SAX parser). */
    static Path xlsxXxeInSheet(Path out, Path secret) throws IOException {
        String s = sheet(tableRows(null).replace("<t>Exempelby</t>", "<t>&xxe;</t>"))
                .replace("<worksheet ", "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet ");
        return zip(out, xlsxParts(s, null, false));
    }

    /** External entity in the shared strings (parsed by POI's shared strings table). */
    static Path xlsxXxeInSharedStrings(Path out, Path secret) throws IOException {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]><sst xmlns=\"" + MAIN_NS + "\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>";
        String rows = tableRows(null).replace("<c r=\"A2\" t=\"inlineStr\"><is><t>Exempelby</t></is></c>", "<c r=\"A2\" t=\"s\"><v>0</v></c>");
        return zip(out, xlsxParts(sheet(rows), sst, false));
    }

    /** "Billion laughs": nested internal entities in the workbook part. */
    static Path xlsxBillionLaughs(Path out) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE workbook [<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) dtd.append("&lol").append(i - 1).append(';');
            dtd.append("\">");
        }
        dtd.append("]>");
        Map<String, byte[]> p = xlsxParts(sheet(tableRows(null).replace("<t>Provtal</t>", "<t>&lol9;</t>")), null, false);
        String sheetXml = new String(p.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8).replace("<worksheet ", dtd + "<worksheet ");
        p.put("xl/worksheets/sheet1.xml", utf8(sheetXml));
        return zip(out, p);
    }

    /**
     * A zip bomb: a sheet whose XML inflates to {@code megabytes} MB (padding whitespace between rows)
     * from about a thousandth of that on disk.
     */
    static Path xlsxZipBomb(Path out, int megabytes) throws IOException {
        Map<String, byte[]> p = xlsxParts(sheet(tableRows(null)), null, false);
        byte[] sheetXml = p.remove("xl/worksheets/sheet1.xml");
        String s = new String(sheetXml, StandardCharsets.UTF_8);
        int cut = s.indexOf("<row r=\"2\"");
        byte[] pad = new byte[1 << 20];
        Arrays.fill(pad, (byte) ' ');
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (var e : p.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(s.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < megabytes; i++) z.write(pad);
            z.write(s.substring(cut).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out;
    }

    /**
     * A cell of {@code megabytes} MB of random letters (so the zip does not look like a bomb): inline in
     * the sheet, or as the one shared string.
     */
    static Path xlsxHugeCell(Path out, int megabytes, boolean shared) throws IOException {
        byte[] block = letters(1 << 20, 11);
        Map<String, byte[]> p = xlsxParts(sheet(tableRows(null)), shared ? "" : null, false);
        String sheetXml = new String(p.remove("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        p.remove("xl/sharedStrings.xml");
        String head, tail;
        String big = "<c r=\"D2\" t=\"inlineStr\"><is><t>";
        String cellD2 = cell("D2", ROWS[0][3]);
        if (shared) {
            sheetXml = sheetXml.replace(cellD2, "<c r=\"D2\" t=\"s\"><v>0</v></c>");
            head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"" + MAIN_NS + "\" count=\"1\" uniqueCount=\"1\"><si><t>";
            tail = "</t></si></sst>";
        } else {
            int at = sheetXml.indexOf(cellD2);
            head = sheetXml.substring(0, at) + big;
            tail = "</t></is></c>" + sheetXml.substring(at + cellD2.length());
        }
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            z.setLevel(Deflater.BEST_SPEED);
            for (var e : p.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            if (shared) {
                z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                z.write(utf8(sheetXml));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(shared ? "xl/sharedStrings.xml" : "xl/worksheets/sheet1.xml"));
            z.write(utf8(head));
            for (int i = 0; i < megabytes; i++) z.write(block);
            z.write(utf8(tail));
            z.closeEntry();
        }
        return out;
    }

    /** Shared strings that claim two billion entries (POI would pre-size a list by that count). */
    static Path xlsxHugeStringCount(Path out) throws IOException {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"" + MAIN_NS
                + "\" count=\"2147483647\" uniqueCount=\"2147483647\"><si><t>Exempelby</t></si></sst>";
        String rows = tableRows(null).replace("<c r=\"A2\" t=\"inlineStr\"><is><t>Exempelby</t></is></c>", "<c r=\"A2\" t=\"s\"><v>0</v></c>");
        return zip(out, xlsxParts(sheet(rows), sst, false));
    }

    /** A sheet with {@code n} merged regions (each cell's lookup would scan them all). */
    static Path xlsxManyMerges(Path out, int n) throws IOException {
        StringBuilder m = new StringBuilder("<mergeCells count=\"" + n + "\">");
        for (int i = 0; i < n; i++) m.append("<mergeCell ref=\"E").append(i + 10).append(":F").append(i + 10).append("\"/>");
        m.append("</mergeCells>");
        String s = sheet(tableRows(null)).replace("</sheetData>", "</sheetData>" + m);
        return zip(out, xlsxParts(s, null, false));
    }

    /** A zip that is not a spreadsheet (an OpenDocument-like text), named .xlsx. */
    static Path zipThatIsNoSpreadsheet(Path out) throws IOException {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("mimetype", utf8("application/vnd.oasis.opendocument.text"));
        p.put("content.xml", utf8("<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"));
        return zip(out, p);
    }

    // ------------------------------------------------------------------ xls and encrypted files

    static Path validXls(Path out, String password) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet s = wb.createSheet("Data");
            Row h = s.createRow(0);
            for (int c = 0; c < HEADER.length; c++) h.createCell(c).setCellValue(HEADER[c]);
            for (int i = 0; i < ROWS.length; i++) {
                Row r = s.createRow(i + 1);
                for (int c = 0; c < 3; c++) r.createCell(c).setCellValue((String) ROWS[i][c]);
                r.createCell(3).setCellValue((Double) ROWS[i][3]);
            }
            Biff8EncryptionKey.setCurrentUserPassword(password);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        return out;
    }

    /** The valid xlsx, encrypted with a password the way Excel does it (agile encryption in an OLE2 container). */
    static Path encryptedXlsx(Path out, Path plainXlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("hemligt");
            try (OutputStream os = enc.getDataStream(fs)) {
                Files.copy(plainXlsx, os);
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                fs.writeFilesystem(o);
            }
        }
        return out;
    }

    /** An OLE2 file that is a Word document rather than a workbook (no "Workbook" stream). */
    static Path oleThatIsNoWorkbook(Path out) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream o = Files.newOutputStream(out)) {
            fs.getRoot().createDocument("WordDocument", new java.io.ByteArrayInputStream(new byte[4096]));
            fs.writeFilesystem(o);
        }
        return out;
    }

    // ------------------------------------------------------------------ damage

    static Path truncated(Path out, Path source, double keep) throws IOException {
        byte[] b = Files.readAllBytes(source);
        Files.write(out, Arrays.copyOf(b, (int) (b.length * keep)));
        return out;
    }

    /** Overwrites a stretch in the middle of the file with random bytes (keeps the size and the header). */
    static Path corrupted(Path out, Path source, long seed) throws IOException {
        byte[] b = Files.readAllBytes(source);
        Random r = new Random(seed);
        int from = b.length / 3, to = Math.min(b.length - 1, from + Math.max(64, b.length / 4));
        for (int i = from; i < to; i++) b[i] = (byte) r.nextInt(256);
        Files.write(out, b);
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
