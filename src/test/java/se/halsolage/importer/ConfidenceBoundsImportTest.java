package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confidence bounds (and respondents) in statistics files land on the value of their row, period and
 * group as ciLow/ciHigh (and n), never as indicators of their own. Files written after Folkhälsodata's
 * and PxWeb's layouts; every expectation read off the file by hand.
 */
class ConfidenceBoundsImportTest extends DemoWorkbookImportTest {

    ImportSummary importFile(Path p) {
        return ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, null);
    }

    /** Every indicator the import used for an area. */
    List<String> indicatorsOf(String area) {
        return wb.observations().forArea(area).stream().map(Observation::indicatorId).distinct().sorted().toList();
    }

    static final String LONG_CSV = "Region;År;Kön;Andel;Konfidensintervall undre;Konfidensintervall övre;Antal svarande\n"
            + "Riket;2022;Kvinnor;71,2;70,8;71,6;41250\n"
            + "Kronobergs län;2022;Kvinnor;70,1;68,0;72,2;1520\n"
            + "0780 Växjö;2022;Kvinnor;69,4;65,0;73,8;610\n"
            + "0780 Växjö;2022;Män;72,3;..;76,9;580\n"
            + "Alvesta;2022;Kvinnor;66,0;67,5;74,1;95\n"   // line 6: lower bound above the value
            + "Alvesta;2022;Män;..;..;..;88\n";

    @Test
    void folkhalsodataLongCp1252BoundsAndRespondentsGoToTheShare() throws Exception {
        ImportSummary sum = importFile(write("fhm-halsa-lang.csv", LONG_CSV, FormatVariantsTest.CP1252));
        assertThat(sum.skipped()).isZero();
        assertThat(sum.total()).isEqualTo(6);
        List<String> ids = indicatorsOf("0780").stream().filter(i -> i.startsWith("LOK-")).toList();
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0)).doesNotContainIgnoringCase("KONFIDENS");
        assertThat(wb.indicators().all()).noneMatch(i -> i.title().toLowerCase().contains("konfidens"));
        String id = ids.get(0);
        Observation women = one(id, "0780", "2022", Group.KVINNOR);
        assertThat(women.value()).isEqualTo(69.4);
        assertThat(women.ciLow()).isEqualTo(65.0);
        assertThat(women.ciHigh()).isEqualTo(73.8);
        assertThat(women.n()).isEqualTo(610);
        Observation county = one(id, "0007", "2022", Group.KVINNOR);
        assertThat(county.value()).isEqualTo(70.1);
        assertThat(county.ciLow()).isEqualTo(68.0);
        assertThat(county.ciHigh()).isEqualTo(72.2);
        // ".." as a bound: no bound, the value and the other bound kept
        Observation men = one(id, "0780", "2022", Group.MAN);
        assertThat(men.value()).isEqualTo(72.3);
        assertThat(men.ciLow()).isNull();
        assertThat(men.ciHigh()).isEqualTo(76.9);
        // lower bound 67,5 above the value 66,0: value kept, both bounds dropped, a warning at E6
        Observation bad = one(id, "0764", "2022", Group.KVINNOR);
        assertThat(bad.value()).isEqualTo(66.0);
        assertThat(bad.ciLow()).isNull();
        assertThat(bad.ciHigh()).isNull();
        assertThat(bad.n()).isEqualTo(95);
        assertThat(sum.warnings()).filteredOn(w -> w.message().contains("Konfidensgränsen")).singleElement().satisfies(w -> {
            assertThat(w.isError()).isFalse();
            assertThat(w.file()).isEqualTo("fhm-halsa-lang.csv");
            assertThat(w.sheet()).isNotBlank();
            assertThat(w.row()).isEqualTo(6);
            assertThat(w.column()).isEqualTo("E");
            assertThat(w.message()).contains("67,5").contains("66");
        });
        // a suppressed share has no bounds
        Observation suppressed = one(id, "0764", "2022", Group.MAN);
        assertThat(suppressed.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(suppressed.ciLow()).isNull();
        assertThat(suppressed.ciHigh()).isNull();
    }

    static final String WIDE_CSV = FormatVariantsTest.FOLKHALSO_CSV
            // line 8: 2018-2021 lower bound 67.0 above 66.0 (column D); 2019-2022 upper bound 64.0 below 65.5 (column H)
            + "\"Uppvidinge\",\"Totalt\",66.0,67.0,70.0,65.5,61.0,64.0\r\n";

    @Test
    void folkhalsodataWideByPeriodBoundsGoToTheShareOfTheSamePeriod() throws Exception {
        ImportSummary sum = importFile(write("Halsotillstand.csv", WIDE_CSV, FormatVariantsTest.CP1252));
        assertThat(sum.skipped()).isZero();
        assertThat(sum.total()).isEqualTo(10); // 5 rows × 2 periods, the bounds are no values of their own
        List<String> ids = indicatorsOf("0007").stream().filter(i -> i.startsWith("PX-")).toList();
        assertThat(ids).hasSize(1);
        assertThat(wb.indicators().all()).noneMatch(i -> i.title().toLowerCase().contains("konfidens")
                || i.id().contains("KONFIDENS"));
        String id = ids.get(0);
        Observation riket = one(id, "0000", "2018-2021", Group.KVINNOR);
        assertThat(riket.value()).isEqualTo(71.2);
        assertThat(riket.ciLow()).isEqualTo(70.8);
        assertThat(riket.ciHigh()).isEqualTo(71.6);
        Observation vaxjo = one(id, "0780", "2019-2022", Group.MAN);
        assertThat(vaxjo.value()).isEqualTo(75.4);
        assertThat(vaxjo.ciLow()).isEqualTo(71.0);
        assertThat(vaxjo.ciHigh()).isEqualTo(79.8);
        Observation vaxjoSuppressed = one(id, "0780", "2018-2021", Group.MAN);
        assertThat(vaxjoSuppressed.status()).isEqualTo(ObservationStatus.SUPPRESSED);
        assertThat(vaxjoSuppressed.ciLow()).isNull();
        Observation alvesta = one(id, "0764", "2018-2021", Group.TOTALT);
        assertThat(alvesta.value()).isEqualTo(68.0);
        assertThat(alvesta.ciLow()).isEqualTo(62.1);
        assertThat(alvesta.ciHigh()).isEqualTo(73.9);
        // the bad bounds: values kept without bounds, one warning per period naming the bound's cell
        Observation u1 = one(id, "0760", "2018-2021", Group.TOTALT);
        Observation u2 = one(id, "0760", "2019-2022", Group.TOTALT);
        assertThat(u1.value()).isEqualTo(66.0);
        assertThat(u2.value()).isEqualTo(65.5);
        assertThat(List.of(u1.ciLow() == null, u1.ciHigh() == null, u2.ciLow() == null, u2.ciHigh() == null)).containsOnly(true);
        List<Problem> bad = sum.warnings().stream().filter(w -> w.message().contains("Konfidensgränsen")).toList();
        assertThat(bad).extracting(Problem::row, Problem::column)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(8, "D"), org.assertj.core.groups.Tuple.tuple(8, "H"));
        assertThat(bad).allSatisfy(w -> assertThat(w.file()).isEqualTo("Halsotillstand.csv"));
    }

    @Test
    void wideByPeriodWithPeriodsAndContentsOnTwoHeaderRows() throws Exception {
        String text = "\"Andel med gott självskattat hälsotillstånd (procent) efter region, kön och år\"\r\n\r\n"
                + "\"Region\",\"Kön\",\"2018-2021\",\"\",\"\",\"2019-2022\",\"\",\"\"\r\n"
                + "\"\",\"\",\"Andel\",\"Konfidensintervall nedre gräns\",\"Konfidensintervall övre gräns\","
                + "\"Andel\",\"Konfidensintervall nedre gräns\",\"Konfidensintervall övre gräns\"\r\n"
                + "\"Riket\",\"Kvinnor\",71.2,70.8,71.6,70.9,70.5,71.3\r\n"
                + "\"Kronobergs län\",\"Kvinnor\",70.1,68.0,72.2,69.5,67.3,71.7\r\n"
                + "\"0780 Växjö\",\"Män\",\"..\",\"..\",\"..\",75.4,71.0,79.8\r\n";
        ImportSummary sum = importFile(write("Halsotillstand2.csv", text, FormatVariantsTest.CP1252));
        assertThat(sum.skipped()).isZero();
        assertThat(sum.total()).isEqualTo(6);
        List<String> ids = indicatorsOf("0007").stream().filter(i -> i.startsWith("PX-")).toList();
        assertThat(ids).hasSize(1);
        Observation kron = one(ids.get(0), "0007", "2019-2022", Group.KVINNOR);
        assertThat(kron.value()).isEqualTo(69.5);
        assertThat(kron.ciLow()).isEqualTo(67.3);
        assertThat(kron.ciHigh()).isEqualTo(71.7);
        Observation vaxjo = one(ids.get(0), "0780", "2019-2022", Group.MAN);
        assertThat(vaxjo.ciLow()).isEqualTo(71.0);
        assertThat(vaxjo.ciHigh()).isEqualTo(79.8);
    }

    @Test
    void shareTableWithKiColumnsAndRespondentsInEnglishAndSwedish() throws Exception {
        // one row per municipality, year in the file name: the table mapper
        String text = "Kommun;Andel (%);95 % KI undre;95 % KI övre;Antal svarande\n"
                + "Växjö;81,5;78,9;84,1;912\n"
                + "Alvesta;79,0;;83,5;140\n";
        ImportSummary sum = importFile(write("trygghet-2023.csv", text, StandardCharsets.UTF_8));
        assertThat(sum.newIndicators()).isEqualTo(1);
        String id = indicatorsOf("0780").get(0);
        Observation v = one(id, "0780", "2023", Group.TOTALT);
        assertThat(v.value()).isEqualTo(81.5);
        assertThat(v.ciLow()).isEqualTo(78.9);
        assertThat(v.ciHigh()).isEqualTo(84.1);
        assertThat(v.n()).isEqualTo(912);
        Observation a = one(id, "0764", "2023", Group.TOTALT);
        assertThat(a.ciLow()).isNull(); // empty bound
        assertThat(a.ciHigh()).isEqualTo(83.5);

        String en = "Region;År;Kön;Andel;Lower confidence limit;Upper confidence limit;n\n"
                + "0780 Växjö;2021;Kvinnor;0.62;0.58;0.66;700\n";
        importFile(write("english.csv", en, StandardCharsets.UTF_8));
        Observation e = wb.observations().forArea("0780").stream().filter(o -> o.period().label().equals("2021")).findFirst().orElseThrow();
        assertThat(e.value()).isEqualTo(62.0); // a share written as a fraction: value and bounds in percent
        assertThat(e.ciLow()).isEqualTo(58.0);
        assertThat(e.ciHigh()).isEqualTo(66.0);
        assertThat(e.n()).isEqualTo(700);
        assertThat(indicatorsOf("0780")).hasSize(2);
    }

    static final String PX_WITH_BOUNDS = "CHARSET=\"ANSI\";\nAXIS-VERSION=\"2010\";\nCODEPAGE=\"iso-8859-1\";\nLANGUAGE=\"sv\";\n"
            + "MATRIX=\"HLV02\";\nTITLE=\"Andel med gott hälsotillstånd efter region, kön, tabellinnehåll och år\";\n"
            + "CONTENTS=\"Andel med gott hälsotillstånd\";\nUNITS=\"procent\";\n"
            + "STUB=\"region\",\"kön\";\nHEADING=\"tabellinnehåll\",\"år\";\n"
            + "VALUES(\"region\")=\"Kronobergs län\",\"Växjö\";\nVALUES(\"kön\")=\"Kvinnor\",\"Män\";\n"
            + "VALUES(\"tabellinnehåll\")=\"Andel\",\"Konfidensintervall nedre gräns\",\"Konfidensintervall övre gräns\","
            + "\"Antal svarande\";\n"
            + "VALUES(\"år\")=\"2021\",\"2022\";\nTIMEVAL(\"år\")=TLIST(A1),\"2021\",\"2022\";\n"
            + "DECIMALS=1;\nDATA=\n"
            // columns: Andel 2021, 2022; nedre 2021, 2022; övre 2021, 2022; svarande 2021, 2022
            + "70.1 70.5 68.0 68.4 72.2 72.6 1520 1490\n"
            + "72.0 72.4 69.9 70.3 74.1 74.5 1400 1380\n"
            + "69.4 \"..\" 65.0 \"..\" 73.8 \"..\" 610 \"..\"\n"
            + "72.3 71.8 68.1 75.0 76.5 75.9 580 560;\n"; // Växjö, män 2022: lower bound 75.0 above 71.8

    @Test
    void pxWithContentsVariableOfShareBoundsAndRespondents() throws Exception {
        Path p = write("HLV02.px", PX_WITH_BOUNDS, StandardCharsets.ISO_8859_1);
        ImportSummary sum = importFile(p);
        assertThat(sum.skipped()).isZero();
        assertThat(sum.total()).isEqualTo(8); // 2 regions × 2 sexes × 2 years; bounds and n are no values
        List<String> ids = indicatorsOf("0780").stream().filter(i -> i.startsWith("PX-")).toList();
        assertThat(ids).hasSize(1);
        assertThat(wb.indicators().get(ids.get(0)).orElseThrow().title()).containsIgnoringCase("hälsotillstånd")
                .doesNotContainIgnoringCase("konfidens");
        String id = ids.get(0);
        Observation v = one(id, "0780", "2021", Group.KVINNOR);
        assertThat(v.value()).isEqualTo(69.4);
        assertThat(v.ciLow()).isEqualTo(65.0);
        assertThat(v.ciHigh()).isEqualTo(73.8);
        assertThat(v.n()).isEqualTo(610);
        Observation k = one(id, "0007", "2022", Group.MAN);
        assertThat(k.value()).isEqualTo(72.4);
        assertThat(k.ciLow()).isEqualTo(70.3);
        assertThat(k.ciHigh()).isEqualTo(74.5);
        assertThat(k.n()).isEqualTo(1380);
        assertThat(one(id, "0780", "2022", Group.KVINNOR).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        Observation bad = one(id, "0780", "2022", Group.MAN);
        assertThat(bad.value()).isEqualTo(71.8);
        assertThat(bad.ciLow()).isNull();
        assertThat(bad.ciHigh()).isNull();
        // the long grid: header row 1, Växjö män 2022 is the 8th row (row 9); columns region, kön, år, andel, nedre (E)
        assertThat(sum.warnings()).filteredOn(w -> w.message().contains("Konfidensgränsen"))
                .extracting(Problem::row, Problem::column).containsExactly(org.assertj.core.groups.Tuple.tuple(9, "E"));
    }

    @Test
    void boundHeadingsAreRecognisedAndOtherHeadingsAreNot() {
        for (String low : List.of("Konfidensintervall undre", "Konfidensintervall nedre gräns", "Undre konfidensgräns",
                "Nedre konfidensgräns", "Lägre konfidensgräns", "95 % KI undre", "KI nedre", "KI-låg".replace("låg", "undre"),
                "CI low", "CI lower", "ciLow", "Lower confidence limit", "Lower CI", "LCI", "2018-2021 Konfidensintervall (nedre gräns)"))
            assertThat(Headers.boundKind(low)).as(low).isEqualTo(Headers.Bound.LOW);
        for (String high : List.of("Konfidensintervall övre", "Konfidensintervall övre gräns", "Övre konfidensgräns",
                "95 % KI övre", "KI övre", "CI high", "CI upper", "ciHigh", "Upper confidence limit", "UCI", "Högre konfidensgräns",
                "Upper CI", "UCL", "KI95 övre", "Konfidensintervall (övre gräns)"))
            assertThat(Headers.boundKind(high)).as(high).isEqualTo(Headers.Bound.HIGH);
        for (String none : List.of("Andel", "Andel (%)", "Konfidensintervall", "Undre gräns", "Antal", "Lägre inkomst",
                "Övre Norrland", "Kommun", "2019-2022 Andel"))
            assertThat(Headers.boundKind(none)).as(none).isNull();
        assertThat(Headers.isRespondents("Antal svarande")).isTrue();
        assertThat(Headers.isRespondents("n")).isTrue();
        assertThat(Headers.isRespondents("Antal (n)")).isTrue();
        assertThat(Headers.isRespondents("Number of respondents")).isTrue();
        assertThat(Headers.isRespondents("Antal")).isFalse();
        assertThat(Headers.isRespondents("Andel svarande")).isFalse();
    }
}
