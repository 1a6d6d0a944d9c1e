package se.halsolage.importer;

import se.halsolage.domain.UserError;

/** The user cancelled an import; nothing was stored. */
public class ImportCancelled extends UserError {
    public ImportCancelled() {
        super("Importen avbröts. Ingenting sparades; arbetsboken är som före importen.");
    }
}
