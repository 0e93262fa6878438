package dev.snowpulse.ui.common;

import javafx.scene.Node;

/**
 * One tab's view. The shell activates a tab when it is shown and deactivates it when it is left or the app closes,
 * so polling runs only while someone can see it.
 */
public interface TabContent {

    String title();

    Node node();

    default void activate() {
    }

    default void deactivate() {
    }

    /** The window is closing: stop whatever the tab started (a workload, an ingest). */
    default void shutdown() {
    }
}
