package se.halsolage.analysis;

import java.util.List;

/**
 * Municipalities (or other areas) to compare the own municipality with: a built-in set (the county's
 * municipalities, a Kolada "Liknande kommuner" group, all municipalities) or one the user saved by name.
 *
 * @param code    what {@code --compare} takes: {@code lan}, {@code liknande}, {@code alla}, a group id, or the saved name
 * @param name    Swedish name for titles and lists ("Kronobergs läns kommuner", "Våra jämförelsekommuner")
 * @param kind    where the set comes from
 * @param members area ids, in id order
 */
public record ComparisonSet(String code, String name, Kind kind, List<String> members) {
    public enum Kind {
        COUNTY("länets kommuner"), GROUP("Kolada-grupp"), ALL("alla kommuner"), SAVED("egen");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ComparisonSet {
        members = List.copyOf(members);
    }
}
