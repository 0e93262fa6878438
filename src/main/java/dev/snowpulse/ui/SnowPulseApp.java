package dev.snowpulse.ui;

import dev.snowpulse.AppServices;
import dev.snowpulse.profile.HostEnvironment;
import dev.snowpulse.ui.common.FxBackground;
import dev.snowpulse.ui.shell.SnowPulseWindow;
import dev.snowpulse.ui.shell.UiSettings;
import dev.snowpulse.ui.shell.UiSettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window, the shared services, and a clean stop (embedded PostgreSQL included). */
public final class SnowPulseApp extends Application {

    private AppServices services;
    private FxBackground background;
    private SnowPulseWindow window;
    private UiSettings settings;

    /** Runs on the launcher thread, so reading profiles and settings never holds up the FX thread. */
    @Override
    public void init() {
        services = AppServices.create(HostEnvironment.current());
        background = new FxBackground();
        settings = new UiSettingsStore(services.directories().settingsFile()).load();
    }

    @Override
    public void start(Stage stage) {
        window = new SnowPulseWindow(services, background, settings);
        window.show(stage);
        if (getParameters().getRaw().contains(SmokeTest.FLAG)) {
            new SmokeTest(System.out).watch(stage, window.shell());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        background.close();
        services.close();
    }
}
