package se.halsolage.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.testing.SharedFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 12 real public tables in {@code ../shared/fixtures/real/} (sources and hand-checked facts in its README):
 * each imports from the detected recipe with no mapping, every fact of the README holds, and a second import of
 * the same file changes nothing. The facts are transcribed here (not parsed from the README): indicator (by its
 * title), area id, period, group → value, or status and marker.
 */
class RealTablesTest extends DemoWorkbookImportTest {

    /** One hand-checked fact. {@code value} null means "not a number": then {@code status} and {@code marker} hold. */
    record Fact(String title, String area, String period, String group, Double value, ObservationStatus status, String marker,
                Integer n) {
        static Fact v(String title, String area, String period, String group, double value) {
            return new Fact(title, area, period, group, value, ObservationStatus.OK, null, null);
        }

        static Fact vn(String title, String area, String period, String group, double value, int n) {
            return new Fact(title, area, period, group, value, ObservationStatus.OK, null, n);
        }

        static Fact s(String title, String area, String period, String group, ObservationStatus status, String marker) {
            return new Fact(title, area, period, group, null, status, marker, null);
        }
    }

    static final ObservationStatus OK = ObservationStatus.OK, SUPPRESSED = ObservationStatus.SUPPRESSED,
            MISSING = ObservationStatus.MISSING;

