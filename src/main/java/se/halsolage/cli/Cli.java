package se.halsolage.cli;

import picocli.CommandLine;
import se.halsolage.domain.UserError;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Shared CLI plumbing: Swedish error messages and exit codes 0 (ok), 1 (user error), 2 (internal error). */
public final class Cli {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int INTERNAL_ERROR = 2;

    private Cli() {
    }

    /** Runs a command line and returns its exit code. */
    public static int run(Object root, String... args) {
        CommandLine cmd = new CommandLine(root);
        // "@fil" is ours (report --indicators @urval.txt, initiatives --background @bakgrund.txt), not picocli's argument files.
        cmd.setExpandAtFiles(false);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("Fel i kommandoraden: " + ex.getMessage());
            err.println("Skriv 'halsolage " + (ex.getCommandLine().getCommandName().equals("halsolage") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help' för hjälp.");
            return USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            while (!(t instanceof UserError) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (t instanceof UserError) {
                err.println("Fel: " + t.getMessage());
                return USER_ERROR;
            }
            err.println("Internt fel i Hälsoläge: " + ex);
            ex.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("Fel: minnet tog slut (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB). Inget sparades. "
                    + "Om det var en import: filen är för stor eller trasig; dela upp den eller spara om den i Excel.");
            return INTERNAL_ERROR;
        }
    }

    /** Version from the jar manifest (the pom's version). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Hälsoläge " + version()};
        }
    }

    public static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "utvecklingsversion" : v;
    }
}
