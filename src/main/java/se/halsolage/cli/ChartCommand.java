package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.halsolage.domain.UserError;

import java.util.List;
import java.util.concurrent.Callable;

/** Not built yet: says so plainly instead of pretending. */
@Command(name = "chart", mixinStandardHelpOptions = true, description = "Ritar ett diagram (PNG eller SVG) för ett nyckeltal. (Finns inte ännu i den här versionen.)")
public final class ChartCommand implements Callable<Integer> {
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new UserError("Kommandot 'chart' finns inte ännu i den här versionen av Hälsoläge.");
    }
}
