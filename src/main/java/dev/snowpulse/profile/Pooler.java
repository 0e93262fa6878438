package dev.snowpulse.profile;

import java.util.Locale;

/**
 * What sits between SnowPulse and a Postgres server. Snowflake Postgres puts PgBouncer in front of every instance
 * (port 5431, transaction pooling): there each transaction may land on another server connection, so nothing may
 * rely on session state, and named server-side prepared statements do not survive.
 */
public enum Pooler {
    NONE("none"),
    SESSION("session"),
    TRANSACTION("transaction");

    /** The port Snowflake Postgres's pooler listens on. */
    public static final int SNOWFLAKE_POOLER_PORT = 5431;
    /** PgBouncer's own default port. */
    public static final int PGBOUNCER_PORT = 6432;

    private final String label;

    Pooler(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Pooler parse(String text) {
        for (Pooler pooler : values()) {
            if (pooler.label.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return pooler;
            }
        }
        throw new IllegalArgumentException("pooler: '" + text + "' is not one of none, session, transaction");
    }

    /** Without a setting: transaction pooling on Snowflake Postgres's pooler port, none elsewhere. */
    public static Pooler defaultFor(String host, int port) {
        return PostgresSettings.isSnowflakePostgres(host) && port == SNOWFLAKE_POOLER_PORT ? TRANSACTION : NONE;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return label;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static Pooler fromJson(String text) {
        return parse(text.toLowerCase(Locale.ROOT));
    }
}
