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

/**
 * A regional youth survey as the regions publish it (Liv &amp; hälsa ung, Barn- och ungdomsenkäten,
 * Folkhälsoenkät Ung): question and response option down, and across several header rows with merged
 * cells the grade, the gender and the year, ending in a "%" and an "n" column. The header rows are
 * combined per column ("Årskurs 9 / Flickor / %"), each part is recognised (grade, gender, year, share
 * or count) and the rest becomes part of the indicator. The municipality and year come from a column,
 * else from the title, sheet name or file name. Indicators are the same as for the long template
 * ({@code UNG-<FRÅGA>-<SVAR>-<ÅK9>}), so both layouts continue the same series.
 */
final class WideSurveyMapper implements Mapper {
    private static final String[] QUESTION = {"fråga", "frågor", "indikator", "frågeområde"};
    private static final String[] RESPONSE = {"svarsalternativ", "svar", "svarskategori", "svarsalternativ/kategori"};
    private static final List<String> SHARE = List.of("%", "andel", "andel%", "procent", "andelprocent", "andeli%");
    private static final List<String> COUNT = List.of("n", "antal", "antalsvarande", "svarande", "antalsvar", "bas");

    /** The header of a wide survey sheet, or null when the sheet does not have that shape. */
    static final class Layout {
        int question = -1, response = -1, area = -1, grade = -1, lastHeaderRow;
        final Map<Integer, Col> cols = new LinkedHashMap<>();
        Table table;
    }

    /** What one value column holds. */
    record Col(int col, String grade, Group group, String period, boolean count, List<String> other, String header) {
        String key() {
            return grade + "|" + group + "|" + period + "|" + other;
        }
    }

