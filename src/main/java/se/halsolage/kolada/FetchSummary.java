package se.halsolage.kolada;

import se.halsolage.format.SwedishNumbers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * What a fetch did: how many requests and pages, how many values were new, revised or unchanged,
 * which periods are new, which values Kolada revised, and what Kolada had nothing for.
 *
 * @param newPeriods per indicator, periods that an already stored series did not have before
 * @param withoutValueByMarker values without a number by their marker (".." sekretess, "–" saknas, "." ej tillämpligt,
 *                             or an unknown status's own text)
 * @param kpisWithoutData KPIs Kolada returned no rows for (e.g. removed from Kolada), with the number of
 *                        values the workbook keeps for them
 */
public record FetchSummary(
        Instant fetchedAt,
        int requests,
        int pages,
        int rows,
        int added,
        int updated,
        int unchanged,
        int notOk,
        int deletedSkipped,
        List<Revision> revisions,
        Map<String, SortedSet<String>> newPeriods,
        Map<String, Long> kpisWithoutData,
        List<String> areasWithoutData,
        List<String> indicatorsAdded,
        List<String> groupsStored,
        List<String> warnings,
        Map<String, Integer> withoutValueByMarker) {

    /** A value Kolada changed since the last fetch. */
    public record Revision(String indicatorId, String areaId, String period, String group, String before, String after) {
    }

    public static final String ATTRIBUTION = "Källa: Kolada";

    public int total() {
        return added + updated + unchanged;
    }

    /** A short Swedish report for the CLI and the desktop's summary dialog. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(fetchedAt);
        sb.append("Hämtat från Kolada ").append(when).append(" (").append(ATTRIBUTION).append(")\n");
        sb.append(updated).append(updated == 1 ? " värde reviderat, " : " värden reviderade, ").append(added).append(" nya")
                .append(notOk > 0 ? " (" + notOk + " utan tal, med markering)" : "").append('\n');
        sb.append("Anrop: ").append(requests).append(" (").append(pages).append(pages == 1 ? " sida" : " sidor")
                .append("), rader: ").append(rows).append(", värden: ").append(total()).append('\n');
        sb.append("Nya värden: ").append(added).append('\n');
        sb.append("Reviderade värden: ").append(updated).append('\n');
        sb.append("Oförändrade värden: ").append(unchanged).append('\n');
        if (notOk > 0) {
            sb.append("Utan värde (sparade med markering: .. sekretess, – saknas, . ej tillämpligt): ").append(notOk);
            if (withoutValueByMarker != null && !withoutValueByMarker.isEmpty()) {
                java.util.List<String> parts = new java.util.ArrayList<>();
                java.util.Map<String, Integer> rest = new java.util.TreeMap<>(withoutValueByMarker);
                for (String[] m : new String[][]{{"..", "sekretess"}, {"\u2013", "saknas"}, {".", "ej tillämpligt"}}) {
                    Integer n = rest.remove(m[0]);
                    if (n != null) parts.add(n + " " + m[1] + " (" + m[0] + ")");
                }
                rest.forEach((marker, n) -> parts.add(n + " med okänd status (" + marker + ")"));
                sb.append(": ").append(String.join(", ", parts));
            }
            sb.append('\n');
        }
        if (deletedSkipped > 0) sb.append("Borttagna i Kolada (hoppades över): ").append(deletedSkipped).append('\n');
        if (!newPeriods.isEmpty()) {
            sb.append("Nya perioder: ").append(newPeriods.entrySet().stream()
                    .map(e -> e.getKey() + " " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")))
                    .append('\n');
        }
        int shown = 0;
        for (Revision r : revisions) {
            if (shown++ == 20) {
                sb.append("  … och ").append(revisions.size() - 20).append(" till\n");
                break;
            }
            sb.append("  ").append(r.indicatorId()).append(' ').append(r.areaId()).append(' ').append(r.period())
                    .append(' ').append(r.group()).append(": ").append(r.before()).append(" \u2192 ").append(r.after())
                    .append('\n');
        }
        for (Map.Entry<String, Long> e : kpisWithoutData.entrySet()) {
            sb.append("Inga värden från Kolada för ").append(e.getKey())
                    .append(" (nyckeltalet kan ha tagits bort ur Kolada eller saknar data för valda områden och år)");
            if (e.getValue() > 0) sb.append("; ").append(e.getValue()).append(" tidigare hämtade värden finns kvar i arbetsboken");
            sb.append('\n');
        }
        if (!areasWithoutData.isEmpty()) {
            sb.append("Inga värden för områdena: ").append(String.join(", ", areasWithoutData)).append('\n');
        }
        if (!indicatorsAdded.isEmpty()) {
            sb.append("Nya nyckeltal i arbetsboken: ").append(String.join(", ", indicatorsAdded)).append('\n');
        }
        for (String g : groupsStored) sb.append("Jämförelsegrupp: ").append(g).append('\n');
        for (String w : warnings) sb.append("Obs: ").append(w).append('\n');
        return sb.toString().stripTrailing();
    }

    static String show(Double value, String status, String marker) {
        if (value != null) return SwedishNumbers.plain(value);
        return (marker == null || marker.isBlank() ? "" : marker + " ") + "(" + status + ")";
    }
}
