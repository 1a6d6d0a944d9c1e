package se.halsolage.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Malomrade;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parts on and off, grouping, workbook texts, cancel and the all-or-nothing write. Small documents only. */
class ReportOptionsAndWritingTest {
    @TempDir
    static Path dir;
    static Workbook wb;
    static ReportService rs;

    @BeforeAll
    static void open() {
        wb = DemoWorkbook.build(dir.resolve("demo.halsa"));
        rs = new ReportService(wb);
    }

    @AfterAll
    static void close() {
        wb.close();
    }

    private static XWPFDocument render(ReportOptions o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        rs.write(o, bytes);
        return new XWPFDocument(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static List<String> h(XWPFDocument d, String style) {
        return d.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static ReportOptions only(ReportPart... parts) {
        return new ReportOptions(2026, EnumSet.copyOf(List.of(parts)), GroupBy.ARBETSGRUPP, null);
    }

    @Test
    void partsCanBeSwitchedOffAndTheOutlineFollows() throws Exception {
        ReportOptions o = only(ReportPart.INLEDNING, ReportPart.BILAGA);
        try (XWPFDocument d = render(o)) {
            assertThat(h(d, "Heading1")).containsExactly("Inledning", "Bilaga: Källor och förklaringar");
            assertThat(d.getAllPictures()).isEmpty();
            assertThat(d.getTables()).hasSize(2);
        }
        assertThat(rs.outline(o).stream().filter(e -> e.level() == 1).map(OutlineEntry::text))
                .containsExactly("Inledning", "Bilaga: Källor och förklaringar");
        assertThat(rs.outline(rs.defaultOptions().without(List.of(ReportPart.NYCKELTAL))))
                .noneMatch(e -> e.part() == ReportPart.NYCKELTAL);
        assertThat(rs.parts()).containsExactly(ReportPart.values());
    }

    @Test
    void initiativesActiveInThePlanYearGroupedByWorkGroupOrMalomrade() throws Exception {
        try (XWPFDocument d = render(only(ReportPart.ARBETE))) {
            assertThat(h(d, "Heading1")).containsExactly("Arbete 2026");
            assertThat(h(d, "Heading2")).containsExactly("Allas barn", "Drogförebyggande gruppen", "Övriga insatser");
            // "Allas barn" is both the group and its first initiative: described under the group heading, no H3
            assertThat(h(d, "Heading3")).doesNotContain("Allas barn").contains("Dans utan krav", "Håll dig på benen",
                    "Workshop folkhälsa med politiken");
            String text = d.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("Åtgärdande insats för unga.", "Mognad 3 av 4", "Under 2026: Två nya grupper startar under hösten.",
                    "Elevhälsan, i samverkan med Kulturskolan.");
        }
        // 2020: "Insats för psykisk ohälsa bland killar" (starts 2026) and the 2026 workshop are not active yet
        try (XWPFDocument d = render(only(ReportPart.ARBETE).withYear(2020))) {
            assertThat(h(d, "Heading1")).containsExactly("Arbete 2020");
            assertThat(h(d, "Heading3")).doesNotContain("Insats för psykisk ohälsa bland killar", "Workshop folkhälsa med politiken",
                    "Unga till arbete").contains("Dans utan krav");
        }
        try (XWPFDocument d = render(only(ReportPart.ARBETE).withGroupBy(GroupBy.MALOMRADE))) {
            List<String> groups = h(d, "Heading2");
            assertThat(groups).isNotEmpty();
            List<String> labels = Stream.of(Malomrade.values()).map(Malomrade::label).toList();
            assertThat(labels).containsAll(groups);
            // in målområde order
            assertThat(groups).isSortedAccordingTo((a, b) -> Integer.compare(labels.indexOf(a), labels.indexOf(b)));
        }
    }

    @Test
    void inledningUsesTheWorkbooksTextsAndFallsBackToOurDefaults() throws Exception {
        try (XWPFDocument d = render(only(ReportPart.INLEDNING))) {
            String all = d.getParagraphs().stream().map(XWPFParagraph::getText).reduce("", String::concat);
            assertThat(all).contains("Exempelby kommun").doesNotContain("{kommun}").doesNotContain("{år}");
        }
        wb.inTransaction(w -> w.settings().setText("syfte", "Vårt eget syfte för {år} i {kommun}.\n\nAndra stycket."));
        try (XWPFDocument d = render(only(ReportPart.INLEDNING))) {
            List<String> texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            int i = texts.lastIndexOf("Syfte");
            assertThat(texts.get(i + 1)).isEqualTo("Vårt eget syfte för 2026 i Exempelby kommun.");
            assertThat(texts.get(i + 2)).isEqualTo("Andra stycket.");
        } finally {
            wb.inTransaction(w -> w.settings().setText("syfte", null));
        }
    }

    @Test
    void aCancelledRunLeavesNoDocumentAndKeepsTheOldOne() throws Exception {
        Path out = dir.resolve("avbruten.docx");
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> rs.generate(rs.defaultOptions(), out, (f, m) -> calls.incrementAndGet(),
                () -> calls.get() >= 3)).isInstanceOf(CancellationException.class);
        assertThat(out).doesNotExist();

        Path existing = dir.resolve("gammal.docx");
        Files.writeString(existing, "gammalt innehåll");
        assertThatThrownBy(() -> rs.generate(rs.defaultOptions(), existing, null, () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.readString(existing)).isEqualTo("gammalt innehåll");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aFolderAsTargetIsAUserError() {
        assertThatThrownBy(() -> rs.generate(only(ReportPart.INLEDNING), dir, null, null))
                .isInstanceOf(UserError.class).hasMessageContaining("är en mapp");
    }

    @Test
    void partAndGroupingCodes() {
        assertThat(ReportPart.fromCode("sticker-ut")).isEqualTo(ReportPart.STICKER_UT);
        assertThat(ReportPart.fromCode(" Bilaga ")).isEqualTo(ReportPart.BILAGA);
        assertThatThrownBy(() -> ReportPart.fromCode("kapitel9")).isInstanceOf(UserError.class)
                .hasMessageContaining("sticker-ut, inledning, arbete, nyckeltal, bilaga");
        assertThat(ReportPart.fromCode("sammanfattning")).isEqualTo(ReportPart.STICKER_UT);
        assertThat(GroupBy.fromCode("målområde")).isEqualTo(GroupBy.MALOMRADE);
        assertThat(GroupBy.fromCode("arbetsgrupp")).isEqualTo(GroupBy.ARBETSGRUPP);
        assertThat(Sv.join(List.of("a", "b", "c"))).isEqualTo("a, b och c");
        assertThat(Sv.join(List.of("a"))).isEqualTo("a");
        assertThat(Sv.kommun("Exempelby")).isEqualTo("Exempelby kommun");
        assertThat(Sv.date(java.time.LocalDate.of(2026, 1, 5))).isEqualTo("5 januari 2026");
    }
}
