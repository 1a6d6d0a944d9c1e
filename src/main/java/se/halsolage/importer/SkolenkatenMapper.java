package se.halsolage.importer;

import se.halsolage.catalog.IndicatorSuggestions;
import se.halsolage.catalog.KpiInfo;
import se.halsolage.domain.Direction;
import se.halsolage.domain.Group;
import se.halsolage.domain.IndicatorCuration;
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
 * Skolinspektionen's Skolenkäten workbook, any year, grade or respondent group.
 *
 * <p>The format: a title cell ("Skolenkäten 2022 - Elever årskurs 8"), a row of question texts and
 * index names (index names begin with a digit), a label row with Orgnummer/Huvudman/Kommun/
 * Skolenhetskod/Skolenhet/Antal i gruppen/Antal/Svarsfrekvens and the response options (merged over
 * their Antal/Andel pair) or the groups Totalt/Flicka/Pojke, and a row saying Index/Medelvärde/Antal/
 * Andel. Then the total for all participating schools (and its gender rows), one row per huvudman,
 * one per school unit. A response sheet gives shares and counts per option; a gender sheet gives index
 * and mean values by gender.
 */
final class SkolenkatenMapper implements Mapper {
    static final Map<String, ObservationStatus> MARKERS = Map.of(
            "-", ObservationStatus.SUPPRESSED, "*", ObservationStatus.SUPPRESSED, "**", ObservationStatus.SUPPRESSED,
            "***", ObservationStatus.SUPPRESSED);
    private static final Pattern KPI_TITLE = Pattern.compile(
            "^(Elever i åk (\\d+)|Gymnasieelever i år (\\d+)):\\s*(.+?)\\s*Andel som (?:har )?svarat (.+?)(?:, \\(%\\))?$");
    private static final List<List<String>> POSITIVE_PAIRS = List.of(
            List.of("helt och hållet", "till stor del"), List.of("alltid", "ofta"),
            List.of("väldigt mycket", "ganska mycket"), List.of("mycket bra", "ganska bra"),
            List.of("mycket lätt", "ganska lätt"), List.of("stämmer helt och hållet", "stämmer ganska bra"));

    /** Which header row holds what, found in the first rows of a sheet. */
    static final class Layout {
        int questionRow = -1, labelRow = -1, kindRow = -1;
        String title = "";
        final Map<String, Integer> fixed = new HashMap<>();
        final List<Integer> valueCols = new ArrayList<>();
        boolean genderSheet;
        final Map<Integer, String> questions = new HashMap<>(); // fill-right question/index text
        final Map<Integer, String> labels = new HashMap<>();    // fill-right response/group label
        final Map<Integer, String> kinds = new HashMap<>();     // Index/Medelvärde/Antal/Andel

        boolean valid() { return labelRow >= 0 && fixed.containsKey("huvudman"); }
    }

