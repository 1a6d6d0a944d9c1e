package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.halsolage.domain.UserError;

import java.util.List;
import java.util.concurrent.Callable;

/** Not built yet: says so plainly instead of pretending. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Mäter prestanda på genererade data. (Finns inte ännu i den här versionen.)")
public final class BenchCommand implements Callable<Integer> {
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new UserError("Kommandot 'bench' finns inte ännu i den här versionen av Hälsoläge.");
    }
}
