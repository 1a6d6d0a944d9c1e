package se.halsolage.importer;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The shared-strings part of an xlsx, read with limits and stored compactly, so a hostile or merely
 * large file cannot exhaust memory through it: one string may hold at most
 * {@link ReadFailure#MAX_CELL_CHARS} characters, all strings together at most {@link #MAX_TOTAL_CHARS},
 * and the part's own "count"/"uniqueCount" are ignored.
 *
 * <p>POI's {@code ReadOnlySharedStringsTable} keeps one {@code String} object per entry (about 50 bytes
 * each before the text), so 20 million one-letter strings needed over 1 GB. Here all text goes into one
 * character buffer with an {@code int} offset per entry (about 4 bytes per entry plus 1–2 per character),
 * and {@link #getItemAt(int)} cuts the string out when a cell asks for it: the documented 20 million
 * characters fit in well under 200 MB. The parsing follows POI's (text of {@code t} elements in each
 * {@code si}, phonetic runs {@code rPh} left out) and uses POI's secure XML reader (no DOCTYPE, no
 * external entities).
 */
final class LimitedSharedStrings extends DefaultHandler implements SharedStrings {
    /** About 40 MB of text: hundreds of times what a statistics workbook holds. */
    static final long MAX_TOTAL_CHARS = 20_000_000L;
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final StringBuilder chars = new StringBuilder();
    private int[] ends = new int[1024];
    private int count;
    private long current;
    private boolean inT, inRPh;

    LimitedSharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) return;
        try (InputStream in = parts.get(0).getInputStream()) {
            XMLReader reader;
            try {
                reader = XMLHelper.newXMLReader();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new IOException(e);
            }
            reader.setContentHandler(this);
            reader.parse(new InputSource(in));
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (uri != null && !uri.isEmpty() && !uri.equals(NS)) return;
        switch (name(localName, qName)) {
            case "si" -> current = 0;
            case "t" -> inT = true;
            case "rPh" -> inRPh = true;
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (uri != null && !uri.isEmpty() && !uri.equals(NS)) return;
        switch (name(localName, qName)) {
            case "si" -> {
                if (count == ends.length) ends = Arrays.copyOf(ends, ends.length * 2);
                ends[count++] = chars.length();
            }
            case "t" -> inT = false;
            case "rPh" -> inRPh = false;
            default -> { }
        }
    }

    private static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) return localName;
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!inT || inRPh) return;
        current += length;
        if (current > ReadFailure.MAX_CELL_CHARS) {
            throw new ReadFailure.Limit(null, null, null, "En text i filen är för lång"
                    + ReadFailure.cellTooLong().substring("Cellen är för lång".length()));
        }
        if (chars.length() + (long) length > MAX_TOTAL_CHARS) {
            throw new ReadFailure.Limit(null, null, null, "Filen innehåller mer text än en statistiktabell rimligen har "
                    + "(gränsen för delade texter i en xlsx är 20 miljoner tecken). Den importeras inte.");
        }
        chars.append(ch, start, length);
    }

    /** The text of entry {@code idx}. */
    String text(int idx) {
        if (idx < 0 || idx >= count) throw new IndexOutOfBoundsException("delad text " + idx + " av " + count);
        return chars.substring(idx == 0 ? 0 : ends[idx - 1], ends[idx]);
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new XSSFRichTextString(text(idx));
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }
}
