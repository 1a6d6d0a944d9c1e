package se.halsolage.ui.report;

import se.halsolage.ui.common.TaskRunner;
import se.halsolage.ui.common.WorkbookViewModel;
import se.halsolage.ui.common.YearField;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import se.halsolage.report.GroupBy;
import se.halsolage.report.OutlineEntry;
import se.halsolage.report.ReportOptions;
import se.halsolage.report.ReportPart;
import se.halsolage.report.ReportResult;
import se.halsolage.report.ReportService;
import se.halsolage.workbook.Workbook;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Rapport: which parts to include, a live outline, generate with progress and cancel, open. */
public final class ReportViewModel {
    private final WorkbookViewModel session;
    private final Map<ReportPart, BooleanProperty> parts = new EnumMap<>(ReportPart.class);
    private final StringProperty year = new SimpleStringProperty("");
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(GroupBy.ARBETSGRUPP);
    private final ObservableList<OutlineEntry> outline = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty pdf = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<ReportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<IndicatorChoice> indicators = FXCollections.observableArrayList();
    private TaskRunner.Handle handle;
    private boolean loadingIndicators;

    /** One row of "Nyckeltal i planen": the check box writes the choice to the workbook at once. */
    public static final class IndicatorChoice {
        private final String id, title, source, fullTitle;
        private final StringProperty reason = new SimpleStringProperty("");
        private final BooleanProperty included = new SimpleBooleanProperty();

        IndicatorChoice(String id, String title) {
            this(id, title, null, title);
        }

        IndicatorChoice(String id, String title, String source, String fullTitle) {
            this.id = id;
            this.title = title;
            this.source = source == null ? "" : source;
            this.fullTitle = fullTitle == null ? title : fullTitle;
        }

        public String id() { return id; }
        public String title() { return title; }
        public String source() { return source; }

        /** True when every word of {@code text} occurs in the id, short or full title or source (case ignored). */
        public boolean matches(String text) {
            if (text == null || text.isBlank()) return true;
            String hay = (id + " " + title + " " + fullTitle + " " + source).toLowerCase(java.util.Locale.ROOT);
            for (String w : text.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) if (!hay.contains(w)) return false;
            return true;
        }
        public StringProperty reasonProperty() { return reason; }
        public BooleanProperty includedProperty() { return included; }
    }
    private volatile boolean cancelRequested;

    public ReportViewModel(WorkbookViewModel session) {
        this.session = session;
        for (ReportPart p : ReportPart.values()) {
            BooleanProperty b = new SimpleBooleanProperty(true);
            b.addListener((o, a, c) -> refreshOutline());
            parts.put(p, b);
        }
        year.addListener((o, a, b) -> refreshOutline());
        groupBy.addListener((o, a, b) -> refreshOutline());
        session.workbookProperty().addListener((o, a, b) -> reset());
        session.versionProperty().addListener((o, a, b) -> {
            refreshOutline();
            refreshIndicators();
        });
        reset();
    }

    public BooleanProperty partProperty(ReportPart p) { return parts.get(p); }
    /** Every indicator of the workbook with whether the plan shows it and why. */
    public ObservableList<IndicatorChoice> indicators() { return indicators; }
    public StringProperty yearProperty() { return year; }
    public ObjectProperty<GroupBy> groupByProperty() { return groupBy; }
    public ObservableList<OutlineEntry> outline() { return outline; }
    public BooleanProperty runningProperty() { return running; }
    /** Also make a tagged PDF next to the Word file (LibreOffice). */
    public BooleanProperty pdfProperty() { return pdf; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty messageProperty() { return message; }
    public ObjectProperty<ReportResult> resultProperty() { return result; }

    private void reset() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        year.set(Integer.toString(wb.settings().plan().planYear()));
        refreshOutline();
        refreshIndicators();
    }

    /** Reloads "Nyckeltal i planen" from the workbook. */
    public void refreshIndicators() {
        Workbook wb = session.workbook();
        loadingIndicators = true;
        try {
            if (wb == null) {
                indicators.clear();
                return;
            }
            List<se.halsolage.report.PlanIndicators.Choice> all = se.halsolage.report.PlanIndicators.of(wb);
            java.util.Map<String, IndicatorChoice> old = new java.util.HashMap<>();
            for (IndicatorChoice c : indicators) old.put(c.id(), c);
            List<IndicatorChoice> rows = new java.util.ArrayList<>();
            for (var c : all) {
                IndicatorChoice row = old.get(c.indicator().id());
                if (row == null) {
                    IndicatorChoice fresh = new IndicatorChoice(c.indicator().id(), c.indicator().displayTitle(),
                            c.indicator().source(), c.indicator().title());
                    fresh.included.addListener((o, a, b) -> choose(fresh, b));
                    row = fresh;
                }
                row.included.set(c.included());
                row.reason.set(c.reason().words());
                rows.add(row);
            }
            indicators.setAll(rows);
        } finally {
            loadingIndicators = false;
        }
    }

