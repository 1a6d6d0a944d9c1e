package se.halsolage.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** Waits for the kolada service API (not yet merged). */
final class KoladaView {
    private final WorkbookViewModel session;

    KoladaView(WorkbookViewModel session) {
        this.session = session;
    }

    Node node() {
        return Ui.box(8, Ui.heading(session.texts().get("nav.kolada").replace("_", "")), new Label(session.texts().get("pending.service")));
    }
}
