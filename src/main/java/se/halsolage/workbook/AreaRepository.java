package se.halsolage.workbook;

import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Areas: riket, regions, municipalities, Kolada groups (with members) and sub-areas. */
public final class AreaRepository {
    private final Workbook wb;

    AreaRepository(Workbook wb) {
        this.wb = wb;
    }

    public void save(Area a) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO areas(id, name, kind, parent_id, county_code) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, kind=excluded.kind, "
                    + "parent_id=excluded.parent_id, county_code=excluded.county_code")) {
                ps.setString(1, a.id());
                ps.setString(2, a.name());
                ps.setString(3, a.kind().name());
                ps.setString(4, a.parentId());
                ps.setString(5, a.countyCode());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void saveAll(Collection<Area> areas) {
        for (Area a : areas) save(a);
    }

    /** Sets the members of a group, replacing earlier ones. */
    public void setMembers(String groupId, Collection<String> memberIds) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM area_members WHERE group_id=?")) {
                del.setString(1, groupId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO area_members VALUES (?,?)")) {
                for (String m : memberIds) {
                    ins.setString(1, groupId);
                    ins.setString(2, m);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    public List<String> members(String groupId) {
        return wb.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT member_id FROM area_members WHERE group_id=? ORDER BY member_id")) {
                ps.setString(1, groupId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public Optional<Area> get(String id) {
        return wb.withConnection(c -> query(c, "SELECT * FROM areas WHERE id=?", id).stream().findFirst());
    }

    public List<Area> all() {
        return wb.withConnection(c -> query(c, "SELECT * FROM areas ORDER BY id"));
    }

    public List<Area> byKind(AreaKind kind) {
        return wb.withConnection(c -> query(c, "SELECT * FROM areas WHERE kind=? ORDER BY name", kind.name()));
    }

    /** Sub-areas (schools, districts) of a municipality. */
    public List<Area> children(String parentId) {
        return wb.withConnection(c -> query(c, "SELECT * FROM areas WHERE parent_id=? ORDER BY name", parentId));
    }

    /**
     * Finds an area by code ("0764", "764", "0007", "G12345", a school unit code) or by name
     * ("Växjö", "Växjö kommun", "VÄXJÖ", "Region Kronoberg", "Riket"). Empty when nothing or more
     * than one area matches, so callers can list unmatched names instead of guessing.
     */
    public Optional<Area> resolve(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) return Optional.empty();
        String raw = codeOrName.strip().replace('\u00a0', ' ');
        Optional<Area> byId = get(raw);
        if (byId.isPresent()) return byId;
        if (raw.matches("\\d{1,3}")) {
            byId = get(String.format("%04d", Integer.parseInt(raw)));
            if (byId.isPresent()) return byId;
        }
        if (raw.matches("\\d+\\.0")) return resolve(raw.substring(0, raw.length() - 2));
        String key = nameKey(raw);
        List<Area> hits = new ArrayList<>();
        for (Area a : all()) {
            String k = nameKey(a.name());
            if (k.equals(key) || (key.endsWith("s") && k.equals(key.substring(0, key.length() - 1)))) hits.add(a);
        }
        if (hits.size() > 1) {
            // Prefer a municipality or region over a sub-area with the same name.
            List<Area> top = hits.stream().filter(a -> a.kind() != AreaKind.SUBAREA).toList();
            if (top.size() == 1) return Optional.of(top.get(0));
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /**
     * A name look-up over the areas as they are now, for many {@link #resolve} calls in a row (an import resolving
     * hundreds of municipality names): the areas and their name keys are read once instead of once per call. A name
     * it cannot place is asked of {@link #resolve} itself, so areas added since are still found.
     */
    public java.util.function.Function<String, Optional<Area>> snapshotResolver() {
        List<Area> areas = all();
        java.util.Map<String, List<Area>> byKey = new java.util.HashMap<>();
        for (Area a : areas) byKey.computeIfAbsent(nameKey(a.name()), k -> new ArrayList<>()).add(a);
        return codeOrName -> {
            if (codeOrName == null || codeOrName.isBlank()) return Optional.empty();
            String raw = codeOrName.strip().replace('\u00a0', ' ');
            if (raw.chars().anyMatch(Character::isDigit)) return resolve(codeOrName); // codes: one indexed query
            String key = nameKey(raw);
            List<Area> hits = new ArrayList<>(byKey.getOrDefault(key, List.of()));
            if (key.endsWith("s")) hits.addAll(byKey.getOrDefault(key.substring(0, key.length() - 1), List.of()));
            if (get(raw).isPresent()) return resolve(codeOrName); // a name that is also an id: as resolve does
            Optional<Area> found = pick(hits);
            return found.isPresent() ? found : resolve(codeOrName);
        };
    }

    private static Optional<Area> pick(List<Area> hits) {
        if (hits.size() > 1) {
            List<Area> top = hits.stream().filter(a -> a.kind() != AreaKind.SUBAREA).toList();
            if (top.size() == 1) return Optional.of(top.get(0));
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** Lower case, accents kept, " kommun" dropped, "hela riket"/"samtliga" to riket. */
    public static String nameKey(String name) {
        String s = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
        s = collapseSpaces(s.replace('\u00a0', ' ').strip().toLowerCase(SWEDISH));
        if (s.equals("hela riket") || s.equals("sverige") || s.equals("riket totalt")
                || s.startsWith("samtliga deltagande") || s.equals("samtliga") || s.equals("hela landet")) {
            return "riket";
        }
        if (s.endsWith(" kommun")) s = s.substring(0, s.length() - " kommun".length());
        if (s.startsWith("kommun ")) s = s.substring("kommun ".length());
        return s;
    }

    private static final Locale SWEDISH = new Locale("sv", "SE");

    /** Runs of white space as one blank (what {@code replaceAll("\\s+", " ")} did, without a regex per call). */
    private static String collapseSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false, changed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b') {
                if (space || c != ' ') changed = true;
                if (!space) b.append(' ');
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        return changed ? b.toString() : s;
    }

    private static List<Area> query(Connection c, String sql, Object... args) throws SQLException {
        List<Area> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Area(rs.getString("id"), rs.getString("name"), AreaKind.valueOf(rs.getString("kind")),
                            rs.getString("parent_id"), rs.getString("county_code")));
                }
            }
        }
        return out;
    }
}
