package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import se.halsolage.domain.Breakdown;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Population breakdowns as (breakdown, value) of one indicator (issue 16, point 2): a table by kön and ålder is one
 * indicator whose groups know their breakdown, and {@code breakdownsOf} lists them with their values and the total,
 * while Totalt/Kvinnor/Män series read as before.
 */
class BreakdownsTest extends DemoWorkbookImportTest {

    String byTitle(String title) {
        List<Indicator> hits = wb.indicators().all().stream().filter(i -> i.title().equals(title)).toList();
        assertThat(hits).as("indicator \"%s\" among %s", title, wb.indicators().all().stream().map(Indicator::title).toList()).hasSize(1);
        return hits.get(0).id();
    }

    static String names(List<Breakdown> bs) {
        StringBuilder sb = new StringBuilder();
        for (Breakdown b : bs) {
            sb.append(b.name()).append(": ").append(b.values().stream().map(Group::label).toList())
                    .append(b.total() == null ? "" : " / " + b.total().label()).append("; ");
        }
        return sb.toString();
    }

    @Test
    void aTableByGenderAndAgeIsOneIndicatorWithTwoBreakdowns() throws Exception {
        String csv = "Kommun;År;Kön;Ålder;Andel (%) med gott hälsotillstånd\n"
                + "Växjö;2022;Totalt;Samtliga;71,5\n"
                + "Växjö;2022;Kvinnor;Samtliga;69,0\n"
                + "Växjö;2022;Män;Samtliga;74,0\n"
                + "Växjö;2022;Totalt;16-29 år;80,2\n"
                + "Växjö;2022;Totalt;30-44 år;75,1\n"
                + "Växjö;2022;Kvinnor;16-29 år;78,0\n";
        ImportSummary sum = ImportSession.open(wb, write("hlv-alder.csv", csv, StandardCharsets.UTF_8), ImportOptions.defaults())
                .commit(null, null);
        assertThat(sum.added()).isEqualTo(6);
        assertThat(sum.newIndicators()).isEqualTo(1);
        String id = byTitle("Andel (%) med gott hälsotillstånd");
        assertThat(names(wb.observations().breakdownsOf(id))).isEqualTo(
                "Kön: [Kvinnor, Män] / Totalt; Kön, Ålder: [Kvinnor, 16-29 år] / Totalt; Ålder: [16-29 år, 30-44 år] / Totalt; ");
        // the gender groups are the same groups as everywhere: the series the charts read are unchanged
        assertThat(one(id, "0780", "2022", Group.TOTALT).value()).isEqualTo(71.5);
        assertThat(one(id, "0780", "2022", Group.KVINNOR).value()).isEqualTo(69.0);
        assertThat(one(id, "0780", "2022", new Group("16-29 år")).value()).isEqualTo(80.2);
        assertThat(one(id, "0780", "2022", new Group("16-29 år")).group().breakdown()).isEqualTo("Ålder");
    }

    @Test
    void theBreakdownIsNamedByItsColumn() throws Exception {
        String csv = "Kommun;Kommun-kod;Läsår;Typ av huvudman;Andel (%) behöriga\n"
                + "Växjö;0780;2023/24;Samtliga;86,2\n"
                + "Växjö;0780;2023/24;Kommunal;85,0\n"
                + "Växjö;0780;2023/24;Enskild;90,1\n";
        ImportSession.open(wb, write("huvudman.csv", csv, StandardCharsets.UTF_8), ImportOptions.defaults()).commit(null, null);
        String id = byTitle("Andel (%) behöriga");
        List<Breakdown> bs = wb.observations().breakdownsOf(id);
        assertThat(names(bs)).isEqualTo("Typ av huvudman: [Enskild, Kommunal] / Totalt; ");
        assertThat(one(id, "0780", "2023/24", Group.TOTALT).value()).isEqualTo(86.2);
    }

    @Test
    void kolodaStyleGenderOnlyAndTotalsOnly() {
        // the demo's own indicators: Totalt/Kvinnor/Män (gender only) and Totalt only
        String withGender = null, totalOnly = null;
        for (Indicator i : wb.indicators().all()) {
            List<Breakdown> bs = wb.observations().breakdownsOf(i.id());
            if (withGender == null && names(bs).equals("Kön: [Kvinnor, Män] / Totalt; ")) withGender = i.id();
            if (totalOnly == null && bs.isEmpty() && !wb.observations().forIndicator(i.id()).isEmpty()) totalOnly = i.id();
        }
        assertThat(withGender).as("a demo indicator by kön").isNotNull();
        assertThat(totalOnly).as("a demo indicator with Totalt only").isNotNull();
    }

    @Test
    void breakdownsOfLabelsWithoutAName() {
        assertThat(Group.inferBreakdown("Totalt")).isEqualTo("Totalt");
        assertThat(Group.FLICKOR.breakdown()).isEqualTo("Kön");
        assertThat(Group.inferBreakdown("16-24 år")).isEqualTo("Ålder");
        assertThat(Group.inferBreakdown("65+ år")).isEqualTo("Ålder");
        assertThat(Group.inferBreakdown("Utrikes född")).isEqualTo("Födelseland");
        assertThat(Group.inferBreakdown("Kommunal")).isEqualTo("Typ av huvudman");
        assertThat(Group.inferBreakdown("Eftergymnasial utbildning")).isEqualTo("Utbildning");
        assertThat(Group.inferBreakdown("Flickor, Kommunal")).isEqualTo("Kön, Typ av huvudman");
        assertThat(Group.inferBreakdown("Ogift")).isEqualTo("Grupp");
        // equal labels are one group whatever breakdown name they carry
        assertThat(new Group("Kommunal", "Huvudman")).isEqualTo(new Group("Kommunal"));
    }
}
