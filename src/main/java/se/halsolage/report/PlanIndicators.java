package se.halsolage.report;

import se.halsolage.domain.Indicator;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.Target;
import se.halsolage.domain.Unit;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan's indicator set, kept in the workbook. By default: the Strategi för hälsa set (every
 * indicator with an SfH area, i.e. the bundled catalogue and what the user mapped to it) plus every
 * indicator linked to an initiative or a target; counts (unit "antal", e.g. number of respondents)
 * never by default. On top of that the user adds and removes indicators, or replaces the set by an
 * explicit list ({@link se.halsolage.workbook.PlanIndicatorRepository}).
 */
public final class PlanIndicators {
    /** Why an indicator is in the plan or not. */
    public enum Reason {
        SFH(true, "ingår i Strategi för hälsa"),
        INITIATIVE(true, "följs upp av en insats"),
        TARGET(true, "har ett mål"),
        ADDED(true, "tillagt för planen"),
        LISTED(true, "med i den valda listan"),
        COUNT(false, "antal (till exempel antal svarande), inte ett nyckeltal för planen"),
        OTHER(false, "ingår inte i Strategi för hälsa och följs inte upp av någon insats eller något mål"),
        REMOVED(false, "borttaget ur planen"),
        NOT_LISTED(false, "inte med i den valda listan");

        private final boolean included;
        private final String words;

        Reason(boolean included, String words) {
            this.included = included;
            this.words = words;
        }

        public boolean included() { return included; }

        /** Swedish words for the reason, lower case. */
        public String words() { return words; }
    }

    /** One indicator of the workbook and whether the plan shows it. */
    public record Choice(Indicator indicator, Reason reason, boolean byDefault) {
        public boolean included() { return reason.included(); }
    }

    private PlanIndicators() {
    }

    /** Every indicator of the workbook, in catalogue order, with the plan's choice and its reason. */
    public static List<Choice> of(Workbook wb) {
        Set<String> initiatives = new HashSet<>();
        for (Initiative i : wb.initiatives().all()) initiatives.addAll(i.indicatorIds());
        Set<String> targets = new HashSet<>();
        for (Target t : wb.targets().all()) targets.add(t.indicatorId());
        Map<String, Boolean> choices = wb.planIndicators().choices();
        boolean explicit = wb.planIndicators().explicit();
        List<Choice> out = new ArrayList<>();
        for (Indicator ind : wb.indicators().all()) {
            Reason def = defaultReason(ind, initiatives, targets);
            Boolean chosen = choices.get(ind.id());
            Reason r;
            if (explicit) r = Boolean.TRUE.equals(chosen) ? Reason.LISTED : Reason.NOT_LISTED;
            else if (chosen == null) r = def;
            else if (chosen) r = def.included() ? def : Reason.ADDED;
            else r = Reason.REMOVED;
            out.add(new Choice(ind, r, def.included()));
        }
        return out;
    }

    static Reason defaultReason(Indicator ind, Set<String> initiatives, Set<String> targets) {
        if (ind.unit() == Unit.COUNT) return Reason.COUNT;
        if (ind.sfhArea() != null) return Reason.SFH;
        if (initiatives.contains(ind.id())) return Reason.INITIATIVE;
        if (targets.contains(ind.id())) return Reason.TARGET;
        return Reason.OTHER;
    }

    /** The ids in the plan, in catalogue order. */
    public static Set<String> includedIds(Workbook wb) {
        Set<String> out = new LinkedHashSet<>();
        for (Choice c : of(wb)) if (c.included()) out.add(c.indicator().id());
        return out;
    }

    /** Adds indicators to the plan (one transaction; unknown ids are refused before anything changes). */
    public static void add(Workbook wb, Collection<String> ids) {
        List<String> resolved = resolve(wb, ids);
        wb.inTransaction(w -> {
            for (String id : resolved) w.planIndicators().set(id, true);
        });
    }

    /** Removes indicators from the plan (one transaction; unknown ids are refused before anything changes). */
    public static void remove(Workbook wb, Collection<String> ids) {
        List<String> resolved = resolve(wb, ids);
        wb.inTransaction(w -> {
            for (String id : resolved) w.planIndicators().set(id, false);
        });
    }

    /** The plan shows exactly these indicators. */
    public static void replace(Workbook wb, Collection<String> ids) {
        List<String> resolved = resolve(wb, ids);
        if (resolved.isEmpty()) throw new UserError("Listan med nyckeltal är tom. Ange minst ett id.");
        wb.inTransaction(w -> w.planIndicators().replaceAll(resolved));
    }

    /** Back to the default set. */
    public static void reset(Workbook wb) {
        wb.inTransaction(w -> w.planIndicators().reset());
    }

    /** Checks ids against the workbook; unknown ones give one Swedish message naming them all. */
    public static List<String> resolve(Workbook wb, Collection<String> ids) {
        List<String> out = new ArrayList<>(), unknown = new ArrayList<>();
        for (String raw : ids) {
            String id = raw == null ? "" : raw.strip();
            if (id.isEmpty()) continue;
            if (wb.indicators().get(id).isPresent()) out.add(id);
            else unknown.add(id);
        }
        if (!unknown.isEmpty()) {
            throw new UserError("Nyckeltal som inte finns i arbetsboken: " + String.join(", ", unknown)
                    + ". Se 'halsolage indicators " + wb.file().getFileName() + "' för id. Inget ändrades.");
        }
        return out;
    }

    /**
     * The ids of "ID,ID,…" or "@file" (one id per line or comma separated; text after # is a comment).
     */
    public static List<String> parseList(String arg) {
        if (arg == null) return List.of();
        String text = arg.strip();
        if (text.startsWith("@")) {
            Path p = Path.of(text.substring(1));
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("Kan inte läsa listan med nyckeltal " + p + ": " + e.getMessage(), e);
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            for (String part : line.split("[,;\\t]")) {
                String id = part.strip();
                if (!id.isEmpty()) out.add(id);
            }
        }
        return out;
    }

    /** The left-out indicators by reason, for the annex. */
    static Map<Reason, List<Indicator>> leftOut(List<Choice> choices) {
        Map<Reason, List<Indicator>> out = new LinkedHashMap<>();
        for (Reason r : Reason.values()) if (!r.included()) out.put(r, new ArrayList<>());
        for (Choice c : choices) if (!c.included()) out.get(c.reason()).add(c.indicator());
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
