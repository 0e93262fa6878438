package dev.snowpulse.profile.secret;

/** Where a resolved secret was found. Shown to the user ("password from PGPASSWORD") but never the secret. */
public enum SecretOrigin {
    PROMPT("typed at a prompt this session"),
    KEYCHAIN("OS keychain"),
    ENVIRONMENT("environment variable"),
    PGPASS(".pgpass"),
    NOT_NEEDED("none needed");

    private final String description;

    SecretOrigin(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