    /** Reads the first rows of a sheet into a layout (or an invalid one when it is not a data sheet). */
    static Layout layout(GridSource grid, String sheet) {
        Layout l = new Layout();
        List<GridRow> head = new ArrayList<>();
        grid.read(sheet, r -> {
            head.add(r);
            return head.size() < 12;
        });
        for (GridRow r : head) {
            for (int c = 0; c < r.width(); c++) {
                if (Headers.norm(r.text(c)).equals("huvudman")) { l.labelRow = r.row(); break; }
            }
            if (l.labelRow >= 0) break;
        }
        if (l.labelRow < 0) return l;
        GridRow label = find(head, l.labelRow), q = find(head, l.labelRow - 1), kind = find(head, l.labelRow + 1);
        l.questionRow = l.labelRow - 1;
        l.kindRow = l.labelRow + 1;
        for (GridRow r : head) {
            if (r.row() < l.labelRow && !r.text(0).isBlank()) { l.title = r.text(0); break; }
        }
        int firstValue = -1;
        for (int c = 0; c < label.width(); c++) {
            String n = Headers.norm(label.text(c));
            switch (n) {
                case "orgnummer", "organisationsnummer", "orgnr" -> l.fixed.put("orgnr", c);
                case "huvudman" -> l.fixed.put("huvudman", c);
                case "kommun", "skolkommun", "lägeskommun" -> l.fixed.put("kommun", c);
                case "skolenhetskod" -> l.fixed.put("skolenhetskod", c);
                case "skolenhet", "skola", "skolenhetsnamn" -> l.fixed.put("skolenhet", c);
                case "antaligruppen", "bas" -> l.fixed.put("bas", c);
                case "antal", "antalsvar", "antalsvarande" -> l.fixed.put("svar", c);
                case "svarsfrekvens" -> l.fixed.put("svarsfrekvens", c);
                default -> { }
            }
        }
        int width = Math.max(label.width(), Math.max(q == null ? 0 : q.width(), kind == null ? 0 : kind.width()));
        String curQ = null, curL = null;
        for (int c = 0; c < width; c++) {
            if (l.fixed.containsValue(c)) continue;
            String k = kind == null ? "" : kind.text(c);
            String qt = q == null ? "" : q.text(c);
            String lt = label.text(c);
            if (!qt.isBlank()) curQ = qt;
            if (!lt.isBlank()) curL = lt;
            if (k.isBlank() || curQ == null) continue;
            if (firstValue < 0) firstValue = c;
            l.valueCols.add(c);
            l.questions.put(c, curQ);
            l.labels.put(c, curL == null ? "" : curL);
            l.kinds.put(c, k);
            String ln = Headers.norm(lt);
            if (List.of("flicka", "pojke", "flickor", "pojkar", "kvinna", "man", "kvinnor", "män").contains(ln)) l.genderSheet = true;
        }
        return l;
    }

    private static GridRow find(List<GridRow> rows, int row) {
        for (GridRow r : rows) if (r.row() == row) return r;
        return null;
    }

    @Override
    public boolean map(GridSource grid, Recipe recipe, MapContext ctx, Sink sink) {
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (String s : recipe.sheets() != null ? recipe.sheets() : grid.dataSheets()) {
            // hidden sheets (an old copy, a lookup list) only when no visible sheet has the layout
            if (recipe.sheets() == null && grid.hidden(s) && !layouts.isEmpty()) continue;
            if (!grid.sheets().contains(s)) {
                ctx.problem(Problem.error(ctx.fileName(), s, null, null, "Bladet \"" + s + "\" som receptet anger finns inte i filen."));
                continue;
            }
            Layout l = layout(grid, s);
            if (l.valid() && !l.valueCols.isEmpty()) layouts.put(s, l);
        }
        if (layouts.isEmpty()) {
            ctx.problem(Problem.error(ctx.fileName(), grid.sheets().isEmpty() ? null : grid.sheets().get(0), null, null,
                    "Hittar inget blad med Skolenkätens uppställning (raden med Huvudman, Skolenhetskod och svarsalternativ)."));
            return true;
        }
        boolean hasGenderSheet = layouts.values().stream().anyMatch(x -> x.genderSheet);
        Map<String, ObservationStatus> markers = markers(recipe);
        for (var e : layouts.entrySet()) {
            Layout l = e.getValue();
            String titleSource = l.title + " " + ctx.fileName();
            String grade = recipe.grade() != null ? recipe.grade() : Headers.gradeIn(titleSource);
            String periodText = recipe.periodValue() != null ? recipe.periodValue() : Headers.periodIn(titleSource);
            Cell titleCell = new Cell(e.getKey(), 0, 0, l.title, null, null);
            if (grade == null) {
                ctx.error(titleCell, "Kan inte läsa årskurs/respondentgrupp ur rubriken \"" + l.title
                        + "\". Ange den i receptet (grade).");
                continue;
            }
            if (periodText == null) {
                ctx.error(titleCell, "Kan inte läsa året ur rubriken \"" + l.title + "\". Ange det i receptet (periodValue).");
                continue;
            }
            Sheet sheet = new Sheet(e.getKey(), l, grade, Period.parse(periodText), markers, ctx, recipe, hasGenderSheet);
            boolean[] stopped = {false};
            grid.read(e.getKey(), r -> {
                if (r.row() <= l.kindRow || r.isBlank()) return true;
                if (!sheet.row(r, sink)) { stopped[0] = true; return false; }
                return true;
            });
            if (stopped[0]) return false;
        }
        return true;
    }

