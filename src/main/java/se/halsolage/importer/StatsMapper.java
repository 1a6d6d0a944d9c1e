package se.halsolage.importer;

import se.halsolage.domain.Group;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Period;
import se.halsolage.domain.Unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statistics tables of the kinds agencies publish, read through {@link TableLayout}: one indicator per
 * measure (× the measure-defining dimensions: Ämne, Program, kpi, the sheet of a workbook with one sheet per
 * programme), never per county or per breakdown; kön and population breakdowns (typ av huvudman, ålder,
 * bakgrund …) become the observation's group ("Kommunal", "Kvinnor, 16-24 år"; the totals "Samtliga",
 * "Alla", "Totalt" are Totalt); counts of people beside a share become its n; confidence bounds (columns or
 * text "57.9 - 66.7 *") its ciLow/ciHigh, and a significance mark is kept as the marker of the value.
 * Every sheet of the file is read; a sheet that is no such table is named in a warning with the reason.
 */
final class StatsMapper implements Mapper {
    private static final int CACHE_LIMIT = 10_000;
    private static final Pattern CODE_NAME = Pattern.compile("^(\\d{2,4})\\s+(.+)$");

    /** One sheet, understood: its layout and what the file says around it. */
    static final class Sheet {
        final TableLayout t;
        String period;          // fixed period (preamble, file name) when there is no period column
        AreaRef area;           // fixed area (preamble, sheet name) when there is no area column
        String sheetDimension;  // the sheet name as part of the measure (one sheet per programme …)
        String sheetBreakdown;  // the sheet as a breakdown value ("Typ av huvudman: Kommunal", sheets Samtliga/Kommunal/Enskild)
        String titleLine;       // the table's title from the preamble, or null
        boolean skolverket;

        Sheet(TableLayout t) { this.t = t; }
    }

    /** Reads and understands a sheet; {@code why} of its layout says what is missing when it cannot be read. */
    static Sheet understand(GridSource grid, String sheet, Recipe recipe, String fileName) {
        TableLayout t = TableLayout.read(grid, sheet, recipe == null ? null : recipe.headerRow());
        Sheet s = new Sheet(t);
        if (t.why != null) return s;
        try {
            t.assignRoles(recipe);
        } catch (ImportException e) {
            t.why = e.problems().get(0).message();
            return s;
        }
        // Skolverket's downloads say so in the preamble, or write their codes "Kommun-kod", "Läns-kod", "Skol-enhetskod"
        s.skolverket = t.preamble.toLowerCase(Locale.ROOT).contains("skolverket")
                || t.keys.contains("Kommun-kod") && (t.keys.contains("Läns-kod") || t.keys.contains("Skol-enhetskod"));
        s.titleLine = titleLine(t.preamble);
        boolean areaCol = t.first(TableLayout.Role.AREA_CODE) >= 0 || t.first(TableLayout.Role.AREA_NAME) >= 0
                || t.first(TableLayout.Role.SUB_CODE) >= 0;
        if (!areaCol) {
            s.area = areaIn(t.preamble);
            if (s.area == null) s.area = knownArea(sheet);
        }
        boolean periodCol = t.first(TableLayout.Role.PERIOD) >= 0;
        boolean periodInHeaders = false;
        for (int c : t.cols(TableLayout.Role.VALUE)) for (String p : parts(t, c)) if (TableLayout.isPeriodText(p)) periodInHeaders = true;
        if (!periodCol && !periodInHeaders) {
            s.period = recipe != null && recipe.periodValue() != null ? recipe.periodValue() : periodIn(t.preamble);
            if (s.period == null) s.period = Headers.periodIn(fileName.replace('_', ' '));
        }
        List<String> missing = new ArrayList<>();
        if (!areaCol && s.area == null) missing.add("område (kommun, län, region)");
        if (!periodCol && !periodInHeaders && s.period == null) missing.add("period (år)");
        if (t.cols(TableLayout.Role.VALUE).isEmpty()) missing.add("kolumner med värden");
        if (!missing.isEmpty()) t.why = "hittar inte " + String.join(", ", missing);
        return s;
    }

