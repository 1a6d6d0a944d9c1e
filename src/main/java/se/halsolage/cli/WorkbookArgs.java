package se.halsolage.cli;

import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Opening workbooks and resolving indicator and area arguments with Swedish messages. */
public final class WorkbookArgs {
    private WorkbookArgs() {
    }

    public static Workbook open(Path file) {
        if (file == null) throw new UserError("Ange arbetsboken (t.ex. --workbook exempel.halsa).");
        if (!Files.exists(file)) throw new UserError("Arbetsboken finns inte: " + file);
        return Workbook.open(file);
    }

    public static Indicator indicator(Workbook wb, String idOrText) {
        return wb.indicators().resolve(idOrText).orElseThrow(() -> {
            List<Indicator> hits = wb.indicators().search(idOrText);
            if (hits.isEmpty()) return new UserError("Inget nyckeltal matchar \"" + idOrText + "\".");
            return new UserError("\"" + idOrText + "\" matchar flera nyckeltal: " + hits.stream().limit(8)
                    .map(i -> i.id() + " (" + i.displayTitle() + ")").collect(Collectors.joining(", "))
                    + (hits.size() > 8 ? " …" : "") + ". Ange id.");
        });
    }

    public static Area area(Workbook wb, String codeOrName) {
        return wb.areas().resolve(codeOrName).orElseThrow(() ->
                new UserError("Hittar inget område som heter eller har koden \"" + codeOrName + "\"."));
    }
}
