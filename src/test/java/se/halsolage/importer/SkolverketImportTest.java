package se.halsolage.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.halsolage.demo.DemoWorkbook;
import se.halsolage.domain.Area;
import se.halsolage.domain.AreaKind;
import se.halsolage.domain.Group;
import se.halsolage.domain.Observation;
import se.halsolage.domain.ObservationStatus;
import se.halsolage.workbook.Workbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Skolverket CSV: every school unit, counts per grade, markers; re-import, delete and undo. */
class SkolverketImportTest { // SkolverketImportTestOnPostgres runs these on PostgreSQL
    @TempDir
    Path dir;

    static Observation one(Workbook wb, String ind, String area) {
        return wb.observations().series(ind, area, Group.TOTALT).stream().findFirst().orElseThrow();
    }

    @Test
    void everySchoolUnitWithItsMunicipalityAndCountsPerGrade() throws Exception {
        Path csv = Fixtures.get(Fixtures.SKOLVERKET);
        long dataRows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> l.matches("^[^;]+;\\d{8};.*")).count();
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "w"))) {
            ImportSession s = ImportSession.open(wb, csv, ImportOptions.defaults());
            assertThat(s.recipe().name()).isEqualTo(BuiltInRecipes.SKOLVERKET);
            assertThat(s.detection().encoding()).isEqualTo("UTF-8");
            assertThat(s.detection().separator()).isEqualTo(';');
            ImportSummary sum = s.commit(null, null);
            assertThat(sum.newAreas()).isEqualTo((int) dataRows);
            assertThat(sum.added()).isEqualTo((int) dataRows * 15);
            assertThat(sum.skipped()).isZero();
            // Ahlafors Fria skola, Ale (1440): F-klass 22, åk 1 22, andel flickor F-klass ".."
            Area ahlafors = wb.areas().get("71387206").orElseThrow();
            assertThat(ahlafors.kind()).isEqualTo(AreaKind.SUBAREA);
            assertThat(ahlafors.parentId()).isEqualTo("1440");
            assertThat(one(wb, "SKV-GRUNDSKOLA-ELEVER-ARSKURS-1", "71387206").value()).isEqualTo(22.0);
            assertThat(one(wb, "SKV-GRUNDSKOLA-ELEVER-ARSKURS-1-9", "71387206").value()).isEqualTo(261.0);
            Observation masked = one(wb, "SKV-GRUNDSKOLA-ANDEL-FLICKOR-FORSKOLEKLASS", "71387206");
            assertThat(masked.status()).isEqualTo(ObservationStatus.SUPPRESSED);
            assertThat(masked.marker()).isEqualTo("..");
            assertThat(masked.period().label()).isEqualTo("2023/24");
            // Alboskolan has no F-klass: "." → missing, never 0
            Observation none = one(wb, "SKV-GRUNDSKOLA-ELEVER-FORSKOLEKLASS", "72616393");
            assertThat(none.status()).isEqualTo(ObservationStatus.MISSING);
            assertThat(none.marker()).isEqualTo(".");
            assertThat(none.value()).isNull();
            assertThat(one(wb, "SKV-GRUNDSKOLA-ANDEL-FLICKOR-ARSKURS-1-9", "71387206").value()).isEqualTo(47.5);
            // municipality codes keep their leading zero: Växjö's schools hang under "0780", Stockholm's under "0180"
            assertThat(wb.areas().children("0780")).isNotEmpty().allMatch(a -> a.kind() == AreaKind.SUBAREA);
            assertThat(wb.areas().children("0180")).hasSizeGreaterThan(100);
            assertThat(wb.areas().children("0114")).isNotEmpty();
            // "1 006" with a thousands space is a count
            assertThat(wb.observations().forIndicator("SKV-GRUNDSKOLA-ELEVER-ARSKURS-1-9").stream()
                    .filter(Observation::hasValue).mapToDouble(Observation::value).max().orElseThrow()).isGreaterThan(1000);
            assertThat(sum.suppressed()).isEqualTo(2335 + 14); // ".." and "~100"
        }
    }

    @Test
    void reimportUpdatesDeleteRemovesExactlyAndUndoRestores() throws Exception {
        Path csv = dir.resolve("elever-2023.csv");
        Files.writeString(csv, "Statistik från Skolverket\n\nGrundskola - Antal elever\nValt läsår: 2023/24\n\n"
                + "Skola;Skol-enhetskod;Skolkommun;Kommun-kod;Elever, årskurs 1;\n"
                + "Norrskolan;11111111;Växjö;0780;25;\n"
                + "Söderskolan;22222222;Växjö;0780;..;\n", StandardCharsets.UTF_8);
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "w"))) {
            long before = wb.observations().count();
            ImportSummary first = ImportSession.open(wb, csv, ImportOptions.defaults()).commit(null, null);
            assertThat(first.added()).isEqualTo(2);
            long sourceId = first.sources().get(0).sourceId();
            ImportSummary again = ImportSession.open(wb, csv, ImportOptions.defaults()).commit(null, null);
            assertThat(again.added()).isZero();
            assertThat(again.unchanged()).isEqualTo(2);
            assertThat(again.sources().get(0).sourceId()).isEqualTo(sourceId);
            assertThat(again.sources().get(0).created()).isFalse();
            assertThat(wb.observations().count()).isEqualTo(before + 2);

            // undo of a re-import that changed nothing keeps the data
            ImportSession.undoLast(wb);
            assertThat(wb.observations().count()).isEqualTo(before + 2);

            // a corrected file (different bytes) is a new source that updates the values; undo restores them
            Path fixed = dir.resolve("elever-2023-rättad.csv");
            Files.writeString(fixed, Files.readString(csv).replace(";25;", ";26;"), StandardCharsets.UTF_8);
            ImportSummary upd = ImportSession.open(wb, fixed, ImportOptions.defaults()).commit(null, null);
            assertThat(upd.updated()).isEqualTo(1);
            assertThat(upd.unchanged()).isEqualTo(1);
            assertThat(one(wb, "SKV-GRUNDSKOLA-ELEVER-ARSKURS-1", "11111111").value()).isEqualTo(26.0);
            assertThat(ImportSession.lastImport(wb).orElseThrow().file()).isEqualTo("elever-2023-rättad.csv");
            ImportSession.undoLast(wb);
            Observation restored = one(wb, "SKV-GRUNDSKOLA-ELEVER-ARSKURS-1", "11111111");
            assertThat(restored.value()).isEqualTo(25.0);
            assertThat(restored.sourceId()).isEqualTo(sourceId);
            assertThat(wb.sources().all()).noneMatch(x -> x.name().equals("elever-2023-rättad.csv"));

            // deleting the source removes exactly its observations
            wb.inTransaction(w -> w.sources().delete(sourceId));
            assertThat(wb.observations().count()).isEqualTo(before);
        }
    }

    @Test
    void undoOfAFirstImportRemovesItsSource() throws Exception {
        Path csv = dir.resolve("lang-2021.csv");
        Files.writeString(csv, "Område;År;Nyckeltal;Värde\nVäxjö;2021;N15643;80\n", StandardCharsets.UTF_8);
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "w"))) {
            List<Observation> old = wb.observations().series("N15643", "0780", Group.TOTALT);
            ImportSession.open(wb, csv, ImportOptions.defaults()).commit(null, null);
            assertThat(wb.observations().series("N15643", "0780", Group.TOTALT)).anyMatch(o -> o.period().label().equals("2021")
                    && o.value() == 80.0);
            ImportSession.undoLast(wb);
            assertThat(wb.observations().series("N15643", "0780", Group.TOTALT)).isEqualTo(old);
            assertThat(wb.sources().all()).noneMatch(x -> x.name().equals("lang-2021.csv"));
        }
    }

    @Test
    void deletingASourceRemovesExactlyItsValuesAndWhatOnlyItCreated() throws Exception {
        Path csv = dir.resolve("elever-radera.csv");
        Files.writeString(csv, "Statistik från Skolverket\n\nGrundskola - Antal elever\nValt läsår: 2023/24\n\n"
                + "Skola;Skol-enhetskod;Skolkommun;Kommun-kod;Elever, årskurs 1;Elever, årskurs 2;\n"
                + "Norrskolan;11111111;Växjö;0780;25;27;\n"
                + "Söderskolan;22222222;Växjö;0780;..;19;\n", StandardCharsets.UTF_8);
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "radera"))) {
            int indicatorsBefore = wb.indicators().allIncludingHidden().size(), areasBefore = wb.areas().all().size();
            long valuesBefore = wb.observations().count();
            ImportSummary sum = ImportSession.open(wb, csv, ImportOptions.defaults()).commit(null, null);
            long src = sum.sources().get(0).sourceId();
            // 2 schools × 2 grades, the masked ".." stored as suppressed
            assertThat(wb.sources().observationCount(src)).isEqualTo(4);
            // a target on one school unit keeps that unit (and the indicator) when the source goes
            wb.inTransaction(w -> w.targets().save(new se.halsolage.domain.Target(0, "SKV-GRUNDSKOLA-ELEVER-ARSKURS-2",
                    "22222222", Group.TOTALT, 2023, 19.0, null, 25.0, 2027, "Fler elever")));
            var d = wb.transaction(w -> w.sources().deleteWithWhatItAloneCreated(src));
            assertThat(d.values()).isEqualTo(4);
            assertThat(d.indicators()).as("årskurs 1 only; årskurs 2 has a target").isEqualTo(1);
            assertThat(d.areas()).as("Norrskolan only; Söderskolan has a target").isEqualTo(1);
            assertThat(wb.observations().count()).isEqualTo(valuesBefore);
            assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ELEVER-ARSKURS-1")).isEmpty();
            assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ELEVER-ARSKURS-2")).isPresent();
            assertThat(wb.areas().get("11111111")).isEmpty();
            assertThat(wb.areas().get("22222222")).isPresent();
            assertThat(wb.indicators().allIncludingHidden()).hasSize(indicatorsBefore + 1);
            assertThat(wb.areas().all()).hasSize(areasBefore + 1);
            assertThat(wb.sources().all()).noneMatch(x -> x.id() == src);
        }
    }

    @Test
    void undoAlsoRemovesTheIndicatorsAndSchoolUnitsTheImportCreatedUnlessTheyAreUsed() throws Exception {
        Path csv = dir.resolve("elever-2023.csv");
        Files.writeString(csv, "Statistik från Skolverket\n\nGrundskola - Antal elever\nValt läsår: 2023/24\n\n"
                + "Skola;Skol-enhetskod;Skolkommun;Kommun-kod;Elever, årskurs 1;Elever, årskurs 2;\n"
                + "Norrskolan;11111111;Växjö;0780;25;27;\n"
                + "Söderskolan;22222222;Växjö;0780;..;19;\n", StandardCharsets.UTF_8);
        try (Workbook wb = DemoWorkbook.build(se.halsolage.testing.Stores.of(getClass()).newWorkbook(dir, "w"))) {
            int indicatorsBefore = wb.indicators().all().size(), areasBefore = wb.areas().all().size();
            ImportSession.open(wb, csv, ImportOptions.defaults()).commit(null, null);
            assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ELEVER-ARSKURS-1")).isPresent();
            assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ELEVER-ARSKURS-2")).isPresent();
            assertThat(wb.areas().get("11111111")).isPresent();
            assertThat(wb.areas().all()).hasSize(areasBefore + 2);

            String text = ImportSession.undoLast(wb);
            assertThat(text).contains("2 nyckeltal och 2 delområden som importen skapade togs också bort");
            assertThat(wb.indicators().all()).hasSize(indicatorsBefore);
            assertThat(wb.areas().all()).hasSize(areasBefore);

            // imported again, and a target set on one of its indicators for one school unit: undo keeps those two
            ImportSession.open(wb, csv, ImportOptions.defaults()).commit(null, null);
            wb.inTransaction(w -> w.targets().save(new se.halsolage.domain.Target(0, "SKV-GRUNDSKOLA-ELEVER-ARSKURS-2",
                    "22222222", Group.TOTALT, 2023, 19.0, null, 25.0, 2027, "Fler elever")));
            text = ImportSession.undoLast(wb);
            assertThat(text).contains("1 nyckeltal och 1 delområde som importen skapade togs också bort")
                    .contains("1 nyckeltal som importen skapade finns kvar");
            assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ELEVER-ARSKURS-1")).isEmpty();
            assertThat(wb.indicators().get("SKV-GRUNDSKOLA-ELEVER-ARSKURS-2")).isPresent();
            assertThat(wb.areas().get("11111111")).isEmpty();
            assertThat(wb.areas().get("22222222")).isPresent();
            assertThat(wb.targets().all()).anyMatch(t -> t.indicatorId().equals("SKV-GRUNDSKOLA-ELEVER-ARSKURS-2"));
            assertThat(wb.observations().forArea("22222222")).isEmpty();
        }
    }
}
