package se.halsolage.cli;

import se.halsolage.domain.Area;
import se.halsolage.domain.Indicator;
import se.halsolage.domain.UserError;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Opening workbooks and resolving indicator and area arguments with Swedish messages. */
public final class WorkbookArgs {
    private WorkbookArgs() {
    }

    /** Opens a workbook for writing (import, kolada fetch): migrated if needed, after a backup copy. */
    public static Workbook open(Path file) {
        if (file == null) throw new UserError("Ange arbetsboken (t.ex. --workbook exempel.halsa).");
        return Workbook.open(file);
    }

    /**
     * Opens a workbook for a command that only reads (info, series, indicators, chart, report): read-only,
     * never migrated, nothing created beside it. A workbook of an older schema is refused with what to do.
     */
    public static Workbook openForReading(Path file) {
        if (file == null) throw new UserError("Ange arbetsboken (t.ex. --workbook exempel.halsa).");
        Workbook wb = Workbook.openReadOnly(file);
        try {
            if (wb.needsUpgrade()) {
                throw new UserError("Arbetsboken " + file.getFileName() + " har ett äldre format (schema " + wb.schemaNumber()
                        + ") och behöver uppgraderas innan den kan läsas. Kör halsolage upgrade " + file
                        + " (eller öppna den i Hälsoläge-fönstret): då uppgraderas den, efter en säkerhetskopia. "
                        + "Filen har inte ändrats.");
            }
            return wb;
        } catch (RuntimeException e) {
            wb.close();
            throw e;
        }
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
