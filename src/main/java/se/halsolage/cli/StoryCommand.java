package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.halsolage.domain.Story;
import se.halsolage.domain.UserError;
import se.halsolage.report.StoryPptx;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "story", mixinStandardHelpOptions = true,
        description = "Arbetsbokens berättelser (bildspel för workshoppar): lista dem eller exportera en som PowerPoint.",
        subcommands = {StoryCommand.ListStories.class, StoryCommand.Export.class})
public final class StoryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("Ange 'story list --workbook W' eller 'story export --workbook W --story NAMN --out FIL.pptx'.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Listar berättelserna med antal bilder.")
    static final class ListStories implements Callable<Integer> {
        @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
        Path workbook;

        @Override
        public Integer call() {
            try (Workbook wb = Workbook.openReadOnly(existing(workbook))) {
                var stories = wb.stories().all();
                if (stories.isEmpty()) System.out.println("Arbetsboken har inga berättelser än. Skapa en i fönstret Berättelse.");
                for (Story s : stories) System.out.println(s.name() + "\t" + s.slides().size() + " bilder");
            }
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Exporterar en berättelse som PowerPoint (16:9, svenska, rubriker i riktiga rubrikplatshållare, "
                    + "diagram med alternativtext, talaranteckningar).",
            footer = {"", "Exempel: halsolage story export --workbook exempel.halsa --story Workshop --out workshop.pptx"})
    static final class Export implements Callable<Integer> {
        @Option(names = "--workbook", required = true, paramLabel = "ARBETSBOK", description = "Arbetsboken (.halsa).")
        Path workbook;

        @Option(names = "--story", required = true, paramLabel = "NAMN", description = "Berättelsens namn.")
        String story;

        @Option(names = "--out", required = true, paramLabel = "FIL", description = "PowerPoint-filen som skapas (.pptx).")
        Path out;

        @Override
        public Integer call() throws Exception {
            String n = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!n.endsWith(".pptx")) throw new UserError("Filen ska sluta på .pptx: " + out);
            try (Workbook wb = Workbook.openReadOnly(existing(workbook))) {
                Story s = wb.stories().byName(story).orElseThrow(() -> new UserError("Det finns ingen berättelse som heter \""
                        + story + "\" i " + wb.displayName() + ". Berättelser: "
                        + (wb.stories().all().isEmpty() ? "inga" : wb.stories().all().stream().map(Story::name)
                        .collect(Collectors.joining(", "))) + "."));
                Path abs = out.toAbsolutePath();
                Files.createDirectories(abs.getParent());
                new StoryPptx(wb).write(s, abs, null);
                System.out.println(abs);
                System.out.println(s.slides().size() + " bilder (" + se.halsolage.format.SwedishNumbers.number(Files.size(abs) / 1e6, 1) + " MB)");
            }
            return Cli.OK;
        }
    }

    static Path existing(Path file) {
        if (!se.halsolage.workbook.PostgresStore.is(file) && !Files.exists(file)) throw new UserError("Arbetsboken finns inte: " + file);
        return file;
    }
}