    static Stream<Arguments> files() {
        String examen = "Gymnasieskolan: Andel (%) som slutfört med examen, Inom 3 år, Nationella program";
        String studiebevis = "Gymnasieskolan: Andel (%) som slutfört med studiebevis om 2500 poäng, Inom 3 år, Nationella program";
        String kolada = "Invånare 16-84 år med lågt socialt deltagande, andel (%)";
        return Stream.of(
                Arguments.of("skolverket_upper_secondary_throughput_2011.xlsx", List.of(
                        Fact.vn(examen, "2084", "2011/12", "Totalt", 76.9, 216),
                        Fact.v(studiebevis, "2081", "2011/12", "Totalt", 4.4),
                        Fact.s(studiebevis, "2084", "2011/12", "Totalt", SUPPRESSED, ".."),
                        Fact.s(studiebevis, "2513", "2011/12", "Totalt", MISSING, "."),
                        Fact.v("Gymnasieskolan: Andel (%) som slutfört med examen, Inom 4 år, Gymnasieskolan totalt", "2080", "2011/12", "Totalt", 77.3),
                        Fact.v(examen, "2084", "2011/12", "Kommunal", 76.9))),
                Arguments.of("skolverket_upper_secondary_costs_2023.csv", List.of(
                        Fact.v("Gymnasieskola: Totalt per elev", "2084", "2023", "Kommunal", 162300),
                        Fact.s("Gymnasieskola: Måltider per elev", "2026", "2023", "Kommunal", MISSING, "."),
                        Fact.v("Gymnasieskola: Undervisning", "2380", "2023", "Kommunal", -83),
                        Fact.s("Gymnasieskola: Totalt per elev", "2380", "2023", "Kommunal", MISSING, "."),
                        Fact.s("Gymnasieskola: Undervisning", "2085", "2023", "Kommunal", MISSING, "."),
                        Fact.v("Gymnasieskola: Genomsnittligt elevantal", "2085", "2023", "Kommunal", 0))),
                Arguments.of("skolverket_grade9_results_by_school_2025.csv", List.of(
                        Fact.s("Grundskola: Andel (%) elever behöriga till yrkesprog.", "57444890", "2024/25", "Totalt", SUPPRESSED, "~100"),
                        Fact.vn("Grundskola: Genomsnittligt meritvärde (17 ämnen)", "27153243", "2024/25", "Totalt", 234.2, 178),
                        // "Antal elever" is the n of the shares, not an indicator: `..` there leaves n empty
                        new Fact("Grundskola: Andel (%) elever som uppfyllt betygskriterierna i alla ämnen", "48000763", "2024/25",
                                "Totalt", null, MISSING, ".", null))),
                Arguments.of("skolverket_teacher_certification_2024.csv", List.of(
                        Fact.v("Grundskola: Heltidstjänster, Andel med lärarlegitimation och behörighet", "2084", "2024/25", "Totalt", 61.9),
                        Fact.v("Grundskola: Tjänstgörande lärare, Andel med lärarlegitimation och behörighet i minst ett ämne", "2081",
                                "2024/25", "Kommunal", 75.4),
                        Fact.s("Grundskola: Heltidstjänster, Andel med lärarlegitimation och behörighet", "1984", "2024/25", "Enskild",
                                SUPPRESSED, ".."),
                        Fact.s("Grundskola: Heltidstjänster, Totalt antal", "1984", "2024/25", "Enskild", SUPPRESSED, ".."),
                        Fact.s("Grundskola: Tjänstgörande lärare, Förstelärare", "1984", "2024/25", "Enskild", SUPPRESSED, ".."),
                        Fact.s("Grundskola: Heltidstjänster, Förstelärare", "2084", "2024/25", "Enskild", MISSING, "."))),
                Arguments.of("mucf_neet_youth_2022.xlsx", List.of(
                        Fact.v("mucf neet youth: Andel", "0020", "2022", "Kvinnor, 16-24 år", 5.5),
                        Fact.v("mucf neet youth: Antal", "0020", "2022", "Män, 25-29 år", 880),
                        Fact.v("mucf neet youth: Andel", "0020", "2022", "16-24 år", 5.6),
                        Fact.v("mucf neet youth: Andel", "0017", "2022", "Kvinnor, 16-24 år, Inrikesfödd", 4.0))),
                Arguments.of("dalarna_long_term_unemployment.csv", List.of(
                        Fact.v("Långtidsarbetslöshet 25-64 år, årsmedelvärde, andel (%) av bef.", "0020", "2022", "Kvinnor", 3.429904),
                        Fact.v("Långtidsarbetslöshet 25-64 år, årsmedelvärde, andel (%) av bef.", "0020", "2022", "Män", 3.390181),
                        Fact.v("Långtidsarbetslöshet 25-64 år, årsmedelvärde, andel (%) av bef.", "0020", "2011", "Totalt", 2.945088))),
                Arguments.of("dalarna_voter_turnout.csv", List.of(
                        Fact.v("Valdeltagande i senaste riksdagsvalet, andel (%)", "0020", "2018", "Totalt", 87.615847),
                        Fact.v("Valdeltagande i senaste regionvalet, andel (%)", "0020", "2022", "Totalt", 82.145709),
                        Fact.s("Valdeltagande i senaste kommunalvalet, andel (%)", "0020", "2022", "Totalt", MISSING, "NA"))),
                Arguments.of("fohm_social_participation_dalarna.csv", List.of(
                        Fact.v("Lågt socialt deltagande", "0020", "2015-2018", "Totalt", 20.2),
                        Fact.v("Lågt socialt deltagande", "0020", "2019-2022", "Kvinnor", 36.2),
                        Fact.v("Lågt socialt deltagande", "0020", "2018-2021", "Män", 31.4))),
                Arguments.of("scb_migration_multilingual.px", List.of(
                        Fact.v("Migration, Inmigrated", "0000", "2003", "Män, age 20", 456),
                        Fact.v("Migration, Outmigrated", "0115", "2003", "Kvinnor, age 20", 30),
                        Fact.s("Migration, Inmigrated", "0000", "2003", "Kvinnor, age 20", ObservationStatus.NOT_APPLICABLE, "."),
                        Fact.s("Migration, Inmigrated", "0000", "2003", "Kvinnor, age 21", SUPPRESSED, ".."))),
                Arguments.of("scb_population_by_county.px", List.of(
                        Fact.v("Population", "0020", "2004", "Män, age 0, single", 1372),
                        Fact.v("Population", "0020", "2005", "Män, age 0, single", 1375),
                        Fact.v("Population", "0020", "2005", "Kvinnor, age 45, married", 918),
                        Fact.v("Population", "0001", "2004", "Män, age 100+, divorced", 3))),
                Arguments.of("kolada_social_participation_dalarna.csv", List.of(
                        Fact.v(kolada, "0020", "2022", "Kvinnor", 36.2),
                        Fact.v(kolada, "0020", "2022", "Män", 34.5),
                        Fact.v(kolada, "0020", "2018", "Totalt", 20))),
                Arguments.of("kolada_values_raw_2024-12-12.csv", List.of(
                        Fact.v("N00943", "2080", "2022", "Totalt", 33.4),
                        Fact.v("N07907", "2080", "2022", "Kvinnor", 12.192826),
                        Fact.v("N07907", "2080", "2022", "Män", 13.725286),
                        Fact.s("N09890", "2026", "2020", "Kvinnor", SUPPRESSED, "Privacy"),
                        Fact.s("N09805", "2029", "2015", "Totalt", MISSING, "Missing"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void importsWithItsFactsAndReimportsUnchanged(String file, List<Fact> facts) {
        Path p = SharedFiles.real(file);
        ImportSession session = ImportSession.open(wb, p, ImportOptions.defaults());
        ImportSummary first = session.commit(null, null);
        assertThat(first.total()).as("values imported from %s", file).isPositive();
        assertThat(first.warnings()).as("no errors hidden as warnings").noneMatch(Problem::isError);
        for (Fact f : facts) {
            String id = indicator(f.title());
            Observation o = one(id, f.area(), f.period(), new Group(f.group()));
            assertThat(o.status()).as("%s: %s %s %s %s", file, f.title(), f.area(), f.period(), f.group()).isEqualTo(f.status());
            if (f.value() != null) {
                assertThat(o.value()).as("%s: %s %s %s %s", file, f.title(), f.area(), f.period(), f.group())
                        .isCloseTo(f.value(), org.assertj.core.data.Offset.offset(1e-9));
            } else {
                assertThat(o.value()).isNull();
                assertThat(o.marker()).isEqualTo(f.marker());
            }
            if (f.n() != null) assertThat(o.n()).as("n of %s %s", f.title(), f.area()).isEqualTo(f.n());
        }
        ImportSummary again = ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, null);
        assertThat(again.added()).as("re-import adds nothing").isZero();
        assertThat(again.updated()).as("re-import updates nothing").isZero();
        assertThat(again.unchanged()).isEqualTo(first.added() + first.updated() + first.unchanged());
    }

    /** The indicator by id (a Kolada KPI) or by its exact title. */
    private String indicator(String titleOrId) {
        if (titleOrId.matches("[NU]\\d{5}")) return titleOrId;
        List<Indicator> hits = wb.indicators().all().stream().filter(i -> i.title().equals(titleOrId)).toList();
        assertThat(hits).as("indicator titled \"%s\"; have %s", titleOrId, wb.indicators().all().stream().map(Indicator::title)
                .filter(t -> !t.startsWith("Demo")).limit(60).toList()).hasSize(1);
        return hits.get(0).id();
    }
}
