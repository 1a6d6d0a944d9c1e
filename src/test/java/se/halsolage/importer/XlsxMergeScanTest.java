package se.halsolage.importer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte scan that lets a sheet without merged regions skip the extra SAX pass; anything unsure gets the pass. */
class XlsxMergeScanTest {
    static boolean scan(byte[] b) throws Exception {
        try (InputStream in = new ByteArrayInputStream(b)) {
            return XlsxGrid.mayHoldMerges(in);
        }
    }

    static byte[] sheet(String decl, String tail, int rows) {
        StringBuilder sb = new StringBuilder(decl).append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 1; r <= rows; r++) sb.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"s\"><v>")
                .append(r % 7).append("</v></c></row>");
        return sb.append("</sheetData>").append(tail).append("</worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSheetWithoutMergesNeedsNoPass() throws Exception {
        String decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        assertThat(scan(sheet(decl, "", 20_000))).isFalse();
        assertThat(scan(sheet("", "", 10))).isFalse();
        assertThat(scan(sheet("<?xml version='1.0'?>", "", 10))).isFalse();
    }

    @Test
    void mergesAnywhereAreFoundAlsoAcrossBufferBoundaries() throws Exception {
        String decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        String merges = "<mergeCells count=\"1\"><mergeCell ref=\"A1:D1\"/></mergeCells>";
        assertThat(scan(sheet(decl, merges, 20_000))).isTrue();
        assertThat(scan(sheet(decl, "<x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:D1\"/></x:mergeCells>", 5))).isTrue();
        // the word placed so that it straddles the 64 KiB read buffer at every offset
        byte[] base = sheet(decl, "", 3000);
        for (int shift = 0; shift < 10; shift++) {
            byte[] b = new byte[70_000];
            java.util.Arrays.fill(b, (byte) ' ');
            System.arraycopy(base, 0, b, 0, 40);
            byte[] w = "<mergeCell ref=\"A1:B2\"/>".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(w, 0, b, 65_536 - 5 + shift, w.length);
            assertThat(scan(b)).as("shift %d", shift).isTrue();
        }
    }

    @Test
    void otherEncodingsAlwaysGetThePass() throws Exception {
        assertThat(scan("<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet/>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
        byte[] bom16 = {(byte) 0xFF, (byte) 0xFE, '<', 0, 'w', 0};
        assertThat(scan(bom16)).isTrue();
        assertThat(scan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet/>".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(scan(new byte[0])).isTrue();
    }

    @Test
    void theMergeElementIsCutOutOfTheSheetWithoutParsingItsRows() throws Exception {
        String rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>mergeCells &lt;mergeCells&gt;</t></is></c></row>".repeat(5000);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData>" + rows + "</sheetData>"
                + "<mergeCells count=\"2\"><mergeCell ref=\"G7:I7\"/><mergeCell ref=\"G8:I8\"/></mergeCells></worksheet>";
        byte[] f = XlsxGrid.mergeCellsFragment(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(f, StandardCharsets.UTF_8))
                .isEqualTo("<mergeCells count=\"2\"><mergeCell ref=\"G7:I7\"/><mergeCell ref=\"G8:I8\"/></mergeCells>");
        // a prefixed element or another encoding: no fragment, the whole sheet is parsed as before
        assertThat(XlsxGrid.mergeCellsFragment(new ByteArrayInputStream(xml.replace("mergeCells", "x:mergeCells")
                .getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(XlsxGrid.mergeCellsFragment(new ByteArrayInputStream(xml.replace("UTF-8", "UTF-16")
                .getBytes(StandardCharsets.UTF_8)))).isNull();
    }

    @Test
    void onePassTellsNoMergesTheElementOrUnsure() throws Exception {
        String decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        assertThat(XlsxGrid.scanMerges(new ByteArrayInputStream(sheet(decl, "", 20_000)))).isSameAs(XlsxGrid.NO_MERGES);
        String merges = "<mergeCells count=\"1\"><mergeCell ref=\"A1:D1\"/></mergeCells>";
        assertThat(new String(XlsxGrid.scanMerges(new ByteArrayInputStream(sheet(decl, merges, 20_000))), StandardCharsets.UTF_8))
                .isEqualTo(merges);
        assertThat(XlsxGrid.scanMerges(new ByteArrayInputStream(sheet(decl, "<x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:D1\"/>"
                + "</x:mergeCells>", 50)))).isNull();
        // the start and the end tag placed across the 64 KiB block boundary at every offset
        byte[] base = sheet(decl, "", 3000);
        for (int shift = 0; shift < 16; shift++) {
            for (boolean atEnd : new boolean[]{false, true}) {
                byte[] b = new byte[140_000];
                java.util.Arrays.fill(b, (byte) ' ');
                System.arraycopy(base, 0, b, 0, 40);
                String el = "<mergeCells count=\"2\"><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"C1:D2\"/></mergeCells>";
                byte[] w = el.getBytes(StandardCharsets.US_ASCII);
                int at = atEnd ? 65_536 - w.length + 8 + shift : 65_536 - 8 + shift;
                System.arraycopy(w, 0, b, at, w.length);
                assertThat(new String(XlsxGrid.scanMerges(new ByteArrayInputStream(b)), StandardCharsets.US_ASCII))
                        .as("shift %d end %s", shift, atEnd).isEqualTo(el);
            }
        }
    }
}