    @Override
    public boolean map(GridSource grid, Recipe recipe, MapContext ctx, Sink sink) {
        List<String> names = recipe.sheets() != null && !recipe.sheets().isEmpty() ? recipe.sheets() : grid.dataSheets();
        List<Sheet> ok = new ArrayList<>();
        List<Sheet> all = new ArrayList<>();
        for (String name : names) {
            if (!grid.sheets().contains(name)) {
                ctx.problem(Problem.error(ctx.fileName(), name, null, null, "Bladet \"" + name + "\" som receptet anger finns inte i filen."));
                continue;
            }
            Sheet s = understand(grid, name, recipe, ctx.fileName());
            all.add(s);
            if (s.t.why == null) ok.add(s);
        }
        if (ok.isEmpty()) {
            Sheet first = all.isEmpty() ? null : all.get(0);
            ctx.problem(Problem.error(ctx.fileName(), first == null ? null : first.t.sheet, first == null || first.t.keyRow < 0 ? null
                    : first.t.keyRow + 1, null, first == null ? "Filen har inga blad." : unrecognised(first)));
            return true;
        }
        for (Sheet s : all) {
            if (s.t.why != null && grid.sheets().size() > 1) {
                ctx.problem(Problem.warning(ctx.fileName(), s.t.sheet, null, null, "Bladet importerades inte: " + s.t.why + "."));
            }
        }
        // one sheet per programme, all alike: the sheet names the measure (unless the sheet names the area)
        Map<String, Integer> alike = new HashMap<>();
        for (Sheet s : ok) alike.merge(String.join("\u0000", s.t.keys), 1, Integer::sum);
        for (Sheet s : ok) {
            boolean column = false;
            for (int b : s.t.cols(TableLayout.Role.BREAKDOWN)) if (TableLayout.headerHas(s.t.key(b), "huvudman")) column = true;
            if (!column) s.sheetBreakdown = huvudmanIn(s.t.preamble);
            if (s.sheetBreakdown != null || alike.get(String.join("\u0000", s.t.keys)) < 2) continue;
            String name = TableLayout.clean(s.t.sheet);
            if (TableLayout.breakdownKind(name) >= 0 || TableLayout.isTotalWord(name)) s.sheetBreakdown = name;
            else if (s.area == null) s.sheetDimension = name;
        }
        Map<String, Object> seen = ok.size() > 1 ? new HashMap<>() : null;
        for (Sheet s : ok) {
            int[] dup = {0};
            if (!mapSheet(grid, s, recipe, ctx, sink, seen, dup)) return false;
            if (dup[0] > 0) {
                ctx.problem(Problem.warning(ctx.fileName(), s.t.sheet, null, null, dup[0] + " värden i bladet finns redan med samma "
                        + "värde i ett tidigare blad och lästes bara en gång."));
            }
        }
        return true;
    }

    /** The message for a file that is no table: the columns found and the --map that would import it. */
    static String unrecognised(Sheet s) {
        TableLayout t = s.t;
        StringBuilder sb = new StringBuilder("Känner inte igen filens uppställning");
        if (t.why != null) sb.append(" (").append(t.why).append(")");
        sb.append(".");
        if (t.keyRow >= 0 && t.roles != null) {
            List<String> cols = new ArrayList<>();
            for (int c = 0; c < t.width(); c++) if (!t.fullHeader(c).isBlank()) cols.add("\"" + t.fullHeader(c) + "\"");
            sb.append(" Kolumnerna på rad ").append(t.keyRow + 1).append(" är ").append(String.join(", ", cols)).append(".");
            sb.append(" Ange vad de är, t.ex. --map ").append(suggestMap(t)).append(" (spara det med --save-recipe NAMN).");
        } else {
            sb.append(" Ange ett recept med --recipe eller kolumnerna med --map area=…,period=…,value=….");
        }
        return sb.toString();
    }

    /** The --map a user would give: the roles found, and a guess for the ones missing. */
    static String suggestMap(TableLayout t) {
        List<String> parts = new ArrayList<>();
        String area = null, period = null, group = null;
        String[] nCol = {null};
        List<String> values = new ArrayList<>(), dims = new ArrayList<>();
        for (int c = 0; c < t.width(); c++) {
            String h = t.key(c);
            if (h.isBlank() || t.roles[c] == null) continue;
            switch (t.roles[c]) {
                case AREA_CODE, AREA_NAME, SUB_CODE -> { if (area == null) area = h; }
                case PERIOD -> { if (period == null) period = h; }
                case GROUP -> { if (group == null) group = h; }
                case VALUE -> values.add(h);
                case N -> { if (nCol[0] == null) nCol[0] = h; }
                case DIMENSION, BREAKDOWN -> dims.add(h);
                default -> { }
            }
        }
        if (area == null) for (int c = 0; c < t.width() && area == null; c++) if (t.roles[c] == TableLayout.Role.DIMENSION) area = t.key(c);
        // a column of years only is the period, not a value
        if (period == null) {
            for (int c = 0; c < t.width() && period == null; c++) {
                if (!t.key(c).isBlank() && t.stats(c).years()) { period = t.key(c); values.remove(t.key(c)); }
            }
        }
        parts.add("area=" + (area == null ? "KOLUMN" : area));
        if (period == null) parts.add("period=KOLUMN"); else parts.add("period=" + period);
        if (group != null) parts.add("group=" + group);
        for (String d : dims) if (!d.equals(area)) parts.add("dimension=" + d);
        parts.add("value=" + (values.isEmpty() ? "KOLUMN" : values.get(0)));
        if (nCol[0] != null) parts.add("n=" + nCol[0]);
        String s = String.join(",", parts);
        return s.contains(" ") ? "'" + s + "'" : s;
    }

