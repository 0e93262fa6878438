package dev.snowpulse.profile.secret;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets typed at a prompt, kept in memory for this run only and never written anywhere. */
public final class SessionSecrets {

    private final Map<String, Secret> byProfile = new ConcurrentHashMap<>();

    public Optional<Secret> get(String profileName) {
        return Optional.ofNullable(byProfile.get(profileName));
    }

    public void put(String profileName, Secret secret) {
        byProfile.put(profileName, secret);
    }

    public void forget(String profileName) {
        byProfile.remove(profileName);
    }
}
