package dev.snowpulse.profile;

/**
 * Stops a write action on a prod profile unless the user typed the profile's name. The desktop asks in a dialog,
 * the CLI takes {@code --confirm NAME} or asks on the terminal; both decide here.
 */
public final class ProdGuard {

    public record Decision(boolean allowed, String message) {
    }

    public boolean needsConfirmation(ConnectionProfile profile) {
        return profile.isProd();
    }

    /** What the user is asked, e.g. "Initialise the schema on prod profile 'orders-prod'?". */
    public String question(ConnectionProfile profile, String action) {
        return action + " on prod profile '" + profile.name() + "'. Type the profile's name to go ahead.";
    }

    public Decision check(ConnectionProfile profile, String action, String typedName) {
        if (!needsConfirmation(profile)) {
            return new Decision(true, action + " on " + profile.environment().label() + " profile '" + profile.name() + "'");
        }
        if (typedName != null && typedName.strip().equals(profile.name())) {
            return new Decision(true, action + " confirmed on prod profile '" + profile.name() + "'");
        }
        String reason = typedName == null || typedName.isBlank()
                ? "it needs the profile's name typed to confirm"
                : "the name typed does not match";
        return new Decision(false, action + " refused on prod profile '" + profile.name() + "': " + reason
                + " (CLI: --confirm '" + profile.name() + "')");
    }
}
