package se.halsolage.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PC-Axis (.px) file turned into a long grid: one header row with the stub and heading variables
 * (and "… (kod)" columns where CODES exist) plus the CONTENTS, then one row per data cell. The data
 * symbols ("." to "......", "-") stay as they are for the value parser.
 */
final class PxGrid implements GridSource {
    private final Path file;
    private final String charsetName;
    private final Map<String, List<String>> keywords = new LinkedHashMap<>();
    /**
     * The data values, compactly: the file's text and one int per value (where it starts; a quoted value
     * as -(start + 1)). A List of Strings took about 50 bytes per value, so an 18 MB file of 9 million
     * values needed over 500 MB; this takes 4 bytes per value beside the text.
     */
    private final String text;
    private int[] starts = new int[1024];
    private int count;
    private final int dataLine;

    PxGrid(Path file, String declaredEncoding) {
        this.file = file;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw Readers.broken(file, "PC-Axis-fil (px)", e);
        }
        TextDetect.Encoding enc = declaredEncoding == null ? TextDetect.detect(bytes) : TextDetect.declared(file, bytes, declaredEncoding);
        this.charsetName = enc.charset().name();
        String text = TextDetect.decode(enc, bytes);
        bytes = null; // the raw bytes go before the values are indexed
        int dataAt = text.indexOf("DATA=");
        if (dataAt < 0) throw new ImportException(Problem.error(file.getFileName().toString(), null, null, null,
                "PC-Axis-filen saknar DATA=. Filen är trasig eller ingen px-fil."));
        this.dataLine = (int) text.substring(0, dataAt).chars().filter(ch -> ch == '\n').count() + 1;
        parseMeta(text.substring(0, dataAt));
        int from = dataAt + 5;
        int end = text.indexOf(';', from);
        if (end < 0) end = text.length();
        this.text = text;
        tokenize(from, end);
        long expected = 1;
        for (String v : vars()) expected *= values(v).size();
        if (expected != count) {
            throw new ImportException(Problem.error(file.getFileName().toString(), null, dataLine, null,
                    "PC-Axis-filen har " + count + " värden men variablerna ger " + expected + "."));
        }
    }

    /** Indexes the values in text[from, end): quoted strings or runs of non-space characters. */
    private void tokenize(int from, int end) {
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (count == starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0 || close >= end) close = end; // unclosed: the rest, as the old reader's pattern did not match
                starts[count++] = -(i + 1) - 1;
                i = close + 1;
            } else {
                starts[count++] = i;
                while (i < end && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') i++;
            }
        }
    }

    /** Value {@code k} of the DATA part, without quotes. */
    private String datum(int k) {
        int st = starts[k];
        if (st < 0) {
            int from = -st - 1;
            int close = text.indexOf('"', from);
            return text.substring(from, close < 0 ? text.length() : close);
        }
        int e = st;
        while (e < text.length() && !Character.isWhitespace(text.charAt(e)) && text.charAt(e) != '"' && text.charAt(e) != ';') e++;
        return text.substring(st, e);
    }

    private void parseMeta(String meta) {
        // KEY("sub")=value; with quoted strings that may continue on the next line
        StringBuilder stmt = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < meta.length(); i++) {
            char c = meta.charAt(i);
            if (c == '"') q = !q;
            if (c == ';' && !q) {
                addStatement(stmt.toString().strip());
                stmt.setLength(0);
            } else {
                stmt.append(c);
            }
        }
    }

    private void addStatement(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) return;
        String key = s.substring(0, eq).strip();
        String val = s.substring(eq + 1).strip().replaceAll("\"\\s*\r?\n\\s*\"", "");
        List<String> vals = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"([^\"]*)\"|([^,\\s]+)").matcher(val);
        while (m.find()) vals.add(m.group(1) != null ? m.group(1) : m.group(2));
        keywords.put(key, vals);
    }

    List<String> kw(String key) {
        return keywords.getOrDefault(key, List.of());
    }

    String title() {
        List<String> t = kw("TITLE");
        return t.isEmpty() ? String.join(" ", kw("CONTENTS")) : t.get(0);
    }

    private List<String> vars() {
        List<String> v = new ArrayList<>(kw("STUB"));
        v.addAll(kw("HEADING"));
        return v;
    }

    private List<String> values(String var) {
        return kw("VALUES(\"" + var + "\")");
    }

    private List<String> codes(String var) {
        return kw("CODES(\"" + var + "\")");
    }

    private boolean isTime(String var) {
        return keywords.containsKey("TIMEVAL(\"" + var + "\")");
    }

    @Override public Path file() { return file; }
    @Override public FileFormat format() { return FileFormat.PX; }
    @Override public List<String> sheets() { return List.of(file.getFileName().toString()); }
    @Override public String encoding() { return charsetName; }

    /**
     * The variable whose values are one measure and its confidence bounds (and perhaps its respondents), e.g.
     * "tabellinnehåll" = Andel, Konfidensintervall nedre gräns, Konfidensintervall övre gräns: its values are
     * read as columns side by side, so the bounds land on the measure's row. -1 when there is none.
     */
    private int pivotVar(List<String> vars) {
        for (int v = 0; v < vars.size(); v++) {
            if (isTime(vars.get(v))) continue;
            int bounds = 0, measures = 0;
            for (String x : values(vars.get(v))) {
                if (Headers.boundKind(x) != null) bounds++;
                else if (!Headers.isRespondents(x)) measures++;
            }
            if (bounds > 0 && measures == 1) return v;
        }
        return -1;
    }

    @Override
    public void read(String sheet, RowHandler handler) {
        List<String> vars = vars();
        int pivot = pivotVar(vars);
        if (pivot >= 0) {
            readPivoted(sheet, handler, vars, pivot);
            return;
        }
        List<String> header = new ArrayList<>();
        for (String v : vars) {
            header.add(isTime(v) ? v + " (tid)" : v);
            if (!codes(v).isEmpty()) header.add(v + " (kod)");
        }
        String contents = kw("CONTENTS").isEmpty() ? "värde" : kw("CONTENTS").get(0);
        header.add(contents);
        List<Cell> hc = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) hc.add(new Cell(sheet, 0, i, header.get(i), null, null));
        if (!handler.row(new GridRow(sheet, 0, hc))) return;
        int[] sizes = vars.stream().mapToInt(v -> values(v).size()).toArray();
        int[] idx = new int[vars.size()];
        for (int k = 0; k < count; k++) {
            int rem = k;
            for (int v = vars.size() - 1; v >= 0; v--) {
                idx[v] = rem % sizes[v];
                rem /= sizes[v];
            }
            List<Cell> cells = new ArrayList<>();
            int col = 0;
            for (int v = 0; v < vars.size(); v++) {
                cells.add(new Cell(sheet, k + 1, col++, values(vars.get(v)).get(idx[v]), null, null));
                if (!codes(vars.get(v)).isEmpty()) cells.add(new Cell(sheet, k + 1, col++, codes(vars.get(v)).get(idx[v]), null, null));
            }
            cells.add(new Cell(sheet, k + 1, col, datum(k), null, null));
            if (!handler.row(new GridRow(sheet, k + 1, cells))) return;
        }
    }

    /** One row per combination of the other variables; the pivot variable's values side by side at the end. */
    private void readPivoted(String sheet, RowHandler handler, List<String> vars, int pivot) {
        String contents = kw("CONTENTS").isEmpty() ? "värde" : kw("CONTENTS").get(0);
        List<String> header = new ArrayList<>();
        for (int v = 0; v < vars.size(); v++) {
            if (v == pivot) continue;
            header.add(isTime(vars.get(v)) ? vars.get(v) + " (tid)" : vars.get(v));
            if (!codes(vars.get(v)).isEmpty()) header.add(vars.get(v) + " (kod)");
        }
        List<String> measures = values(vars.get(pivot));
        for (String m : measures) {
            // the measure keeps the name the table gives its contents, as when it is not pivoted
            header.add(Headers.boundKind(m) != null || Headers.isRespondents(m) ? m : contents);
        }
        List<Cell> hc = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) hc.add(new Cell(sheet, 0, i, header.get(i), null, null));
        if (!handler.row(new GridRow(sheet, 0, hc))) return;
        int[] sizes = vars.stream().mapToInt(v -> values(v).size()).toArray();
        long[] stride = new long[vars.size()];
        for (int v = vars.size() - 1; v >= 0; v--) stride[v] = v == vars.size() - 1 ? 1 : stride[v + 1] * sizes[v + 1];
        long rows = count / Math.max(1, sizes[pivot]);
        int[] idx = new int[vars.size()];
        for (long k = 0; k < rows; k++) {
            long rem = k;
            for (int v = vars.size() - 1; v >= 0; v--) {
                if (v == pivot) continue;
                idx[v] = (int) (rem % sizes[v]);
                rem /= sizes[v];
            }
            int row = (int) k + 1;
            List<Cell> cells = new ArrayList<>();
            int col = 0;
            long base = 0;
            for (int v = 0; v < vars.size(); v++) {
                if (v == pivot) continue;
                base += idx[v] * stride[v];
                cells.add(new Cell(sheet, row, col++, values(vars.get(v)).get(idx[v]), null, null));
                if (!codes(vars.get(v)).isEmpty()) cells.add(new Cell(sheet, row, col++, codes(vars.get(v)).get(idx[v]), null, null));
            }
            for (int j = 0; j < measures.size(); j++) {
                cells.add(new Cell(sheet, row, col++, datum((int) (base + j * stride[pivot])), null, null));
            }
            if (!handler.row(new GridRow(sheet, row, cells))) return;
        }
    }
}
