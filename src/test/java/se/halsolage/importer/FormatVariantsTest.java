package se.halsolage.importer;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.domain.Unit;
import se.halsolage.workbook.Workbook;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Robustness sweep: files of the kinds the importer knows (Skolverket CSV, Skolenkäten, PxWeb CSV and
 * .px, regional youth surveys, hand-made Excel), in the variants other years, other statistics and
 * other tools produce. Skolverket variants are cut from the real fixture and re-written; the others are
 * written here after the real layouts. Every expected value is read off the file by hand.
 */
class FormatVariantsTest {
    static final Charset CP1252 = Charset.forName("windows-1252");
    @TempDir
    Path dir;
    Workbook wb;

    @BeforeEach
    void open() {
        wb = DemoWorkbook.build(dir.resolve("w.halsa"));
    }

    @AfterEach
    void close() {
        wb.close();
    }

    Path write(String name, String text, Charset cs, byte... bom) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(bom);
            out.write(text.getBytes(cs));
        }
        return p;
    }

    ImportSummary importFile(Path p) {
        return ImportSession.open(wb, p, ImportOptions.defaults()).commit(null, null);
    }

    Observation one(String indicator, String area, String period, Group g) {
        return wb.observations().series(indicator, area, g).stream().filter(o -> o.period().label().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("saknas: " + indicator + " " + area + " " + period + " " + g
                        + "; finns för området: " + wb.observations().forArea(area).stream()
                        .map(o -> o.indicatorId() + "/" + o.period().label() + "/" + o.group()).distinct().limit(40).toList()));
    }

    // ---------------------------------------------------------------- Skolverket CSV, cut from the real file

    /** Preamble (5 lines), header and the three Växjö rows of the real 2023/24 download, as text. */
    static List<String> realSkolverketLines() throws Exception {
        List<String> all = Files.readAllLines(Fixtures.get(Fixtures.SKOLVERKET), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(all.subList(0, 6));
        out.set(0, out.get(0).replace("\uFEFF", ""));
        for (String l : all) if (l.startsWith("Braås skola") || l.startsWith("Bäckaslövskolan")) out.add(l);
        return out;
    }

    void assertSkolverketVaxjo(String periodLabel) {
        // Bäckaslövskolan;58187316;Växjö;0780;…;48;45,8;274;48,2;17,5;79,9;50;50;40;50;48;36;.;.;.
        assertThat(one("SKV-GRUNDSKOLA-ELEVER-FORSKOLEKLASS", "58187316", periodLabel, Group.TOTALT).value()).isEqualTo(48.0);
        assertThat(one("SKV-GRUNDSKOLA-ANDEL-FLICKOR-FORSKOLEKLASS", "58187316", periodLabel, Group.TOTALT).value()).isEqualTo(45.8);
        assertThat(one("SKV-GRUNDSKOLA-ELEVER-ARSKURS-1-9", "58187316", periodLabel, Group.TOTALT).value()).isEqualTo(274.0);
        Observation none = one("SKV-GRUNDSKOLA-ELEVER-ARSKURS-7", "58187316", periodLabel, Group.TOTALT);
        assertThat(none.value()).isNull();
        assertThat(none.marker()).isEqualTo(".");
        assertThat(wb.areas().get("58187316").orElseThrow().parentId()).isEqualTo("0780");
        assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ANDEL-FLICKOR-FORSKOLEKLASS").orElseThrow().unit()).isEqualTo(Unit.PERCENT);
    }

    @Test
    void skolverketWindows1252WithoutBomOrTrailingSeparator() throws Exception {
        List<String> lines = realSkolverketLines();
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l.endsWith(";") ? l.substring(0, l.length() - 1) : l).append("\r\n");
        Path p = write("skolverket-2024.csv", sb.toString(), CP1252);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.detection().encoding()).isEqualTo("windows-1252");
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
        ImportSummary sum = s.commit(null, null);
        assertThat(sum.added()).isEqualTo(3 * 15);
        assertSkolverketVaxjo("2023/24");
    }

    @Test
    void skolverketWithThreeAndSevenPreambleLines() throws Exception {
        List<String> lines = realSkolverketLines();
        // 3 lines: title, "Valt läsår", empty
        List<String> three = new ArrayList<>(List.of(lines.get(2), lines.get(3), ""));
        three.addAll(lines.subList(5, lines.size()));
        Path p3 = write("elever3.csv", String.join("\n", three) + "\n", StandardCharsets.UTF_8);
        assertThat(ImportSession.open(wb, p3, ImportOptions.defaults()).recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
        importFile(p3);
        assertSkolverketVaxjo("2023/24");
        // 7 lines, another school year
        List<String> seven = new ArrayList<>(lines.subList(0, 3));
        seven.addAll(List.of("Valt läsår: 2024/25", "Valda kommuner: Växjö", "Urval: samtliga huvudmän", ""));
        seven.addAll(lines.subList(5, lines.size()));
        importFile(write("elever7.csv", String.join("\n", seven) + "\n", StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF));
        assertSkolverketVaxjo("2024/25");
    }

    @Test
    void skolverketPersonnelMunicipalityLevelWithDriftedHeadersAndSpacedThousands() throws Exception {
        String text = "Statistik från Skolverket, https://www.skolverket.se\n\n"
                + "Grundskola - Personal\n"
                + "Valt läsår: 2022/23\n\n"
                + "Kommun;Kommunkod;Antal lärare (heltidstjänster);Andel (%) lärare med legitimation och behörighet i minst ett ämne;"
                + "Antal elever per lärare (heltidstjänst)\n"
                + "Riket;;104\u00a0512,3;72,1;11,9\n"
                + "Växjö;0780;1 021,5;79,0;12,4\n"
                + "Alvesta;0764;132,0;..;~12\n"
                + "Uppvidinge;0760;.;68,5;11,0\n"
                + "\n"
                + "Personal omräknat till heltidstjänster. Källa: Skolverket.\n";
        Path p = write("personal-2022.csv", text, CP1252);
        ImportSession s = ImportSession.open(wb, p, ImportOptions.defaults());
        assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
        s.commit(null, null);
        String lar = "SKV-GRUNDSKOLA-PERSONAL-ANTAL-LARARE-HELTIDSTJANSTER";
        assertThat(one(lar, "0780", "2022/23", Group.TOTALT).value()).isEqualTo(1021.5);
        assertThat(one(lar, "0000", "2022/23", Group.TOTALT).value()).isEqualTo(104512.3);
        assertThat(wb.indicators().get(lar).orElseThrow().unit()).isEqualTo(Unit.COUNT);
        String beh = wb.observations().forArea("0764").stream().map(Observation::indicatorId)
                .filter(i -> i.contains("LEGITIMATION")).findFirst().orElseThrow();
        assertThat(one(beh, "0780", "2022/23", Group.TOTALT).value()).isEqualTo(79.0);
        assertThat(one(beh, "0764", "2022/23", Group.TOTALT).status()).isEqualTo(ObservationStatus.SUPPRESSED);
        String per = "SKV-GRUNDSKOLA-PERSONAL-ANTAL-ELEVER-PER-LARARE-HELTIDSTJANST";
        assertThat(one(per, "0764", "2022/23", Group.TOTALT).marker()).isEqualTo("~12");
        assertThat(one(lar, "0760", "2022/23", Group.TOTALT).status()).isEqualTo(ObservationStatus.MISSING);
    }

    @Test
    void skolverketUpperSecondaryOneRowPerSchoolAndProgramme() throws Exception {
        String text = "\uFEFFStatistik från Skolverket, https://www.skolverket.se\n\n"
                + "Gymnasieskola - Elever per program\n"
                + "Valt läsår: 2023/24\n\n"
                + "Skola;Skolenhetskod;Skolkommun;Kommunkod;Typ av huvudman;Huvudman;Program;Elever totalt;Andel (%) kvinnor;\n"
                + "Katedralskolan;41925512;Växjö;0780;Kommunal;Växjö kommun;Naturvetenskapsprogrammet;412;55,3;\n"
                + "Katedralskolan;41925512;Växjö;0780;Kommunal;Växjö kommun;Samhällsvetenskapsprogrammet;388;61,1;\n"
                + "Teknikum;18472652;Växjö;0780;Kommunal;Växjö kommun;Teknikprogrammet;301;..;\n";
        Path p = write("gy-program.csv", text, StandardCharsets.UTF_8);
        ImportSummary sum = importFile(p);
        assertThat(sum.added()).isEqualTo(6);
        String pre = "SKV-" + Headers.slug("Gymnasieskola - Elever per program", 24) + "-";
        String na = pre + "ELEVER-TOTALT-NATURVETENSKAPSPROGRAMMET";
        assertThat(one(na, "41925512", "2023/24", Group.TOTALT).value()).isEqualTo(412.0);
        assertThat(wb.indicators().get(na).orElseThrow().title()).contains("Naturvetenskapsprogrammet");
        assertThat(one(pre + "ELEVER-TOTALT-SAMHALLSVETENSKAPSPROGRAMMET", "41925512", "2023/24",
                Group.TOTALT).value()).isEqualTo(388.0);
        assertThat(one(pre + "ANDEL-KVINNOR-TEKNIKPROGRAMMET", "18472652", "2023/24",
                Group.TOTALT).status()).isEqualTo(ObservationStatus.SUPPRESSED);
    }
}
