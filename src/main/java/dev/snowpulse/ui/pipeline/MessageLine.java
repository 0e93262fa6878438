package dev.snowpulse.ui.pipeline;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** One line under a toolbar that shows the error when there is one, else the last message, else nothing. */
final class MessageLine {

    private MessageLine() {
    }

    static Label of(String id, ObservableStringValue error, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable update = () -> {
            boolean failed = !error.get().isEmpty();
            label.setText(dev.snowpulse.ui.common.Nodes.sentence(failed ? error.get() : message.get()));
            label.getStyleClass().setAll("label", "message", failed ? "message-error" : "message-info");
            label.setVisible(!label.getText().isEmpty());
            label.setManaged(label.isVisible());
        };
        error.addListener((obs, old, now) -> update.run());
        message.addListener((obs, old, now) -> update.run());
        update.run();
        return label;
    }
}
