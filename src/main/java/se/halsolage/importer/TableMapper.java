package se.halsolage.importer;

import se.halsolage.domain.Group;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row per area (or school unit), value columns across: Skolverket's statistics downloads and
 * hand-made tables. Identifying columns (school unit code and name, municipality code and name,
 * huvudman, organisation number, type) are recognised by their headers; every other numeric column
 * becomes an indicator named after its header, unless the recipe lists the columns explicitly.
 */
final class TableMapper implements Mapper {
    private static final String[] SUB_CODE = {"skolenhetskod", "skolenhet kod", "enhetskod", "skolkod", "distriktskod", "delområdeskod"};
    private static final String[] SUB_NAME = {"skola", "skolenhet", "skolenhetsnamn", "skolnamn", "distrikt", "delområde", "enhet"};
    private static final String[] MUNI_CODE = {"kommunkod", "kommun kod", "kommunnummer", "kod", "områdeskod", "regionkod", "länskod", "region code"};
    private static final String[] MUNI_NAME = {"kommun", "skolkommun", "kommunnamn", "område", "region", "län", "area"};
    private static final String[] IGNORE_WORDS = {"huvudman", "orgnr", "organisationsnummer", "typav", "adress", "postnummer",
            "postort", "telefon", "epost", "webb", "rektor", "inriktning", "kommentar", "anmärkning", "notering", "fotnot",
            "källa", "beskrivning", "länk", "url", "uppdaterad"};

