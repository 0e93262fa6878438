package dev.snowpulse.app;

/**
 * Every environment variable SnowPulse reads, in one place, with what it is for and what applies without it (after
 * pgjdbc's {@code PGEnvironment}). The constant's name is the variable's.
 */
public enum EnvVar {
    // where SnowPulse keeps its files
    SNOWPULSE_CONFIG_DIR("profiles.json and settings.json", "$XDG_CONFIG_HOME/snowpulse, else ~/.config/snowpulse (Linux)"),
    SNOWPULSE_DATA_DIR("the snowflake-jdbc driver, the embedded PostgreSQL, the log", "$XDG_DATA_HOME/snowpulse, else ~/.local/share/snowpulse (Linux)"),
    XDG_CONFIG_HOME("the base of the config directory on Linux", "~/.config"),
    XDG_DATA_HOME("the base of the data directory on Linux", "~/.local/share"),
    APPDATA("the base of the config directory on Windows, and of pgpass.conf", "the account's Roaming folder"),
    LOCALAPPDATA("the base of the data directory on Windows", "the account's Local folder"),
    HOME("the user's home: ~ in every path above", "the account's home"),
    // how SnowPulse behaves
    SNOWPULSE_LOCAL_DEMO("where the Local demo runs: auto, external (this machine's PostgreSQL only) or embedded", "auto"),
    SNOWPULSE_MAVEN_REPOSITORY("where the snowflake-jdbc driver is downloaded from", "Maven Central"),
    SNOWPULSE_LAUNCHED_AT("set by the packaged launcher's smoke test: when it started the app", "not set"),
    // libpq's, read as psql reads them
    PGHOST("the host of a profile imported from the environment, and of the Local demo when set", "127.0.0.1 for the Local demo"),
    PGPORT("its port", "5432"),
    PGDATABASE("its database", "the user name; postgres for the Local demo"),
    PGUSER("its user, and the Local demo's", "the account's login name; postgres for the Local demo"),
    PGPASSWORD("a password when the profile's source is auto or environment", "none"),
    PGPASSFILE("the password file", "~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf)"),
    PGSSLMODE("the SSL mode of an imported profile", "prefer"),
    PGSSLROOTCERT("its CA file", "none"),
    PGAPPNAME("its application_name", "SnowPulse"),
    // Snowflake's
    SNOWFLAKE_HOME("where the Snowflake CLI's connections.toml is", "~/.snowflake"),
    SNOWFLAKE_PASSWORD("a Snowflake password when the profile's source is auto or environment", "none"),
    SNOWFLAKE_TOKEN("a programmatic access token or OAuth token", "none"),
    SNOWFLAKE_PRIVATE_KEY_PASSPHRASE("the passphrase of an encrypted key-pair private key", "none");

    private final String purpose;
    private final String otherwise;

    EnvVar(String purpose, String otherwise) {
        this.purpose = purpose;
        this.otherwise = otherwise;
    }

    public String purpose() {
        return purpose;
    }

    /** What applies when the variable is not set. */
    public String otherwise() {
        return otherwise;
    }
}
