package dev.snowpulse.testing;

import dev.snowpulse.AppServices;
import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.ui.common.FxBackground;
import dev.snowpulse.ui.SnowPulseWindow;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a TestFX stage, with services for a test's own home and no OS keychain. */
public final class TestWindow implements AutoCloseable {

    private final AppServices services;
    private final FxBackground background = new FxBackground();
    private final SnowPulseWindow window;

    private TestWindow(AppServices services, Stage stage) {
        this.services = services;
        window = new SnowPulseWindow(services, background);
        window.show(stage);
    }

    /** Call from a TestFX {@code @Start} method (on the FX thread). */
    public static TestWindow show(HostEnvironment host, Stage stage) {
        return new TestWindow(AppServices.create(host, new InMemoryKeychain(false)), stage);
    }

    /** As an installed app runs: snowflake-jdbc only where {@code driver} installs it, never from the class path. */
    public static TestWindow show(HostEnvironment host, Stage stage, SnowflakeDriver driver) {
        return new TestWindow(AppServices.create(host, new InMemoryKeychain(false), driver), stage);
    }

    public AppServices services() {
        return services;
    }

    /** Closes the window as the app does on exit (settings saved, tab deactivated), then the services. */
    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get();
        background.close();
        services.close();
    }
}
