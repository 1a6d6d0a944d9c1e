package se.halsolage.ui.backups;

import se.halsolage.ui.common.Texts;
import se.halsolage.ui.common.WorkbookViewModel;

import se.halsolage.workbook.Backups;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Återställ säkerhetskopia…": lists the backups of the open workbook (newest first, with time and
 * reason in words), and restores one: the workbook is let go, closed, replaced by the backup (after
 * the current state has itself been saved as a backup, so the restore can be undone) and reopened.
 */
public final class BackupsViewModel {
    /** "&lt;name&gt;-yyyyMMdd-HHmmss-SSS-&lt;reason&gt;.halsa" */
    private static final Pattern NAME = Pattern.compile("^(.*)-(\\d{8}-\\d{6}-\\d{3})-(.+)\\.halsa$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One backup as the dialog shows it; {@code time} is null when the file name carries none. */
    public record Entry(Path file, LocalDateTime time, String reasonCode, String reason) {
        public String when() {
            return time == null ? "" : time.format(SHOWN);
        }

        @Override
        public String toString() {
            return time == null ? reason : when() + "  –  " + reason;
        }
    }

    private record Restored(Workbook workbook, Path before) {
    }

    private final WorkbookViewModel session;

    public BackupsViewModel(WorkbookViewModel session) {
        this.session = session;
    }

    /** The backups of the open workbook, newest first (empty without a workbook). */
    public List<Entry> entries() {
        Workbook wb = session.workbook();
        if (wb == null) return List.of();
        List<Entry> out = new ArrayList<>();
        for (Path p : Backups.list(wb.file())) out.add(entry(p, session.texts()));
        return out;
    }

    /** Time and reason from a backup's file name. */
    static Entry entry(Path file, Texts t) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) return new Entry(file, null, "", file.getFileName().toString());
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(m.group(2), STAMP);
        } catch (DateTimeParseException e) {
            time = null;
        }
        return new Entry(file, time, m.group(3), reason(m.group(3), t));
    }

    /** "fore-import" → "Före import"; "fore-uppgradering-v1" → "Före uppgradering av filen (version 1)" … */
    static String reason(String code, Texts t) {
        if (code.equals("fore-import")) return t.get("backup.reason.import");
        if (code.equals("fore-aterstallning")) return t.get("backup.reason.restore");
        Matcher up = Pattern.compile("fore-uppgradering-v(\\d+)").matcher(code);
        if (up.matches()) return t.get("backup.reason.upgrade", up.group(1));
        String words = code.replace("fore-", "före ").replace('-', ' ').replace("aterstallning", "återställning");
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Asks for confirmation, then restores {@code entry} in the background and reopens the workbook.
     *
     * @return true when the restore was started
     */
    public boolean restore(Entry entry) {
        Texts t = session.texts();
        Workbook wb = session.workbook();
        if (wb == null || entry == null) return false;
        if (wb.isReadOnly()) {
            session.dialogs().showError(t.get("error.restore"), t.get("restore.readOnly"));
            return false;
        }
        if (!session.dialogs().confirm(t.get("restore.title"),
                t.get("restore.confirm", wb.file().getFileName().toString(), entry.toString()))) {
            return false;
        }
        Path file = wb.file();
        Workbook open = session.detach(); // the views let go now; the single background thread closes it
        session.runner().run(t.get("status.restoring"), p -> {
            open.close();
            Path before = Backups.restore(file, entry.file());
            return new Restored(Workbook.open(file), before);
        }, r -> {
            session.show(r.workbook());
            session.dialogs().notify(t.get("status.restored", entry.toString(), r.before().getFileName().toString()));
        }, e -> {
            session.dialogs().showError(t.get("error.restore"), session.message(e));
            session.open(file, null); // the file is unchanged unless the final move succeeded: open what is there
        });
        return true;
    }
}
