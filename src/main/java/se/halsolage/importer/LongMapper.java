package se.halsolage.importer;

import se.halsolage.domain.Group;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Long and semi-long layouts: one value per row (generic long format, the regional youth survey
 * template, .px files) or dimensions down and periods across (PxWeb CSV). Columns are recognised by
 * their headers or named in the recipe; dimension columns the recipe does not place (e.g. age) become
 * part of the indicator.
 */
final class LongMapper implements Mapper {
    private static final String[] AREA = {"område", "kommun", "region", "area", "kommunnamn", "län", "geografi", "ort"};
    private static final String[] AREA_CODE = {"kommunkod", "områdeskod", "regionkod", "kod", "area code", "region (kod)"};
    private static final String[] PERIOD = {"år", "period", "tid", "läsår", "year", "årtal", "undersökningsår"};
    private static final String[] GROUP = {"kön", "grupp", "sex", "kon", "gender"};
    private static final String[] INDICATOR = {"indikator", "nyckeltal", "kpi", "mått", "variabel", "indicator", "fråga"};
    private static final String[] RESPONSE = {"svarsalternativ", "svar", "svarskategori"};
    private static final String[] GRADE = {"årskurs", "åk", "grade", "klass"};
    private static final String[] VALUE = {"värde", "value", "andel (%)", "andel", "procent", "andel procent", "antal"};
    private static final String[] N = {"antal svarande", "svarande", "n", "bas", "antal svar"};
    /** At most this many distinct periods or groups are remembered per file. */
    private static final int CACHE_LIMIT = 10_000;
    private static final Pattern CODE_NAME = Pattern.compile("^(\\d{2,4})\\s+(.+)$");
    /** A year, school year, month/quarter or rolling period ("2019-2022", "2019–2022") inside a column header. */
    private static final Pattern PERIOD_HEADER = Pattern.compile(
            ".*?(?<!\\d)((19|20)\\d{2}(\\s*[-–]\\s*(19|20)\\d{2}|\\s*/\\s*\\d{2,4}|[MK]\\d{1,2})?)(?!\\d).*");

