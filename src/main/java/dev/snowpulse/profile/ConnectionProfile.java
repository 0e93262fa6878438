package dev.snowpulse.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A named way to reach one system in one environment. Holds no secret. */
public record ConnectionProfile(String name, Environment environment, ConnectionSettings connection) {

    public static final int MAX_NAME_LENGTH = 64;

    public ConnectionProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required (e.g. orders-prod)");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: must not contain control characters");
        }
        if (environment == null) {
            throw new IllegalArgumentException("environment: required (dev, staging, prod or custom)");
        }
        if (connection == null) {
            throw new IllegalArgumentException("connection settings: required");
        }
    }

    @JsonIgnore
    public ProfileKind kind() {
        return connection.kind();
    }

    @JsonIgnore
    public boolean isProd() {
        return environment.isProd();
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, environment, connection);
    }
}
