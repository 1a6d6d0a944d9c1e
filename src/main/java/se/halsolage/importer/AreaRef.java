package se.halsolage.importer;

/**
 * An area as the file names it, resolved against the workbook when the import runs.
 *
 * @param code      a code ("0764", "764", "0000") or null
 * @param name      a name ("Växjö kommun", "Samtliga deltagande skolor") or null
 * @param subarea   true for school units, districts and private huvudmän: created as SUBAREA
 * @param parent    the sub-area's municipality (code or name), or null
 */
public record AreaRef(String code, String name, boolean subarea, String parent) {
    public static AreaRef of(String code, String name) {
        String c = blankToNull(code), n = blankToNull(name);
        // "Kronobergs län" (PxWeb, Folkhälsodata) is the region the workbook knows as "Region Kronoberg" (0007)
        if (c == null && n != null) c = codeOfName(n);
        return new AreaRef(c, n, false, null);
    }

    private static final java.util.Set<String> RIKET = java.util.Set.of("riket", "sverige", "sweden", "whole sweden", "hela riket",
            "hela landet", "riket totalt", "whole country", "hela sverige", "sweden total", "total sweden");

    /**
     * The code a name implies: riket in its spellings ("Sverige", "Whole Sweden") → 0000; a county as "Kronobergs län",
     * "Region Kronoberg", "Kronoberg county" or bare "Kronoberg" (when no municipality has that name) → its region id.
     */
    static String codeOfName(String name) {
        String k = countyKey(name);
        if (RIKET.contains(k)) return "0000";
        java.util.Map<String, String> counties = COUNTIES.get();
        if (k.endsWith(" län")) {
            String c = counties.get(k);
            return c != null ? c : BARE.get(k.substring(0, k.length() - 4).strip());
        }
        if (k.endsWith(" county")) return BARE.get(k.substring(0, k.length() - 7).strip());
        if (k.startsWith("region ")) return BARE.get(k.substring(7).strip());
        if (!MUNICIPALITIES.contains(k)) return BARE.get(k);
        return null;
    }

    /** "kronoberg", "kronobergs", "västra götaland" → region id. */
    private static final java.util.Map<String, String> BARE = new java.util.concurrent.ConcurrentHashMap<>();

    private static String countyKey(String name) {
        return name.strip().replace('\u00a0', ' ').replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the text is exactly a municipality's name ("Växjö", "växjö kommun"), per the bundled list. */
    public static boolean isMunicipalityName(String text) {
        if (text == null) return false;
        String k = countyKey(text).replaceFirst(" kommun$", "");
        COUNTIES.get();
        return MUNICIPALITIES.contains(k);
    }

    private static final java.util.Set<String> MUNICIPALITIES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> MUNICIPALITY_CODES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** True when the text is a municipality code ("0780"), per the bundled list. */
    public static boolean isMunicipalityCode(String text) {
        if (text == null) return false;
        COUNTIES.get();
        return MUNICIPALITY_CODES.contains(text.strip());
    }

    /** County name ("Kronobergs län") → Kolada region id ("0007"), from the bundled municipality list. */
    private static final java.util.function.Supplier<java.util.Map<String, String>> COUNTIES = new java.util.function.Supplier<>() {
        private volatile java.util.Map<String, String> map;

        @Override
        public java.util.Map<String, String> get() {
            java.util.Map<String, String> m = map;
            if (m == null) {
                m = new java.util.HashMap<>();
                for (var r : se.halsolage.catalog.Resources.csv("catalog/municipalities.csv")) {
                    String county = countyKey(r.get("lan"));
                    m.put(county, r.get("kolada_region_id"));
                    String bare = county.replaceFirst(" län$", "");
                    BARE.put(bare, r.get("kolada_region_id"));
                    if (bare.endsWith("s")) BARE.put(bare.substring(0, bare.length() - 1), r.get("kolada_region_id"));
                    MUNICIPALITIES.add(countyKey(r.get("kommun")));
                    MUNICIPALITY_CODES.add(r.get("kommunkod"));
                }
                map = m;
            }
            return m;
        }
    };

    public static AreaRef sub(String code, String name, String parent) {
        return new AreaRef(blankToNull(code), blankToNull(name), true, blankToNull(parent));
    }

    public String label() {
        if (name != null && code != null) return name + " (" + code + ")";
        return name != null ? name : code;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
