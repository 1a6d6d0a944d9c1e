package se.halsolage.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import se.halsolage.domain.UserError;

import java.util.List;
import java.util.concurrent.Callable;

/** Not built yet: says so plainly instead of pretending. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Importerar en fil (xlsx, xls, csv, px) till en arbetsbok. (Finns inte ännu i den här versionen.)")
public final class ImportCommand implements Callable<Integer> {
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new UserError("Kommandot 'import' finns inte ännu i den här versionen av Hälsoläge.");
    }
}
