package se.halsolage.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.chart.ChartKind;
import se.halsolage.chart.ChartService;
import se.halsolage.cli.Cli;
import se.halsolage.domain.Group;
import se.halsolage.domain.Indicator;
import se.halsolage.testing.SharedFiles;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps between population groups on a real table: Folkhälsomyndigheten's "Lågt socialt deltagande" for Dalarnas län
 * by kön, 14 four-year periods 2004-2007 … 2019-2022 (fixtures/real/README.md, file 8), imported through the CLI.
 * Hand-checked from the file: 2019-2022 Kvinnor 36,2, Män 34,5 (gap 1,7 p.e., 36,2 / 34,5 = 1,049); 2004-2007
 * Kvinnor 22,0, Män 23,7 (the other way round, −1,7). The file has no intervals, so the change is not tested.
 */
class GroupGapsTest {
    @TempDir
    Path dir;

    @Test
    void genderGapOfLowSocialParticipationInDalarnaFromTheRealFile() throws Exception {
        Path csv = SharedFiles.real("fohm_social_participation_dalarna.csv");
        Path wb = dir.resolve("falun.halsa"), png = dir.resolve("grupper.png");
        String home = System.getProperty("halsolage.home");
        System.setProperty("halsolage.home", dir.resolve("home").toString());
        try {
            assertThat(Cli.run(new Main(), "new", "--municipality", "Falun", "--year", "2026", "--out", wb.toString())).isEqualTo(Cli.OK);
            assertThat(Cli.run(new Main(), "import", csv.toString(), "--workbook", wb.toString())).isEqualTo(Cli.OK);
        } finally {
            if (home == null) System.clearProperty("halsolage.home"); else System.setProperty("halsolage.home", home);
        }
        try (Workbook w = Workbook.open(wb)) {
            Indicator ind = w.indicators().all().stream().filter(i -> i.title().equals("Lågt socialt deltagande")).findFirst().orElseThrow();
            ChartService charts = new ChartService(w);
            GroupGaps g = charts.groupGaps(ind, "0020");
            assertThat(g).isNotNull();
            assertThat(g.breakdown().name()).isEqualTo(Group.KON);
            assertThat(g.periods()).hasSize(14);
            assertThat(g.values()).containsOnlyKeys(Group.KVINNOR, Group.MAN);
            assertThat(g.favoured()).isEqualTo(Group.KVINNOR); // no direction: the higher value of the latest period
            assertThat(g.unfavoured()).isEqualTo(Group.MAN);
            GroupGaps.Gap last = g.trend().last(), first = g.trend().first();
            assertThat(last.period()).contains("2019").contains("2022");
            assertThat(last.absolute()).isCloseTo(1.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(last.relative()).isCloseTo(36.2 / 34.5, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(first.period()).contains("2004").contains("2007");
            assertThat(first.absolute()).isCloseTo(-1.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(g.trend().direction()).isEqualTo(GroupGaps.Direction.NOT_ASSESSED);
            assertThat(g.values().get(Group.KVINNOR)).allMatch(v -> v.ci() == null);
            String s = g.sentence().replace('\u00a0', ' ');
            assertThat(s).contains("högst (Kvinnor) och lägst (Män)").contains("1,7 p.e.").contains("1,05 gånger")
                    .contains("(i omvänd ordning)").contains("kan inte prövas mot slumpen").doesNotContain("-1,7");
            // Falun itself has no values: like the other kinds, grupper falls back to the county (region-only indicator)
            assertThat(charts.kinds(ind.id())).contains(ChartKind.GENDER, ChartKind.GROUPS);
            assertThat(charts.groupGaps(ind, null).areaId()).isEqualTo("0020");
        }
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Cli.run(new Main(), "chart", "--workbook", wb.toString(), "--indicator", "Lågt socialt deltagande",
                    "--kind", "grupper", "--area", "0020", "--out", png.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(rc).isEqualTo(Cli.OK);
        assertThat(Files.size(png)).isGreaterThan(10_000);
        assertThat(out.toString(StandardCharsets.UTF_8).replace('\u00a0', ' ')).contains("efter kön")
                .contains("Kvinnor 36,2 %").contains("Män 34,5 %");
    }

    /**
     * A breakdown other than kön in the plan: Skolverket's teacher certification 2024/25 by huvudman (file 4 of the real
     * tables). Falun, Heltidstjänster › Andel med lärarlegitimation och behörighet: Kommunal 69,1, Enskild 74,9 (line
     * 59-60 of the file, by hand): gap 5,8 p.e., 74,9 / 69,1 = 1,084; one period, so no change is judged.
     */
    @Test
    void huvudmanGapOfTeacherCertificationInFalunAndItsChartInThePlan() throws Exception {
        Path csv = SharedFiles.real("skolverket_teacher_certification_2024.csv");
        Path wb = dir.resolve("falun.halsa"), docx = dir.resolve("plan.docx");
        String home = System.getProperty("halsolage.home");
        System.setProperty("halsolage.home", dir.resolve("home").toString());
        try {
            assertThat(Cli.run(new Main(), "new", "--municipality", "Falun", "--year", "2026", "--out", wb.toString())).isEqualTo(Cli.OK);
            assertThat(Cli.run(new Main(), "import", csv.toString(), "--workbook", wb.toString())).isEqualTo(Cli.OK);
        } finally {
            if (home == null) System.clearProperty("halsolage.home"); else System.setProperty("halsolage.home", home);
        }
        String id;
        try (Workbook w = Workbook.open(wb)) {
            Indicator ind = w.indicators().all().stream().filter(i -> i.id().startsWith("SKV-GRUNDSKOLA-PERSONAL")
                    && i.id().contains("HELTIDSTJANSTER-ANDEL-MED-LARARLEGITIMATION")).findFirst().orElseThrow();
            id = ind.id();
            GroupGaps g = new ChartService(w).groupGaps(ind, null);
            assertThat(g.areaId()).isEqualTo("2080");
            assertThat(g.breakdown().name()).isEqualTo("Typ av huvudman");
            assertThat(g.favoured().label()).isEqualTo("Enskild");
            assertThat(g.unfavoured().label()).isEqualTo("Kommunal");
            assertThat(g.trend().last().absolute()).isCloseTo(5.8, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(g.trend().direction()).isEqualTo(GroupGaps.Direction.ONE_PERIOD);
            assertThat(g.sentence().replace('\u00a0', ' ')).contains("5,8 p.e. 2024/25").contains("1,08 gånger");
        }
        assertThat(Cli.run(new Main(), "report", "--workbook", wb.toString(), "--add", id, "--out", docx.toString())).isEqualTo(Cli.OK);
        try (var in = Files.newInputStream(docx); var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            assertThat(java.util.regex.Pattern.compile("name=\"Diagram \\d+ \\(grupper\\)\"").matcher(doc.getDocument().xmlText())
                    .results().count()).isEqualTo(1);
            assertThat(doc.getDocument().xmlText().replace('\u00a0', ' ')).contains("Efter typ av huvudman är skillnaden");
        }
    }
}
