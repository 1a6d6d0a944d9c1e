package se.halsolage.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a file as a {@link GridSource}, choosing the reader from the file's first bytes and its name. */
public final class Readers {
    private Readers() {
    }

    /** Opens {@code file}; {@code encoding} (may be null) overrides detection for text files. */
    public static GridSource open(Path file, String encoding) {
        String name = file.getFileName().toString();
        String special = se.halsolage.domain.SpecialFiles.problem(file);
        if (special != null) {
            // a folder, FIFO, device or link loop gets its own sentence (reading a FIFO or /dev/zero would never end)
            throw new ImportException(Problem.error(name, null, null, null, "Filen " + special));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw broken(file, "fil", e);
        }
        if (head.length == 0) {
            throw new ImportException(Problem.error(name, null, null, null, "Filen är tom."));
        }
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole = head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0;
        // A zip under another name (.csv, .docx) is still tried as xlsx; the reader says clearly if it is not one.
        if (zip) return new HeadCachingGrid(new XlsxGrid(file));
        if (ole) return new HeadCachingGrid(new XlsGrid(file));
        if (ext.equals("xlsx") || ext.equals("xls") || ext.equals("xlsm")) {
            throw new ImportException(Problem.error(name, null, null, null, "Filen heter ." + ext
                    + " men är ingen Excel-fil (innehållet är " + (looksLikeText(head) ? "text" : "okänt") + ")."));
        }
        if (ext.equals("px")) return new PxGrid(file, encoding);
        if (ext.equals("pdf") || ext.equals("docx") || ext.equals("png") || ext.equals("jpg") || ext.equals("zip")
                || (head[0] == '%' && head[1] == 'P')) {
            throw new ImportException(Problem.error(name, null, null, null, "Filtypen kan inte importeras. "
                    + "Hälsoläge läser xlsx, xls, csv, txt och px."));
        }
        if (startsWith(head, "CHARSET") || startsWith(head, "AXIS-VER")) return new PxGrid(file, encoding);
        return new CsvGrid(file, encoding, null);
    }

    private static boolean startsWith(byte[] head, String s) {
        if (head.length < s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (head[i] != s.charAt(i)) return false;
        return true;
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) if (b == 0) return false;
        return true;
    }

    static ImportException broken(Path file, String what, Exception e) {
        if (e instanceof ImportException ie) return ie;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (!(t instanceof ReadFailure.Limit l)) continue;
            return new ImportException(Problem.error(file.getFileName().toString(), l.sheet, l.row, l.column, l.getMessage()));
        }
        return new ImportException(Problem.error(file.getFileName().toString(), null, null, null,
                ReadFailure.describe(what, e)), e);
    }
}
