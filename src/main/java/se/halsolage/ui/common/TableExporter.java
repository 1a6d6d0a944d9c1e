package se.halsolage.ui.common;

import se.halsolage.export.TableExport;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Exportera tabell…" for any table of the desktop: asks for a file (CSV for Excel or xlsx, chosen by
 * the file type in the save dialog), writes a snapshot of the rows in the background with
 * {@link TableExport} (formula-safe text, numbers as numbers, written atomically), and reports the
 * result in the status bar or as a clear error. No controls: testable without a screen.
 */
public final class TableExporter {
    private final WorkbookViewModel session;

    public TableExporter(WorkbookViewModel session) {
        this.session = session;
    }

    /** The file types offered, CSV first (what most coordinators double-click into Excel). */
    public List<DialogService.FileType> fileTypes() {
        Texts t = session.texts();
        return List.of(new DialogService.FileType(t.get("filter.csv"), "csv"),
                new DialogService.FileType(t.get("filter.xlsx"), "xlsx"));
    }

    /**
     * Asks for a file and exports {@code table} to it. The table is a snapshot taken now (on the FX
     * thread); {@code onWritten} (may be null) gets the file when it is in place.
     *
     * @return the chosen file, or empty when the user cancelled
     */
    public Optional<Path> export(TableExport.Table table, String suggestedName, Consumer<Path> onWritten) {
        Texts t = session.texts();
        if (table.rows().isEmpty()) {
            session.dialogs().showInformation(t.get("export.title"), t.get("export.empty"));
            return Optional.empty();
        }
        Optional<Path> file = session.dialogs().chooseSaveFile(t.get("export.title"), suggestedName, fileTypes());
        file.ifPresent(f -> write(table, f, onWritten));
        return file;
    }

    /** Writes {@code table} to {@code file} in the background (format from the file's extension). */
    public void write(TableExport.Table table, Path file, Consumer<Path> onWritten) {
        Texts t = session.texts();
        TableExport.Table snapshot = new TableExport.Table(table.title(), table.header(),
                table.rows().stream().map(r -> (List<?>) new java.util.ArrayList<Object>(r)).toList());
        session.runner().run(t.get("status.exporting", file.getFileName()),
                p -> TableExport.write(snapshot, file),
                written -> {
                    session.dialogs().notify(t.get("status.exported", snapshot.rows().size(), written.toString()));
                    if (onWritten != null) onWritten.accept(written);
                },
                e -> session.dialogs().showError(t.get("error.export"),
                        t.get("error.exportDetail", file.toString(), session.message(e))));
    }
}
