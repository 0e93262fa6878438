package dev.snowpulse.profile;

import dev.snowpulse.app.EnvVar;
import java.util.Locale;

/** How a Snowflake profile signs in, with the snowflake-jdbc authenticator name each one maps to. */
public enum SnowflakeAuthenticator {
    PASSWORD("snowflake", "password", EnvVar.SNOWFLAKE_PASSWORD.name()),
    KEY_PAIR("snowflake_jwt", "key pair (private key file + passphrase)", EnvVar.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE.name()),
    PROGRAMMATIC_ACCESS_TOKEN("programmatic_access_token", "programmatic access token", EnvVar.SNOWFLAKE_TOKEN.name()),
    OAUTH("oauth", "OAuth token", EnvVar.SNOWFLAKE_TOKEN.name()),
    EXTERNAL_BROWSER("externalbrowser", "external browser (SSO)", null),
    CLI_CONNECTION(null, "connection from the Snowflake CLI's connections.toml", null);

    private final String driverName;
    private final String description;
    private final String defaultVariable;

    SnowflakeAuthenticator(String driverName, String description, String defaultVariable) {
        this.driverName = driverName;
        this.description = description;
        this.defaultVariable = defaultVariable;
    }

    /** The value of snowflake-jdbc's authenticator property; null when the driver decides (connections.toml). */
    public String driverName() {
        return driverName;
    }

    public String description() {
        return description;
    }

    /** The environment variable that holds this authenticator's secret unless the profile names another. */
    public String defaultVariable() {
        return defaultVariable;
    }

    public boolean needsSecret() {
        return defaultVariable != null;
    }

    /** Whether signing in is impossible without the secret: a key pair's passphrase is only for an encrypted key. */
    public boolean secretRequired() {
        return needsSecret() && this != KEY_PAIR;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SnowflakeAuthenticator parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (SnowflakeAuthenticator authenticator : values()) {
            if (authenticator.label().equals(wanted) || wanted.equals(authenticator.driverName)) {
                return authenticator;
            }
        }
        if (wanted.equals("pat")) {
            return PROGRAMMATIC_ACCESS_TOKEN;
        }
        throw new IllegalArgumentException("unknown authenticator '" + text
                + "' (use password, key-pair, programmatic-access-token, oauth, external-browser or cli-connection)");
    }

    @Override
    public String toString() {
        return description;
    }
}
