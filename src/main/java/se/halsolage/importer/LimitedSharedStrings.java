package se.halsolage.importer;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import java.io.IOException;

/**
 * POI's streaming shared-strings table with limits, so a hostile xlsx cannot exhaust memory through
 * it: one string may hold at most {@link ReadFailure#MAX_CELL_CHARS} characters, all strings together
 * at most {@link #MAX_TOTAL_CHARS}, and the part's own "uniqueCount" (which POI uses to pre-size a list)
 * is ignored.
 *
 * <p>The superclass parses in its constructor, so the counters are fields without initialisers
 * (they start at 0 before the parse and are not reset afterwards).
 */
final class LimitedSharedStrings extends ReadOnlySharedStringsTable {
    /** About 40 MB of text: hundreds of times what a statistics workbook holds. */
    static final long MAX_TOTAL_CHARS = 20_000_000L;

    private long current;
    private long total;

    LimitedSharedStrings(OPCPackage pkg) throws IOException, SAXException {
        super(pkg, false);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if ("si".equals(localName)) current = 0;
        if ("sst".equals(localName)) attributes = new AttributesImpl(); // no pre-sizing from the file's own counts
        super.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        current += length;
        total += length;
        if (current > ReadFailure.MAX_CELL_CHARS) {
            throw new ReadFailure.Limit(null, null, null, "En text i filen är för lång"
                    + ReadFailure.cellTooLong().substring("Cellen är för lång".length()));
        }
        if (total > MAX_TOTAL_CHARS) {
            throw new ReadFailure.Limit(null, null, null, "Filen innehåller mer text än en statistiktabell rimligen har "
                    + "(över 20 miljoner tecken). Den importeras inte.");
        }
        super.characters(ch, start, length);
    }
}
