package se.halsolage.importer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * How a grid becomes observations. Columns are named by their header text (matched loosely: case,
 * spaces, hyphens and punctuation do not matter), never by position, so a file whose columns move
 * still imports. Saved in the workbook as JSON by name; null fields mean "detect".
 *
 * @param kind       SKOLENKATEN, TABLE (one row per area, value columns across), LONG (one value per row)
 *                   or PXWEB (dimensions down, periods across; also .px)
 * @param sheets     sheets to read (null: all sheets the kind recognises, else the first with data)
 * @param headerRow  1-based header row (null: detect)
 * @param area       column with area names or codes
 * @param subareaCode column with a school-unit/district code (becomes a sub-area id)
 * @param subareaName column with the sub-area's name
 * @param parent     column with the sub-area's municipality (code or name)
 * @param period     column with the period; {@code periodValue} a fixed period when there is none
 * @param group      column with the group (kön …); {@code groupValue} a fixed group
 * @param indicator  columns that together name the indicator (LONG); {@code indicatorId} a fixed id
 * @param indicatorPrefix prefix for generated local indicator ids
 * @param value      value column (LONG); {@code n} column with respondents/base
 * @param columns    explicit value columns: header → indicator (TABLE); unknown headers are an error
 * @param shares     "fraction" (0–1, stored ×100), "percent" (0–100) or "auto" (from header and values)
 * @param markers    marker → status code (ok/suppressed/missing/not_applicable), overriding the defaults
 * @param kpiLinks   SKOLENKATEN: question text → Kolada KPI id, overriding the catalogue match
 * @param grade      survey grade label ("åk 8") when the file does not say
 * @param dimensions STATS: columns whose values are part of the measure (Ämne, Program, Fråga …)
 * @param breakdowns STATS: columns whose values are population breakdowns (ålder, typ av huvudman …)
 * @param only       a pattern (case-insensitive, {@code *} any text) that a measure's title must match to be imported
 * @param responses  SKOLENKATEN: also the share of every response option (with its count as n); by default only the
 *                   positive share per question, the index and mean values and the base figures
 * @param exclude    ids of the measures not to import (the wizard's unticked boxes when the recipe was saved); a
 *                   measure not in the list, also one that is new in next year's file, is imported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipe(
        String name,
        String kind,
        String description,
        List<String> sheets,
        Integer headerRow,
        String area,
        String subareaCode,
        String subareaName,
        String parent,
        String period,
        String periodValue,
        String group,
        String groupValue,
        List<String> indicator,
        String indicatorId,
        String indicatorPrefix,
        String value,
        String n,
        List<ColumnMap> columns,
        String shares,
        Map<String, String> markers,
        Map<String, String> kpiLinks,
        String grade,
        List<String> dimensions,
        List<String> breakdowns,
        String only,
        Boolean responses,
        List<String> exclude) {

    public static final String SKOLENKATEN = "SKOLENKATEN";
    public static final String TABLE = "TABLE";
    public static final String LONG = "LONG";
    public static final String PXWEB = "PXWEB";
    /** Survey tables with question/response down and grade × gender × (%, n) across in merged header rows. */
    public static final String WIDE = "WIDE";
    /** Statistics tables of any layout understood by {@link TableLayout}: header block, preamble, roles by header and content. */
    public static final String STATS = "STATS";

    /** One explicit value column of a TABLE recipe. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnMap(String header, String indicator, String title, String unit, String group, Boolean skip) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Recipe empty(String name, String kind) {
        return new Recipe(name, kind, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Recipe fromJson(String json) {
        try {
            return JSON.readValue(json, Recipe.class);
        } catch (IOException e) {
            throw new se.halsolage.domain.UserError("Receptet kunde inte läsas: " + e.getMessage(), e);
        }
    }

    /**
     * A recipe from a {@code --map} text, "area=Kommun,period=År,group=Kön,dimension=Ämne,value=Andel,n=Antal": the
     * statistics reader with those columns (a role may repeat: value=A,value=B; dimension=X,dimension=Y). Keys:
     * area, code (area code), subarea, parent, period, periodValue, group, groupValue, value, n, dimension, breakdown,
     * sheet, header (1-based header row), shares. {@code base} (a recipe file) gives the rest, or null.
     */
    public static Recipe fromMap(String map, Recipe base) {
        Recipe r = base != null ? base.withKind(STATS) : empty("karta", STATS);
        String area = r.area, sub = r.subareaCode, parentCol = r.parent, period = r.period, periodV = r.periodValue,
                group = r.group, groupV = r.groupValue, value = r.value, nCol = r.n, shares = r.shares;
        Integer header = r.headerRow;
        List<String> dims = new java.util.ArrayList<>(r.dimensions == null ? List.of() : r.dimensions);
        List<String> bds = new java.util.ArrayList<>(r.breakdowns == null ? List.of() : r.breakdowns);
        List<String> sh = r.sheets == null ? null : new java.util.ArrayList<>(r.sheets);
        for (String part : map.split(",")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw new se.halsolage.domain.UserError("--map: \"" + part.strip() + "\" saknar \"=\". Skriv t.ex. "
                    + "area=Kommun,period=År,value=Andel.");
            String k = part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), v = part.substring(eq + 1).strip();
            switch (k) {
                case "area", "område", "kommun" -> area = v;
                case "subarea", "delområde", "skolenhet" -> sub = v;
                case "parent" -> parentCol = v;
                case "period", "år" -> period = v;
                case "periodvalue" -> periodV = v;
                case "group", "grupp", "kön" -> group = v;
                case "groupvalue" -> groupV = v;
                case "value", "värde" -> value = value == null || base != null && value.equals(r.value) ? v : value + "," + v;
                case "n", "antal" -> nCol = v;
                case "dimension", "indicator", "nyckeltal" -> dims.add(v);
                case "breakdown", "redovisningsgrupp" -> bds.add(v);
                case "sheet", "blad" -> { if (sh == null) sh = new java.util.ArrayList<>(); sh.add(v); }
                case "header", "rubrikrad" -> {
                    try {
                        header = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new se.halsolage.domain.UserError("--map: header=" + v + " är inget radnummer.");
                    }
                }
                case "shares", "andelar" -> shares = v;
                default -> throw new se.halsolage.domain.UserError("--map: okänd roll \"" + k + "\". Giltiga: area, subarea, parent, "
                        + "period, periodValue, group, groupValue, value, n, dimension, breakdown, sheet, header, shares.");
            }
        }
        return new Recipe(r.name, STATS, r.description, sh, header, area, sub, r.subareaName, parentCol, period, periodV, group,
                groupV, null, r.indicatorId, r.indicatorPrefix, value, nCol, null, shares, r.markers, r.kpiLinks, r.grade,
                dims.isEmpty() ? null : dims, bds.isEmpty() ? null : bds, r.only, r.responses, r.exclude);
    }

    public Recipe withName(String newName) {
        return new Recipe(newName, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }

    public Recipe withShares(String newShares) {
        return new Recipe(name, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, newShares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }

    public Recipe withSheets(List<String> newSheets) {
        return new Recipe(name, kind, description, newSheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }

    public Recipe withPeriodValue(String p) {
        return new Recipe(name, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                p, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }

    public Recipe withRoles(String newArea, String newPeriod, String newGroup, String newValue, String newN,
                            List<String> newDimensions, List<String> newBreakdowns) {
        return new Recipe(name, kind, description, sheets, headerRow, newArea, subareaCode, subareaName, parent, newPeriod,
                periodValue, newGroup, groupValue, indicator, indicatorId, indicatorPrefix, newValue, newN, columns, shares,
                markers, kpiLinks, grade, newDimensions, newBreakdowns, only, responses, exclude);
    }

    public Recipe withOnly(String pattern) {
        return new Recipe(name, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, pattern, responses, exclude);
    }

    public Recipe withResponses(Boolean all) {
        return new Recipe(name, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, all, exclude);
    }

    public Recipe withExclude(List<String> ids) {
        return new Recipe(name, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, ids == null || ids.isEmpty() ? null : List.copyOf(ids));
    }

    public Recipe withDescription(String text) {
        return new Recipe(name, kind, text, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }

    public Recipe withKind(String newKind) {
        return new Recipe(name, newKind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, columns, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }

    public Recipe withColumns(List<ColumnMap> cols) {
        return new Recipe(name, kind, description, sheets, headerRow, area, subareaCode, subareaName, parent, period,
                periodValue, group, groupValue, indicator, indicatorId, indicatorPrefix, value, n, cols, shares,
                markers, kpiLinks, grade, dimensions, breakdowns, only, responses, exclude);
    }
}