    static Map<String, ObservationStatus> markers(Recipe recipe) {
        Map<String, ObservationStatus> m = new HashMap<>(MARKERS);
        if (recipe.markers() != null) recipe.markers().forEach((k, v) -> m.put(k, ObservationStatus.fromCode(v)));
        return m;
    }

    /** Mapping of one sheet. */
    private static final class Sheet {
        final String name;
        final Layout l;
        final String grade, gcode;
        final Period period;
        final Map<String, ObservationStatus> markers;
        final MapContext ctx;
        final Recipe recipe;
        final boolean fileHasGenderSheet;
        /** question → ordered response columns (share col, count col) */
        final Map<String, List<int[]>> responses = new LinkedHashMap<>();
        final Map<String, String> kpiByQuestion = new HashMap<>();
        final Map<String, List<String>> positiveByQuestion = new HashMap<>();
        final Map<Integer, IndicatorSpec> specs = new HashMap<>();
        final Map<String, IndicatorSpec> positiveSpecs = new HashMap<>();
        /** Per-response share column → its count column (-1 when none); per-response count columns. */
        final Map<Integer, Integer> countOfShare = new HashMap<>();
        final java.util.Set<Integer> responseCounts = new java.util.HashSet<>(), pairedCounts = new java.util.HashSet<>();

        Sheet(String name, Layout l, String grade, Period period, Map<String, ObservationStatus> markers, MapContext ctx,
              Recipe recipe, boolean fileHasGenderSheet) {
            this.name = name;
            this.l = l;
            this.grade = grade;
            this.gcode = Headers.gradeCode(grade);
            this.period = period;
            this.markers = markers;
            this.ctx = ctx;
            this.recipe = recipe;
            this.fileHasGenderSheet = fileHasGenderSheet;
            prepare();
        }

        private String base() { return "SKOLENK-" + gcode + "-"; }

