package dev.snowpulse.ui;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.ui.common.ConnectionState;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * {@code --smoke-test}: the installers' check that the packaged app starts. Opens the main window, waits for the
 * active profile (the Local demo on a fresh install) to connect or fail, prints what happened with the time from JVM
 * start to the window on screen, and exits: 0 when the window showed, 1 when it did not.
 */
final class SmokeTest {

    static final String FLAG = "--smoke-test";
    static final String LAUNCHED_AT = EnvVar.SNOWPULSE_LAUNCHED_AT.name();
    private static final Duration CONNECT_WAIT = Duration.seconds(30);

    private final PrintStream out;
    private long windowMillis = -1;
    private long launchMillis = -1;
    private boolean done;

    SmokeTest(PrintStream out) {
        this.out = out;
    }

    /** Call right after the window was shown. */
    void watch(Stage stage, ShellViewModel shell) {
        if (stage.isShowing()) {
            long now = System.currentTimeMillis();
            windowMillis = now - ManagementFactory.getRuntimeMXBean().getStartTime();
            launchMillis = sinceLaunch(System.getenv(LAUNCHED_AT), now);
        }
        ChangeListener<ConnectionState> settled = (obs, old, now) -> {
            if (now == ConnectionState.CONNECTED || now == ConnectionState.FAILED) {
                finish(shell);
            }
        };
        shell.stateProperty().addListener(settled);
        settled.changed(shell.stateProperty(), null, shell.stateProperty().get());
        PauseTransition timeout = new PauseTransition(CONNECT_WAIT);
        timeout.setOnFinished(e -> finish(shell));
        timeout.play();
    }

    /**
     * Milliseconds since the launcher was started, when whoever started it said when ({@value #LAUNCHED_AT}, epoch
     * milliseconds, as packaging/smoke-test.sh sets it); -1 otherwise.
     */
    static long sinceLaunch(String launched, long now) {
        try {
            return launched == null ? -1 : now - Long.parseLong(launched.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void finish(ShellViewModel shell) {
        if (done) {
            return;
        }
        done = true;
        var profile = shell.activeProfileProperty().get();
        out.printf("smoke test: window on screen %s ms after JVM start%s; %s: %s (%s)%n",
                windowMillis < 0 ? "never" : Long.toString(windowMillis),
                launchMillis < 0 ? "" : ", " + launchMillis + " ms after launch",
                profile == null ? "no profile" : profile.name(), shell.stateProperty().get().label(),
                shell.stateDetailProperty().get());
        out.flush();
        int code = windowMillis < 0 ? 1 : 0;
        Platform.exit();
        new Thread(() -> System.exit(code), "smoke-test-exit").start();
    }
}