    private boolean mapSheet(GridSource grid, Sheet s, Recipe recipe, MapContext ctx, Sink sink, Map<String, Object> seen, int[] dup) {
        TableLayout t = s.t;
        Map<String, ObservationStatus> markers = TableMapper.markers(recipe);
        if (s.skolverket) markers.putIfAbsent(".", ObservationStatus.MISSING);
        String prefix = recipe.indicatorPrefix() != null ? recipe.indicatorPrefix()
                : s.skolverket ? "SKV-" + Headers.slug(s.titleLine == null ? t.sheet : s.titleLine.replaceFirst("(?i)\\s*-\\s*antal.*$", ""), 24) + "-"
                : "LOK-";
        String context = s.titleLine != null ? (s.skolverket ? s.titleLine.replaceFirst("\\s+-\\s+.*$", "") : s.titleLine)
                : fileTitle(ctx.fileName());
        // per value column: measure title, group and breakdowns and period from the header, unit, fraction
        List<Integer> valueCols = t.cols(TableLayout.Role.VALUE);
        Map<Integer, Col> cols = new LinkedHashMap<>();
        Map<String, Integer> titles = new HashMap<>();
        for (int c : valueCols) {
            Col col = column(t, c, recipe);
            String k = col.measure + "\u0000" + col.gender + "\u0000" + col.breakdowns + "\u0000" + col.period;
            if (titles.containsKey(k)) {
                ctx.warning(new Cell(t.sheet, t.keyRow, c, t.key(c), null, null), "Kolumnen \"" + t.fullHeader(c)
                        + "\" har samma rubrik som kolumn " + Cell.columnName(titles.get(k)) + "; den importeras som ett eget nyckeltal.");
                col.measure = col.measure + " (kolumn " + Cell.columnName(c) + ")";
            }
            titles.put(k, c);
            cols.put(c, col);
        }
        Map<Integer, Integer> nOf = new HashMap<>();
        Map<Integer, Integer> lowOf = new HashMap<>(), highOf = new HashMap<>(), ciTextOf = new HashMap<>();
        for (var e : t.attachedTo.entrySet()) {
            TableLayout.Role r = t.roles[e.getKey()];
            for (int v : e.getValue()) {
                if (r == TableLayout.Role.N) nOf.put(v, e.getKey());
                else if (r == TableLayout.Role.CI_LOW) lowOf.put(v, e.getKey());
                else if (r == TableLayout.Role.CI_HIGH) highOf.put(v, e.getKey());
                else if (r == TableLayout.Role.CI_TEXT) ciTextOf.put(v, e.getKey());
            }
        }
        int subCode = t.first(TableLayout.Role.SUB_CODE), subName = t.first(TableLayout.Role.SUB_NAME);
        List<Integer> parents = t.cols(TableLayout.Role.PARENT);
        int areaCode = t.first(TableLayout.Role.AREA_CODE), areaName = t.first(TableLayout.Role.AREA_NAME);
        int periodCol = t.first(TableLayout.Role.PERIOD), groupCol = t.first(TableLayout.Role.GROUP);
        int statusCol = t.first(TableLayout.Role.STATUS), kindCol = t.first(TableLayout.Role.MEASURE_KIND);
        int rowLabel = t.first(TableLayout.Role.ROW_LABEL);
        List<Integer> breakdownCols = t.cols(TableLayout.Role.BREAKDOWN);
        List<Integer> dimCols = t.cols(TableLayout.Role.DIMENSION);
        Map<String, Period> periods = new HashMap<>();
        Map<String, IndicatorSpec> specs = new HashMap<>();
        Map<String, Group> groups = new HashMap<>();
        Map<AreaRef, AreaRef> areas = new HashMap<>();
        Pattern only = onlyPattern(recipe.only());
        boolean[] blankSeen = {false};
        boolean[] ended = {false};
        int[] boundRows = {0};
        Map<String, Planned> held = new LinkedHashMap<>();
        Map<String, Double> rowLows = new HashMap<>(), rowHighs = new HashMap<>();
        boolean result = readRows(grid, t, r -> {
            if (ended[0]) return false;
            if (r.isBlank()) { blankSeen[0] = true; return true; }
            // below the table: notes and definitions (no figure in any value column)
            boolean anyFigure = false, anyText = false;
            for (int c : valueCols) {
                String x = r.text(c);
                if (x.isEmpty()) continue;
                Values.Parsed p = Values.parse(r.cell(c), markers);
                if (p != null || TableLayout.starred(x) != null) anyFigure = true; else anyText = true;
            }
            if (!anyFigure && (blankSeen[0] || anyText || r.nonBlankCount() == 1)) {
                if (blankSeen[0]) { ended[0] = true; return false; }
                if (r.nonBlankCount() <= 1) return true;
            }
            // Folkhälsodata's "Andel och konfidensintervall": rows of the bounds go to the value row of the same key
            Headers.Bound rowBound = null;
            if (kindCol >= 0) {
                String kind = r.text(kindCol);
                rowBound = Headers.boundKind(kind);
                if (rowBound == null && kind.toLowerCase(Locale.ROOT).startsWith("konfidens")) { boundRows[0]++; return true; }
            }
            // area
            AreaRef area;
            if (subCode >= 0) {
                String code = r.text(subCode);
                if (code.isBlank()) { ctx.warning(r.cell(subCode), "Raden saknar " + t.key(subCode) + " och hoppades över."); return true; }
                String parent = null;
                for (int p : parents) if (!r.text(p).isBlank()) { parent = r.text(p); break; }
                area = AreaRef.sub(code, subName >= 0 ? r.text(subName) : code, parent);
            } else if (areaCode >= 0 || areaName >= 0) {
                String code = areaCode >= 0 ? r.text(areaCode) : null;
                String name = areaName >= 0 ? TableLayout.clean(r.text(areaName)) : null;
                if (code != null && code.isBlank()) code = null;
                if (code == null && name != null) {
                    Matcher m = CODE_NAME.matcher(name);
                    if (m.matches()) { code = m.group(1); name = m.group(2); }
                    else if (TableMapper.looksLikeCode(name)) { code = name; name = null; }
                }
                if (code != null && r.cell(areaCode >= 0 ? areaCode : areaName).number() != null && code.matches("\\d{1,3}")) {
                    code = code.length() <= 2 && areaName >= 0 && areaCode >= 0 && TableLayout.headerHas(t.key(areaCode), "län", "county")
                            ? code : String.format("%04d", Integer.parseInt(code));
                }
                if ((code == null || code.isBlank()) && (name == null || name.isBlank())) {
                    ctx.warning(r.cell(areaName >= 0 ? areaName : areaCode), "Raden saknar område och hoppades över.");
                    return true;
                }
                area = AreaRef.of(code, name);
            } else {
                area = s.area;
            }
            AreaRef known = areas.get(area);
            if (known != null) area = known; else if (areas.size() < CACHE_LIMIT) areas.put(area, area);
            // period
            String rowPeriod = periodCol >= 0 ? r.text(periodCol) : s.period;
            // gender and breakdowns of the row
            Group rowGender = null;
            List<String[]> rowBreak = new ArrayList<>();
            if (groupCol < 0 && recipe.groupValue() != null) rowGender = Group.of(recipe.groupValue());
            if (groupCol >= 0) {
                String g = r.text(groupCol);
                rowGender = TableLayout.genderOf(g);
                if (rowGender == null && !g.isBlank()) rowGender = Group.of(g);
            }
            if (rowLabel >= 0) {
                String[] lab = TableLayout.rowLabel(r.text(rowLabel));
                if (lab != null) {
                    if (rowGender == null || rowGender.isTotal()) rowGender = Group.of(lab[0]);
                    if (!lab[1].isEmpty()) rowBreak.add(new String[]{"", lab[1], Integer.toString(rowLabel)});
                } else if (!r.text(rowLabel).isBlank()) {
                    rowBreak.add(new String[]{"", TableLayout.clean(r.text(rowLabel)), Integer.toString(rowLabel)});
                }
            }
            for (int b : breakdownCols) rowBreak.add(new String[]{t.key(b), TableLayout.clean(r.text(b)), Integer.toString(b)});
            if (s.sheetBreakdown != null) rowBreak.add(new String[]{"", s.sheetBreakdown, "-2"});
            List<String> dims = new ArrayList<>();
            for (int d : dimCols) if (!r.text(d).isBlank()) dims.add(TableLayout.clean(r.text(d)));
            for (var e : cols.entrySet()) {
                int c = e.getKey();
                Col col = e.getValue();
                String ptext = col.period != null ? col.period : rowPeriod;
                Period p = ptext == null ? null : periods.get(ptext);
                if (p == null) {
                    try {
                        p = Period.parse(ptext);
                        if (periods.size() < CACHE_LIMIT) periods.put(ptext, p);
                    } catch (IllegalArgumentException ex) {
                        ctx.error(periodCol >= 0 ? r.cell(periodCol) : r.cell(c), "Kan inte tolka perioden \"" + ptext + "\".");
                        continue;
                    }
                }
                Group gender = col.gender != null ? col.gender : rowGender;
                List<String[]> bd = rowBreak;
                if (!col.breakdowns.isEmpty()) { bd = new ArrayList<>(rowBreak); bd.addAll(col.breakdowns); }
                Group group = group(gender, bd, groups);
                IndicatorSpec spec = spec(col, dims, s, prefix, context, ctx, specs);
                if (only != null && !only.matcher(spec.title()).find() && !only.matcher(spec.id()).find()) continue;
                Cell cell = r.cell(c);
                String flag = null;
                Values.Parsed parsed = Values.parse(cell, markers);
                if (parsed == null) {
                    String[] st = TableLayout.starred(cell.text());
                    if (st != null) { parsed = Values.parse(st[0], markers); flag = st[1]; }
                }
                if (parsed == null) {
                    ctx.error(cell, "\"" + cell.text() + "\" i kolumnen \"" + t.fullHeader(c) + "\" är varken ett tal eller en känd markering.");
                    continue;
                }
                ObservationStatus status = parsed.status();
                String marker = parsed.marker();
                if (statusCol >= 0 && !r.text(statusCol).isBlank() && !parsed.ok()) {
                    status = koladaStatus(r.text(statusCol));
                    marker = r.text(statusCol);
                }
                Double v = null;
                if (parsed.ok()) {
                    BigDecimal x = parsed.value();
                    if (col.unit == Unit.PERCENT && col.fraction) x = Values.toPercent(x, true);
                    if (col.tkr) x = x.movePointRight(3);
                    v = x.doubleValue();
                }
                Integer n = null;
                Integer nc = nOf.get(c);
                if (nc != null) {
                    Values.Parsed np = Values.parse(r.cell(nc), markers);
                    if (np != null && np.ok()) n = np.value().intValue();
                }
                Double lo = null, hi = null;
                if (v != null) {
                    Integer lc = lowOf.get(c), hc = highOf.get(c), tc = ciTextOf.get(c);
                    if (lc != null) lo = bound(r.cell(lc), col, markers);
                    if (hc != null) hi = bound(r.cell(hc), col, markers);
                    if (tc != null) {
                        double[] ci = TableLayout.ciText(r.text(tc));
                        if (ci != null) {
                            lo = col.fraction ? ci[0] * 100 : ci[0];
                            hi = col.fraction ? ci[1] * 100 : ci[1];
                            if (ci[2] > 0 && flag == null) flag = r.text(tc).replaceAll("[^*]", "");
                        }
                    }
                    if (lo != null && lo > v || hi != null && hi < v) {
                        ctx.warning(cell, "Konfidensintervallet (" + lo + "–" + hi + ") omsluter inte värdet " + v
                                + "; värdet importerades utan konfidensintervall.");
                        lo = null;
                        hi = null;
                    }
                }
                if (flag != null && status == ObservationStatus.OK) marker = flag;
                if (kindCol >= 0) {
                    String key = spec.id() + "\u0000" + area.label() + "\u0000" + p.label() + "\u0000" + group.label();
                    if (rowBound != null) {
                        if (v != null) (rowBound == Headers.Bound.LOW ? rowLows : rowHighs).put(key, v);
                    } else {
                        held.put(key, new Planned(spec, area, p, group, v, n, lo, hi, status, marker, t.sheet, r.row(), c));
                    }
                    continue;
                }
                if (seen != null) {
                    String key = spec.id() + "\u0000" + (area.code() != null ? area.code() : area.label()) + "\u0000" + p.label() + "\u0000" + group.label();
                    Object was = seen.get(key);
                    Object now = v != null ? (Object) v : status.name();
                    if (was != null && was.equals(now)) { dup[0]++; continue; }
                    if (was == null) seen.put(key, now);
                }
                if (!sink.accept(new Planned(spec, area, p, group, v, n, lo, hi, status, marker, t.sheet, r.row(), c))) return false;
            }
            return true;
        });
        if (boundRows[0] > 0) {
            ctx.problem(Problem.warning(ctx.fileName(), t.sheet, null, null, boundRows[0] + " rader med konfidensintervall utan "
                    + "\"nedre\" eller \"övre\" (kolumnen \"" + t.key(kindCol) + "\") importerades inte; bara värdena."));
        }
        // the held values (a file with bounds in rows of their own), with their bounds, in file order
        for (var e : held.entrySet()) {
            Planned pl = e.getValue();
            Double lo = rowLows.get(e.getKey()), hi = rowHighs.get(e.getKey());
            if (pl.value() == null || lo == null && hi == null) {
                if (!sink.accept(pl)) return false;
                continue;
            }
            if (lo != null && lo > pl.value() || hi != null && hi < pl.value()) {
                ctx.problem(Problem.warning(ctx.fileName(), t.sheet, pl.row() + 1, Cell.columnName(pl.col()), "Konfidensintervallet ("
                        + lo + "–" + hi + ") omsluter inte värdet " + pl.value() + "; värdet importerades utan konfidensintervall."));
                lo = null;
                hi = null;
            }
            if (!sink.accept(new Planned(pl.indicator(), pl.area(), pl.period(), pl.group(), pl.value(), pl.n(), lo, hi, pl.status(),
                    pl.marker(), pl.sheet(), pl.row(), pl.col()))) return false;
        }
        return result || ended[0];
    }

