package se.halsolage.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** Waits for the import service API (not yet merged). */
final class ImportView {
    private final WorkbookViewModel session;

    ImportView(WorkbookViewModel session) {
        this.session = session;
    }

    Node node() {
        return Ui.box(8, Ui.heading(session.texts().get("nav.import").replace("_", "")), new Label(session.texts().get("pending.service")));
    }
}
