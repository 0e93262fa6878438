package dev.snowpulse.profile.secret;

import java.util.Optional;

/** An OS credential store holding one secret per profile. */
public interface Keychain {

    /** Whether a working backend answered a store-read-delete probe. May block for a few seconds the first time. */
    boolean isAvailable();

    /** Why {@link #isAvailable()} is false, for the user. */
    String unavailableReason();

    Optional<Secret> read(String profileName);

    void store(String profileName, Secret secret);

    void delete(String profileName);
}
