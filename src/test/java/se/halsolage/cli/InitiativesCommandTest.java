package se.halsolage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.Main;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Initiative;
import se.halsolage.domain.InitiativeKind;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.TargetGroup;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** 'initiatives': background and this year's work (and the other fields) from the command line. */
class InitiativesCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream old = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(Cli.run(new Main(), args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void addsChangesListsAndDeletes() throws Exception {
        Path wb = dir.resolve("demo.halsa");
        DemoWorkbook.build(wb).close();
        Path bg = dir.resolve("bakgrund.txt");
        Files.writeString(bg, "Våren 2021 tog politiken beslut att satsa på arbetet mot våld i nära relationer.\n");
        Run add = run("initiatives", wb.toString(), "--add", "En kommun fri från våld", "--group", "Trygghet",
                "--kind", "förebyggande", "--from", "2022", "--to", "2027", "--indicators", "N15643", "--background", "@" + bg,
                "--work", "Under 2026 går en arbetsgrupp Länsstyrelsens utbildning.", "--target-groups", "vuxna,unga",
                "--malomraden", "7,5", "--responsible", "Socialförvaltningen", "--partners", "Polisen, Länsstyrelsen");
        assertThat(add.code()).as(add.err()).isEqualTo(Cli.OK);
        long id = Long.parseLong(add.out().replaceAll("(?s)^Ny insats (\\d+):.*", "$1"));
        try (Workbook w = Workbook.open(wb)) {
            Initiative i = w.initiatives().get(id).orElseThrow();
            assertThat(i.name()).isEqualTo("En kommun fri från våld");
            assertThat(i.workGroup()).isEqualTo("Trygghet");
            assertThat(i.kind()).isEqualTo(InitiativeKind.FOREBYGGANDE);
            assertThat(i.background()).isEqualTo("Våren 2021 tog politiken beslut att satsa på arbetet mot våld i nära relationer.");
            assertThat(i.notes()).containsEntry(2026, "Under 2026 går en arbetsgrupp Länsstyrelsens utbildning.");
            assertThat(i.indicatorIds()).containsExactly("N15643");
            assertThat(i.targetGroups()).isEqualTo(Set.of(TargetGroup.VUXNA, TargetGroup.UNGA));
            assertThat(i.malomraden()).isEqualTo(Set.of(Malomrade.M5, Malomrade.M7));
            assertThat(i.partners()).containsExactly("Polisen", "Länsstyrelsen");
            assertThat(i.startYear()).isEqualTo(2022);
            assertThat(i.endYear()).isEqualTo(2027);
        }
        // --id changes only what is given; another year's work is kept beside this one
        assertThat(run("initiatives", wb.toString(), "--id", "" + id, "--work", "Utvärdering.", "--year", "2027").code()).isEqualTo(Cli.OK);
        assertThat(run("initiatives", wb.toString(), "--id", "" + id, "--background", "").code()).isEqualTo(Cli.OK);
        try (Workbook w = Workbook.open(wb)) {
            Initiative i = w.initiatives().get(id).orElseThrow();
            assertThat(i.notes()).containsEntry(2026, "Under 2026 går en arbetsgrupp Länsstyrelsens utbildning.")
                    .containsEntry(2027, "Utvärdering.");
            assertThat(i.background()).isNull();
            assertThat(i.workGroup()).isEqualTo("Trygghet");
            assertThat(i.indicatorIds()).containsExactly("N15643");
        }
        Run list = run("initiatives", wb.toString());
        assertThat(list.code()).isEqualTo(Cli.OK);
        assertThat(list.out()).startsWith("Id\tInsats\tArbetsgrupp\tPeriod\tStatus\tNyckeltal\tBakgrund\tArbete 2026")
                .contains(id + "\tEn kommun fri från våld\tTrygghet\t2022–2027\tPågående\tN15643\t–\tja");
        assertThat(run("initiatives", wb.toString(), "--delete", "" + id).code()).isEqualTo(Cli.OK);
        try (Workbook w = Workbook.open(wb)) {
            assertThat(w.initiatives().get(id)).isEmpty();
        }
    }

    @Test
    void badArgumentsChangeNothing() throws Exception {
        Path wb = dir.resolve("demo.halsa");
        DemoWorkbook.build(wb).close();
        long first;
        try (Workbook w = Workbook.open(wb)) {
            first = w.initiatives().all().get(0).id();
        }
        byte[] before = Files.readAllBytes(wb);
        List<String[]> bad = List.of(
                new String[]{"initiatives", wb.toString(), "--add", "Ny", "--indicators", "N15643,FINNS-INTE"},
                new String[]{"initiatives", wb.toString(), "--id", "" + first, "--background", "@" + dir.resolve("saknas.txt")},
                new String[]{"initiatives", wb.toString(), "--id", "999999", "--work", "Text"},
                new String[]{"initiatives", wb.toString(), "--add", "Ny", "--from", "2027", "--to", "2025"},
                new String[]{"initiatives", wb.toString(), "--add", "Ny", "--kind", "okänd"},
                new String[]{"initiatives", wb.toString(), "--work", "Text utan id"});
        String[] words = {"FINNS-INTE", "saknas.txt", "999999", "före den börjar", "okänd", "--id"};
        for (int k = 0; k < bad.size(); k++) {
            Run r = run(bad.get(k));
            assertThat(r.code()).as(String.join(" ", bad.get(k))).isEqualTo(Cli.USER_ERROR);
            assertThat(r.err()).contains(words[k]).doesNotContain("Exception");
            assertThat(Files.readAllBytes(wb)).as(String.join(" ", bad.get(k))).isEqualTo(before);
        }
    }
}
