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
        return new AreaRef(blankToNull(code), blankToNull(name), false, null);
    }

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
