package se.halsolage.domain;

import java.util.List;

/**
 * One breakdown (redovisningsgrupp) of an indicator as the workbook holds it: its name ("Kön", "Ålder", "Typ av
 * huvudman", "Kön, Ålder"), its values in order ("Kvinnor", "Män"; "16-29 år", "30-44 år" …) and its total
 * ({@link Group#TOTALT}) when the indicator has values for it, else null. A gap chart compares the values with each
 * other and with the total.
 */
public record Breakdown(String name, List<Group> values, Group total) {
    public Breakdown {
        values = List.copyOf(values);
    }
}