        private void prepare() {
            Map<String, int[]> pairByLabel = new LinkedHashMap<>();
            for (int c : l.valueCols) {
                String q = l.questions.get(c), lab = l.labels.get(c), k = Headers.norm(l.kinds.get(c));
                boolean index = startsWithDigit(q);
                String qClean = cleanQuestion(q);
                if (k.equals("index")) {
                    String id = base() + "INDEX-" + Headers.slug(qClean, 40);
                    specs.put(c, new IndicatorSpec(id, "Skolenkäten " + grade + ": index " + qClean, Unit.INDEX, grade,
                            "Indexvärde 0–10", SurveyTitles.cut(qClean, SurveyTitles.MAX) + " (index), " + grade,
                            curation(id, qClean, "Index", indexSuggestion(qClean))));
                } else if (k.equals("medelvärde")) {
                    String id = base() + Headers.slug(qClean, 48) + "-MEDEL";
                    specs.put(c, new IndicatorSpec(id, "Skolenkäten " + grade + ": " + qClean + " Medelvärde", Unit.INDEX,
                            grade, "Medelvärde 0–10", SurveyTitles.shortTitle(qClean, "medelvärde", grade),
                            curation(id, qClean, "Medelvärde", indexSuggestion(qClean))));
                } else if (!index && (k.equals("andel") || k.equals("antal"))) {
                    boolean share = k.equals("andel");
                    String id = base() + Headers.slug(qClean, 44) + "-" + Headers.slug(lab, 24) + (share ? "-ANDEL" : "-ANTAL");
                    String measure = (share ? "Andel" : "Antal") + " \"" + lab + "\"";
                    specs.put(c, new IndicatorSpec(id, "Skolenkäten " + grade + ": " + qClean + " " + measure,
                            share ? Unit.PERCENT : Unit.COUNT, grade, null, SurveyTitles.shortTitle(qClean, measure, grade),
                            curation(id, qClean, measure, share ? areaSuggestion(qClean, null) : null)));
                    int[] pair = pairByLabel.computeIfAbsent(qClean + "\u0000" + lab, x -> {
                        int[] p = {-1, -1};
                        responses.computeIfAbsent(qClean, y -> new ArrayList<>()).add(p);
                        return p;
                    });
                    if (share) pair[0] = c; else pair[1] = c;
                }
            }
            for (List<int[]> ps : responses.values()) {
                for (int[] p : ps) {
                    if (p[0] >= 0) countOfShare.put(p[0], p[1]);
                    if (p[0] >= 0 && p[1] >= 0) pairedCounts.add(p[1]);
                    if (p[1] >= 0) responseCounts.add(p[1]);
                }
            }
            for (String q : responses.keySet()) {
                List<String> labels = new ArrayList<>();
                for (int[] p : responses.get(q)) labels.add(l.labels.get(p[0] >= 0 ? p[0] : p[1]));
                KpiMatch m = kpiFor(q);
                if (m != null) {
                    kpiByQuestion.put(q, m.id);
                    positiveByQuestion.put(q, m.positive);
                } else {
                    for (List<String> pair : POSITIVE_PAIRS) {
                        if (labels.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList().containsAll(pair)) {
                            positiveByQuestion.put(q, pair);
                            break;
                        }
                    }
                }
            }
        }

        record KpiMatch(String id, List<String> positive) { }

        /** The Kolada KPI publishing this question for this grade, from the recipe or the local Kolada catalogue. */
        private KpiMatch kpiFor(String question) {
            String nq = Headers.norm(question);
            if (recipe.kpiLinks() != null) {
                for (var e : recipe.kpiLinks().entrySet()) {
                    if (Headers.norm(e.getKey()).equals(nq)) {
                        KpiInfo k = ctx.kpis().get(e.getValue()).orElse(null);
                        List<String> pos = k == null ? List.of("helt och hållet", "till stor del") : positives(k.title());
                        return new KpiMatch(e.getValue(), pos);
                    }
                }
            }
            return kpiIndex(ctx).get(grade + "|" + nq);
        }

        static List<String> positives(String title) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(title.substring(Math.max(0, title.indexOf("Andel som"))));
            while (m.find()) out.add(m.group(1).toLowerCase(Locale.ROOT));
            return out;
        }