    @Override
    public boolean map(GridSource grid, Recipe recipe, MapContext ctx, Sink sink) {
        String sheet = TableMapper.firstSheet(grid, recipe, ctx);
        if (sheet == null) return true;
        Table read = Table.read(grid, sheet, recipe.headerRow());
        // periods on the header row, the contents on the row below (PxWeb): one header per column
        Table t = read != null && recipe.headerRow() == null ? read.withSubHeader() : read;
        if (t == null) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, null, null, "Bladet är tomt: det finns inga rader att importera."));
            return true;
        }
        List<Integer> used = new ArrayList<>();
        int areaCode = col(t, recipe.area(), AREA_CODE, ctx, used);
        if (areaCode < 0) {
            for (int c = 0; c < t.headers.size(); c++) {
                if (t.header(c).toLowerCase(Locale.ROOT).endsWith("(kod)") && isAreaHeader(t.header(c))) { areaCode = c; used.add(c); break; }
            }
        }
        int area = col(t, null, AREA, ctx, used);
        int period = col(t, recipe.period(), PERIOD, ctx, used);
        if (period < 0) {
            for (int c = 0; c < t.headers.size(); c++) {
                if (t.header(c).toLowerCase(Locale.ROOT).endsWith("(tid)")) { period = c; used.add(c); break; }
            }
        }
        int group = col(t, recipe.group(), GROUP, ctx, used);
        int grade = col(t, null, GRADE, ctx, used);
        List<Integer> indicatorCols = new ArrayList<>();
        if (recipe.indicator() != null) {
            for (String h : recipe.indicator()) {
                int c = col(t, h, null, ctx, used);
                if (c >= 0) indicatorCols.add(c);
            }
        } else {
            int ic = col(t, null, INDICATOR, ctx, used);
            if (ic >= 0) indicatorCols.add(ic);
            int rc = col(t, null, RESPONSE, ctx, used);
            if (rc >= 0) indicatorCols.add(rc);
        }
        // periods across (PxWeb): numeric columns whose header names a year
        Map<Integer, String> periodCols = new LinkedHashMap<>();
        if (period < 0) {
            for (int c = 0; c < t.headers.size(); c++) {
                if (used.contains(c)) continue;
                Matcher m = PERIOD_HEADER.matcher(t.header(c));
                // a bound column is taken even when it holds no number at all ("..")
                if (m.matches() && (t.numeric(c) || Headers.boundKind(t.header(c)) != null)) periodCols.put(c, m.group(1));
            }
        }
        int value = -1, n = -1;
        // confidence bounds and respondents that belong to a value column, by value column
        Map<Integer, ConfidenceBounds> ext = new HashMap<>();
        java.util.Set<Integer> attached = java.util.Set.of();
        if (periodCols.isEmpty()) {
            value = col(t, recipe.value(), VALUE, ctx, used);
            n = col(t, recipe.n(), N, ctx, used);
            ConfidenceBounds bounds = ConfidenceBounds.NONE;
            for (int c = 0; c < t.headers.size(); c++) {
                if (used.contains(c)) continue;
                Headers.Bound b = Headers.boundKind(t.header(c));
                if (b == null) continue;
                used.add(c); // never a value, never a dimension
                if (b == Headers.Bound.LOW && bounds.low() < 0) bounds = bounds.withLow(c);
                if (b == Headers.Bound.HIGH && bounds.high() < 0) bounds = bounds.withHigh(c);
            }
            if (value < 0) {
                for (int c = t.headers.size() - 1; c >= 0; c--) {
                    if (!used.contains(c) && !t.header(c).isBlank() && t.numeric(c)) { value = c; used.add(c); break; }
                }
            }
            if (value >= 0 && bounds.hasBounds()) ext.put(value, bounds);
        } else {
            // "2018-2021 Andel", "2018-2021 Konfidensintervall nedre gräns": bounds (and respondents) go to the
            // value of the same period
            String titleText = TableMapper.firstLine(t.preamble) == null ? "" : TableMapper.firstLine(t.preamble);
            attached = ConfidenceBounds.assign(new ArrayList<>(periodCols.keySet()),
                    c -> t.header(c).replace(periodCols.get(c), "").strip(),
                    c -> Values.isShareHeader(t.header(c)) || Values.isShareHeader(titleText),
                    (v, o) -> periodCols.get(v).equals(periodCols.get(o)), ext);
        }
        used.addAll(periodCols.keySet());
        // other dimensions become part of the indicator
        List<Integer> extra = new ArrayList<>();
        List<Integer> breakdownCols = new ArrayList<>();
        for (int c = 0; c < t.headers.size(); c++) {
            String h = t.header(c);
            if (used.contains(c) || h.isBlank() || c == value || c == n || Headers.boundKind(h) != null) continue;
            if (h.toLowerCase(Locale.ROOT).endsWith("(kod)")) continue;
            // ålder, civilstånd, utbildning … are breakdowns of the same indicator (its group), not indicators of their own
            if (recipe.indicator() == null && TableLayout.headerIs(h, TableLayout.BREAKDOWN)) breakdownCols.add(c);
            else if (!t.numeric(c) || grid instanceof PxGrid) extra.add(c);
        }
        if (recipe.indicator() == null) indicatorCols.addAll(extra);
        List<String> missing = new ArrayList<>();
        if (area < 0 && areaCode < 0) missing.add("område/kommun");
        if (period < 0 && periodCols.isEmpty() && recipe.periodValue() == null && Headers.periodIn(t.preamble + " " + ctx.fileName()) == null) missing.add("period/år");
        if (value < 0 && periodCols.isEmpty()) missing.add("värde");
        if (!missing.isEmpty()) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null, "Okända kolumner: hittar ingen kolumn för "
                    + String.join(", ", missing) + " bland rubrikerna (" + String.join(", ",
                    t.headers.stream().filter(h -> !h.isBlank()).toList()) + "). Välj kolumnerna i receptet."));
            return true;
        }
        String title = TableMapper.firstLine(t.preamble);
        if (grid instanceof PxGrid px) title = px.title();
        String fixedPeriod = recipe.periodValue() != null ? recipe.periodValue() : Headers.periodIn(t.preamble + " " + ctx.fileName());
        String prefix = recipe.indicatorPrefix() != null ? recipe.indicatorPrefix()
                : grid.format() == FileFormat.PX || !periodCols.isEmpty() ? "PX-" : "LOK-";
        String contents = value >= 0 ? t.header(value) : "";
        boolean shareValue = value >= 0 && Values.isShareHeader(contents);
        boolean fraction = shareValue && TableMapper.isFraction(recipe, t, value, Unit.PERCENT);
        Map<String, ObservationStatus> markers = TableMapper.markers(recipe);
        Map<String, IndicatorSpec> specCache = new HashMap<>();
        final int fArea = area, fAreaCode = areaCode, fPeriod = period, fGroup = group, fGrade = grade, fValue = value, fN = n;
        final String fTitle = title;
        // Per file, not per row: the measure name, the value columns, and the few distinct periods and groups
        // (parsing them with regular expressions for every row was a large part of a long file's import).
        final String defaultMeasure = fValue >= 0 && !isGenericValue(contents) ? contents : fTitle;
        Map<Integer, String> valueCols = new LinkedHashMap<>();
        if (periodCols.isEmpty()) valueCols.put(fValue, null); else valueCols.putAll(periodCols);
        valueCols.keySet().removeAll(attached);
        Map<String, Period> periods = new HashMap<>();
        Map<String, Group> groups = new HashMap<>();
        Map<String, Group> breakdownGroups = new HashMap<>();
        Map<AreaRef, AreaRef> areaRefs = new HashMap<>();
        return t.rows(grid, r -> {
            // area
            String code = fAreaCode >= 0 ? r.text(fAreaCode) : null;
            String name = fArea >= 0 ? r.text(fArea) : null;
            if (code == null && name != null) {
                Matcher m = CODE_NAME.matcher(name);
                if (m.matches()) { code = m.group(1); name = m.group(2); }
                else if (TableMapper.looksLikeCode(name)) { code = name; name = null; }
            }
            if ((code == null || code.isBlank()) && (name == null || name.isBlank())) {
                ctx.warning(r.cell(fArea >= 0 ? fArea : fAreaCode), "Raden saknar område och hoppades över.");
                return true;
            }
            AreaRef areaRef = AreaRef.of(code, name);
            // one instance per area, so whoever looks it up (the area resolution on the writing thread) compares
            // references and cached string hashes instead of the characters of fresh strings
            AreaRef seen = areaRefs.get(areaRef);
            if (seen != null) areaRef = seen;
            else if (areaRefs.size() < CACHE_LIMIT) areaRefs.put(areaRef, areaRef);
            Group g;
            if (fGroup >= 0) {
                String gt = r.text(fGroup);
                g = groups.get(gt);
                if (g == null) {
                    g = group(gt);
                    if (groups.size() < CACHE_LIMIT) groups.put(gt, g);
                }
            } else {
                g = recipe.groupValue() != null ? Group.of(recipe.groupValue()) : Group.TOTALT;
            }
            if (!breakdownCols.isEmpty()) {
                List<String[]> bd = new ArrayList<>();
                for (int b : breakdownCols) bd.add(new String[]{t.header(b), TableLayout.clean(r.text(b)), Integer.toString(b)});
                g = StatsMapper.group(g, bd, breakdownGroups);
            }
            String gradeText = fGrade >= 0 ? normGrade(r.text(fGrade)) : recipe.grade();
            List<String> parts = new ArrayList<>();
            for (int c : indicatorCols) if (!r.text(c).isBlank()) parts.add(r.text(c));
            for (var e : valueCols.entrySet()) {
                int c = e.getKey();
                Period p;
                String ptext = e.getValue() != null ? e.getValue() : fPeriod >= 0 ? r.text(fPeriod) : fixedPeriod;
                try {
                    p = ptext == null ? null : periods.get(ptext);
                    if (p == null) {
                        p = Period.parse(ptext);
                        if (periods.size() < CACHE_LIMIT) periods.put(ptext, p);
                    }
                } catch (IllegalArgumentException ex) {
                    ctx.error(fPeriod >= 0 ? r.cell(fPeriod) : r.cell(c), "Kan inte tolka perioden \"" + ptext + "\".");
                    continue;
                }
                String measure = e.getValue() != null ? t.header(c).replace(e.getValue(), "").strip() : "";
                Group gc = g;
                if (!measure.isEmpty()) {
                    // "kvinnor 2019", "män 2019": the rest of the header is the group, not a measure
                    Group hg = group(measure);
                    if (hg.isFemale() || hg.isMale() || (hg.isTotal() && fGroup < 0)) { gc = hg; measure = ""; }
                }
                IndicatorSpec spec = spec(parts, gradeText, measure.isEmpty() ? defaultMeasure : measure,
                        prefix, ctx, specCache, shareValue);
                Cell cell = r.cell(c);
                Values.Parsed parsed = Values.parse(cell, markers);
                if (parsed == null) {
                    ctx.error(cell, "\"" + cell.text() + "\" är varken ett tal eller en känd markering.");
                    continue;
                }
                Double v = parsed.ok() ? (spec.unit() == Unit.PERCENT && fraction ? Values.toPercent(parsed.value(), true)
                        : parsed.value()).doubleValue() : null;
                Integer nn = null;
                if (fN >= 0) {
                    Values.Parsed np = Values.parse(r.cell(fN), markers);
                    if (np != null && np.ok()) nn = np.value().intValue();
                }
                Double lo = null, hi = null;
                ConfidenceBounds x = ext.get(c);
                if (x != null) {
                    nn = x.respondents(r, nn, markers);
                    Double[] b = x.read(r, v, spec.unit() == Unit.PERCENT && fraction, markers, t, ctx);
                    lo = b[0];
                    hi = b[1];
                }
                if (!sink.accept(new Planned(spec, areaRef, p, gc, v, nn, lo, hi, parsed.status(), parsed.marker(), t.sheet, r.row(), c))) return false;
            }
            return true;
        });
    }

    private static boolean isGenericValue(String header) {
        String n = Headers.norm(header);
        return n.equals("värde") || n.equals("value") || n.isEmpty();
    }

    private static boolean isAreaHeader(String h) {
        String n = Headers.norm(h);
        return n.contains("region") || n.contains("kommun") || n.contains("område") || n.contains("län") || n.contains("area");
    }

    /** "men"/"women" (px in English) as well as the Swedish spellings. */
    static Group group(String raw) {
        String n = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "men" -> Group.MAN;
            case "women" -> Group.KVINNOR;
            case "both sexes", "total" -> Group.TOTALT;
            default -> Group.of(raw);
        };
    }

    /** "8", "åk 8", "Årskurs 8" → "åk 8"; "gy 2" stays. */
    static String normGrade(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String g = Headers.gradeIn(raw);
        if (g != null) return g;
        if (raw.strip().matches("\\d{1,2}")) return "åk " + raw.strip();
        return raw.strip();
    }

    static IndicatorSpec spec(List<String> parts, String grade, String measure, String prefix, MapContext ctx,
                                      Map<String, IndicatorSpec> cache, boolean share) {
        String key = String.join("\u0000", parts) + "\u0000" + grade + "\u0000" + measure;
        return cache.computeIfAbsent(key, k -> {
            if (parts.size() == 1 && grade == null) {
                String only = parts.get(0).strip();
                String maybeId = only.contains(" ") ? only.substring(0, only.indexOf(' ')) : only;
                if (maybeId.matches("[NUn]\\d{5}") || ctx.indicatorExists().test(maybeId)) {
                    return new IndicatorSpec(maybeId.toUpperCase(Locale.ROOT), only, null, null, null);
                }
            }
            List<String> words = new ArrayList<>();
            if (measure != null && !measure.isBlank() && (parts.isEmpty() || share == false)) words.add(measure);
            words.addAll(parts);
            if (words.isEmpty()) words.add(measure == null ? "värde" : measure);
            String title = trimTitle(String.join(", ", words)) + (grade != null ? " (" + grade + ")" : "");
            String id = prefix + Headers.slug(String.join(" ", words), 56) + (grade != null ? "-" + Headers.gradeCode(grade) : "");
            Unit unit = share ? Unit.PERCENT : TableMapper.unitOf(String.join(" ", words));
            return new IndicatorSpec(id, title, unit, grade, null);
        });
    }

    private static final Pattern PX_TAIL = Pattern.compile("(?i)\\s+efter\\s+(region|kommun|län|område|kön|ålder|år|tid|"
            + "utbildningsnivå|födelseregion|civilstånd)\\b[^.]*(\\.\\s.*)?$");

    /**
     * A PxWeb title without its table description: "Andel med gott självskattat hälsotillstånd (procent) efter region,
     * kön och år. Andel (%). Anm." → "Andel med gott självskattat hälsotillstånd (procent)". Only the title shown;
     * the indicator id stays as before, so a re-import continues the same series.
     */
    static String trimTitle(String title) {
        String t = PX_TAIL.matcher(title).replaceFirst("").strip();
        return t.isEmpty() ? title : t;
    }

    private static int col(Table t, String named, String[] defaults, MapContext ctx, List<Integer> used) {
        int c;
        if (named != null) {
            c = TableMapper.pick(t, named, null, ctx);
        } else {
            c = -1;
            if (defaults != null) {
                for (String d : defaults) {
                    int x = t.col(d);
                    if (x >= 0 && !used.contains(x)) { c = x; break; }
                }
            }
        }
        if (c >= 0) used.add(c);
        return c;
    }
}
