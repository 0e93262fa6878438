package dev.snowpulse.ui;

import javafx.application.Application;

/** Starts the desktop app; kept apart so the entry point itself never loads JavaFX for a CLI command. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        SnowPulseApp.readAhead();
        Application.launch(SnowPulseApp.class, args);
    }
}