        boolean row(GridRow r, Sink sink) {
            String hm = text(r, "huvudman"), unitCode = text(r, "skolenhetskod"), unitName = text(r, "skolenhet");
            String kommun = text(r, "kommun"), orgnr = text(r, "orgnr");
            AreaRef area;
            String groupLabel = null;
            boolean kpiRow;
            String nh = hm.toLowerCase(Locale.ROOT);
            if (nh.startsWith("samtliga")) {
                int dash = hm.indexOf(" - ");
                if (dash > 0) groupLabel = hm.substring(dash + 3).strip();
                area = AreaRef.of(null, "Samtliga deltagande skolor");
                kpiRow = true;
            } else if (!unitCode.isBlank()) {
                area = AreaRef.sub(unitCode, unitName.isBlank() ? unitCode : unitName, kommun);
                kpiRow = false;
            } else if (!hm.isBlank()) {
                boolean municipal = orgnr.replaceAll("\\D", "").startsWith("212")
                        || nh.endsWith(" kommun") || nh.startsWith("region ")
                        || orgnr.isBlank() && AreaRef.isMunicipalityName(hm); // files without an Orgnummer column
                if (municipal) {
                    area = AreaRef.of(null, nh.startsWith("region ") ? hm.substring(7).strip() : hm);
                    kpiRow = true;
                } else {
                    String code = orgnr.isBlank() ? null : "HM" + orgnr.replaceAll("\\D", "");
                    area = AreaRef.sub(code, hm, null);
                    kpiRow = false;
                }
            } else {
                ctx.warning(r.cell(0), "Raden saknar huvudman och skolenhet och hoppades över.");
                return true;
            }
            Group local = localGroup(groupLabel);
            Integer n = intOf(r, l.fixed.get("svar"));
            // Base columns
            if (!l.genderSheet) {
                if (!base(r, sink, area, local, "bas", "ANTAL-I-GRUPPEN", "Antal i gruppen (bas)", Unit.COUNT)) return false;
                if (!base(r, sink, area, local, "svar", "ANTAL-SVAR", "Antal svar", Unit.COUNT)) return false;
                if (!base(r, sink, area, local, "svarsfrekvens", "SVARSFREKVENS", "Svarsfrekvens", Unit.PERCENT)) return false;
            }
            boolean allResponses = Boolean.TRUE.equals(recipe.responses());
            for (int c : l.valueCols) {
                IndicatorSpec spec = specs.get(c);
                if (spec == null) continue;
                // per response option: only when asked, and then the count is the share's n, not an indicator of its own
                if (responseCounts.contains(c) && (!allResponses || pairedCounts.contains(c))) continue;
                if (countOfShare.containsKey(c) && !allResponses) continue;
                Group g = local;
                if (l.genderSheet) {
                    g = localGroup(l.labels.get(c));
                } else if (fileHasGenderSheet && spec.unit() == Unit.INDEX
                        && (g.isTotal() || g.equals(Group.FLICKOR) || g.equals(Group.POJKAR))) {
                    continue; // index and mean values by gender come from the gender sheet
                }
                Cell cell = r.cell(c);
                Values.Parsed p = Values.parse(cell, markers);
                if (p == null) {
                    ctx.error(cell, "\"" + cell.text() + "\" är varken ett tal eller en känd markering.");
                    continue;
                }
                Double v = p.ok() ? (spec.unit() == Unit.PERCENT ? Values.toPercent(p.value(), fractions(p)).doubleValue()
                        : p.value().doubleValue()) : null;
                Integer nn = n;
                String marker = p.marker();
                Integer countCol = countOfShare.get(c);
                if (countCol != null && countCol >= 0) {
                    Values.Parsed count = Values.parse(r.cell(countCol), markers);
                    nn = count != null && count.ok() ? Integer.valueOf(count.value().intValue()) : null;
                    // a masked share: the count's marker (*, **, ***) says more than the share's "-"
                    if (!p.ok() && count != null && !count.ok() && count.marker() != null) marker = count.marker();
                }
                if (!sink.accept(new Planned(spec, area, period, g, v, nn, p.status(), marker, name, r.row(), c))) return false;
            }
            // Positive shares: local indicator, and the Kolada KPI where one exists
            if (!l.genderSheet) {
                for (var q : positiveByQuestion.entrySet()) {
                    List<int[]> parts = new ArrayList<>();
                    for (int[] p : responses.get(q.getKey())) {
                        String lab = l.labels.get(p[0] >= 0 ? p[0] : p[1]).toLowerCase(Locale.ROOT);
                        if (q.getValue().contains(lab)) parts.add(p);
                    }
                    if (parts.size() != q.getValue().size() || parts.stream().anyMatch(p -> p[0] < 0)) continue;
                    BigDecimal sum = BigDecimal.ZERO;
                    boolean percentSigns = false;
                    ObservationStatus status = ObservationStatus.OK;
                    String marker = null;
                    for (int[] p : parts) {
                        Values.Parsed share = Values.parse(r.cell(p[0]), markers);
                        Values.Parsed count = p[1] >= 0 ? Values.parse(r.cell(p[1]), markers) : null;
                        if (share == null || !share.ok()) {
                            // a masked part: the count's marker (*, **, ***) says more than the share's "-"
                            ObservationStatus s = share == null ? ObservationStatus.MISSING : share.status();
                            String mk = count != null && !count.ok() && count.marker() != null ? count.marker()
                                    : share == null ? null : share.marker();
                            if (status == ObservationStatus.OK || s == ObservationStatus.SUPPRESSED) {
                                status = s;
                                marker = mk;
                            }
                        } else {
                            sum = sum.add(share.value());
                            percentSigns |= share.percentSign();
                        }
                    }
                    Double v = status == ObservationStatus.OK ? Values.toPercent(sum, !percentSigns && fractionsByRecipe()).doubleValue() : null;
                    String qText = q.getKey();
                    String posLabel = String.join("\" + \"", q.getValue());
                    String kpi = kpiByQuestion.get(qText);
                    // one spec per question, not one per row (the id's slug is a few regexes)
                    IndicatorSpec posSpec = positiveSpecs.computeIfAbsent(qText, t -> {
                        String x = base() + Headers.slug(t, 44) + "-POSITIV";
                        return new IndicatorSpec(x, "Skolenkäten " + grade + ": " + t + " Andel \"" + posLabel + "\"", Unit.PERCENT,
                                grade, null, SurveyTitles.shortTitle(t, null, grade),
                                curation(x, t, "Andel positiva svar (\"" + posLabel + "\")", positiveSuggestion(t, kpi)));
                    });
                    int col = parts.get(0)[0];
                    if (!sink.accept(new Planned(posSpec, area, period, localGroupFor(groupLabel), v, n, status, marker, name, r.row(), col))) return false;
                    if (kpi != null && kpiRow) {
                        IndicatorSpec ks = new IndicatorSpec(kpi, qText, Unit.PERCENT, grade, null);
                        if (!sink.accept(new Planned(ks, area, period, koladaGroup(groupLabel), v, n, status, marker, name, r.row(), col))) return false;
                    }
                }
            }
            return true;
        }


