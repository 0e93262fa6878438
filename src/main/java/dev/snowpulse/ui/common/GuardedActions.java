package dev.snowpulse.ui.common;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.ProdGuard;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every write action of a tab checks before it touches the active profile's database: that the profile is a
 * Postgres one, and the prod guard's verdict on the name typed. Refusals go to the tab's message, as a sentence.
 */
public final class GuardedActions {

    private final ShellViewModel shell;
    private final ProdGuard prodGuard;

    public GuardedActions(ShellViewModel shell, ProdGuard prodGuard) {
        this.shell = shell;
        this.prodGuard = prodGuard;
    }

    public boolean needsConfirmation() {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        return profile != null && prodGuard.needsConfirmation(profile);
    }

    public String question(String action) {
        return prodGuard.question(shell.activeProfileProperty().get(), action);
    }

    /** The active profile when it is a Postgres one; otherwise tells {@code message} what to do instead. */
    public Optional<ConnectionProfile> postgresProfile(String otherwise, Consumer<String> message) {
        ConnectionProfile profile = shell.activeProfileProperty().get();
        if (profile == null || !(profile.connection() instanceof PostgresSettings)) {
            message.accept(otherwise);
            return Optional.empty();
        }
        return Optional.of(profile);
    }

    /** The prod guard's verdict on {@code typedName} (null when nobody was asked); a refusal goes to {@code message}. */
    public boolean allowed(ConnectionProfile profile, String action, String typedName, Consumer<String> message) {
        ProdGuard.Decision decision = prodGuard.check(profile, action, typedName);
        if (!decision.allowed()) {
            message.accept(decision.message());
        }
        return decision.allowed();
    }

    /** What a write action starts with, once every check passed: the profile and the form's values. */
    public record Cleared<S>(ConnectionProfile profile, S values) {
    }

    /**
     * The checks every tab's Start makes, in order: a Postgres profile is active ({@code otherwise} when not), the
     * form reads ({@code values} throws with the field named), and the prod guard lets {@code typedName} through.
     * The first refusal goes to {@code message} as it is; empty then.
     */
    public <S> Optional<Cleared<S>> clear(String otherwise, java.util.function.Supplier<S> values, String action, String typedName,
                                          Consumer<String> message) {
        ConnectionProfile profile = postgresProfile(otherwise, message).orElse(null);
        if (profile == null) {
            return Optional.empty();
        }
        S read;
        try {
            read = values.get();
        } catch (IllegalArgumentException e) {
            message.accept(e.getMessage());
            return Optional.empty();
        }
        return allowed(profile, action, typedName, message) ? Optional.of(new Cleared<>(profile, read)) : Optional.empty();
    }
}
