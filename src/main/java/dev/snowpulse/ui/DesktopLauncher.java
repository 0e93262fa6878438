package dev.snowpulse.ui;

import javafx.application.Application;

/** Starts the desktop app; kept apart so the entry point itself never loads JavaFX for a CLI command. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    // held, so the filter stays on the logger (java.util.logging keeps loggers weakly)
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void launch(String[] args) {
        // SnowPulse runs JavaFX from the class path on purpose (one jar, see SnowPulse); the warning that this is
        // "unsupported" is the only one dropped, every other JavaFX warning still shows
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        SnowPulseApp.readAhead();
        Application.launch(SnowPulseApp.class, args);
    }
}
