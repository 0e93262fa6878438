package dev.snowpulse.profile;

import java.util.Locale;

/** Where a profile's password (or token, or key passphrase) comes from. The secret itself is never stored in a profile. */
public enum SecretSource {
    /** The first that has one: this session's prompt answer, the OS keychain, the environment variable, ~/.pgpass. */
    AUTO("auto: prompt answer, keychain, environment, .pgpass"),
    KEYCHAIN("OS keychain"),
    ENVIRONMENT("environment variable"),
    PGPASS("~/.pgpass"),
    PROMPT("ask when connecting (kept in memory only)"),
    NONE("none (trust, certificate or SSO)");

    private final String description;

    SecretSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SecretSource parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("env")) {
            return ENVIRONMENT;
        }
        for (SecretSource source : values()) {
            if (source.label().equals(wanted)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown password source '" + text + "' (use auto, keychain, env, pgpass, prompt or none)");
    }

    @Override
    public String toString() {
        return description;
    }
}