    private static boolean readRows(GridSource grid, TableLayout t, GridSource.RowHandler h) {
        boolean[] stopped = {false};
        grid.read(t.sheet, r -> {
            if (r.row() <= t.keyRow) return true;
            if (!h.row(r)) { stopped[0] = true; return false; }
            return true;
        });
        return !stopped[0];
    }

    private static Double bound(Cell cell, Col col, Map<String, ObservationStatus> markers) {
        Values.Parsed p = Values.parse(cell, markers);
        if (p == null || !p.ok()) return null;
        return Values.toPercent(p.value(), col.unit == Unit.PERCENT && col.fraction).doubleValue();
    }

    static ObservationStatus koladaStatus(String s) {
        String x = s.strip().toLowerCase(Locale.ROOT);
        if (x.contains("privacy") || x.contains("sekretess") || x.contains("suppressed")) return ObservationStatus.SUPPRESSED;
        if (x.contains("not applicable") || x.contains("ej tillämplig")) return ObservationStatus.NOT_APPLICABLE;
        return ObservationStatus.MISSING;
    }

    /** What a value column's header says. */
    static final class Col {
        String measure;
        Group gender;
        final List<String[]> breakdowns = new ArrayList<>();
        String period;
        Unit unit;
        boolean fraction, tkr;
    }

