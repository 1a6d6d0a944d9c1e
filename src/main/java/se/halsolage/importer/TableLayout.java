package se.halsolage.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understanding a statistics table's layout, before anything is mapped: where the header block is (up to
 * four rows: group rows, measure titles wrapped over merged rows, the key row), the preamble above it
 * ("Valt år: 2023", "Valt startläsår: 2011/12", a title, "2022, Dalarnas län, …"), and the role of every
 * column, judged by its header and by its content: area (code or name), sub-area (school unit), period,
 * group (kön), population breakdown (typ av huvudman, ålder, bakgrund …), measure-defining dimension (Ämne,
 * Program, Fråga, kpi …), status, value, the number behind a share (n), confidence bounds (columns or text
 * "57.9 - 66.7 *"), and what is never a value nor a dimension (codes, row numbers, free text).
 *
 * <p>Reads only the top of a sheet (at most {@value #HEAD} rows), so detection is quick for any file size.
 */
final class TableLayout {
    static final int HEAD = 120;

    enum Role {
        AREA_CODE, AREA_NAME, SUB_CODE, SUB_NAME, PARENT, PERIOD, GROUP, BREAKDOWN, DIMENSION, MEASURE_KIND, STATUS,
        ROW_LABEL, VALUE, N, CI_LOW, CI_HIGH, CI_TEXT, IGNORE
    }

    final String sheet;
    /** 0-based rows: the key row (the last header row) and the first data row. */
    final int keyRow;
    final int dataStart;
    /** The key row's text per column (trimmed, no-break spaces as spaces). */
    final List<String> keys = new ArrayList<>();
    /** Per column, the header parts above the key row, top down, after carrying group labels over their span. */
    final List<List<String>> upper = new ArrayList<>();
    final int headerRows;
    final String preamble;
    final List<GridRow> sample = new ArrayList<>();
    Role[] roles;
    /** For N/CI columns: the value columns they belong to. */
    final java.util.Map<Integer, List<Integer>> attachedTo = new java.util.HashMap<>();
    /** Why the sheet is no table this mapper can read (null when it is). */
    String why;

    private TableLayout(String sheet, int keyRow, int dataStart, int headerRows, String preamble) {
        this.sheet = sheet;
        this.keyRow = keyRow;
        this.dataStart = dataStart;
        this.headerRows = headerRows;
        this.preamble = preamble;
    }

    int width() {
        return keys.size();
    }

    String key(int c) {
        return c >= 0 && c < keys.size() ? keys.get(c) : "";
    }

    /** Every header text of a column, top down: "Andel (%) som slutfört med examen › Inom 3 år". */
    String fullHeader(int c) {
        List<String> p = new ArrayList<>(c < upper.size() ? upper.get(c) : List.of());
        if (!key(c).isEmpty()) p.add(key(c));
        return String.join(" › ", p);
    }

    List<Integer> cols(Role r) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < roles.length; c++) if (roles[c] == r) out.add(c);
        return out;
    }

    int first(Role r) {
        for (int c = 0; c < roles.length; c++) if (roles[c] == r) return c;
        return -1;
    }

    static String clean(String s) {
        if (s == null) return "";
        return s.replace('\u00a0', ' ').replace('\u2009', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").strip();
    }

    // ---------------------------------------------------------------- reading the top of a sheet

    /** Reads the top of a sheet and finds its header block. Returns a layout with {@link #why} set when it has none. */
    static TableLayout read(GridSource grid, String sheet, Integer fixedHeaderRow) {
        List<GridRow> head = new ArrayList<>();
        grid.read(sheet, r -> {
            head.add(r);
            return head.size() < HEAD;
        });
        List<GridRow> rows = head.stream().filter(r -> !r.isBlank()).toList();
        if (rows.isEmpty()) return invalid(sheet, "bladet är tomt");
        int keyIdx = -1;
        if (fixedHeaderRow != null) {
            for (int i = 0; i < rows.size(); i++) if (rows.get(i).row() == fixedHeaderRow - 1) keyIdx = i;
            if (keyIdx < 0) return invalid(sheet, "rubrikraden " + fixedHeaderRow + " finns inte");
        } else {
            for (int i = 1; i < rows.size(); i++) {
                if (!dataLike(rows.get(i)) || dataLike(rows.get(i - 1))) continue;
                if (i + 1 < rows.size() && !dataLike(rows.get(i + 1))) continue;
                if (rows.get(i - 1).nonBlankCount() < 2) continue;
                keyIdx = i - 1;
                break;
            }
            if (keyIdx < 0) return invalid(sheet, "hittar ingen rubrikrad med tal under");
        }
        GridRow key = rows.get(keyIdx);
        // header rows above the key row: adjacent, several labels each (a lone text in column A is preamble)
        List<GridRow> above = new ArrayList<>();
        int expect = key.row() - 1;
        for (int i = keyIdx - 1; i >= 0 && above.size() < 3; i--) {
            GridRow r = rows.get(i);
            if (r.row() != expect) break;
            if (r.nonBlankCount() < 2) break;
            if (preambleLine(r)) break;
            above.add(0, r);
            expect--;
        }
        int firstHeader = above.isEmpty() ? key.row() : above.get(0).row();
        StringBuilder pre = new StringBuilder();
        for (GridRow r : head) {
            if (r.row() >= firstHeader) break;
            for (int c = 0; c < r.width(); c++) if (!r.text(c).isBlank()) pre.append(clean(r.text(c))).append('\n');
        }
        int dataStart = keyIdx + 1 < rows.size() ? rows.get(keyIdx + 1).row() : key.row() + 1;
        TableLayout t = new TableLayout(sheet, key.row(), dataStart, above.size(), pre.toString());
        int width = key.width();
        for (GridRow r : head) if (r.row() > key.row()) width = Math.max(width, r.width());
        for (int c = 0; c < width; c++) t.keys.add(clean(key.text(c)));
        // the sample ends at the first blank row: below it are notes and definitions, not data
        int next = dataStart;
        for (GridRow r : head) {
            if (r.row() <= key.row()) continue;
            if (r.isBlank() || r.row() != next || t.sample.size() >= 60) break;
            t.sample.add(r);
            next++;
        }
        t.upper.addAll(upperParts(above, width, t));
        return t;
    }

    private static TableLayout invalid(String sheet, String why) {
        TableLayout t = new TableLayout(sheet, -1, -1, 0, "");
        t.why = why;
        t.roles = new Role[0];
        return t;
    }

    private static final Pattern PREAMBLE = Pattern.compile("(?i)^(valt|vald|typ av huvudman:|endast|källa|statistik från|urval|uttag|tabell|https?://).*");

    private static boolean preambleLine(GridRow r) {
        for (int c = 0; c < r.width(); c++) {
            String t = r.text(c);
            if (!t.isBlank()) return PREAMBLE.matcher(t.strip()).matches();
        }
        return false;
    }

    /** A row of figures: at least one number or marker and more than one filled cell. */
    static boolean dataLike(GridRow r) {
        if (r.nonBlankCount() < 2) return false;
        int num = 0;
        for (int c = 0; c < r.width(); c++) {
            Cell cell = r.cell(c);
            if (cell.isBlank()) continue;
            if (cell.number() != null) { num++; continue; }
            Values.Parsed p = Values.parse(cell.text(), null);
            if (p != null && (p.ok() || p.marker() != null)) num++;
        }
        return num >= 1;
    }

    /**
     * The parts above the key row for each column. A label stands over the columns of its merged region, else
     * over the columns up to the next label of its row; a row whose first label stands left of the first
     * column with figures is moved right to it (tables pasted one column off). A lower row whose labels start
     * in the same columns as the row above and begins in lower case continues that title ("Andel (%) som
     * slutfört" / "med examen").
     */
    private static List<List<String>> upperParts(List<GridRow> above, int width, TableLayout t) {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < width; c++) out.add(new ArrayList<>());
        if (above.isEmpty()) return out;
        int firstValue = -1;
        for (int c = 0; c < width && firstValue < 0; c++) {
            int num = 0;
            for (GridRow r : t.sample) {
                Values.Parsed p = Values.parse(r.cell(c), null);
                if (!r.cell(c).isBlank() && p != null) num++;
            }
            if (num * 2 > t.sample.size()) firstValue = c;
        }
        String[][] spans = new String[above.size()][];
        for (int i = 0; i < above.size(); i++) {
            GridRow r = above.get(i);
            String[] s = new String[width];
            List<Integer> starts = new ArrayList<>();
            for (int c = 0; c < Math.min(width, r.width()); c++) if (!r.text(c).isBlank()) starts.add(c);
            int shift = 0;
            if (!starts.isEmpty() && firstValue > 0 && starts.get(0) < firstValue && r.cell(starts.get(0)).merge() == null) {
                shift = firstValue - starts.get(0);
            }
            for (int k = 0; k < starts.size(); k++) {
                int c = starts.get(k);
                String label = clean(r.text(c));
                int end = k + 1 < starts.size() ? starts.get(k + 1) - 1 : width - 1;
                String merge = r.cell(c).merge();
                if (merge != null && merge.contains(":")) {
                    Matcher m = Pattern.compile("([A-Z]+)\\d+:([A-Z]+)\\d+").matcher(merge);
                    if (m.matches()) end = Math.min(end, Cell.columnIndex(m.group(2)));
                }
                for (int x = c + shift; x <= Math.min(width - 1, end + shift); x++) s[x] = label;
            }
            spans[i] = s;
        }
        for (int c = 0; c < width; c++) {
            List<String> parts = out.get(c);
            for (int i = 0; i < spans.length; i++) {
                String p = spans[i][c];
                if (p == null || p.isEmpty()) continue;
                if (i > 0 && !parts.isEmpty() && continues(above.get(i - 1), above.get(i)) && !p.isEmpty()
                        && Character.isLowerCase(p.charAt(0))) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + p);
                } else {
                    parts.add(p);
                }
            }
        }
        return out;
    }

    private static boolean continues(GridRow upperRow, GridRow lower) {
        Set<Integer> a = new HashSet<>(), b = new HashSet<>();
        for (int c = 0; c < upperRow.width(); c++) if (!upperRow.text(c).isBlank()) a.add(c);
        for (int c = 0; c < lower.width(); c++) if (!lower.text(c).isBlank()) b.add(c);
        return !b.isEmpty() && a.containsAll(b);
    }

    // ---------------------------------------------------------------- words

    static final Locale SV = new Locale("sv", "SE");

    static boolean headerIs(String header, String... names) {
        String n = Headers.norm(header);
        for (String x : names) if (n.equals(Headers.norm(x))) return true;
        return false;
    }

    static boolean headerHas(String header, String... words) {
        String n = Headers.norm(header);
        for (String x : words) if (n.contains(Headers.norm(x))) return true;
        return false;
    }

    private static final Pattern AGE = Pattern.compile("(?i)^(\\d{1,3}\\s*[-–]\\s*\\d{1,3}|\\d{1,3}\\s*\\+|\\d{1,3}\\s*(och|år och) (äldre|över)|under \\d{1,3})\\s*(år)?$|^(ålder|age)\\s+.*");
    private static final Set<String> TOTAL_WORDS = Set.of("totalt", "total", "samtliga", "alla", "båda könen", "bägge könen",
            "kvinnor och män", "män och kvinnor", "flickor och pojkar", "pojkar och flickor", "both sexes", "all", "t", "totalt/samtliga",
            "samtliga huvudmän", "alla huvudmän", "riket");
    private static final Set<String> ORIGIN = Set.of("inrikesfödd", "inrikesfödda", "inrikes födda", "inrikes född", "utrikesfödd",
            "utrikesfödda", "utrikes födda", "utrikes född", "född i sverige", "födda i sverige", "född utomlands", "födda utomlands",
            "svensk bakgrund", "utländsk bakgrund");
    private static final Set<String> HUVUDMAN = Set.of("kommunal", "enskild", "statlig", "region", "landsting", "fristående",
            "kommunala", "enskilda", "offentlig", "privat");
    private static final Set<String> EDUCATION = Set.of("förgymnasial", "gymnasial", "eftergymnasial", "förgymnasial utbildning",
            "gymnasial utbildning", "eftergymnasial utbildning", "grundskola", "högskola");

    static boolean isTotalWord(String s) {
        return TOTAL_WORDS.contains(clean(s).toLowerCase(SV));
    }

    /** Kvinnor/Män/Flickor/Pojkar/Totalt in Swedish, English or as codes (K/M/T, F/M, 1/2 not: too ambiguous). */
    static se.halsolage.domain.Group genderOf(String raw) {
        String s = clean(raw).toLowerCase(SV);
        return switch (s) {
            case "k", "kvinnor", "kvinna", "female", "females", "women", "woman", "f" -> se.halsolage.domain.Group.KVINNOR;
            case "m", "män", "man", "male", "males", "men" -> se.halsolage.domain.Group.MAN;
            case "flickor", "flicka", "tjejer", "tjej", "girls", "girl" -> se.halsolage.domain.Group.FLICKOR;
            case "pojkar", "pojke", "killar", "kille", "boys", "boy" -> se.halsolage.domain.Group.POJKAR;
            case "t", "totalt", "total", "alla", "samtliga", "båda könen", "bägge könen", "kvinnor och män", "män och kvinnor",
                    "flickor och pojkar", "both sexes", "all" -> se.halsolage.domain.Group.TOTALT;
            default -> null;
        };
    }

    /** The kind of a population breakdown value, for a stable order in group labels; -1 when it is none. */
    static int breakdownKind(String raw) {
        String s = clean(raw).toLowerCase(SV);
        if (s.isEmpty()) return -1;
        if (AGE.matcher(s).matches()) return 1;
        if (ORIGIN.contains(s)) return 2;
        if (EDUCATION.contains(s)) return 3;
        if (HUVUDMAN.contains(s)) return 4;
        return -1;
    }

    static boolean isPeriodText(String s) {
        String t = clean(s);
        return t.matches("(19|20)\\d{2}([.,]0)?") || t.matches("(19|20)\\d{2}\\s*[-–/]\\s*((19|20)?\\d{2})") || t.matches("(19|20)\\d{2}[MK]\\d{1,2}");
    }

    private static final Pattern CI_TEXT = Pattern.compile("^\\s*\\(?\\s*(-?\\d+(?:[.,]\\d+)?)\\s*[-–—]\\s*(-?\\d+(?:[.,]\\d+)?)\\s*\\)?\\s*(\\*{1,3})?\\s*$");

    /** "57.9 - 66.7  *" → {57.9, 66.7, 1 if marked}; null when the text is no interval. */
    static double[] ciText(String s) {
        Matcher m = CI_TEXT.matcher(s == null ? "" : s.replace('\u00a0', ' '));
        if (!m.matches()) return null;
        java.math.BigDecimal lo = Values.number(m.group(1)), hi = Values.number(m.group(2));
        if (lo == null || hi == null || lo.compareTo(hi) > 0) return null;
        return new double[]{lo.doubleValue(), hi.doubleValue(), m.group(3) != null ? 1 : 0};
    }

    private static final Pattern STARRED = Pattern.compile("^(.*?\\d)\\s*(\\*{1,3})$");

    /** "62,3 *" → the number text and the mark, or null when there is no mark after a number. */
    static String[] starred(String s) {
        Matcher m = STARRED.matcher(s == null ? "" : s.strip());
        if (!m.matches()) return null;
        return Values.number(m.group(1)) != null ? new String[]{m.group(1), m.group(2)} : null;
    }

    /** A measure's unit from its header: (%)/andel/procent, per 1 000, per 100 000, kr, tkr, antal, meritvärde. */
    static se.halsolage.domain.Unit unitOf(String header) {
        String h = clean(header).toLowerCase(SV);
        if (h.contains("per 100 000") || h.contains("per 100000") || h.contains("/100 000")) return se.halsolage.domain.Unit.PER_100000;
        if (h.contains("per 1 000") || h.contains("per 1000") || h.contains("/1 000") || h.contains("promille")) return se.halsolage.domain.Unit.PER_1000;
        if (Values.isShareHeader(h)) return se.halsolage.domain.Unit.PERCENT;
        if (h.matches(".*\\b(kr|kronor|sek)\\b.*")) return se.halsolage.domain.Unit.KRONOR;
        if (h.contains("meritvärde")) return se.halsolage.domain.Unit.OTHER;
        if (h.contains("antal") || h.startsWith("elever") || h.matches(".*\\b(count|number of)\\b.*")) return se.halsolage.domain.Unit.COUNT;
        return se.halsolage.domain.Unit.guessFromTitle(header);
    }

    /** True when a header says thousands of kronor: such values are stored in kronor (× 1 000). */
    static boolean isTkr(String header) {
        return clean(header).toLowerCase(SV).matches(".*\\b(tkr|tusen kronor|tusental kronor|1000 kr|1 000 kr)\\b.*");
    }

    // ---------------------------------------------------------------- roles

    private static final String[] SUB_CODE = {"skolenhetskod", "skol-enhetskod", "enhetskod", "skolkod", "skolenhet kod", "school unit code"};
    private static final String[] SUB_NAME = {"skola", "skolenhet", "skolnamn", "skolenhetsnamn", "school"};
    private static final String[] AREA_CODE = {"kommunkod", "kommun-kod", "kommunnummer", "municipality_id", "municipality id",
            "municipality code", "kommun id", "regionkod", "region code", "region (kod)", "områdeskod", "area code", "kod", "lkf", "code"};
    private static final String[] COUNTY_CODE = {"länskod", "läns-kod", "lan kod", "county code", "länkod"};
    private static final String[] AREA_NAME = {"kommun", "kommunnamn", "skolkommun", "municipality", "kommunnamn", "område",
            "region", "area", "geografi", "ort", "namn område", "region name", "municipality name", "kommun namn"};
    private static final String[] COUNTY_NAME = {"län", "county", "länsnamn", "lan"};
    private static final String[] PERIOD = {"år", "ar", "year", "period", "tid", "läsår", "årtal", "undersökningsår", "startläsår",
            "time", "mätår", "läsår/år"};
    private static final String[] GROUP = {"kön", "kon", "gender", "sex", "kön (kvinnor/män)"};
    private static final String[] STATUS = {"status"};
    static final String[] BREAKDOWN = {"typ av huvudman", "huvudmannatyp", "huvudman typ", "huvudmanstyp", "ålder", "age",
            "åldersgrupp", "åldersklass", "åldersgrupper", "utbildning", "utbildningsnivå", "födelseland", "födelseregion", "bakgrund",
            "ursprung", "civilstånd", "marital status", "age group", "education", "country of birth", "boendeform", "familjetyp"};
    private static final String[] DIMENSION = {"ämne", "program", "programnamn", "variabel", "undersökning", "frågeområde", "fråga",
            "svar", "svarsalternativ", "uppgift", "indikator", "nyckeltal", "kpi", "mått", "indicator", "measure", "tabellinnehåll",
            "contents", "kpi_id", "kpi id", "frågor", "question", "answer", "inriktning"};
    private static final String[] IGNORE = {"orgnr", "organisationsnummer", "huvudman orgnr", "huvudman", "adress", "postnummer",
            "postort", "telefon", "epost", "webb", "rektor", "kommentar", "anmärkning", "notering", "fotnot", "källa", "beskrivning",
            "länk", "url", "uppdaterad", "municipality_type", "municipality type", "kommuntyp", "id", "radnummer", "rad"};

    /** Gives every column its role (the recipe's named columns first), and attaches n and bounds to their values. */
    void assignRoles(Recipe recipe) {
        if (why != null) return;
        int w = width();
        roles = new Role[w];
        // what the user named
        if (recipe != null) {
            named(recipe.area(), null, w);
            named(recipe.subareaCode(), Role.SUB_CODE, w);
            named(recipe.subareaName(), Role.SUB_NAME, w);
            named(recipe.parent(), Role.PARENT, w);
            named(recipe.period(), Role.PERIOD, w);
            named(recipe.group(), Role.GROUP, w);
            if (recipe.value() != null) for (String v : recipe.value().split(",")) named(v, Role.VALUE, w);
            named(recipe.n(), Role.N, w);
            if (recipe.indicator() != null) for (String d : recipe.indicator()) named(d, Role.DIMENSION, w);
            if (recipe.dimensions() != null) for (String d : recipe.dimensions()) named(d, Role.DIMENSION, w);
            if (recipe.breakdowns() != null) for (String d : recipe.breakdowns()) named(d, Role.BREAKDOWN, w);
        }
        // a mapping the user gave (--map, the wizard's roles, a saved recipe) is used as written: the columns it does not
        // name are not read, except confidence bounds by their header, which belong to the value beside them
        boolean mapped = recipe != null && Recipe.STATS.equals(recipe.kind()) && (recipe.area() != null || recipe.value() != null
                || recipe.period() != null);
        if (mapped) {
            for (int c = 0; c < w; c++) {
                if (roles[c] != null) continue;
                Headers.Bound b = Headers.boundKind(key(c));
                roles[c] = b == Headers.Bound.LOW ? Role.CI_LOW : b == Headers.Bound.HIGH ? Role.CI_HIGH
                        : stats(c).ci() ? Role.CI_TEXT : Role.IGNORE;
            }
        }
        boolean hasValueHeader = false;
        for (int c = 0; c < w; c++) if (headerIs(key(c), "value", "värde")) hasValueHeader = true;
        boolean userNamedValues = recipe != null && recipe.value() != null;
        for (int c = 0; c < w; c++) {
            if (roles[c] != null) continue;
            String k = key(c);
            boolean upperEmpty = upper.get(c).isEmpty();
            Stats st = stats(c);
            if (st.filled == 0 && headerIs(k, STATUS)) { roles[c] = Role.STATUS; continue; }
            if (st.filled == 0 && headerIs(k, "value", "värde")) { roles[c] = Role.VALUE; continue; }
            if (st.filled == 0) { roles[c] = Role.IGNORE; continue; }
            if (k.isEmpty() && upperEmpty) {
                if (st.numeric && st.consecutive) roles[c] = Role.IGNORE;            // R's row numbers
                else if (st.numeric) roles[c] = userNamedValues ? Role.IGNORE : Role.VALUE;
                else roles[c] = st.labels ? Role.ROW_LABEL : Role.DIMENSION;
                continue;
            }
            if (!upperEmpty && !k.isEmpty() && st.numeric && !isIdentifyingHeader(k)) {
                roles[c] = userNamedValues ? Role.IGNORE : Role.VALUE;
                continue;
            }
            if (headerIs(k, SUB_CODE)) roles[c] = Role.SUB_CODE;
            else if (headerIs(k, AREA_CODE) && (st.numeric || st.codes)) roles[c] = Role.AREA_CODE;
            else if (headerIs(k, COUNTY_CODE)) roles[c] = Role.IGNORE;   // decided below if it is the only area
            else if (headerIs(k, AREA_NAME)) roles[c] = Role.AREA_NAME;
            else if (headerIs(k, COUNTY_NAME)) roles[c] = Role.IGNORE;   // decided below
            else if (headerIs(k, PERIOD)) roles[c] = Role.PERIOD;
            else if (headerIs(k, GROUP)) roles[c] = Role.GROUP;
            else if (headerIs(k, STATUS) && !st.numeric) roles[c] = Role.STATUS;
            else if (headerIs(k, BREAKDOWN)) roles[c] = Role.BREAKDOWN;
            else if (headerIs(k, DIMENSION) && !st.numeric) roles[c] = Role.DIMENSION;
            else if (Headers.boundKind(k) != null) roles[c] = Headers.boundKind(k) == Headers.Bound.LOW ? Role.CI_LOW : Role.CI_HIGH;
            else if (headerIs(k, IGNORE) || Headers.norm(k).endsWith("orgnr")) roles[c] = Role.IGNORE;
            else if (headerIs(k, "count", "antal enheter") && hasValueHeader) roles[c] = Role.IGNORE;
            else if (st.numeric && (Headers.norm(k).endsWith("kod") || Headers.norm(k).endsWith("code") || Headers.norm(k).endsWith("id"))) roles[c] = Role.IGNORE;
            else if (st.ci) roles[c] = Role.CI_TEXT;
            else if (st.municipalities && st.codes) roles[c] = Role.AREA_CODE;
            else if (st.numeric && st.years && !Values.isShareHeader(k) && !headerHas(k, "antal")) roles[c] = Role.PERIOD;
            else if (st.numeric) roles[c] = userNamedValues ? Role.IGNORE : Role.VALUE;
            else if (st.periods) roles[c] = Role.PERIOD;
            else if (st.municipalities) roles[c] = Role.AREA_NAME;
            else if (st.genders) roles[c] = Role.GROUP;
            else if (st.measureKinds) roles[c] = Role.MEASURE_KIND;
            else if (st.breakdowns) roles[c] = Role.BREAKDOWN;
            else if (st.freeText) roles[c] = Role.IGNORE;
            else roles[c] = Role.DIMENSION;
        }
        // one area: the municipality beats the county; a county column is the area only when there is nothing finer
        boolean area = first(Role.AREA_CODE) >= 0 || first(Role.AREA_NAME) >= 0 || first(Role.SUB_CODE) >= 0;
        if (!area) {
            for (int c = 0; c < w; c++) {
                if (roles[c] != Role.IGNORE) continue;
                if (headerIs(key(c), COUNTY_CODE)) roles[c] = Role.AREA_CODE;
                else if (headerIs(key(c), COUNTY_NAME)) roles[c] = Role.AREA_NAME;
            }
        }
        // keep one column per single role; a second becomes a dimension (or is ignored when it repeats the first)
        for (Role single : new Role[]{Role.AREA_CODE, Role.AREA_NAME, Role.PERIOD, Role.GROUP, Role.STATUS, Role.SUB_CODE, Role.SUB_NAME}) {
            List<Integer> cs = cols(single);
            for (int i = 1; i < cs.size(); i++) roles[cs.get(i)] = single == Role.PERIOD || single == Role.GROUP ? Role.DIMENSION : Role.IGNORE;
        }
        // school units: the municipality columns name their parent; the type of huvudman is the unit's, no breakdown
        if (first(Role.SUB_CODE) >= 0) {
            boolean code = first(Role.AREA_CODE) >= 0;
            for (int c = 0; c < w; c++) {
                if (roles[c] == Role.AREA_CODE) roles[c] = Role.PARENT;
                else if (roles[c] == Role.AREA_NAME) roles[c] = code ? Role.IGNORE : Role.PARENT;
                else if (roles[c] == Role.BREAKDOWN && headerHas(key(c), "huvudman")) roles[c] = Role.IGNORE;
            }
            if (first(Role.SUB_NAME) < 0) {
                for (int c = 0; c < w; c++) if (roles[c] == Role.IGNORE && headerIs(key(c), SUB_NAME)) roles[c] = Role.SUB_NAME;
            }
        }
        // the number behind a share, and the bounds of a value
        for (int c = 0; c < w; c++) {
            if (roles[c] != Role.VALUE || !isCountOfPeople(key(c)) || !integral(c)) continue;
            List<Integer> to = new ArrayList<>();
            boolean share = false;
            for (int v = 0; v < w; v++) {
                if (v == c || roles[v] != Role.VALUE || !upper.get(c).isEmpty() && !upper.get(v).equals(upper.get(c))) continue;
                se.halsolage.domain.Unit u = unitOf(fullHeader(v));
                if (u == se.halsolage.domain.Unit.PERCENT) share = true;
                // a share, or a mean over the same people (meritvärde); never another count
                if (u == se.halsolage.domain.Unit.PERCENT || headerHas(fullHeader(v), "meritvärde", "medelvärde", "genomsnitt")) to.add(v);
            }
            if (share) {
                roles[c] = Role.N;
                attachedTo.put(c, to);
            }
        }
        for (int c = 0; c < w; c++) {
            if (roles[c] != Role.CI_LOW && roles[c] != Role.CI_HIGH && roles[c] != Role.CI_TEXT && roles[c] != Role.N) continue;
            if (attachedTo.containsKey(c)) continue;
            int best = -1;
            for (int v = c - 1; v >= 0 && best < 0; v--) if (roles[v] == Role.VALUE && upper.get(v).equals(upper.get(c))) best = v;
            for (int v = c + 1; v < w && best < 0; v++) if (roles[v] == Role.VALUE && upper.get(v).equals(upper.get(c))) best = v;
            if (best < 0 && roles[c] != Role.N) roles[c] = Role.IGNORE;
            else if (best >= 0) attachedTo.put(c, roles[c] == Role.N ? allValues() : List.of(best));
        }
    }

    private List<Integer> allValues() {
        return cols(Role.VALUE);
    }

    private static boolean isIdentifyingHeader(String k) {
        return headerIs(k, SUB_CODE) || headerIs(k, AREA_CODE) || headerIs(k, COUNTY_CODE) || headerIs(k, PERIOD);
    }

    /** "Antal elever", "Totalt antal", "Antal svarande", "n": the people a share is of. */
    static boolean isCountOfPeople(String header) {
        if (Headers.isRespondents(header)) return true;
        return headerIs(header, "antal elever", "totalt antal", "totalt antal elever", "antal elever totalt",
                "number of pupils", "antal personer", "antal individer", "antal deltagare", "antal tjänstgörande lärare");
    }

    private boolean integral(int c) {
        for (GridRow r : sample) {
            Values.Parsed p = Values.parse(r.cell(c), null);
            if (p != null && p.ok() && p.value().stripTrailingZeros().scale() > 0) return false;
        }
        return true;
    }

    private void named(String header, Role role, int w) {
        if (header == null || header.isBlank()) return;
        for (int c = 0; c < w; c++) {
            if (Headers.same(key(c), header) || Headers.same(fullHeader(c), header)) {
                Role r = role;
                if (r == null) r = stats(c).numeric() || stats(c).codes() ? Role.AREA_CODE : Role.AREA_NAME;
                roles[c] = r;
                return;
            }
        }
        throw new ImportException(Problem.error(null, sheet, keyRow + 1, null, "Kolumnen \"" + header
                + "\" som du angav finns inte. Kolumnerna är: " + String.join(", ", keys.stream().filter(x -> !x.isBlank()).toList()) + "."));
    }

    /** What a column's sample holds. */
    record Stats(int filled, boolean numeric, boolean consecutive, boolean codes, boolean ci, boolean periods, boolean municipalities,
                 boolean genders, boolean measureKinds, boolean breakdowns, boolean freeText, boolean labels, boolean years) {
    }

    Stats stats(int c) {
        int filled = 0, num = 0, ci = 0, per = 0, mun = 0, gen = 0, kinds = 0, brk = 0, codes = 0, lab = 0;
        boolean consecutive = true;
        Long prev = null;
        Set<String> distinct = new HashSet<>();
        for (GridRow r : sample) {
            Cell cell = r.cell(c);
            String t = clean(cell.text());
            if (t.isEmpty()) continue;
            filled++;
            distinct.add(t);
            Values.Parsed p = Values.parse(cell, null);
            if (p != null || starred(t) != null) num++;
            if (p != null && p.ok()) {
                java.math.BigDecimal v = p.value();
                if (v.stripTrailingZeros().scale() <= 0 && prev != null && v.longValue() != prev + 1) consecutive = false;
                if (v.stripTrailingZeros().scale() > 0) consecutive = false;
                prev = v.longValue();
            } else consecutive = false;
            if (t.matches("\\d{2,4}") || t.matches("\\d{2,4} .+")) codes++;
            if (ciText(t) != null) ci++;
            if (isPeriodText(t)) per++;
            if (AreaRef.isMunicipalityName(t) || AreaRef.isMunicipalityCode(t) || t.matches("\\d{4} .+") && AreaRef.isMunicipalityCode(t.substring(0, 4))) mun++;
            if (genderOf(t) != null) gen++;
            String l = t.toLowerCase(SV);
            if (l.equals("andel") || l.equals("värde") || l.equals("antal") || Headers.boundKind(t) != null || l.startsWith("konfidensintervall")) kinds++;
            if (breakdownKind(t) >= 0 || isTotalWord(t)) brk++;
            if (rowLabel(t) != null) lab++;
        }
        boolean numeric = filled > 0 && num * 5 >= filled * 4 && ci * 2 < filled;
        return new Stats(filled, numeric, numeric && consecutive && filled > 2, codes * 5 >= filled * 4 && filled > 0,
                filled > 0 && ci * 2 >= filled, filled > 0 && per == filled, filled > 0 && mun * 5 >= filled * 4,
                filled > 0 && gen == filled, filled > 0 && kinds == filled, filled > 0 && brk == filled,
                distinct.size() > Math.max(8, filled * 2 / 3), lab * 2 >= filled && lab > 0, filled > 0 && per == filled);
    }

    /** A row label of gender and breakdown words ("Kvinnor Inrikesfödd", "Män", "Alla", "16-24 år"): {gender, rest} or null. */
    static String[] rowLabel(String raw) {
        String t = clean(raw);
        if (t.isEmpty()) return null;
        if (genderOf(t) != null) return new String[]{genderOf(t).label(), ""};
        if (breakdownKind(t) >= 0) return new String[]{"Totalt", t};
        int sp = t.indexOf(' ');
        if (sp > 0) {
            se.halsolage.domain.Group g = genderOf(t.substring(0, sp));
            String rest = t.substring(sp + 1).strip();
            if (g != null && !g.isTotal() && (breakdownKind(rest) >= 0 || isTotalWord(rest))) return new String[]{g.label(), isTotalWord(rest) ? "" : rest};
        }
        return null;
    }
}
