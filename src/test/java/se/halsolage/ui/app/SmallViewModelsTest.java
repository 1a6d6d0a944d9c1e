package se.halsolage.ui.app;

import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.UndoManager;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.overview.OverviewViewModel;
import se.halsolage.ui.report.ReportViewModel;
import se.halsolage.ui.settings.SettingsViewModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.SfhArea;
import se.halsolage.report.OutlineEntry;
import se.halsolage.report.ReportPart;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings, overview and report view-models on the demo workbook. */
class SmallViewModelsTest {
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;

    @BeforeEach
    void open() {
        session = TestWorkbooks.session(dir, dialogs);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void settingsStartFromTheWorkbookAndCheckTheYear() {
        SettingsViewModel s = new SettingsViewModel(session.workbook());
        assertThat(s.municipality.get().name()).isEqualTo("Exempelby");
        assertThat(s.planYear.get()).isEqualTo("2026");
        assertThat(s.problem()).isNull();
        s.planYear.set("tjugo");
        assertThat(s.problem()).isEqualTo("Planåret ska vara ett år, till exempel 2026.");
        s.planYear.set("2027");
        s.municipality.set(s.municipalities().stream().filter(a -> a.id().equals("0780")).findFirst().orElseThrow());
        assertThat(s.county.get().id()).isEqualTo("0007");
        session.saveSettings(s.toSettings());
        assertThat(session.titleProperty().get()).contains("Växjö kommun");
        session.undo().undo();
        assertThat(session.titleProperty().get()).contains("Exempelby kommun");
    }

    @Test
    void overviewGroupsIndicatorsByAreaAndListsFindings() {
        OverviewViewModel o = new OverviewViewModel(session);
        for (SfhArea a : SfhArea.values()) {
            assertThat(o.rows(a)).allMatch(r -> r.indicator().sfhArea() == a && !r.latestValue().equals("–"));
        }
        assertThat(o.rows(SfhArea.GOD_OCH_JAMLIK_HALSA)).isNotEmpty();
        assertThat(o.highlights()).isNotEmpty().allMatch(h -> !h.text().isBlank() && h.indicatorId() != null);
    }

    @Test
    void reportOutlineFollowsThePartsAndGenerateWritesTheDocument() throws Exception {
        ReportViewModel r = new ReportViewModel(session);
        assertThat(r.outline()).isNotEmpty();
        assertThat(r.outline()).extracting(OutlineEntry::part).contains(ReportPart.BILAGA);
        r.partProperty(ReportPart.BILAGA).set(false);
        assertThat(r.outline()).extracting(OutlineEntry::part).doesNotContain(ReportPart.BILAGA);
        for (ReportPart p : ReportPart.values()) r.partProperty(p).set(false);
        assertThat(r.generate(dir.resolve("x.docx"))).isEqualTo("Välj minst en del att ta med.");
        r.partProperty(ReportPart.INLEDNING).set(true);
        r.partProperty(ReportPart.STICKER_UT).set(true);
        r.yearProperty().set("år");
        assertThat(r.generate(dir.resolve("x.docx"))).isEqualTo("Året ska vara ett år, till exempel 2026.");
        r.yearProperty().set("2026");
        Path out = dir.resolve("plan.docx");
        assertThat(r.generate(out)).isNull();
        assertThat(dialogs.errors).isEmpty();
        assertThat(Files.size(out)).isGreaterThan(5_000);
        assertThat(r.resultProperty().get().file()).isEqualTo(out);
        assertThat(r.progressProperty().get()).isEqualTo(1.0);
        r.open();
        assertThat(dialogs.opened).containsExactly(out);
    }

    @Test
    void reportIndicatorSetIsShownAndTickingWritesTheWorkbook() {
        ReportViewModel r = new ReportViewModel(session);
        assertThat(r.indicators()).hasSize(session.workbook().indicators().count());
        ReportViewModel.IndicatorChoice first = r.indicators().get(0);
        assertThat(first.includedProperty().get()).isTrue();
        assertThat(first.reasonProperty().get()).isEqualTo("ingår i Strategi för hälsa");
        long headings = r.outline().stream().filter(o -> o.level() == 3 && o.part() == ReportPart.NYCKELTAL).count();
        first.includedProperty().set(false);
        assertThat(se.halsolage.report.PlanIndicators.includedIds(session.workbook())).doesNotContain(first.id());
        assertThat(r.indicators().get(0).reasonProperty().get()).isEqualTo("borttaget ur planen");
        assertThat(r.outline().stream().filter(o -> o.level() == 3 && o.part() == ReportPart.NYCKELTAL).count())
                .isEqualTo(headings - 1);
        r.resetIndicators();
        assertThat(r.indicators().get(0).includedProperty().get()).isTrue();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void undoManagerKeepsOrderAndClearsRedoOnNewEdit() {
        UndoManager u = session.undo();
        assertThat(u.canUndoProperty().get()).isFalse();
        var before = session.plan();
        session.saveSettings(new se.halsolage.domain.PlanSettings(before.municipalityId(), before.countyId(),
                before.comparisonGroupId(), 2030, "sv", true));
        assertThat(u.undoTextProperty().get()).isEqualTo("inställningar");
        u.undo();
        assertThat(u.canRedoProperty().get()).isTrue();
        session.saveSettings(new se.halsolage.domain.PlanSettings(before.municipalityId(), before.countyId(),
                before.comparisonGroupId(), 2031, "sv", true));
        assertThat(u.canRedoProperty().get()).isFalse();
        assertThat(u.redo()).isFalse();
        assertThat(session.plan().planYear()).isEqualTo(2031);
    }
}
