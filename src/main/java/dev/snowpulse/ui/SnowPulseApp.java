package dev.snowpulse.ui;

import dev.snowpulse.AppServices;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.ui.common.FxBackground;
import dev.snowpulse.ui.shell.UiSettings;
import dev.snowpulse.ui.shell.UiSettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The JavaFX application: one window, the shared services, and a clean stop (embedded PostgreSQL included). */
public final class SnowPulseApp extends Application {

    private AppServices services;
    private FxBackground background;
    private SnowPulseWindow window;
    private UiSettings settings;

    /** Profiles and settings, read while JavaFX starts its toolkit (see {@link #readAhead()}). */
    private record Loaded(AppServices services, UiSettings settings) {
        static Loaded read() {
            AppServices services = AppServices.create(HostEnvironment.current());
            return new Loaded(services, new UiSettingsStore(services.directories().settingsFile()).load());
        }
    }

    private static volatile CompletableFuture<Loaded> readAhead;

    /**
     * Starts reading profiles and settings on a thread of its own before {@code Application.launch}: the toolkit's
     * start and this reading then share the two cores instead of running one after the other.
     */
    static void readAhead() {
        CompletableFuture<Loaded> future = new CompletableFuture<>();
        Thread.ofPlatform().name("read-profiles").daemon().start(() -> {
            try {
                future.complete(Loaded.read());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        readAhead = future;
    }

    /** Runs on the launcher thread, so reading profiles and settings never holds up the FX thread. */
    @Override
    public void init() {
        CompletableFuture<Loaded> ahead = readAhead;
        Loaded loaded;
        try {
            loaded = ahead == null ? Loaded.read() : ahead.join();
        } catch (CompletionException e) {
            // the reading's own failure, as if it had run here
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
        services = loaded.services();
        settings = loaded.settings();
        background = new FxBackground();
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
