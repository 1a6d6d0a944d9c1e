package se.halsolage.report;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A thin layer over POI's XWPF that only produces accessible structure: styled headings with
 * bookmarks, real lists, tables with a repeating header row and no merged cells, pictures with alt
 * text and title, captions with SEQ fields, a TOC field and a PAGE field in the footer. The styles
 * and list definitions come from {@code resources/report/styles.xml} and {@code numbering.xml}.
 */
final class DocxBuilder {
    /** A4 with 2.5 cm margins: the text is 9 070 twips (16,0 cm) wide. */
    static final int PAGE_W = 11906, PAGE_H = 16838, MARGIN = 1418;
    static final int TEXT_WIDTH_TWIPS = PAGE_W - 2 * MARGIN;
    static final String LANGUAGE = "sv-SE";

    static final String STYLE_TITLE = "Title", STYLE_SUBTITLE = "Subtitle", STYLE_CAPTION = "Caption",
            STYLE_TOC_HEADING = "TOCHeading", STYLE_LIST_BULLET = "ListBullet", STYLE_LIST_NUMBER = "ListNumber",
            STYLE_FOOTER = "Footer", STYLE_COVER = "Forsattstext", STYLE_EXAMPLE = "Exempeldata",
            STYLE_PICTURE = "Diagram", STYLE_SOURCE = "Kallrad", STYLE_TABLE_TEXT = "Tabelltext",
            STYLE_TABLE_HEADER = "Tabellrubrik", STYLE_FACT = "Faktaruta", STYLE_TABLE = "HalsolageTabell";

    /** One heading written so far, with the bookmark the table of contents links to. */
    record Heading(int level, String text, String bookmark) {
    }

    private final XWPFDocument doc;
    private final XWPFNumbering numbering;
    private final List<Heading> headings = new ArrayList<>();
    private int bookmarkId = 100;
    private int figures, tables, pictures;
    private XWPFParagraph tocPlaceholder;