        private Group localGroupFor(String label) { return localGroup(label); }

        private String survey() { return "Skolenkäten " + grade; }

        private IndicatorCuration curation(String id, String question, String measure, IndicatorCuration.Suggestion s) {
            return new IndicatorCuration(id, survey(), question, measure, s);
        }

        /** Skolinspektionen's index and mean values are high when the answers are positive, also for "rädd för". */
        private IndicatorCuration.Suggestion indexSuggestion(String question) {
            return areaSuggestion(question, Direction.HIGHER_IS_BETTER);
        }

        private IndicatorCuration.Suggestion areaSuggestion(String question, Direction d) {
            return new IndicatorCuration.Suggestion(d, IndicatorSuggestions.schoolArea(question), null,
                    IndicatorSuggestions.schoolMalomraden(question), "frågans text");
        }

        /** The KPI answering the same question gives its direction, area and goal; else the question's words do. */
        private IndicatorCuration.Suggestion positiveSuggestion(String question, String kpi) {
            return IndicatorSuggestions.fromCatalogue(kpi)
                    .orElseGet(() -> areaSuggestion(question, IndicatorSuggestions.direction(question)));
        }

        /** Skolenkäten gives shares as 0–1; a share someone re-typed as "41,7 %" is already percent. */
        private boolean fractions(Values.Parsed p) {
            return !p.percentSign() && fractionsByRecipe();
        }

        private boolean fractionsByRecipe() {
            return !"percent".equalsIgnoreCase(recipe.shares());
        }