    private void choose(IndicatorChoice row, boolean in) {
        if (loadingIndicators) return;
        Workbook wb = session.workbook();
        if (wb == null) return;
        try {
            if (in) se.halsolage.report.PlanIndicators.add(wb, List.of(row.id()));
            else se.halsolage.report.PlanIndicators.remove(wb, List.of(row.id()));
        } catch (RuntimeException e) {
            session.dialogs().showError(session.texts().get("report.failed"), session.message(e));
        }
        session.changed();
    }

    /** Back to the default set (SfH + indicators of initiatives and targets, no counts). */
    public void resetIndicators() {
        Workbook wb = session.workbook();
        if (wb == null) return;
        se.halsolage.report.PlanIndicators.reset(wb);
        session.changed();
    }

    /** The options the controls describe; null when the year is not a year. */
    public ReportOptions options() {
        Workbook wb = session.workbook();
        Integer y = YearField.parse(year.get());
        if (wb == null || y == null) return null;
        ReportOptions o = new ReportService(wb).defaultOptions().withYear(y).withGroupBy(groupBy.get());
        for (ReportPart p : ReportPart.values()) o = o.with(p, parts.get(p).get());
        return o;
    }

    public void refreshOutline() {
        ReportOptions o = options();
        Workbook wb = session.workbook();
        if (o == null || wb == null) {
            outline.clear();
            return;
        }
        session.runner().run(session.texts().get("report.outlining"), p -> new ReportService(wb).outline(o),
                outline::setAll, e -> outline.clear());
    }

    public String suggestedFileName() {
        ReportOptions o = options();
        return o == null ? "plan.docx" : new ReportService(session.workbook()).suggestedFileName(o);
    }

    /** Generates the report into {@code out} in the background. Returns a problem text, or null when started. */
    public String generate(Path out) {
        ReportOptions o = options();
        if (o == null) return session.texts().get("report.badYear");
        if (o.parts().isEmpty()) return session.texts().get("report.noParts");
        Workbook wb = session.workbook();
        cancelRequested = false;
        running.set(true);
        progress.set(0);
        result.set(null);
        message.set(session.texts().get("report.starting"));
        boolean withPdf = pdf.get();
        java.util.concurrent.atomic.AtomicReference<se.halsolage.report.PdfExport.Result> pdfResult = new java.util.concurrent.atomic.AtomicReference<>();
        handle = session.runner().run(session.texts().get("report.generating"),
                p -> {
                    ReportResult r = new ReportService(wb).generate(o, out, p::update, () -> cancelRequested || p.isCancelled());
                    if (withPdf) {
                        p.update(-1, session.texts().get("report.pdfRunning"));
                        String n = r.file().getFileName().toString();
                        pdfResult.set(se.halsolage.report.PdfExport.export(r.file(),
                                r.file().resolveSibling(n.substring(0, n.length() - 5) + ".pdf")));
                    }
                    return r;
                },
                r -> {
                    running.set(false);
                    progress.set(1);
                    result.set(r);
                    var pr = pdfResult.get();
                    message.set(session.texts().get("report.done", r.file().getFileName(), r.summary())
                            + (pr == null ? "" : " " + session.texts().get("report.pdfDone", pr.pdf().getFileName())
                            + (pr.note() == null ? "" : " " + pr.note())));
                    session.dialogs().notify(session.texts().get("report.doneShort", r.file().getFileName()));
                }, e -> {
                    running.set(false);
                    progress.set(0);
                    message.set(session.message(e));
                    if (!(e instanceof java.util.concurrent.CancellationException)) {
                        session.dialogs().showError(session.texts().get("report.failed"), session.message(e));
                    }
                }, (f, m) -> {
                    if (f >= 0) progress.set(f);
                    if (m != null && !m.isBlank()) message.set(m);
                });
        return null;
    }

    public void cancel() {
        cancelRequested = true;
        if (handle != null) handle.cancel();
    }

    /** Opens the generated document in the system's word processor. */
    public void open() {
        ReportResult r = result.get();
        if (r != null) session.dialogs().openInSystem(r.file());
    }

    public List<ReportPart> allParts() {
        return List.of(ReportPart.values());
    }
}