    DocxBuilder() {
        doc = new XWPFDocument();
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(resource("report/styles.xml")).getStyles());
            numbering = doc.createNumbering();
            CTNumbering nums = NumberingDocument.Factory.parse(resource("report/numbering.xml")).getNumbering();
            for (CTAbstractNum a : nums.getAbstractNumArray()) numbering.addAbstractNum(new XWPFAbstractNum(a, numbering));
            for (var n : nums.getNumArray()) numbering.addNum(n.getAbstractNumId().getVal(), n.getNumId());
        } catch (XmlException | IOException e) {
            throw new IllegalStateException("Rapportmallen i resources/report är trasig: " + e.getMessage(), e);
        }
        page();
        settings();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DocxBuilder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException("saknas: " + name);
        return in;
    }

    XWPFDocument document() {
        return doc;
    }

    List<Heading> headings() {
        return headings;
    }

    int pictures() { return pictures; }
    int tables() { return tables; }

    private CTSectPr sectPr() {
        var body = doc.getDocument().getBody();
        return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    }

    private void page() {
        CTSectPr s = sectPr();
        CTPageSz sz = s.isSetPgSz() ? s.getPgSz() : s.addNewPgSz();
        sz.setW(BigInteger.valueOf(PAGE_W));
        sz.setH(BigInteger.valueOf(PAGE_H));
        CTPageMar m = s.isSetPgMar() ? s.getPgMar() : s.addNewPgMar();
        m.setTop(BigInteger.valueOf(MARGIN));
        m.setBottom(BigInteger.valueOf(MARGIN));
        m.setLeft(BigInteger.valueOf(MARGIN));
        m.setRight(BigInteger.valueOf(MARGIN));
        m.setHeader(BigInteger.valueOf(709));
        m.setFooter(BigInteger.valueOf(567));
        m.setGutter(BigInteger.ZERO);
    }

    private void settings() {
        doc.enforceUpdateFields();
        CTSettings st = doc.getSettings().getCTSettings();
        (st.isSetThemeFontLang() ? st.getThemeFontLang() : st.addNewThemeFontLang()).setVal(LANGUAGE);
        (st.isSetDecimalSymbol() ? st.getDecimalSymbol() : st.addNewDecimalSymbol()).setVal(",");
        (st.isSetListSeparator() ? st.getListSeparator() : st.addNewListSeparator()).setVal(";");
    }

    /** Title, author (the municipality), organisation, subject, keywords and language sv-SE. */
    void properties(String title, String organisation, String subject, String keywords) {
        POIXMLProperties props = doc.getProperties();
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        core.setTitle(title);
        core.setCreator(organisation);
        core.setSubjectProperty(subject);
        core.setKeywords(keywords);
        core.setDescription(subject);
        core.setCreated(java.util.Optional.of(new Date()));
        core.getUnderlyingProperties().setLanguageProperty(java.util.Optional.of(LANGUAGE));
        core.getUnderlyingProperties().setLastModifiedByProperty(java.util.Optional.of(organisation));
        var app = props.getExtendedProperties().getUnderlyingProperties();
        app.setCompany(organisation);
        app.setApplication("Hälsoläge");
        // Word shows the title, not the file name, in its window bar when this is set (WCAG 2.4.2).
        // (w15:… displayDocTitle lives in the app properties of newer Word; the core title is what counts.)
    }

    // ---------------------------------------------------------------- paragraphs

    XWPFParagraph paragraph(String style) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) p.setStyle(style);
        return p;
    }

    /** A paragraph of body text (style Normal). Empty text is never written: no spacing by empty paragraphs. */
    XWPFParagraph text(String text) {
        return styled(null, text);
    }

    XWPFParagraph styled(String style, String text) {
        if (text == null || text.isBlank()) return null;
        XWPFParagraph p = paragraph(style);
        run(p, text);
        return p;
    }

    static XWPFRun run(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        r.setText(text);
        return r;
    }

    static XWPFRun bold(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(true);
        return r;
    }

    /** Several paragraphs from a text with blank lines (or single newlines) between them. */
    void texts(String body) {
        if (body == null) return;
        for (String para : body.strip().split("\\R+")) text(para.strip());
    }

    /** A heading 1–3 with a bookmark for the table of contents. */
    XWPFParagraph heading(int level, String text) {
        if (level < 1 || level > 3) throw new IllegalArgumentException("Rubriknivå " + level);
        int last = headings.isEmpty() ? 0 : headings.get(headings.size() - 1).level();
        if (level > last + 1) {
            throw new IllegalStateException("Rubriknivån hoppar från " + last + " till " + level + ": " + text);
        }
        XWPFParagraph p = paragraph("Heading" + level);
        String name = "_Toc" + (100000 + bookmarkId);
        CTP ctp = p.getCTP();
        CTBookmark start = ctp.addNewBookmarkStart();
        start.setId(BigInteger.valueOf(bookmarkId));
        start.setName(name);
        run(p, text);
        ctp.addNewBookmarkEnd().setId(BigInteger.valueOf(bookmarkId));
        bookmarkId++;
        headings.add(new Heading(level, text, name));
        return p;
    }

    /** A bulleted list in style List Bullet. Each item may start with a bold label ("Ansvarig: "). */
    void bullets(List<String[]> items) {
        for (String[] item : items) {
            XWPFParagraph p = paragraph(STYLE_LIST_BULLET);
            if (item.length > 1 && item[0] != null) {
                bold(p, item[0]);
                run(p, item[1]);
            } else {
                run(p, item[item.length - 1]);
            }
        }
    }

    void bulletTexts(List<String> items) {
        bullets(items.stream().map(s -> new String[]{s}).toList());
    }

    /** A numbered list (List Number) that starts at 1, whatever lists came before. */
    void numbered(List<String[]> items) {
        BigInteger numId = numbering.addNum(BigInteger.ONE);
        XWPFNum num = numbering.getNum(numId);
        CTNumLvl lvl = num.getCTNum().addNewLvlOverride();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewStartOverride().setVal(BigInteger.ONE);
        for (String[] item : items) {
            XWPFParagraph p = paragraph(STYLE_LIST_NUMBER);
            p.setNumID(numId);
            p.setNumILvl(BigInteger.ZERO);
            if (item.length > 1 && item[0] != null) bold(p, item[0]);
            run(p, item[item.length - 1]);
        }
    }

    // ---------------------------------------------------------------- fields

    /** Appends a complex field {@code instr} with {@code cached} as its current result. */
    static void field(XWPFParagraph p, String instr, String cached) {
        CTP ctp = p.getCTP();
        ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTText it = ctp.addNewR().addNewInstrText();
        it.setStringValue(" " + instr + " ");
        it.setSpace(SpaceAttribute.Space.PRESERVE);
        ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        CTR res = ctp.addNewR();
        CTText t = res.addNewT();
        t.setStringValue(cached);
        t.setSpace(SpaceAttribute.Space.PRESERVE);
        ctp.addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /**
     * The contents heading and a TOC field. Its current result is filled in by {@link #finishToc()}
     * with the headings written, linked to their bookmarks but without page numbers: Word rebuilds
     * the whole table with page numbers when the document is opened (w:updateFields), LibreOffice
     * with Verktyg › Uppdatera › Uppdatera alla. (LibreOffice shows a TOC field's stored result as
     * plain text, so stored page numbers would be guesses, and wrong ones are worse than none.)
     */
    void toc(String heading) {
        styled(STYLE_TOC_HEADING, heading);
        tocPlaceholder = paragraph("TOC1");
    }

    /** Writes the table of contents' entries (call after all headings). */
    void finishToc() {
        if (tocPlaceholder == null) return;
        String instr = " TOC \\o \"1-3\" \\h \\z \\u ";
        if (headings.isEmpty()) {
            field(tocPlaceholder, instr.strip(), "Uppdatera innehållsförteckningen (F9).");
            tocPlaceholder = null;
            return;
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            XWPFParagraph para;
            try (var cursor = tocPlaceholder.getCTP().newCursor()) {
                para = doc.insertNewParagraph(cursor);
            }
            para.setStyle("TOC" + h.level());
            CTP p = para.getCTP();
            if (i == 0) {
                p.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
                CTText it = p.addNewR().addNewInstrText();
                it.setStringValue(instr);
                it.setSpace(SpaceAttribute.Space.PRESERVE);
                p.addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
            }
            CTHyperlink link = p.addNewHyperlink();
            link.setAnchor(h.bookmark());
            link.setHistory(Boolean.TRUE);
            CTText t = link.addNewR().addNewT();
            t.setStringValue(h.text());
            t.setSpace(SpaceAttribute.Space.PRESERVE);
            if (i == headings.size() - 1) p.addNewR().addNewFldChar().setFldCharType(STFldCharType.END);
        }
        doc.removeBodyElement(doc.getPosOfParagraph(tocPlaceholder));
        tocPlaceholder = null;
    }

    /** "Figur N. text" with a SEQ field, in style Caption. Returns N. */
    XWPFParagraph figureCaption(String text) {
        figures++;
        XWPFParagraph p = paragraph(STYLE_CAPTION);
        run(p, "Figur ");
        field(p, "SEQ Figur \\* ARABIC", Integer.toString(figures));
        run(p, ". " + text);
        return p;
    }

    /** "Tabell N. text" with a SEQ field, in style Caption, placed above its table. */
    int tableCaption(String text) {
        int n = tables + 1;
        XWPFParagraph p = paragraph(STYLE_CAPTION);
        keepNext(p);
        run(p, "Tabell ");
        field(p, "SEQ Tabell \\* ARABIC", Integer.toString(n));
        run(p, ". " + text);
        return n;
    }

    // ---------------------------------------------------------------- pictures

    /**
     * A PNG picture in its own paragraph (style Diagram), {@code widthCm} wide, with alt text: the
     * title goes to docPr/@title, the description (values and direction) to docPr/@descr.
     */
    void picture(byte[] png, int pxW, int pxH, double widthCm, String title, String description) {
        picture(png, pxW, pxH, widthCm, title, description, null);
    }

    /** As above, the picture's name saying its kind ("Diagram 7 (rangordning)"), so a reader or test can tell them apart. */
    void picture(byte[] png, int pxW, int pxH, double widthCm, String title, String description, String kind) {
        XWPFParagraph p = paragraph(STYLE_PICTURE);
        XWPFRun r = p.createRun();
        int wEmu = (int) Math.round(widthCm / 2.54 * Units.EMU_PER_INCH);
        int hEmu = (int) Math.round((double) wEmu * pxH / pxW);
        XWPFPicture pic;
        pictures++;
        try {
            pic = r.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "diagram" + pictures + ".png", wEmu, hEmu);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        CTInline inline = r.getCTR().getDrawingArray(0).getInlineArray(0);
        CTNonVisualDrawingProps docPr = inline.getDocPr();
        docPr.setName("Diagram " + pictures + (kind == null ? "" : " (" + kind + ")"));
        docPr.setTitle(title);
        docPr.setDescr(description);
        CTNonVisualDrawingProps cnv = pic.getCTPicture().getNvPicPr().getCNvPr();
        cnv.setTitle(title);
        cnv.setDescr(description);
    }

    // ---------------------------------------------------------------- tables

    /**
     * A table in style "Hälsoläge tabell": one header row that repeats on every page, no merged cells,
     * fixed column widths (in fractions of the text width), a caption for screen readers
     * (tblCaption/tblDescription). Cells may hold several lines separated by '\n'.
     */
    XWPFTable table(String caption, String description, double[] widths, List<String> header, List<List<String>> rows) {
        if (header.size() != widths.length) throw new IllegalArgumentException("kolumner");
        tables++;
        XWPFTable t = doc.createTable();
        CTTblPr pr = t.getCTTbl().getTblPr();
        if (pr.isSetTblBorders()) pr.unsetTblBorders();
        t.setStyleID(STYLE_TABLE);
        pr.addNewTblCaption().setVal(caption);
        if (description != null) pr.addNewTblDescription().setVal(description);
        var w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(TEXT_WIDTH_TWIPS));
        pr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        var look = pr.addNewTblLook();
        look.setVal(new byte[]{0x04, 0x20});
        int[] tw = new int[widths.length];
        double sum = 0;
        for (double d : widths) sum += d;
        int used = 0;
        for (int i = 0; i < widths.length; i++) {
            tw[i] = i == widths.length - 1 ? TEXT_WIDTH_TWIPS - used : (int) Math.round(TEXT_WIDTH_TWIPS * widths[i] / sum);
            used += tw[i];
        }
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int x : tw) grid.addNewGridCol().setW(BigInteger.valueOf(x));

        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        fillRow(head, header, tw, STYLE_TABLE_HEADER);
        for (List<String> row : rows) {
            XWPFTableRow r = t.createRow();
            r.setCantSplitRow(true);
            fillRow(r, row, tw, STYLE_TABLE_TEXT);
        }
        return t;
    }

    private static void fillRow(XWPFTableRow row, List<String> values, int[] tw, String style) {
        for (int c = 0; c < tw.length; c++) {
            XWPFTableCell cell = c < row.getTableCells().size() ? row.getCell(c) : row.addNewTableCell();
            var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            var cw = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
            cw.setType(STTblWidth.DXA);
            cw.setW(BigInteger.valueOf(tw[c]));
            String v = c < values.size() && values.get(c) != null ? values.get(c) : "";
            String[] lines = v.split("\n", -1);
            while (cell.getParagraphs().size() > 1) cell.removeParagraph(1);
            XWPFParagraph first = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
            for (int i = 0; i < lines.length; i++) {
                XWPFParagraph p = i == 0 ? first : cell.addParagraph();
                p.setStyle(style);
                for (XWPFRun old : new ArrayList<>(p.getRuns())) p.removeRun(p.getRuns().indexOf(old));
                if (!lines[i].isEmpty()) run(p, lines[i]);
            }
        }
    }

    // ---------------------------------------------------------------- footer

    /** No footer on the cover; on other pages "<text>" left and "Sida N" right. */
    void footer(String text) {
        CTSectPr s = sectPr();
        if (!s.isSetTitlePg()) s.addNewTitlePg();
        XWPFFooter first = doc.createFooter(HeaderFooterType.FIRST);
        XWPFParagraph fp = first.getParagraphs().isEmpty() ? first.createParagraph() : first.getParagraphs().get(0);
        fp.setStyle(STYLE_FOOTER);
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setStyle(STYLE_FOOTER);
        run(p, text);
        p.createRun().addTab();
        p.createRun().addTab();
        run(p, "Sida ");
        field(p, "PAGE \\* ARABIC", "2");
    }

    /** Keeps the paragraph on the same page as the next one (POI's setKeepNext fails without a pPr). */
    static void keepNext(XWPFParagraph p) {
        if (p == null) return;
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        if (!ppr.isSetKeepNext()) ppr.addNewKeepNext();
    }

    /**
     * Saves the package. POI deflates every part at the default level, which for the already
     * compressed PNGs cost about a fifth of the report's CPU time; the fastest level compresses the
     * XML nearly as well and passes the PNGs through quickly.
     */
    void write(OutputStream out) throws IOException {
        org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zos =
                new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(new java.io.BufferedOutputStream(out, 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the caller closes its own stream
                    }
                });
        zos.setLevel(java.util.zip.Deflater.BEST_SPEED);
        doc.write(zos); // POI finishes the archive
        zos.flush();
    }

    void close() {
        try {
            doc.close();
        } catch (IOException ignored) {
            // nothing was opened from disk
        }
    }
}
