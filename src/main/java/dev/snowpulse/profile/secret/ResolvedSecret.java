package dev.snowpulse.profile.secret;

import java.util.Optional;

/**
 * The outcome of looking for a profile's secret: found (with where), not needed, or missing with what to do.
 * A missing secret that a prompt can supply has {@code promptable} set.
 */
public record ResolvedSecret(Optional<Secret> secret, SecretOrigin origin, String detail, boolean promptable) {

    public static ResolvedSecret found(Secret secret, SecretOrigin origin, String detail) {
        return new ResolvedSecret(Optional.of(secret), origin, detail, false);
    }

    public static ResolvedSecret notNeeded(String detail) {
        return new ResolvedSecret(Optional.empty(), SecretOrigin.NOT_NEEDED, detail, false);
    }

    public static ResolvedSecret missing(String whatToDo, boolean promptable) {
        return new ResolvedSecret(Optional.empty(), null, whatToDo, promptable);
    }

    public boolean isMissing() {
        return secret.isEmpty() && origin == null;
    }

    /** "password from PGPASSWORD", for status lines. */
    public String describe() {
        if (isMissing()) {
            return detail;
        }
        return origin.description() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