    static List<String> parts(TableLayout t, int c) {
        List<String> p = new ArrayList<>(t.upper.get(c));
        if (!t.key(c).isEmpty()) p.add(t.key(c));
        return p;
    }

    private static Col column(TableLayout t, int c, Recipe recipe) {
        Col col = new Col();
        List<String> measure = new ArrayList<>();
        for (String raw : parts(t, c)) {
            String p = TableLayout.clean(raw).replaceFirst("^#+\\s*", "");
            Group g = TableLayout.genderOf(p);
            if (g != null && !(g.isTotal() && measure.isEmpty() && parts(t, c).size() == 1)) {
                if (!g.isTotal() || col.gender == null) col.gender = g;
                continue;
            }
            if (TableLayout.breakdownKind(p) >= 0) { col.breakdowns.add(new String[]{"", p, Integer.toString(-1)}); continue; }
            if (TableLayout.isPeriodText(p)) { col.period = p; continue; }
            measure.add(p);
        }
        col.measure = String.join(", ", measure);
        String header = t.fullHeader(c);
        col.unit = TableLayout.unitOf(header);
        col.tkr = TableLayout.isTkr(header);
        if (col.tkr) col.unit = Unit.KRONOR;
        if (col.unit == Unit.PERCENT) {
            if ("fraction".equalsIgnoreCase(recipe.shares())) col.fraction = true;
            else if (!"percent".equalsIgnoreCase(recipe.shares()) && !Values.isPercentHeader(header)) {
                boolean any = false, all = true;
                for (GridRow r : t.sample) {
                    Values.Parsed p = Values.parse(r.cell(c), null);
                    if (p == null || !p.ok()) continue;
                    if (p.percentSign() && r.cell(c).number() == null) { all = false; break; }
                    any = true;
                    if (p.value().abs().compareTo(BigDecimal.ONE) > 0) { all = false; break; }
                }
                col.fraction = any && all;
            }
        }
        return col;
    }

