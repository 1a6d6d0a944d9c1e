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
        if (c == null && n != null && n.toLowerCase(java.util.Locale.ROOT).endsWith(" län")) c = COUNTIES.get().get(countyKey(n));
        return new AreaRef(c, n, false, null);
    }

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

    /** County name ("Kronobergs län") → Kolada region id ("0007"), from the bundled municipality list. */
    private static final java.util.function.Supplier<java.util.Map<String, String>> COUNTIES = new java.util.function.Supplier<>() {
        private volatile java.util.Map<String, String> map;

        @Override
        public java.util.Map<String, String> get() {
            java.util.Map<String, String> m = map;
            if (m == null) {
                m = new java.util.HashMap<>();
                for (var r : se.halsolage.catalog.Resources.csv("catalog/municipalities.csv")) {
                    m.put(countyKey(r.get("lan")), r.get("kolada_region_id"));
                    MUNICIPALITIES.add(countyKey(r.get("kommun")));
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