    static Layout layout(GridSource grid, String sheet) {
        Table t = Table.read(grid, sheet, null);
        if (t == null) return null;
        Layout l = new Layout();
        l.table = t;
        l.question = t.col(QUESTION);
        l.response = t.col(RESPONSE);
        l.area = t.col("kommun", "område", "region");
        l.grade = t.col("årskurs", "åk", "skolår");
        if (l.question < 0) return null;
        int firstValue = Math.max(Math.max(l.question, l.grade), Math.max(l.response, l.area)) + 1;
        // header rows: the header and the text-only rows right below it whose dimension columns are blank
        List<GridRow> headerRows = new ArrayList<>();
        List<GridRow> top = new ArrayList<>();
        grid.read(sheet, r -> {
            if (r.row() >= t.headerRow) top.add(r);
            return top.size() < 8;
        });
        for (GridRow r : top) {
            if (r.row() == t.headerRow) { headerRows.add(r); continue; }
            if (r.isBlank()) continue;
            boolean dimsBlank = true;
            for (int c = 0; c < firstValue; c++) if (!r.text(c).isBlank()) dimsBlank = false;
            boolean textOnly = true;
            for (int c = firstValue; c < r.width(); c++) {
                String x = r.text(c);
                if (!x.isBlank() && r.cell(c).number() != null && Headers.periodIn(x) == null) textOnly = false;
                if (!x.isBlank() && r.cell(c).number() == null && Values.number(x) != null && Headers.periodIn(x) == null) textOnly = false;
            }
            if (!dimsBlank || !textOnly) break;
            headerRows.add(r);
        }
        l.lastHeaderRow = headerRows.get(headerRows.size() - 1).row();
        int width = 0;
        for (GridRow r : headerRows) width = Math.max(width, r.width());
        String[] carry = new String[headerRows.size()];
        boolean anyDimension = false;
        for (int c = firstValue; c < width; c++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < headerRows.size(); i++) {
                String x = headerRows.get(i).text(c);
                if (!x.isBlank()) {
                    carry[i] = x;
                    // a new group on an upper row starts new groups on the rows below
                    for (int j = i + 1; j < carry.length; j++) carry[j] = null;
                }
                if (carry[i] != null) parts.add(carry[i]);
            }
            if (parts.isEmpty()) continue;
            String grade = null, period = null;
            Group group = null;
            boolean count = false, share = false;
            List<String> other = new ArrayList<>();
            for (String p : parts) {
                String n = Headers.norm(p);
                Group g = Group.of(p);
                if (SHARE.contains(n)) share = true;
                else if (COUNT.contains(n)) count = true;
                else if (g.isFemale() || g.isMale() || g.isTotal()) group = g;
                else if (Headers.gradeIn(p) != null && grade == null) grade = Headers.gradeIn(p);
                else if (Headers.periodIn(p) != null && p.strip().matches("[\\d\\s/–-]+") && period == null) period = Headers.periodIn(p);
                else other.add(p.strip());
            }
            if (grade != null || group != null || period != null) anyDimension = true;
            l.cols.put(c, new Col(c, grade, group == null ? Group.TOTALT : group, period, count && !share, other,
                    String.join(" / ", parts)));
        }
        if (!anyDimension || l.cols.isEmpty() || headerRows.size() < 2 && l.cols.values().stream().noneMatch(Col::count)) return null;
        return l;
    }

    @Override
    public boolean map(GridSource grid, Recipe recipe, MapContext ctx, Sink sink) {
        String sheet = TableMapper.firstSheet(grid, recipe, ctx);
        if (sheet == null) return true;
        Layout l = layout(grid, sheet);
        if (l == null) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, null, null, "Hittar ingen uppställning med Fråga (och Svarsalternativ) "
                    + "nedåt och årskurs/kön med % och n i kolumnrubrikerna."));
            return true;
        }
        Table t = l.table;
        String context = t.preamble + " " + sheet + " " + ctx.fileName();
        AreaRef fixedArea = l.area >= 0 ? null : areaIn(t.preamble, sheet, ctx.fileName());
        String fixedGrade = recipe.grade() != null ? recipe.grade() : Headers.gradeIn(t.preamble);
        String fixedPeriod = recipe.periodValue() != null ? recipe.periodValue() : Headers.periodIn(context);
        if (recipe.area() == null && l.area < 0 && fixedArea == null) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null, "Hittar ingen kommun: filen har ingen "
                    + "kommunkolumn och rubriken, bladnamnet och filnamnet nämner ingen kommun. Ange kommunen i receptet."));
            return true;
        }
        boolean periodMissing = fixedPeriod == null && l.cols.values().stream().anyMatch(c -> c.period() == null);
        if (periodMissing) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null, "Hittar inget år i kolumnrubrikerna, "
                    + "rubriken eller filnamnet. Ange perioden i receptet (periodValue)."));
            return true;
        }
        // the n column of each share column: same grade, gender, year and other parts
        Map<String, Integer> countCol = new HashMap<>();
        for (Col c : l.cols.values()) if (c.count()) countCol.putIfAbsent(c.key(), c.col());
        boolean anyShare = l.cols.values().stream().anyMatch(c -> !c.count());
        Map<String, ObservationStatus> markers = TableMapper.markers(recipe);
        Map<String, IndicatorSpec> specs = new HashMap<>();
        Map<String, Period> periods = new HashMap<>();
        boolean fraction = "fraction".equalsIgnoreCase(recipe.shares());
        String[] question = {null};
        boolean[] stopped = {false};
        grid.read(sheet, r -> {
            if (r.row() <= l.lastHeaderRow || r.isBlank()) return true;
            boolean anyValue = false;
            for (int c : l.cols.keySet()) if (!r.text(c).isBlank()) anyValue = true;
            if (!r.text(l.question).isBlank()) question[0] = r.text(l.question);
            if (!anyValue) return true; // a question heading row, or a note
            if (question[0] == null) return true;
            AreaRef area = fixedArea;
            if (l.area >= 0) {
                String a = r.text(l.area);
                area = TableMapper.looksLikeCode(a) ? AreaRef.of(a, null) : AreaRef.of(null, a);
            } else if (recipe.area() != null) {
                area = AreaRef.of(null, recipe.area());
            }
            List<String> parts = new ArrayList<>();
            parts.add(question[0]);
            if (l.response >= 0 && !r.text(l.response).isBlank()) parts.add(r.text(l.response));
            for (Col c : l.cols.values()) {
                if (c.count() && anyShare) continue;
                List<String> words = new ArrayList<>(parts);
                words.addAll(c.other());
                String grade = c.grade() != null ? c.grade() : l.grade >= 0 ? LongMapper.normGrade(r.text(l.grade)) : fixedGrade;
                IndicatorSpec spec = LongMapper.spec(words, grade, "", "UNG-", ctx, specs, !c.count());
                String pt = c.period() != null ? c.period() : fixedPeriod;
                Period p = periods.computeIfAbsent(pt, Period::parse);
                Cell cell = r.cell(c.col());
                Values.Parsed v = Values.parse(cell, markers);
                if (v == null) {
                    ctx.error(cell, "\"" + cell.text() + "\" i kolumnen \"" + c.header() + "\" är varken ett tal eller en känd markering.");
                    continue;
                }
                Integer n = null;
                Integer nc = c.count() ? null : countCol.get(c.key());
                if (nc != null) {
                    Values.Parsed np = Values.parse(r.cell(nc), markers);
                    if (np != null && np.ok()) n = np.value().intValue();
                }
                Double val = v.ok() ? (spec.unit() == Unit.PERCENT ? Values.toPercent(v.value(), fraction && !v.percentSign())
                        : v.value()).doubleValue() : null;
                if (!sink.accept(new Planned(spec, area, p, c.group(), val, n, v.status(), v.marker(), sheet, r.row(), c.col()))) {
                    stopped[0] = true;
                    return false;
                }
            }
            return true;
        });
        return !stopped[0];
    }

    private static volatile List<String[]> places;

    /**
     * The municipality (or county) a title, sheet name or file name names. In order: "Växjö kommun" in the
     * text; a county ("Region Kronoberg", "Kronobergs län"); a bare municipality name that is the whole sheet
     * name or a word of it or of the file name ("Växjö 2023"). Longest name first (Upplands Väsby, not Väsby).
     */
    static AreaRef areaIn(String title, String sheet, String fileName) {
        List<String[]> all = places;
        if (all == null) {
            all = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var r : se.halsolage.catalog.Resources.csv("catalog/municipalities.csv")) {
                all.add(new String[]{r.get("kommunkod"), r.get("kommun"), "M"});
                if (seen.add(r.get("kolada_region_id"))) {
                    all.add(new String[]{r.get("kolada_region_id"), r.get("lan"), "R"});
                    all.add(new String[]{r.get("kolada_region_id"), r.get("kolada_region"), "R"});
                }
            }
            all.sort((a, b) -> b[1].length() - a[1].length());
            places = all;
        }
        String t = words(title), names = words(sheet + " " + fileName);
        for (String[] m : all) {
            String w = words(m[1]).stripTrailing();
            if (m[2].equals("M") && (t.contains(w + " kommun ") || t.contains(w + "s kommun "))) return AreaRef.of(m[0], m[1]);
        }
        for (String[] m : all) if (m[2].equals("R") && (t.contains(words(m[1])) || names.contains(words(m[1])))) return AreaRef.of(m[0], m[1]);
        for (String[] m : all) if (m[2].equals("M") && names.contains(words(m[1]))) return AreaRef.of(m[0], m[1]);
        return null;
    }

    /** " växjö kommun " — lower case words separated by single spaces, with spaces around. */
    private static String words(String s) {
        return " " + s.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }
}