    private static final Pattern KPI = Pattern.compile("[NU]\\d{5}");

    private static IndicatorSpec spec(Col col, List<String> dims, Sheet s, String prefix, String context, MapContext ctx,
                                      Map<String, IndicatorSpec> cache) {
        String key = col.measure + "\u0000" + String.join("\u0000", dims);
        IndicatorSpec hit = cache.get(key);
        if (hit != null) return hit;
        IndicatorSpec spec = null;
        for (String d : dims) {
            String id = d.contains(" ") ? d.substring(0, d.indexOf(' ')) : d;
            if (KPI.matcher(id).matches() || dims.size() == 1 && ctx.indicatorExists().test(id) && id.matches("[A-Za-z0-9-]{3,}")) {
                spec = new IndicatorSpec(id.toUpperCase(Locale.ROOT), d, null, null, null);
                break;
            }
        }
        if (spec == null) {
            List<String> words = new ArrayList<>();
            boolean generic = isGeneric(col.measure);
            if (!generic) words.add(col.measure);
            words.addAll(dims);
            if (s.sheetDimension != null) words.add(s.sheetDimension);
            String name = String.join(", ", words);
            String title;
            if (words.isEmpty() || generic && dims.isEmpty()) {
                String m = col.measure.isBlank() ? "värde" : col.measure;
                title = (context == null ? "" : context + ": ") + m + (words.isEmpty() ? "" : ", " + name);
                name = (context == null ? "" : context + " ") + m + " " + name;
            } else {
                title = s.skolverket && context != null ? context + ": " + name : name;
            }
            Unit unit = col.unit;
            // "Kostnader per kommun": amounts without a unit in their header are kronor
            if (unit == Unit.OTHER && s.titleLine != null && s.titleLine.toLowerCase(Locale.ROOT).matches(".*\\b(kostnad|kostnader|utgifter|intäkter)\\b.*")
                    && !col.measure.toLowerCase(Locale.ROOT).contains("antal")) unit = Unit.KRONOR;
            if (unit == Unit.OTHER || unit == Unit.COUNT) {
                Unit fromDims = TableLayout.unitOf(name);
                if (fromDims != Unit.OTHER) unit = fromDims;
            }
            spec = new IndicatorSpec(prefix + Headers.slug(name, 56), title, unit, null, null);
        }
        if (cache.size() < CACHE_LIMIT) cache.put(key, spec);
        return spec;
    }

