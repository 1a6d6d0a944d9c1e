package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.halsolage.domain.UserError;

import java.util.List;
import java.util.concurrent.Callable;

/** Not built yet: says so plainly instead of pretending. */
@Command(name = "kolada", mixinStandardHelpOptions = true, description = "Söker i Koladas nyckeltalskatalog och hämtar värden från Kolada. (Finns inte ännu i den här versionen.)")
public final class KoladaCommand implements Callable<Integer> {
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new UserError("Kommandot 'kolada' finns inte ännu i den här versionen av Hälsoläge.");
    }
}