    @Override
    public boolean map(GridSource grid, Recipe recipe, MapContext ctx, Sink sink) {
        String sheet = firstSheet(grid, recipe, ctx);
        if (sheet == null) return true;
        Table t = Table.read(grid, sheet, recipe.headerRow());
        if (t == null) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, null, null, "Bladet är tomt: det finns inga rader att importera."));
            return true;
        }
        int subCode = pick(t, recipe.subareaCode(), SUB_CODE, ctx);
        int subName = pick(t, recipe.subareaName(), subCode >= 0 ? SUB_NAME : new String[0], ctx);
        int parent = pick(t, recipe.parent(), subCode >= 0 ? MUNI_CODE : new String[0], ctx);
        if (parent < 0 && subCode >= 0) parent = pick(t, null, MUNI_NAME, ctx);
        int areaCol = subCode >= 0 ? -1 : pick(t, recipe.area(), MUNI_CODE, ctx);
        if (areaCol < 0 && subCode < 0) areaCol = pick(t, recipe.area(), MUNI_NAME, ctx);
        int areaNameCol = subCode >= 0 ? -1 : t.col(MUNI_NAME);
        if (areaNameCol == areaCol) areaNameCol = -1;
        int groupCol = recipe.group() != null ? pick(t, recipe.group(), null, ctx) : t.col("kön", "grupp");
        int periodCol = recipe.period() != null ? pick(t, recipe.period(), null, ctx) : t.col("år", "period", "läsår", "tid");
        if (subCode < 0 && areaCol < 0) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null, "Hittar ingen kolumn med område, kommunkod "
                    + "eller skolenhetskod bland rubrikerna (" + String.join(", ", t.headers.stream().filter(h -> !h.isBlank()).toList())
                    + "). Ange den i receptet."));
            return true;
        }
        String periodText = recipe.periodValue() != null ? recipe.periodValue()
                : Headers.periodIn(t.preamble) != null ? Headers.periodIn(t.preamble) : Headers.periodIn(ctx.fileName());
        if (periodCol < 0 && periodText == null) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null,
                    "Hittar varken en periodkolumn eller ett år i filens rubrik eller namn. Ange perioden i receptet (periodValue)."));
            return true;
        }
        String title = firstLine(t.preamble);
        String prefix = recipe.indicatorPrefix() != null ? recipe.indicatorPrefix()
                : "SKV-" + Headers.slug(title == null ? sheet : title.replaceFirst("(?i)\\s*-\\s*antal.*$", ""), 24) + "-";
        String titlePrefix = title == null ? "" : title.replaceFirst("\\s+-\\s+.*$", "") + ": ";
        // value columns
        List<int[]> values = new ArrayList<>(); // col
        Map<Integer, IndicatorSpec> specs = new HashMap<>();
        Map<Integer, Boolean> fraction = new HashMap<>();
        Map<Integer, Group> colGroups = new HashMap<>();
        List<Integer> used = List.of(subCode, subName, parent, areaCol, areaNameCol, groupCol, periodCol);
        List<Integer> dims = new ArrayList<>();
        // confidence bounds and respondents that belong to a value column, by value column
        Map<Integer, ConfidenceBounds> ext = new HashMap<>();
        if (recipe.columns() != null && !recipe.columns().isEmpty()) {
            for (Recipe.ColumnMap cm : recipe.columns()) {
                int c = t.col(cm.header());
                if (c < 0) {
                    ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null, "Kolumnen \"" + cm.header()
                            + "\" som receptet anger finns inte i filen. Rubrikerna är: "
                            + String.join(", ", t.headers.stream().filter(h -> !h.isBlank()).toList()) + "."));
                    continue;
                }
                if (Boolean.TRUE.equals(cm.skip())) continue;
                Unit unit = cm.unit() != null ? Unit.fromCode(cm.unit()) : unitOf(cm.header());
                String id = cm.indicator() != null ? cm.indicator() : prefix + Headers.slug(cm.header(), 40);
                specs.put(c, new IndicatorSpec(id, cm.title() != null ? cm.title() : titlePrefix + t.header(c), unit, null, null));
                fraction.put(c, isFraction(recipe, t, c, unit));
                if (cm.group() != null) colGroups.put(c, Group.of(cm.group()));
                values.add(new int[]{c});
            }
            for (int c = 0; c < t.headers.size(); c++) {
                if (t.header(c).isBlank() || used.contains(c) || specs.containsKey(c)) continue;
                final String h = t.header(c);
                boolean listed = recipe.columns().stream().anyMatch(cm -> Headers.same(cm.header(), h));
                if (!listed && t.numeric(c)) {
                    ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, Cell.columnName(c), "Okänd kolumn \""
                            + t.header(c) + "\": receptet \"" + recipe.name() + "\" säger inte vad den är. Lägg till den i receptet "
                            + "(eller markera den skip) och importera igen."));
                }
            }
        } else {
            // "Andel (%);KI undre;KI övre;Antal svarande": the bounds and the respondents belong to the share on
            // their left, they are no indicators of their own
            List<Integer> candidates = new ArrayList<>();
            for (int c = 0; c < t.headers.size(); c++) {
                String h = t.header(c);
                if (h.isBlank() || used.contains(c) || ignored(h)) continue;
                if (t.numeric(c) || Headers.boundKind(h) != null) candidates.add(c);
            }
            java.util.Set<Integer> attached = ConfidenceBounds.assign(candidates, t::header,
                    c -> unitOf(t.header(c)) == Unit.PERCENT, (v, o) -> true, ext);
            for (int c = 0; c < t.headers.size(); c++) {
                String h = t.header(c);
                if (h.isBlank() || used.contains(c) || ignored(h) || attached.contains(c)) continue;
                if (!t.numeric(c)) {
                    // a text column that names no area (Program, Ämne, Personalkategori): one row per area and
                    // value, so the value becomes part of the indicator, else the rows would be duplicates
                    if (!identifying(h) && hasText(t, c)) dims.add(c);
                    continue;
                }
                Unit unit = unitOf(h);
                specs.put(c, new IndicatorSpec(prefix + Headers.slug(h, 40), titlePrefix + h, unit, null, null));
                fraction.put(c, isFraction(recipe, t, c, unit));
                values.add(new int[]{c});
            }
        }
        if (values.isEmpty()) {
            ctx.problem(Problem.error(ctx.fileName(), sheet, t.headerRow + 1, null, "Hittar inga kolumner med tal att importera."));
            return true;
        }
        Map<String, ObservationStatus> markers = markers(recipe);
        final int fSubCode = subCode, fSubName = subName, fParent = parent, fArea = areaCol, fAreaName = areaNameCol,
                fGroup = groupCol, fPeriod = periodCol;
        Map<String, IndicatorSpec> dimSpecs = new HashMap<>();
        return t.rows(grid, r -> {
            AreaRef area;
            if (fSubCode >= 0) {
                String code = r.text(fSubCode);
                if (code.isBlank()) {
                    ctx.warning(r.cell(fSubCode), "Raden saknar " + t.header(fSubCode) + " och hoppades över.");
                    return true;
                }
                String parentText = fParent >= 0 ? r.text(fParent) : null;
                if (parentText != null && r.cell(fParent).number() != null && parentText.matches("\\d{1,3}")) {
                    parentText = String.format("%04d", Integer.parseInt(parentText));
                }
                area = AreaRef.sub(code, fSubName >= 0 ? r.text(fSubName) : code, parentText);
            } else {
                String a = r.text(fArea);
                // "Riket;;104 512" or a county row: no code, but a name in the name column
                if (a.isBlank() && fAreaName >= 0) a = r.text(fAreaName);
                if (a.isBlank()) {
                    ctx.warning(r.cell(fArea), "Raden saknar område och hoppades över.");
                    return true;
                }
                area = AreaRef.of(looksLikeCode(a) ? a : null, looksLikeCode(a) ? (fAreaName >= 0 ? r.text(fAreaName) : null) : a);
            }
            Period p;
            if (fPeriod >= 0) {
                try {
                    p = Period.parse(r.text(fPeriod));
                } catch (IllegalArgumentException e) {
                    ctx.error(r.cell(fPeriod), "Kan inte tolka perioden \"" + r.text(fPeriod) + "\".");
                    return true;
                }
            } else {
                p = Period.parse(periodText);
            }
            Group g = fGroup >= 0 ? Group.of(r.text(fGroup)) : recipe.groupValue() != null ? Group.of(recipe.groupValue()) : Group.TOTALT;
            for (int[] v : values) {
                int c = v[0];
                Cell cell = r.cell(c);
                Values.Parsed parsed = Values.parse(cell, markers);
                if (parsed == null) {
                    ctx.error(cell, "\"" + cell.text() + "\" i kolumnen \"" + t.header(c) + "\" är varken ett tal eller en känd markering.");
                    continue;
                }
                IndicatorSpec spec = specs.get(c);
                if (!dims.isEmpty()) spec = withDimensions(spec, r, dims, dimSpecs);
                Double val = parsed.ok() ? (spec.unit() == Unit.PERCENT ? Values.toPercent(parsed.value(), fraction.get(c))
                        : parsed.value()).doubleValue() : null;
                Group gg = colGroups.getOrDefault(c, g);
                Integer n = null;
                Double lo = null, hi = null;
                ConfidenceBounds x = ext.get(c);
                if (x != null) {
                    n = x.respondents(r, null, markers);
                    Double[] b = x.read(r, val, spec.unit() == Unit.PERCENT && fraction.get(c), markers, t, ctx);
                    lo = b[0];
                    hi = b[1];
                }
                if (!sink.accept(new Planned(spec, area, p, gg, val, n, lo, hi, parsed.status(), parsed.marker(), t.sheet, r.row(), c))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The indicator for one value of the dimension columns: "Elever totalt" + "Teknikprogrammet". */
    private static IndicatorSpec withDimensions(IndicatorSpec spec, GridRow r, List<Integer> dims, Map<String, IndicatorSpec> cache) {
        List<String> parts = new ArrayList<>();
        for (int d : dims) if (!r.text(d).isBlank()) parts.add(r.text(d).strip());
        if (parts.isEmpty()) return spec;
        String key = spec.id() + "\u0000" + String.join("\u0000", parts);
        IndicatorSpec s = cache.get(key);
        if (s == null) {
            s = new IndicatorSpec(spec.id() + "-" + Headers.slug(String.join(" ", parts), 40), spec.title() + ", "
                    + String.join(", ", parts), spec.unit(), spec.grade(), spec.description());
            if (cache.size() < 10_000) cache.put(key, s);
        }
        return s;
    }

    private static final List<String> IDENTIFYING = java.util.stream.Stream.of(SUB_CODE, SUB_NAME, MUNI_CODE, MUNI_NAME)
            .flatMap(java.util.Arrays::stream).map(Headers::norm).toList();

    /** Headers naming an area or school (also the second municipality column when the code column is used). */
    private static boolean identifying(String header) {
        String n = Headers.norm(header);
        return IDENTIFYING.contains(n) || n.equals("länskod") || n.equals("lansnamn") || n.equals("riket");
    }

    private static boolean hasText(Table t, int c) {
        for (GridRow r : t.sample) if (!r.text(c).isBlank()) return true;
        return false;
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\d{1,4}(\\.0)?");

    static boolean looksLikeCode(String s) {
        return CODE.matcher(s).matches();
    }

    static boolean isFraction(Recipe recipe, Table t, int c, Unit unit) {
        if (unit != Unit.PERCENT) return false;
        if ("fraction".equalsIgnoreCase(recipe.shares())) return true;
        if ("percent".equalsIgnoreCase(recipe.shares())) return false;
        if (Values.isPercentHeader(t.header(c))) return false;
        return t.fractions(c);
    }

    static Unit unitOf(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        if (Values.isShareHeader(h)) return Unit.PERCENT;
        if (h.startsWith("elever") || h.startsWith("antal") || h.contains("antal")) return Unit.COUNT;
        return Unit.guessFromTitle(header);
    }

    private static boolean ignored(String header) {
        String n = Headers.norm(header);
        for (String w : IGNORE_WORDS) if (n.contains(Headers.norm(w))) return true;
        return false;
    }

    static int pick(Table t, String named, String[] defaults, MapContext ctx) {
        if (named != null) {
            int c = t.col(named);
            if (c < 0) {
                ctx.problem(Problem.error(ctx.fileName(), t.sheet, t.headerRow + 1, null, "Kolumnen \"" + named
                        + "\" som receptet anger finns inte i filen. Rubrikerna är: "
                        + String.join(", ", t.headers.stream().filter(h -> !h.isBlank()).toList()) + "."));
            }
            return c;
        }
        return defaults == null ? -1 : t.col(defaults);
    }

    static String firstSheet(GridSource grid, Recipe recipe, MapContext ctx) {
        if (recipe.sheets() != null && !recipe.sheets().isEmpty()) {
            String s = recipe.sheets().get(0);
            if (!grid.sheets().contains(s)) {
                ctx.problem(Problem.error(ctx.fileName(), s, null, null, "Bladet \"" + s + "\" som receptet anger finns inte i filen."));
                return null;
            }
            return s;
        }
        if (grid.sheets().isEmpty()) {
            ctx.problem(Problem.error(ctx.fileName(), null, null, null, "Filen har inga blad."));
            return null;
        }
        return grid.dataSheets().get(0); // the first visible sheet
    }

    static Map<String, ObservationStatus> markers(Recipe recipe) {
        Map<String, ObservationStatus> m = new HashMap<>();
        if (recipe.markers() != null) recipe.markers().forEach((k, v) -> m.put(k, ObservationStatus.fromCode(v)));
        return m;
    }

    static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.toLowerCase(Locale.ROOT).startsWith("statistik från")) return l;
        }
        return null;
    }
}
