package dev.snowpulse.testing;

import dev.snowpulse.profile.secret.Keychain;
import dev.snowpulse.profile.secret.Secret;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A keychain backend for tests of what is done with a keychain, not of the OS keychain itself. */
public final class InMemoryKeychain implements Keychain {

    private final boolean available;
    private final Map<String, Secret> entries = new HashMap<>();

    public InMemoryKeychain(boolean available) {
        this.available = available;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public String unavailableReason() {
        return available ? "" : "no keychain in this test";
    }

    @Override
    public Optional<Secret> read(String profileName) {
        return Optional.ofNullable(entries.get(profileName));
    }

    @Override
    public void store(String profileName, Secret secret) {
        if (!available) {
            throw new IllegalStateException("unavailable");
        }
        entries.put(profileName, secret);
    }

    @Override
    public void delete(String profileName) {
        entries.remove(profileName);
    }
}
