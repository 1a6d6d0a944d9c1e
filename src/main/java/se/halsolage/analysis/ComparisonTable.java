package se.halsolage.analysis;

import se.halsolage.domain.Area;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.Period;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Areas × periods for one indicator (group Totalt): the own municipality, the county, riket, then the members of
 * a comparison set by name. A cell is the value, or the source's marker (".." sekretess, "–" saknas, "." ej
 * tillämpligt) when the row has none, or empty when there is no row.
 */
public record ComparisonTable(Indicator indicator, ComparisonSet set, List<String> periods, List<Row> rows) {

    public record Row(String areaId, String name, Map<String, Observation> byPeriod) {
    }

    /** {@code periods} null or empty: every period some row has, oldest first. */
    public static ComparisonTable of(Workbook wb, Indicator ind, ComparisonSet set, Collection<String> periods) {
        var plan = wb.settings().plan();
        AnalysisService names = new AnalysisService(wb);
        Map<String, List<Observation>> byArea = new HashMap<>();
        for (Observation o : wb.observations().seriesForAllAreas(ind.id(), Group.TOTALT)) {
            byArea.computeIfAbsent(o.areaId(), k -> new ArrayList<>()).add(o);
        }
        Set<String> areas = new LinkedHashSet<>();
        if (plan.municipalityId() != null) areas.add(plan.municipalityId());
        if (plan.countyId() != null && byArea.containsKey(plan.countyId())) areas.add(plan.countyId());
        if (byArea.containsKey(Area.RIKET_ID)) areas.add(Area.RIKET_ID);
        List<String> members = new ArrayList<>(set.members());
        java.text.Collator sv = java.text.Collator.getInstance(new java.util.Locale("sv", "SE"));
        members.sort((a, b) -> sv.compare(names.areaName(a), names.areaName(b)));
        areas.addAll(members);
        TreeMap<Period, String> allPeriods = new TreeMap<>();
        for (String a : areas) for (Observation o : byArea.getOrDefault(a, List.of())) allPeriods.put(o.period(), o.period().label());
        List<String> cols = new ArrayList<>();
        if (periods == null || periods.isEmpty()) cols.addAll(allPeriods.values());
        else {
            List<String> unknown = new ArrayList<>();
            for (String p : periods) {
                if (allPeriods.containsValue(p.strip())) cols.add(p.strip());
                else unknown.add(p.strip());
            }
            if (!unknown.isEmpty()) {
                throw new UserError("Perioden " + String.join(", ", unknown) + " finns inte för " + ind.id() + ". Det finns: "
                        + String.join(", ", allPeriods.values()) + ".");
            }
        }
        if (cols.isEmpty()) throw new UserError("Det finns inga värden för " + ind.id() + " (" + ind.displayTitle() + ") att ställa upp i en tabell.");
        List<Row> rows = new ArrayList<>();
        for (String a : areas) {
            Map<String, Observation> cells = new HashMap<>();
            for (Observation o : byArea.getOrDefault(a, List.of())) cells.put(o.period().label(), o);
            rows.add(new Row(a, Area.RIKET_ID.equals(a) ? "Riket" : names.areaName(a), cells));
        }
        return new ComparisonTable(ind, set, List.copyOf(cols), List.copyOf(rows));
    }

    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("Kod");
        h.add("Område");
        h.addAll(periods);
        return h;
    }

    /** Rows for {@code export.TableExport}: numbers as numbers, markers as text, empty as null. */
    public List<List<Object>> cells() {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(r.areaId());
            row.add(r.name());
            for (String p : periods) {
                Observation o = r.byPeriod().get(p);
                if (o == null) row.add(null);
                else if (o.hasValue()) row.add(BigDecimal.valueOf(o.value()));
                else row.add(o.marker() != null && !o.marker().isBlank() ? o.marker() : o.status().defaultMarker());
            }
            out.add(row);
        }
        return out;
    }

    /**
     * Tab-separated text that Excel (Swedish) pastes into cells: header row, then one row per area, decimal comma,
     * no thousands separator (Excel would read "1 234" as text), markers as written, CRLF line ends.
     */
    public String tsv() {
        StringBuilder s = new StringBuilder();
        s.append(String.join("\t", header())).append("\r\n");
        for (List<Object> row : cells()) {
            List<String> parts = new ArrayList<>();
            for (Object v : row) {
                if (v == null) parts.add("");
                else if (v instanceof BigDecimal b) parts.add(b.stripTrailingZeros().toPlainString().replace('.', ','));
                else parts.add(v.toString().replace('\t', ' ').replace('\n', ' ').replace("\r", ""));
            }
            s.append(String.join("\t", parts)).append("\r\n");
        }
        return s.toString();
    }
}
