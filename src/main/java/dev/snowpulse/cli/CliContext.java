package dev.snowpulse.cli;

import dev.snowpulse.AppServices;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** What every command gets: the shared services (created on first use) and the output streams. */
public final class CliContext implements AutoCloseable {

    private final Supplier<AppServices> services;
    private final PrintWriter out;
    private final PrintWriter err;
    private String chosenProfile;
    private boolean used;

    CliContext(Supplier<AppServices> services, PrintWriter out, PrintWriter err) {
        this.services = services;
        this.out = out;
        this.err = err;
    }

    public AppServices services() {
        AppServices shared = services.get();
        if (!used) {
            used = true;
            shared.profiles().store().problem().ifPresent(p -> err.println("warning: " + p.message()));
        }
        return shared;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    @Override
    public void close() {
        if (used) {
            services.get().close();
        }
    }

    /** The global --profile. */
    void chooseProfile(String name) {
        chosenProfile = name;
    }

    /** The profile named by --profile, or null when none was. */
    String chosenProfile() {
        return chosenProfile;
    }
}
