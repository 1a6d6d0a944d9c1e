package se.halsolage.importer;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams an xlsx with POI's event API (XSSFReader + SAX): shared strings are read once, sheet XML is
 * parsed row by row and no workbook object model is built, so memory does not grow with the sheet.
 * Merged regions (stored after the rows in the sheet XML) are collected in a first pass, which is a byte
 * scan when the sheet has none.
 */
final class XlsxGrid implements GridSource {
    private final Path file;
    private final Map<String, String> sheetParts = new LinkedHashMap<>();
    private final java.util.Set<String> hidden = new java.util.HashSet<>();
    private boolean macros;
    /** Merged regions per sheet: found once (a full SAX pass), then reused by every later read. */
    private final Map<String, List<int[]>> mergeCache = new java.util.HashMap<>();

    XlsxGrid(Path file) {
        this.file = file;
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            macros = pkg.getParts().stream().anyMatch(p -> p.getPartName().getName().toLowerCase().endsWith("vbaproject.bin"));
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    sheetParts.put(it.getSheetName(), it.getSheetPart().getPartName().getName());
                }
            }
            try (InputStream in = reader.getWorkbookData()) {
                parse(in, new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts) {
                        String name = local == null || local.isEmpty() ? qName : local;
                        if (!name.endsWith("sheet")) return;
                        String state = atts.getValue("state");
                        if (state != null && !state.equals("visible") && atts.getValue("name") != null) hidden.add(atts.getValue("name"));
                    }
                });
            }
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw Readers.broken(file, "Excel-arbetsbok (xlsx)", e);
        }
    }

    @Override public Path file() { return file; }
    @Override public FileFormat format() { return FileFormat.XLSX; }
    @Override public List<String> sheets() { return List.copyOf(sheetParts.keySet()); }
    @Override public boolean hidden(String sheet) { return hidden.contains(sheet); }

    @Override
    public List<Problem> notices() {
        return macros ? List.of(Problem.warning(file.getFileName().toString(), null, null, null, "Filen innehåller makron. "
                + "De körs aldrig; bara de sparade cellvärdena läses.")) : List.of();
    }

    /** Read once per file, on the first read of a sheet, and kept: they are the same for every sheet. */
    private LimitedSharedStrings strings;
    private StylesTable styles;

    @Override
    public void read(String sheet, RowHandler handler) {
        String part = sheetParts.get(sheet);
        if (part == null) throw new IllegalArgumentException("Bladet finns inte: " + sheet);
        try {
            if (strings == null) {
                // the package is parsed (content types, relationships) once; a 25-sheet workbook did it per read
                try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                    XSSFReader reader = new XSSFReader(pkg);
                    LimitedSharedStrings s = new LimitedSharedStrings(pkg);
                    styles = reader.getStylesTable();
                    strings = s;
                }
            }
            // the sheet itself straight from the zip, through POI's zip-bomb guard (ratio and size limits)
            try (org.apache.poi.openxml4j.util.ZipSecureFile zip = new org.apache.poi.openxml4j.util.ZipSecureFile(file.toFile())) {
                org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry = zip.getEntry(part.startsWith("/") ? part.substring(1) : part);
                if (entry == null) {
                    readThroughPackage(sheet, handler);
                    return;
                }
                List<int[]> merges = mergeCache.get(sheet);
                if (merges == null) {
                    merges = new ArrayList<>();
                    // one bulk pass over the bytes: the <mergeCells> element alone (it follows the rows), none, or,
                    // when unsure, a whole SAX pass as before
                    byte[] fragment;
                    try (InputStream in = zip.getInputStream(entry)) {
                        fragment = scanMerges(in);
                    }
                    if (fragment != NO_MERGES) {
                        try (InputStream in = fragment != null ? new java.io.ByteArrayInputStream(fragment) : zip.getInputStream(entry)) {
                            parse(in, new MergeHandler(merges));
                        }
                    }
                    mergeCache.put(sheet, merges);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    parse(in, new SheetHandler(sheet, strings, styles, merges, handler));
                } catch (Stop stop) {
                    // handler asked to stop
                }
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw Readers.broken(file, "Excel-arbetsbok (xlsx)", e);
        }
    }

    /** The sheet through the package's own part look-up, for a part name the zip does not spell as given. */
    private void readThroughPackage(String sheet, RowHandler handler) throws IOException, OpenXML4JException, SAXException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    if (!it.getSheetName().equals(sheet)) continue;
                }
                List<int[]> merges = mergeCache.get(sheet);
                if (merges == null) {
                    merges = new ArrayList<>();
                    byte[] fragment;
                    try (InputStream in = it.getSheetPart().getInputStream()) {
                        fragment = scanMerges(in);
                    }
                    if (fragment != NO_MERGES) {
                        try (InputStream in = fragment != null ? new java.io.ByteArrayInputStream(fragment)
                                : it.getSheetPart().getInputStream()) {
                            parse(in, new MergeHandler(merges));
                        }
                    }
                    mergeCache.put(sheet, merges);
                }
                try (InputStream in = it.getSheetPart().getInputStream()) {
                    parse(in, new SheetHandler(sheet, strings, styles, merges, handler));
                } catch (Stop stop) {
                    // handler asked to stop
                }
                return;
            }
        }
    }

    private static final byte[] MERGE_CELL = "mergeCell".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * False only when the sheet's XML cannot hold a merged region: it is UTF-8 (or ASCII) and the bytes
     * "mergeCell" occur nowhere in it (an element name cannot be escaped, and DOCTYPEs are refused). Then the
     * SAX pass for merges, a whole extra parse of a large sheet, is not needed; otherwise it runs as before.
     */
    static boolean mayHoldMerges(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int keep = 0;
        boolean first = true;
        int n;
        while ((n = in.readNBytes(buf, keep, buf.length - keep)) > 0) {
            int len = keep + n;
            if (first) {
                first = false;
                if (!utf8(buf, len)) return true;
            }
            outer:
            for (int i = 0; i + MERGE_CELL.length <= len; i++) {
                if (buf[i] != 'm') continue;
                for (int j = 1; j < MERGE_CELL.length; j++) if (buf[i + j] != MERGE_CELL[j]) continue outer;
                return true;
            }
            keep = Math.min(MERGE_CELL.length - 1, len);
            System.arraycopy(buf, len - keep, buf, 0, keep);
        }
        return first; // an empty part: let the parser say what is wrong with it
    }

    private static final byte[] MERGE_START = "<mergeCells".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MERGE_END = "</mergeCells>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The bytes of the sheet's {@code <mergeCells …>…</mergeCells>} element, found by a byte scan (a tag cannot occur
     * escaped in text), so the merged regions of a 22 MB sheet are read without parsing its rows; null when the
     * element is written otherwise (a prefix, not UTF-8, not closed): then the caller parses the whole sheet.
     */
    static byte[] mergeCellsFragment(InputStream in) throws IOException {
        byte[] f = scanMerges(in);
        return f == NO_MERGES ? null : f;
    }

    /** What {@link #scanMerges} returns for a UTF-8 sheet in which the bytes "mergeCell" occur nowhere. */
    static final byte[] NO_MERGES = new byte[0];

    /**
     * One bulk pass over the sheet's bytes: the {@code <mergeCells …>…</mergeCells>} element (a tag cannot occur
     * escaped in text); {@link #NO_MERGES} when the sheet is UTF-8 and "mergeCell" occurs nowhere (no merged region
     * can exist, as {@link #mayHoldMerges} says); null when unsure (a prefix, not UTF-8, not closed): then the caller
     * parses the whole sheet.
     */
    static byte[] scanMerges(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int len = in.readNBytes(buf, 0, buf.length);
        if (len <= 0 || !utf8(buf, Math.min(len, 512))) return null;
        boolean saw = false;
        java.io.ByteArrayOutputStream out = null;
        while (true) {
            if (out == null) {
                int start = -1;
                for (int i = indexOf(buf, len, MERGE_CELL, 0); i >= 0; i = indexOf(buf, len, MERGE_CELL, i + 1)) {
                    saw = true;
                    if (i + MERGE_CELL.length >= len) break; // the next byte is in the next block: seen again there
                    if (i >= 1 && buf[i - 1] == '<' && buf[i + MERGE_CELL.length] == 's') {
                        start = i - 1;
                        break;
                    }
                }
                if (start >= 0) {
                    out = new java.io.ByteArrayOutputStream();
                    int end = indexOf(buf, len, MERGE_END, start);
                    if (end >= 0) {
                        out.write(buf, start, end + MERGE_END.length - start);
                        return out.toByteArray();
                    }
                    out.write(buf, start, len - start);
                    len = 0;
                } else {
                    // the tail stays, so a word split between two blocks is still found whole
                    int keep = Math.min(MERGE_START.length, len);
                    System.arraycopy(buf, len - keep, buf, 0, keep);
                    len = keep;
                }
            } else {
                // inside the element: look for its end, also across the boundary with what was written already
                byte[] sofar = out.toByteArray();
                int from = Math.max(0, sofar.length - MERGE_END.length + 1);
                byte[] both = new byte[sofar.length - from + len];
                System.arraycopy(sofar, from, both, 0, sofar.length - from);
                System.arraycopy(buf, 0, both, sofar.length - from, len);
                int end = indexOf(both, both.length, MERGE_END, 0);
                if (end >= 0) {
                    out.write(buf, 0, end + MERGE_END.length - (sofar.length - from));
                    return out.toByteArray();
                }
                out.write(buf, 0, len);
                if (out.size() > 4_000_000) return null; // no real sheet has this many merges: let the parser decide
                len = 0;
            }
            int n = in.readNBytes(buf, len, buf.length - len);
            if (n <= 0) return out == null && !saw ? NO_MERGES : null;
            len += n;
        }
    }

    /** The first index of {@code pat} in {@code b[from, len)}, or -1. */
    static int indexOf(byte[] b, int len, byte[] pat, int from) {
        byte first = pat[0];
        outer:
        for (int i = from; i + pat.length <= len; i++) {
            if (b[i] != first) continue;
            for (int j = 1; j < pat.length; j++) if (b[i + j] != pat[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Whether XML starting with these bytes is UTF-8: no UTF-16/32 marks and no other declared encoding. */
    private static boolean utf8(byte[] b, int len) {
        int start = len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        int end = Math.min(len, start + 256);
        if (end - start < 2 || b[start] != '<') return false;
        for (int i = start; i < end; i++) if (b[i] == 0) return false;
        String head = new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) return true; // no declaration: UTF-8 by the XML rules
        int close = head.indexOf("?>");
        if (close < 0) return false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']")
                .matcher(head.substring(0, close));
        if (!m.find()) return true;
        String enc = m.group(1).strip();
        return enc.equalsIgnoreCase("UTF-8") || enc.equalsIgnoreCase("UTF8") || enc.equalsIgnoreCase("US-ASCII");
    }

    private static void parse(InputStream in, DefaultHandler h) throws IOException, SAXException {
        try {
            XMLReader xr = XMLHelper.newXMLReader();
            xr.setContentHandler(h);
            xr.parse(new InputSource(in));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** Unchecked signal to abort SAX parsing when the handler is done. */
    private static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }

    private static int[] region(String ref) {
        String[] p = ref.split(":");
        int[] a = cellRef(p[0]);
        int[] b = p.length > 1 ? cellRef(p[1]) : a;
        return new int[]{a[0], a[1], b[0], b[1]};
    }

    /** "KR42" → {41, 303}. */
    static int[] cellRef(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) i++;
        return new int[]{Integer.parseInt(ref.substring(i)) - 1, Cell.columnIndex(ref.substring(0, i).toUpperCase())};
    }

    /** Merged regions are looked up per cell: a bounded number keeps that fast. Real sheets have hundreds. */
    static final int MAX_MERGES = 20_000;

    private static final class MergeHandler extends DefaultHandler {
        private final List<int[]> merges;
        MergeHandler(List<int[]> merges) { this.merges = merges; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if ("mergeCell".equals(localName)) {
                String ref = atts.getValue("ref");
                if (ref != null) merges.add(region(ref));
                if (merges.size() > MAX_MERGES) {
                    throw new ReadFailure.Limit(null, null, null, "Ett blad har fler än " + MAX_MERGES
                            + " sammanfogade cellområden; det är ingen tabell som går att läsa. Filen importeras inte.");
                }
            }
        }
    }

    private static final class SheetHandler extends DefaultHandler {
        private final String sheet;
        private final LimitedSharedStrings strings;
        private final StylesTable styles;
        private final List<int[]> merges;
        private final RowHandler handler;
        private final StringBuilder text = new StringBuilder();
        private List<Cell> cells = new ArrayList<>();
        private int rowIndex = -1;
        private int nextRow = 0;
        private String ref, type, style;
        private boolean inValue, inInline, inFormula, sawFormula, sawValue;
        private final StringBuilder formula = new StringBuilder();
        private int nextCol;

        SheetHandler(String sheet, LimitedSharedStrings strings, StylesTable styles, List<int[]> merges,
                     RowHandler handler) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
            this.merges = merges;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    rowIndex = r != null ? Integer.parseInt(r) - 1 : nextRow;
                    cells = new ArrayList<>();
                    nextCol = 0;
                }
                case "c" -> {
                    ref = atts.getValue("r");
                    type = atts.getValue("t");
                    style = atts.getValue("s");
                    text.setLength(0);
                    sawFormula = sawValue = false;
                    formula.setLength(0);
                }
                case "f" -> { inFormula = true; sawFormula = true; }
                case "v" -> { inValue = true; sawValue = true; text.setLength(0); }
                case "is" -> { inInline = true; text.setLength(0); }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inFormula && formula.length() < 200) formula.append(ch, start, Math.min(length, 200));
            if (!inValue && !inInline) return;
            if (text.length() + (long) length > ReadFailure.MAX_CELL_CHARS) {
                throw new ReadFailure.Limit(sheet, rowIndex + 1, ref == null ? null : ref.replaceAll("\\d", ""),
                        ReadFailure.cellTooLong());
            }
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "is" -> inInline = false;
                case "c" -> {
                    int col = ref != null ? column(ref) : nextCol;
                    if (col < 0 || col >= ReadFailure.MAX_COLUMNS) {
                        throw new ReadFailure.Limit(sheet, rowIndex + 1, null, ReadFailure.tooManyColumns());
                    }
                    if (sawFormula && !sawValue) {
                        String f = formula.length() >= 200 ? formula.substring(0, 200) + "…" : formula.toString();
                        throw new ReadFailure.Limit(sheet, rowIndex + 1, Cell.columnName(col), "Cellen innehåller en formel "
                                + "(=" + f + ") utan sparat resultat, och Hälsoläge räknar aldrig ut formler. Öppna filen i "
                                + "Excel eller LibreOffice och spara den igen (då sparas resultaten), eller klistra in värdena.");
                    }
                    nextCol = col + 1;
                    Cell c = toCell(col, text.toString());
                    if (c != null) cells.add(c);
                }
                case "row" -> {
                    nextRow = rowIndex + 1;
                    if (!handler.row(new GridRow(sheet, rowIndex, cells))) throw new Stop();
                }
                default -> { }
            }
        }

        private Cell toCell(int col, String raw) {
            String merge = mergeOf(rowIndex, col);
            if (raw.isEmpty() && merge == null) return null;
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    String s = raw.isEmpty() ? "" : strings.text(Integer.parseInt(raw.trim()));
                    return new Cell(sheet, rowIndex, col, s, null, merge);
                }
                case "inlineStr", "str", "e" -> {
                    return new Cell(sheet, rowIndex, col, raw, null, merge);
                }
                case "b" -> {
                    return new Cell(sheet, rowIndex, col, "1".equals(raw) ? "SANT" : "FALSKT", null, merge);
                }
                default -> {
                    if (raw.isEmpty()) return new Cell(sheet, rowIndex, col, "", null, merge);
                    double d;
                    try {
                        d = Double.parseDouble(raw);
                    } catch (NumberFormatException e) {
                        return new Cell(sheet, rowIndex, col, raw, null, merge);
                    }
                    byte kind = styleKind();
                    if (kind == DATE) {
                        LocalDateTime dt = DateUtil.getLocalDateTime(d);
                        String iso = dt.toLocalTime().toSecondOfDay() == 0 ? dt.toLocalDate().toString() : dt.toString();
                        return new Cell(sheet, rowIndex, col, iso, null, merge);
                    }
                    if (kind == PERCENT) return percentCell(sheet, rowIndex, col, d, merge);
                    return new Cell(sheet, rowIndex, col, plain(d), d, merge);
                }
            }
        }

        private final Map<String, Byte> styleKinds = new java.util.HashMap<>();

        /** Whether the cell's number format shows a date, a percentage ("0%", "0,0 %") or a plain number; cached per style. */
        private byte styleKind() {
            if (style == null || styles == null) return PLAIN;
            Byte k = styleKinds.get(style);
            if (k != null) return k;
            byte kind = PLAIN;
            try {
                XSSFCellStyle st = styles.getStyleAt(Integer.parseInt(style));
                if (st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString())) kind = DATE;
                else if (st != null && isPercentFormat(st.getDataFormatString())) kind = PERCENT;
            } catch (RuntimeException e) {
                kind = PLAIN;
            }
            if (styleKinds.size() < 10_000) styleKinds.put(style, kind);
            return kind;
        }

        /** The column of a cell reference; -1 when it lies beyond any column a spreadsheet can have. */
        private static int column(String ref) {
            int letters = 0;
            while (letters < ref.length() && Character.isLetter(ref.charAt(letters))) letters++;
            return letters > 3 ? -1 : cellRef(ref)[1];
        }

        /** The merged regions that cover the current row (found once per row, usually none). */
        private List<int[]> rowMerges = List.of();
        private int rowMergesOf = -1;

        private String mergeOf(int row, int col) {
            if (merges.isEmpty()) return null;
            if (rowMergesOf != row) {
                rowMergesOf = row;
                List<int[]> here = new ArrayList<>(2);
                for (int[] m : merges) if (row >= m[0] && row <= m[2]) here.add(m);
                rowMerges = here;
            }
            for (int[] m : rowMerges) {
                if (row >= m[0] && row <= m[2] && col >= m[1] && col <= m[3]) {
                    return Cell.columnName(m[1]) + (m[0] + 1) + ":" + Cell.columnName(m[3]) + (m[2] + 1);
                }
            }
            return null;
        }
    }

    static final byte PLAIN = 0, DATE = 1, PERCENT = 2;

    /** A number format that multiplies by 100 and shows "%" (quoted or escaped percent signs do not count). */
    static boolean isPercentFormat(String format) {
        if (format == null) return false;
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "");
        return f.contains("%");
    }

    /**
     * A cell formatted as a percentage: Excel stores 0.815 and shows "81,5 %". The cell carries the text
     * "81.5%" and no raw number, so the value parser reads it as percent, as the user sees it, whatever the
     * column header says (exact decimal arithmetic: 0.417 → 41.7).
     */
    static Cell percentCell(String sheet, int row, int col, double d, String merge) {
        String pct = BigDecimal.valueOf(d).movePointRight(2).stripTrailingZeros().toPlainString();
        return new Cell(sheet, row, col, pct + "%", null, merge);
    }

    /** 0.41699999999999998 → "0.417"; 287.0 → "287". */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
