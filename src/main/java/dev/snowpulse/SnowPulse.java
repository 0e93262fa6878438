package dev.snowpulse;

import dev.snowpulse.cli.Cli;
import dev.snowpulse.app.HostEnvironment;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point. No arguments open the desktop app ({@code --smoke-test} opens it, checks it and exits); anything else
 * is a headless command.
 * Not an {@code Application} subclass, so the app runs from the class path without JavaFX modules declared.
 */
public final class SnowPulse {

    private SnowPulse() {
    }

    public static void main(String[] args) {
        quietLogging();
        logToFile(HostEnvironment.current());
        if (args.length == 0 || (args.length == 1 && args[0].equals("--smoke-test"))) {
            dev.snowpulse.ui.DesktopLauncher.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, HostEnvironment.current(), out, err));
    }

    /** The log in the data directory; without it (a read-only data directory) SnowPulse runs on, and says so once. */
    private static void logToFile(HostEnvironment host) {
        try {
            dev.snowpulse.app.LogFile.install(dev.snowpulse.app.AppDirectories.of(host).logsDir());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("snowpulse: no log file (" + e.getMessage() + "); messages go to this terminal only");
        }
    }

    /** Libraries log at INFO through java.util.logging; a user sees warnings only unless they configure more. */
    private static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (var config = SnowPulse.class.getResourceAsStream("logging.properties")) {
            if (config != null) {
                java.util.logging.LogManager.getLogManager().readConfiguration(config);
            }
        } catch (java.io.IOException ignored) {
            // the JDK's defaults stay
        }
    }
}
