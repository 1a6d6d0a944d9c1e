package se.halsolage.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** Waits for the report service API (not yet merged). */
final class ReportView {
    private final WorkbookViewModel session;

    ReportView(WorkbookViewModel session) {
        this.session = session;
    }

    Node node() {
        return Ui.box(8, Ui.heading(session.texts().get("nav.report").replace("_", "")), new Label(session.texts().get("pending.service")));
    }
}
