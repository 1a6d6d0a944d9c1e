package se.halsolage.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Encoding and separator detection for text files. No library: a byte-order mark decides UTF-8/UTF-16;
 * otherwise bytes that decode as strict UTF-8 are UTF-8 and anything else is Windows-1252 (the two
 * encodings Swedish agencies' downloads come in). A declared encoding is checked, never trusted blindly.
 */
final class TextDetect {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDetect() {
    }

    /** The detected charset and how many BOM bytes to skip. */
    record Encoding(Charset charset, int bomLength) {
    }

    static Encoding detect(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) return new Encoding(utf16, 0);
        return new Encoding(invalidUtf8At(bytes, 0) < 0 ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    /**
     * UTF-16 without a byte-order mark (Excel's "Unicode text" from some tools): Latin text then has a
     * zero in every other byte. Decided on the first 4 KB; binary files do not show that pattern.
     */
    static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 4096) & ~1;
        if (n < 8) return null;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenZero++;
            if (b[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero * 10 >= pairs * 7 && evenZero * 20 <= pairs) return StandardCharsets.UTF_16LE;
        if (evenZero * 10 >= pairs * 7 && oddZero * 20 <= pairs) return StandardCharsets.UTF_16BE;
        return null;
    }

    /** Checks a declared encoding against the bytes; throws with the line of the first bad byte. */
    static Encoding declared(Path file, byte[] bytes, String name) {
        Charset cs;
        try {
            cs = Charset.forName(name);
        } catch (RuntimeException e) {
            throw new ImportException(Problem.error(file.getFileName().toString(), null, null, null,
                    "Okänd teckenkodning \"" + name + "\". Använd t.ex. UTF-8 eller windows-1252."));
        }
        Encoding auto = detect(bytes);
        int bom = auto.charset().equals(cs) ? auto.bomLength() : 0;
        if (cs.equals(StandardCharsets.UTF_8)) {
            int bad = invalidUtf8At(bytes, bom);
            if (bad >= 0) {
                throw new ImportException(Problem.error(file.getFileName().toString(), null, lineOf(bytes, bad), null,
                        "Filen är inte UTF-8 som angavs (ogiltig byte 0x" + Integer.toHexString(bytes[bad] & 0xff)
                                + "). Den ser ut att vara " + auto.charset().displayName()
                                + "; ange --encoding " + auto.charset().name() + " eller låt programmet avgöra."));
            }
        } else if (!cs.name().startsWith("UTF-16") && auto.bomLength() == 0 && auto.charset().equals(StandardCharsets.UTF_8)
                && hasMultibyte(bytes)) {
            int at = firstMultibyte(bytes);
            throw new ImportException(Problem.error(file.getFileName().toString(), null, lineOf(bytes, at), null,
                    "Filen är UTF-8, inte " + cs.name() + " som angavs: tecken som å, ä och ö skulle bli fel. "
                            + "Ange --encoding UTF-8 eller låt programmet avgöra."));
        } else if (cs.name().startsWith("UTF-16") && auto.bomLength() == 0) {
            throw new ImportException(Problem.error(file.getFileName().toString(), null, 1, null,
                    "Filen saknar byteordningsmärke och ser inte ut att vara " + cs.name() + " som angavs."));
        }
        return new Encoding(cs, bom);
    }

    static String decode(Encoding enc, byte[] bytes) {
        CharsetDecoder dec = enc.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(bytes, enc.bomLength(), bytes.length - enc.bomLength()));
            String s = cb.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Index of the first byte that is not valid UTF-8, or -1. */
    static int invalidUtf8At(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n;
            if (c < 0x80) { i++; continue; }
            else if (c >= 0xC2 && c <= 0xDF) n = 1;
            else if (c >= 0xE0 && c <= 0xEF) n = 2;
            else if (c >= 0xF0 && c <= 0xF4) n = 3;
            else return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) return i;
            }
            i += n + 1;
        }
        return -1;
    }

    private static boolean hasMultibyte(byte[] b) {
        return firstMultibyte(b) >= 0;
    }

    private static int firstMultibyte(byte[] b) {
        for (int i = 0; i < b.length; i++) if ((b[i] & 0x80) != 0) return i;
        return -1;
    }

    static int lineOf(byte[] b, int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < b.length; i++) if (b[i] == '\n') line++;
        return line;
    }

    /**
     * The separator among ; , tab and | that splits the most lines (outside quotes) into the same,
     * largest number of fields. Preamble lines without separators do not count.
     */
    static char separator(String text) {
        char[] candidates = {';', ',', '\t', '|'};
        char best = ';';
        int bestScore = -1;
        String[] lines = text.split("\r?\n", 60);
        for (char sep : candidates) {
            java.util.Map<Integer, Integer> freq = new java.util.HashMap<>();
            for (int li = 0; li < Math.min(lines.length, 50); li++) {
                int n = countOutsideQuotes(lines[li], sep);
                if (n > 0) freq.merge(n, 1, Integer::sum);
            }
            int score = 0;
            for (var e : freq.entrySet()) score = Math.max(score, e.getValue() * 1000 + e.getKey());
            if (score > bestScore) {
                bestScore = score;
                best = sep;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char sep) {
        boolean q = false;
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') q = !q;
            else if (c == sep && !q) n++;
        }
        return n;
    }
}
