package se.halsolage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import se.halsolage.cli.Cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Entry point: {@code halsolage} opens the desktop; {@code halsolage COMMAND …} runs a CLI command. */
@Command(name = "halsolage", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Hälsoläge – folkhälsodata, insatser och \"Strategi för hälsa\" för kommunens folkhälsosamordnare.%n"
                + "Utan kommando öppnas skrivbordsprogrammet (med exempelarbetsboken om ingen fil anges).",
        subcommands = {
                se.halsolage.cli.DemoCommand.class,
                se.halsolage.cli.NewCommand.class,
                se.halsolage.cli.InfoCommand.class,
                se.halsolage.cli.UpgradeCommand.class,
                se.halsolage.cli.IndicatorsCommand.class,
                se.halsolage.cli.SourcesCommand.class,
                se.halsolage.cli.InitiativesCommand.class,
                se.halsolage.cli.SeriesCommand.class,
                se.halsolage.cli.ImportCommand.class,
                se.halsolage.cli.KoladaCommand.class,
                se.halsolage.cli.ChartCommand.class,
                se.halsolage.cli.TableCommand.class,
                se.halsolage.cli.CompareSetsCommand.class,
                se.halsolage.cli.ReportCommand.class,
                se.halsolage.cli.StoryCommand.class,
                se.halsolage.cli.WorkbookCommand.class,
                se.halsolage.cli.BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ARBETSBOK", description = "Arbetsbok (.halsa) att öppna i fönstret.")
    private Path workbook;

    @Override
    public Integer call() {
        se.halsolage.ui.app.DesktopLauncher.launch(workbook);
        return 0;
    }

    public static void main(String[] args) {
        // Opening the desktop needs no command-line parsing: skipping picocli here (its reflection over all
        // subcommands costs ≈ 150 ms) is part of the cold-start budget of issue 9.
        if (args.length == 0 || (args.length == 1 && opensDesktop(args[0]))) {
            se.halsolage.workbook.Workbook.describeActivity("Hälsoläge-fönstret");
            se.halsolage.ui.app.DesktopLauncher.launch(args.length == 0 ? null : Path.of(args[0]));
            System.exit(0);
        }
        se.halsolage.workbook.Workbook.describeActivity("halsolage " + args[0]);
        System.exit(Cli.run(new Main(), args));
    }

    /** A lone argument that names a workbook file (not an option, not a command) opens the desktop on it. */
    static boolean opensDesktop(String arg) {
        return !arg.startsWith("-") && arg.endsWith(se.halsolage.workbook.Workbook.EXTENSION);
    }
}
