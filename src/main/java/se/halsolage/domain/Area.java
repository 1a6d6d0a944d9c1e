package se.halsolage.domain;

import java.util.Objects;

/**
 * A place figures are about. Ids follow Kolada: riket "0000", regions "00"+county code ("0007"),
 * municipalities their 4-digit code ("0780"), Kolada groups "G…"; sub-areas (school units,
 * districts) keep their own code and point to their municipality as parent.
 */
public record Area(String id, String name, AreaKind kind, String parentId, String countyCode) {
    public Area {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static final String RIKET_ID = "0000";

    public static String regionIdForCounty(String countyCode) {
        return "00" + countyCode;
    }
}
