package dev.snowpulse.profile;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a write action on a prod profile unless the user typed the profile's name. The desktop asks in a dialog,
 * the CLI takes {@code --confirm NAME} or asks on the terminal; both decide here.
 *
 * <p>A profile that was prod when this process saw it stays guarded after it is changed outside (a CLI import, an
 * edit of profiles.json): only a change the user confirmed here lifts the guard, so no path around the dialog exists.
 */
public final class ProdGuard {

    public record Decision(boolean allowed, String message) {
    }

    private final Set<String> seenAsProd = ConcurrentHashMap.newKeySet();

    /** Notes the prod profiles among these, as loaded or noticed. */
    public void remember(Collection<ConnectionProfile> profiles) {
        profiles.stream().filter(ConnectionProfile::isProd).map(ConnectionProfile::name).forEach(seenAsProd::add);
    }

    /** The user confirmed a change of this profile (or its removal): what it is now decides from here on. */
    public void confirmed(String name) {
        seenAsProd.remove(name);
    }

    public boolean needsConfirmation(ConnectionProfile profile) {
        return profile.isProd() || seenAsProd.contains(profile.name());
    }

    /** What the user is asked, e.g. "Initialise the schema on prod profile 'orders-prod'?". */
    public String question(ConnectionProfile profile, String action) {
        return action + " on " + describe(profile) + ". Type the profile's name to go ahead.";
    }

    /** For an action on the profile itself: "Remove prod profile 'x'? Type the profile's name to go ahead." */
    public String questionOnProfile(ConnectionProfile profile, String verb) {
        return verb + " " + describe(profile) + "? Type the profile's name to go ahead.";
    }

    private String describe(ConnectionProfile profile) {
        return profile.isProd() ? "prod profile '" + profile.name() + "'"
                : "profile '" + profile.name() + "' (prod until it was changed outside this window)";
    }

    public Decision check(ConnectionProfile profile, String action, String typedName) {
        if (!needsConfirmation(profile)) {
            return new Decision(true, action + " on " + profile.environment().label() + " profile '" + profile.name() + "'");
        }
        if (typedName != null && typedName.strip().equals(profile.name())) {
            return new Decision(true, action + " confirmed on " + describe(profile));
        }
        String reason = typedName == null || typedName.isBlank()
                ? "it needs the profile's name typed to confirm"
                : "the name typed does not match";
        return new Decision(false, action + " refused on " + describe(profile) + ": " + reason
                + " (CLI: --confirm '" + profile.name() + "')");
    }
}
