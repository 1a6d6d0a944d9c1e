package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.halsolage.domain.UserError;

import java.util.List;
import java.util.concurrent.Callable;

/** Not built yet: says so plainly instead of pretending. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Skapar planen Strategi för hälsa som Word-dokument. (Finns inte ännu i den här versionen.)")
public final class ReportCommand implements Callable<Integer> {
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new UserError("Kommandot 'report' finns inte ännu i den här versionen av Hälsoläge.");
    }
}
