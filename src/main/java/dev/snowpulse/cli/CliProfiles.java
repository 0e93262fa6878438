package dev.snowpulse.cli;

import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.secret.Secret;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Console;
import java.io.IOException;
import java.util.Arrays;

/** What the commands that work on a profile share: which profile, its secret typed when needed, the prod guard. */
final class CliProfiles {

    private CliProfiles() {
    }

    /** NAME if given, else the global --profile, else the Local demo. */
    static ConnectionProfile chosen(CliContext context, CommandSpec spec, String explicit) {
        String name = explicit;
        if (name == null) {
            name = context.chosenProfile();
        }
        return context.services().profiles().require(name == null ? ProfileCatalog.LOCAL_DEMO : name);
    }

    /** The Postgres server behind a profile; asks for its password on the terminal when the profile says so. */
    static PostgresEndpoint postgres(CliContext context, ConnectionProfile profile) throws IOException {
        try {
            return context.services().connections().postgres(profile);
        } catch (ConnectionService.SecretRequired missing) {
            if (!missing.secret().promptable()) {
                throw new CliFailure("profile '" + profile.name() + "': " + missing.getMessage());
            }
            typeSecret(context, profile, missing.getMessage());
            return context.services().connections().postgres(profile);
        } catch (IOException e) {
            throw new CliFailure("profile '" + profile.name() + "': " + e.getMessage());
        }
    }

    /** The pipeline gateway for a profile; asks for its secret on the terminal when the profile says so. */
    static dev.snowpulse.pipeline.PipelineGateway pipeline(CliContext context, ConnectionProfile profile,
                                                           dev.snowpulse.pipeline.PipelineGateways.Overrides overrides,
                                                           java.time.Duration timeout) {
        var connections = context.services().connections();
        try {
            return dev.snowpulse.pipeline.PipelineGateways.open(connections, profile, overrides, timeout);
        } catch (ConnectionService.SecretRequired missing) {
            if (!missing.secret().promptable()) {
                throw new CliFailure("profile '" + profile.name() + "': " + missing.getMessage());
            }
            typeSecret(context, profile, missing.getMessage());
            try {
                return dev.snowpulse.pipeline.PipelineGateways.open(connections, profile, overrides, timeout);
            } catch (IOException e) {
                throw new CliFailure("profile '" + profile.name() + "': " + e.getMessage());
            }
        } catch (IOException e) {
            throw new CliFailure("profile '" + profile.name() + "': " + e.getMessage());
        }
    }

    static void typeSecret(CliContext context, ConnectionProfile profile, String why) {
        Console console = terminal();
        if (console == null) {
            throw new CliFailure(why + "; no terminal to ask on, so set the environment variable "
                    + "or use a profile whose secret source is keychain, env or pgpass");
        }
        char[] typed = console.readPassword("Password for %s: ", profile.name());
        if (typed == null || typed.length == 0) {
            throw new CliFailure("no password typed");
        }
        context.services().secrets().session().put(profile.name(), new Secret(new String(typed)));
        Arrays.fill(typed, '\0');
    }

    /** A database error as one line, with the way out when SnowPulse's objects are missing. */
    static CliFailure databaseFailure(String what, java.sql.SQLException e) {
        if (e instanceof dev.snowpulse.db.DatabaseUnreachable || e instanceof dev.snowpulse.workload.WorkloadRefused) {
            return new CliFailure(e.getMessage());
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint = state.equals("42P01") || state.equals("42883") ? " (run `snowpulse init` first)" : "";
        String message = dev.snowpulse.db.ServerMessages.firstLine(e);
        return new CliFailure(what + " failed (SQLSTATE " + state + "): " + message + hint);
    }

    /**
     * The prod guard for a write action: --confirm NAME, or the name typed on the terminal. Refuses otherwise,
     * saying how to confirm.
     */
    static void guard(CliContext context, ConnectionProfile profile, String action, String confirm) {
        ProdGuard guard = context.services().prodGuard();
        String typed = confirm;
        if (typed == null && guard.needsConfirmation(profile) && terminal() != null) {
            typed = terminal().readLine("%s%n> ", guard.question(profile, action));
        }
        ProdGuard.Decision decision = guard.check(profile, action, typed);
        if (!decision.allowed()) {
            throw new CliFailure(decision.message());
        }
    }

    /** The terminal to ask on, or null when input is a pipe or a file (Java returns a console for those too). */
    static Console terminal() {
        Console console = System.console();
        return console != null && console.isTerminal() ? console : null;
    }
}
