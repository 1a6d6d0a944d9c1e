package se.halsolage.workbook;

import se.halsolage.domain.PlanSettings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Key/value settings of a workbook: own municipality, county, comparison group, plan year,
 * language, example-data flag and the report texts ("text.inledning", "text.syfte", …).
 */
public final class SettingsRepository {
    public static final String MUNICIPALITY = "municipality";
    public static final String COUNTY = "county";
    public static final String COMPARISON_GROUP = "comparison_group";
    public static final String PLAN_YEAR = "plan_year";
    public static final String LANGUAGE = "language";
    public static final String EXAMPLE_DATA = "example_data";
    public static final String TEXT_PREFIX = "text.";

    private final Workbook wb;

    SettingsRepository(Workbook wb) {
        this.wb = wb;
    }

    public Optional<String> get(String key) {
        return wb.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key=?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void set(String key, String value) {
        wb.requireTransaction();
        wb.withConnection(c -> {
            if (value == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE key=?")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings(key, value) VALUES (?,?) "
                    + "ON CONFLICT(key) DO UPDATE SET value=excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Map<String, String> all() {
        return wb.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings ORDER BY key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    /** The plan settings; the plan year defaults to the current year. */
    public PlanSettings plan() {
        Map<String, String> all = all();
        int year;
        try {
            year = Integer.parseInt(all.getOrDefault(PLAN_YEAR, ""));
        } catch (NumberFormatException e) {
            year = Year.now().getValue();
        }
        return new PlanSettings(all.get(MUNICIPALITY), all.get(COUNTY), all.get(COMPARISON_GROUP), year,
                all.getOrDefault(LANGUAGE, "sv"), Boolean.parseBoolean(all.getOrDefault(EXAMPLE_DATA, "false")));
    }

    public void savePlan(PlanSettings p) {
        set(MUNICIPALITY, p.municipalityId());
        set(COUNTY, p.countyId());
        set(COMPARISON_GROUP, p.comparisonGroupId());
        set(PLAN_YEAR, Integer.toString(p.planYear()));
        set(LANGUAGE, p.language());
        set(EXAMPLE_DATA, Boolean.toString(p.exampleData()));
    }

    /** A report text stored in the workbook, e.g. text("inledning"). */
    public Optional<String> text(String name) {
        return get(TEXT_PREFIX + name);
    }

    public void setText(String name, String body) {
        set(TEXT_PREFIX + name, body);
    }
}
