package se.halsolage.importer;

import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mapping to observations, the area step: the area a planned value names (code, name with or without "kommun",
 * "Region X", a school unit under its municipality) becomes a workbook area id, sub-areas are created when writing,
 * and names that match nothing are counted per sheet for the summary. Moved out of {@link ImportSession}, which
 * only runs the flow.
 */
/** Resolves area references (and creates sub-areas when writing), collecting unmatched names. */
final class AreaResolver {
    final Workbook wb;
    final Path file;
    final boolean write;
    final Map<AreaRef, String> cache = new HashMap<>();
    final Map<String, Optional<Area>> parents = new HashMap<>();
    private java.util.function.Function<String, Optional<Area>> byName;

    /** Name look-ups over the areas read once (municipality names of a school survey: hundreds of calls). */
    java.util.function.Function<String, Optional<Area>> byName() {
        if (byName == null) byName = wb.areas().snapshotResolver();
        return byName;
    }
    final Map<String, Integer> unmatchedCount = new LinkedHashMap<>();
    final Map<String, Planned> unmatchedFirst = new HashMap<>();
    final Set<String> created = new HashSet<>();
    final List<Problem> extra = new ArrayList<>();

    AreaResolver(Workbook wb, Path file, boolean write) {
        this.wb = wb;
        this.file = file;
        this.write = write;
    }

    boolean isNew(String id) { return created.contains(id); }

    /** The area id, or null when the file's name/code matches nothing (then remembered as a warning). */
    String areaId(Planned p) {
        AreaRef ref = p.area();
        String id = cache.computeIfAbsent(ref, this::resolve);
        if (id.isEmpty()) {
            String key = ref.label();
            unmatchedCount.merge(key, 1, Integer::sum);
            unmatchedFirst.putIfAbsent(key, p);
            return null;
        }
        return id;
    }

    private String resolve(AreaRef ref) {
        if (!ref.subarea()) {
            Optional<Area> a = ref.code() != null ? wb.areas().resolve(ref.code()) : Optional.empty();
            if (a.isEmpty() && ref.name() != null) a = byName().apply(ref.name());
            if (a.isEmpty() && ref.name() != null) a = genitive(ref.name());
            return a.map(Area::id).orElse("");
        }
        String parentId = null;
        if (ref.parent() != null) {
            // one look-up per municipality name, not per school unit (a name look-up reads every area)
            Optional<Area> parent = parents.computeIfAbsent(ref.parent(), name -> {
                Optional<Area> a = byName().apply(name);
                return a.isPresent() ? a : genitive(name);
            });
            if (parent.isPresent() && parent.get().kind() == AreaKind.MUNICIPALITY) {
                parentId = parent.get().id();
            } else {
                extra.add(Problem.warning(file.getFileName().toString(), null, null, null, "Kommunen \"" + ref.parent()
                        + "\" för " + ref.label() + " finns inte i katalogen; delområdet sparas utan kommun."));
            }
        }
        String id = ref.code() != null ? ref.code() : "SUB-" + (parentId == null ? "" : parentId + "-") + Headers.slug(ref.name(), 40);
        Optional<Area> existing = wb.areas().get(id);
        if (existing.isPresent() && existing.get().kind() != AreaKind.SUBAREA) return id;
        Area area = new Area(id, ref.name() == null ? id : ref.name(), AreaKind.SUBAREA, parentId,
                parentId == null ? null : wb.areas().get(parentId).map(Area::countyCode).orElse(null));
        if (existing.isEmpty() || !existing.get().equals(area)) {
            if (existing.isEmpty()) created.add(id);
            if (write) wb.areas().save(area);
        }
        return id;
    }

    /**
     * Names written in genitive or shortened form ("Falu kommun" for Falun, "Grum" for Grums): tried
     * with a final "n" or "s" added, accepted only when that gives exactly one municipality, and
     * reported as a warning so the user sees the interpretation.
     */
    private Optional<Area> genitive(String name) {
        String base = name.strip().replaceFirst("(?i)\\s+kommun$", "");
        for (String variant : List.of(base + "n", base + "s")) {
            Optional<Area> a = byName().apply(variant);
            if (a.isPresent() && a.get().kind() == AreaKind.MUNICIPALITY) {
                extra.add(Problem.warning(file.getFileName().toString(), null, null, null, "\"" + name
                        + "\" tolkades som " + a.get().name() + " (" + a.get().id() + ")."));
                return a;
            }
        }
        return Optional.empty();
    }

    List<Problem> warnings() {
        List<Problem> out = new ArrayList<>(extra);
        for (var e : unmatchedCount.entrySet()) {
            Planned p = unmatchedFirst.get(e.getKey());
            out.add(Problem.warning(file.getFileName().toString(), p.sheet(), p.row() + 1, Cell.columnName(p.col()),
                    "Hittar inget område som heter eller har koden \"" + e.getKey() + "\"; " + e.getValue()
                            + " värden hoppades över."));
        }
        return out;
    }

    int skippedIn(String sheet) {
        int n = 0;
        for (var e : unmatchedCount.entrySet()) if (unmatchedFirst.get(e.getKey()).sheet().equals(sheet)) n += e.getValue();
        return n;
    }

    int skipped() {
        return unmatchedCount.values().stream().mapToInt(Integer::intValue).sum();
    }
}
