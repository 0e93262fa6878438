package dev.snowpulse.ui.common;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * When the focused control is disabled (Start while a run starts, Save once saved), JavaFX drops the focus and then
 * hands it to the next control in traversal order, often a text field with its text selected, so the user's next
 * keystroke overwrites a value. The focus goes to the disabled control's container instead, where a keystroke does
 * nothing.
 */
public final class FocusAfterDisable {

    private FocusAfterDisable() {
    }

    public static void install(Scene scene) {
        scene.focusOwnerProperty().addListener((obs, old, now) -> {
            if (old != null && old.isDisabled() && old.getParent() != null) {
                Node container = old.getParent();
                // after the traversal that is under way has picked its next control
                Platform.runLater(() -> {
                    if (container.getScene() == scene && scene.getFocusOwner() != container) {
                        container.requestFocus();
                    }
                });
            }
        });
    }
}