        private boolean base(GridRow r, Sink sink, AreaRef area, Group g, String key, String idPart, String title, Unit unit) {
            Integer c = l.fixed.get(key);
            if (c == null) return true;
            Cell cell = r.cell(c);
            Values.Parsed p = Values.parse(cell, markers);
            if (p == null) {
                ctx.error(cell, "\"" + cell.text() + "\" är varken ett tal eller en känd markering.");
                return true;
            }
            if (!p.ok() && p.marker() == null) return true; // no base figure for this row
            IndicatorSpec spec = new IndicatorSpec(base() + idPart, "Skolenkäten " + grade + ": " + title, unit, grade, null,
                    title + ", " + grade, new IndicatorCuration(base() + idPart, survey(), null, title, null));
            Double v = p.ok() ? (unit == Unit.PERCENT ? Values.toPercent(p.value(), !p.percentSign()).doubleValue() : p.value().doubleValue()) : null;
            return sink.accept(new Planned(spec, area, period, g, v, null, p.status(), p.marker(), name, r.row(), c));
        }

        private String text(GridRow r, String key) {
            Integer c = l.fixed.get(key);
            return c == null ? "" : r.text(c);
        }

        private static Integer intOf(GridRow r, Integer c) {
            if (c == null) return null;
            Values.Parsed p = Values.parse(r.cell(c), Map.of());
            if (p == null || !p.ok()) return null;
            try {
                return p.value().intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
    }

    private record KpiIndex(se.halsolage.catalog.KpiCatalog catalog, Map<String, Sheet.KpiMatch> index) { }

    private static volatile KpiIndex kpiIndex;

    /**
     * grade + "|" + normalised question → KPI, from titles like "Elever i åk 8: Känner du dig trygg i skolan? Andel
     * som svarat …" in the local Kolada catalogue (built again when the catalogue is updated).
     */
    static Map<String, Sheet.KpiMatch> kpiIndex(MapContext ctx) {
        se.halsolage.catalog.KpiCatalog catalog = ctx.kpis();
        KpiIndex cached = kpiIndex;
        if (cached != null && cached.catalog() == catalog) return cached.index();
        Map<String, Sheet.KpiMatch> idx = new HashMap<>();
        for (KpiInfo k : catalog.search("svarat", 100_000)) {
            Matcher m = KPI_TITLE.matcher(k.title().strip());
            if (!m.matches()) continue;
            String kGrade = m.group(2) != null ? "åk " + m.group(2) : "gy " + m.group(3);
            idx.putIfAbsent(kGrade + "|" + Headers.norm(m.group(4)), new Sheet.KpiMatch(k.id(), Sheet.positives(k.title())));
        }
        kpiIndex = new KpiIndex(catalog, idx);
        return idx;
    }

    static boolean startsWithDigit(String s) {
        return s != null && !s.isEmpty() && Character.isDigit(s.charAt(0));
    }

    /** "9. Trygghet" → "Trygghet"; "Hur ofta …? (-)" → "Hur ofta …?". */
    static String cleanQuestion(String q) {
        return q.replaceFirst("^\\d+\\.\\s*", "").replaceFirst("\\s*\\(-\\)\\s*$", "").replaceAll("\\s+", " ").strip();
    }

    /** Pupils: Kvinna/Flicka → Flickor, Man/Pojke → Pojkar; other labels as the file has them. */
    static Group localGroup(String label) {
        if (label == null || label.isBlank()) return Group.TOTALT;
        String n = Headers.norm(label);
        return switch (n) {
            case "totalt", "samtliga", "alla" -> Group.TOTALT;
            case "kvinna", "kvinnor", "flicka", "flickor", "tjej", "tjejer" -> Group.FLICKOR;
            case "man", "män", "pojke", "pojkar", "kille", "killar" -> Group.POJKAR;
            default -> new Group(label.strip());
        };
    }

    /** The same, as Kolada labels gender for its KPIs (Kvinnor/Män). */
    static Group koladaGroup(String label) {
        Group g = localGroup(label);
        if (g.equals(Group.FLICKOR)) return Group.KVINNOR;
        if (g.equals(Group.POJKAR)) return Group.MAN;
        return g;
    }
}