    private static boolean isGeneric(String measure) {
        String n = Headers.norm(measure);
        return n.isEmpty() || n.equals("värde") || n.equals("value") || n.equals("andel") || n.equals("antal") || n.equals("values")
                || n.equals("andel%") || n.equals("procent");
    }

    /** Kön and the breakdowns as one group: "Totalt", "Kvinnor", "Kommunal", "Kvinnor, 16-24 år", "Män, age 20". */
    static Group group(Group gender, List<String[]> breakdowns, Map<String, Group> cache) {
        StringBuilder key = new StringBuilder(gender == null ? "" : gender.label());
        for (String[] b : breakdowns) key.append('\u0000').append(b[0]).append('\u0001').append(b[1]);
        String k = key.toString();
        Group hit = cache.get(k);
        if (hit != null) return hit;
        List<String[]> parts = new ArrayList<>();
        for (String[] b : breakdowns) {
            String v = b[1];
            if (v.isBlank() || TableLayout.isTotalWord(v)) continue;
            String label = v.matches(".*\\p{L}.*") ? v : (b[0].isBlank() ? v : b[0].toLowerCase(TableLayout.SV) + " " + v);
            int kind = TableLayout.breakdownKind(label);
            // the breakdown's name: the column's header ("Ålder", "Typ av huvudman"), else what the value suggests
            String name = b[0].isBlank() || b[0].matches("(?i)(värde|value|grupp|group)") ? Group.inferBreakdown(label)
                    : breakdownName(b[0]);
            parts.add(new String[]{Integer.toString(kind < 0 ? 9 : kind), label, name});
        }
        parts.sort((a, b) -> a[0].compareTo(b[0]));
        Group g;
        if (parts.isEmpty()) {
            g = gender == null ? Group.TOTALT : gender;
        } else {
            StringBuilder sb = new StringBuilder();
            List<String> names = new ArrayList<>();
            if (gender != null && !gender.isTotal()) {
                sb.append(gender.label());
                names.add(Group.KON);
            }
            for (String[] p : parts) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(p[1]);
                if (!names.contains(p[2])) names.add(p[2]);
            }
            g = new Group(sb.toString(), String.join(", ", names));
        }
        if (cache.size() < CACHE_LIMIT) cache.put(k, g);
        return g;
    }

    /** A header as a breakdown's name: "Typ av huvudman", "Ålder"; English ones in Swedish ("age" → "Ålder"). */
    static String breakdownName(String header) {
        String h = header.strip();
        String n = h.toLowerCase(TableLayout.SV);
        if (n.equals("age") || n.startsWith("ålder") || n.startsWith("åldersgrupp")) return "Ålder";
        if (n.equals("sex") || n.equals("gender") || n.equals("kön")) return Group.KON;
        if (n.startsWith("marital") || n.startsWith("civilstånd")) return "Civilstånd";
        if (n.startsWith("födelseland") || n.startsWith("ursprung") || n.startsWith("bakgrund") || n.contains("born")) return "Födelseland";
        if (n.startsWith("utbildning") || n.startsWith("education")) return "Utbildning";
        if (n.contains("huvudman")) return "Typ av huvudman";
        return h.isEmpty() ? "Grupp" : Character.toUpperCase(h.charAt(0)) + h.substring(1);
    }

    static Pattern onlyPattern(String only) {
        if (only == null || only.isBlank()) return null;
        StringBuilder re = new StringBuilder();
        for (String alt : only.split("\\|")) {
            if (re.length() > 0) re.append('|');
            re.append(Pattern.quote(alt.strip()).replace("*", "\\E.*\\Q"));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The period the preamble names, "Valt …" lines first ("Valt startläsår: 2011/12", not "Valt uttag: 2025-02-12"). */
    static String periodIn(String preamble) {
        for (String line : preamble.split("\n")) {
            String l = line.strip().toLowerCase(Locale.ROOT);
            if ((l.startsWith("valt") || l.startsWith("vald") || l.startsWith("år:") || l.startsWith("period")) && !l.contains("uttag")) {
                String p = Headers.periodIn(line);
                if (p != null) return p;
            }
        }
        for (String line : preamble.split("\n")) {
            String l = line.strip().toLowerCase(Locale.ROOT);
            if (l.startsWith("http") || l.contains("uttag") || l.contains("uppdaterad") || l.startsWith("statistik från")) continue;
            String p = Headers.periodIn(line);
            if (p != null) return p;
        }
        return null;
    }

    /** "Typ av huvudman: Kommunal" → "Kommunal"; "Endast kommunal huvudman" → "Kommunal"; else null. */
    static String huvudmanIn(String preamble) {
        for (String line : preamble.split("\n")) {
            String l = line.strip();
            Matcher m = Pattern.compile("(?i)^(typ av )?huvudman(natyp)?\\s*:\\s*(.+)$").matcher(l);
            if (m.matches()) return TableLayout.clean(m.group(3));
            if (l.toLowerCase(Locale.ROOT).matches("endast kommunala? huvudm(an|än)")) return "Kommunal";
        }
        return null;
    }

    /** A county, region, municipality or riket named in the preamble ("2022, Dalarnas Län, Kön …", "Region Dalarna"). */
    static AreaRef areaIn(String preamble) {
        for (String line : preamble.split("\n")) {
            if (line.strip().toLowerCase(Locale.ROOT).startsWith("http")) continue;
            for (String seg : line.split("[,;:–]| - ")) {
                AreaRef a = knownArea(seg);
                if (a != null) return a;
            }
        }
        return null;
    }

    /** The text as an area when it is exactly a known county, region, municipality ("… kommun") or riket; else null. */
    static AreaRef knownArea(String text) {
        String t = TableLayout.clean(text);
        if (t.isEmpty() || t.length() > 60) return null;
        AreaRef a = AreaRef.of(null, t);
        if (a.code() != null) return a;
        if (AreaRef.isMunicipalityName(t) && (t.toLowerCase(Locale.ROOT).endsWith(" kommun") || !t.contains(" "))) return a;
        return null;
    }

    /** The table's title from the preamble: not a link, not the source line, not "Valt …", not a list with the period. */
    static String titleLine(String preamble) {
        for (String line : preamble.split("\n")) {
            String l = line.strip();
            String low = l.toLowerCase(Locale.ROOT);
            if (l.isEmpty() || low.startsWith("http") || low.startsWith("statistik från") || low.startsWith("valt") || low.startsWith("vald")
                    || low.startsWith("endast") || low.startsWith("typ av huvudman") || low.startsWith("källa")) continue;
            if (Headers.periodIn(l) != null && l.split(",").length >= 3) continue;
            if (l.length() < 4) continue;
            return LongMapper.trimTitle(l);
        }
        return null;
    }

    /** "mucf_neet_youth_2022.xlsx" → "mucf neet youth". */
    static String fileTitle(String fileName) {
        String base = fileName.replaceFirst("\\.[^.]+$", "").replace('_', ' ').replace('-', ' ');
        String t = base.replaceAll("(?<!\\d)(19|20)\\d{2}(?!\\d)", "").replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? base : t;
    }
}
