package dev.snowpulse.ui.common;

import dev.snowpulse.db.ConnectionCheck;
import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.secret.SessionSecrets;

import java.util.function.Consumer;

/**
 * Tests a profile off the FX thread; when its secret has to be typed, asks on the FX thread and tries again.
 * Shared by the shell's Connect and the Connections tab's Test.
 */
public final class ConnectionChecks {

    private final ConnectionService connections;
    private final SessionSecrets sessionSecrets;
    private final Background background;
    private PasswordPrompter prompter = (profile, reason) -> java.util.Optional.empty();

    public ConnectionChecks(ConnectionService connections, SessionSecrets sessionSecrets, Background background) {
        this.connections = connections;
        this.sessionSecrets = sessionSecrets;
        this.background = background;
    }

    public void setPrompter(PasswordPrompter prompter) {
        this.prompter = prompter;
    }

    public void check(ConnectionProfile profile, Consumer<ConnectionCheck> done) {
        background.run("test " + profile.name(),
                () -> connections.test(profile, ConnectionService.DEFAULT_TIMEOUT),
                outcome -> {
                    if (!outcome.needsPrompt()) {
                        done.accept(outcome.check());
                        return;
                    }
                    prompter.ask(profile, outcome.secret().detail()).ifPresentOrElse(
                            typed -> {
                                sessionSecrets.put(profile.name(), new Secret(typed));
                                check(profile, done);
                            },
                            () -> done.accept(ConnectionCheck.failure(profile.connection().summary(), "no password typed")));
                },
                failure -> done.accept(ConnectionCheck.failure(profile.connection().summary(),
                        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())));
    }
}
