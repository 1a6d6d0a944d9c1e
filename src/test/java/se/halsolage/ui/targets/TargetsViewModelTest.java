package se.halsolage.ui.targets;

import se.halsolage.ui.common.RecordingDialogs;
import se.halsolage.ui.common.TestWorkbooks;
import se.halsolage.ui.common.WorkbookViewModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.domain.Target;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsViewModelTest {
    @TempDir
    Path dir;
    RecordingDialogs dialogs = new RecordingDialogs();
    WorkbookViewModel session;
    TargetsViewModel vm;

    @BeforeEach
    void open() {
        session = TestWorkbooks.session(dir, dialogs);
        vm = new TargetsViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void demoTargetsHaveAStatusInWords() {
        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.getStatus())
                .isIn("I fas", "Bevaka", "Avvikelse", "Kan inte bedömas"));
    }

    @Test
    void parseChecksTheFieldsInSwedish() {
        assertThat(TargetsViewModel.parse(0, null, "0799", "Totalt", "2024", "2", "", "2030", ""))
                .isEqualTo("Välj ett nyckeltal.");
        assertThat(TargetsViewModel.parse(0, "N15428", "0799", "Totalt", "2024", "", "", "2030", ""))
                .isEqualTo("Ange en förändring per år eller ett målvärde.");
        assertThat(TargetsViewModel.parse(0, "N15428", "0799", "Totalt", "2030", "1", "", "2024", ""))
                .isEqualTo("Målåret ligger före basåret.");
        assertThat(TargetsViewModel.parse(0, "N15428", "0799", "Totalt", "2024", "två", "", "2030", ""))
                .isEqualTo("Skriv förändringen och målvärdet som tal, till exempel 2,5.");
        Target t = (Target) TargetsViewModel.parse(0, "N15428", "0799", "Totalt", "2024", "\u22120,5", "85,5", "2030", " Fler behöriga ");
        assertThat(t.changePerYear()).isEqualTo(-0.5);
        assertThat(t.targetValue()).isEqualTo(85.5);
        assertThat(t.description()).isEqualTo("Fler behöriga");
    }

    @Test
    void addEditDeleteWithUndo() {
        Target t = (Target) TargetsViewModel.parse(0, "N15428", "0799", "Totalt", "2024", "1", "", "2028", "Fler behöriga");
        vm.save(t);
        assertThat(vm.rows()).hasSize(6);
        TargetsViewModel.Row added = vm.rows().stream().filter(r -> r.target().indicatorId().equals("N15428")).findFirst().orElseThrow();
        assertThat(added.getGoal()).isEqualTo("+1,0\u00a0p.e. per år till 2028");
        Target edited = new Target(added.target().id(), "N15428", "0799", null, 2024, null, 2.0, null, 2028, "Fler behöriga");
        vm.save(edited);
        assertThat(session.workbook().targets().get(added.target().id()).orElseThrow().changePerYear()).isEqualTo(2.0);
        session.undo().undo();
        assertThat(session.workbook().targets().get(added.target().id()).orElseThrow().changePerYear()).isEqualTo(1.0);
        vm.selectedProperty().set(vm.rows().stream().filter(r -> r.target().id() == added.target().id()).findFirst().orElseThrow());
        vm.deleteSelected();
        assertThat(vm.rows()).hasSize(5);
        session.undo().undo();
        assertThat(vm.rows()).hasSize(6);
    }
}
