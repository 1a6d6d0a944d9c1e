package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.halsolage.domain.Source;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.SourceRepository;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Listar arbetsbokens källor (importerade filer och blad, Kolada-hämtningar) med antal värden; "
                + "--delete tar bort en källa med exakt dess värden.")
public final class SourcesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ARBETSBOK")
    Path workbook;

    @Option(names = "--delete", paramLabel = "ID",
            description = "Ta bort källan: dess värden, de nyckeltal och delområden som importen av den skapade och som "
                    + "inget annat använder. En säkerhetskopia sparas först.")
    Long delete;

    @Override
    public Integer call() {
        if (delete != null) return delete();
        try (Workbook wb = WorkbookArgs.openForReading(workbook)) {
            System.out.println("Id\tSlag\tNamn\tBlad\tVärden");
            for (Source s : wb.sources().all()) {
                System.out.println(s.id() + "\t" + s.kind() + "\t" + s.name() + "\t" + (s.sheet() == null ? "" : s.sheet())
                        + "\t" + wb.sources().observationCount(s.id()));
            }
        }
        return Cli.OK;
    }

    private Integer delete() {
        try (Workbook wb = WorkbookArgs.open(workbook)) {
            Source s = wb.sources().all().stream().filter(x -> x.id() == delete).findFirst()
                    .orElseThrow(() -> new UserError("Arbetsboken " + wb.file().getFileName() + " har ingen källa " + delete
                            + ". Inget ändrades (se halsolage sources " + workbook + ")."));
            wb.backup("fore-borttagning");
            SourceRepository.Deleted d = wb.transaction(w -> w.sources().deleteWithWhatItAloneCreated(s.id()));
            wb.checkpoint();
            System.out.println("Källan " + s.id() + " (" + s.name() + (s.sheet() == null ? "" : ", blad \"" + s.sheet() + "\"")
                    + ") är borttagen: " + d.values() + " värden, " + d.indicators() + " nyckeltal och " + d.areas()
                    + " delområden som bara den använde.");
        }
        return Cli.OK;
    }
}
