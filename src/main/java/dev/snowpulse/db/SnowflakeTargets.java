package dev.snowpulse.db;

import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** snowflake-jdbc URL and properties for a Snowflake profile. */
public final class SnowflakeTargets {

    private SnowflakeTargets() {
    }

    public static JdbcTarget of(SnowflakeSettings sf, Optional<Secret> secret, Duration timeout) {
        Properties props = new Properties();
        // JSON results keep the Arrow reader (and its --add-opens) out of the picture.
        props.setProperty("JDBC_QUERY_RESULT_FORMAT", "JSON");
        props.setProperty("loginTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
        props.setProperty("networkTimeout", Long.toString(Math.max(1, timeout.toMillis()) * 3));
        props.setProperty("application", "SnowPulse");
        if (sf.authenticator() == SnowflakeAuthenticator.CLI_CONNECTION) {
            return new JdbcTarget("jdbc:snowflake:auto?connectionName=" + sf.cliConnectionName(), props, sf.summary());
        }
        props.setProperty("account", sf.account());
        put(props, "user", sf.user());
        put(props, "role", sf.role());
        put(props, "warehouse", sf.warehouse());
        put(props, "db", sf.database());
        put(props, "schema", sf.schema());
        props.setProperty("authenticator", sf.authenticator().driverName());
        switch (sf.authenticator()) {
            case PASSWORD -> secret.ifPresent(s -> props.setProperty("password", s.value()));
            case KEY_PAIR -> {
                props.setProperty("private_key_file", sf.privateKeyFile());
                secret.ifPresent(s -> props.setProperty("private_key_pwd", s.value()));
            }
            case PROGRAMMATIC_ACCESS_TOKEN, OAUTH -> secret.ifPresent(s -> props.setProperty("token", s.value()));
            case EXTERNAL_BROWSER, CLI_CONNECTION -> { }
        }
        String host = sf.host() != null ? sf.host() : sf.account() + ".snowflakecomputing.com";
        if (host.startsWith("http://")) {
            // a plain-HTTP endpoint on loopback (tests); cloud metadata probes would only slow the login
            props.setProperty("ssl", "off");
            props.setProperty("disablePlatformDetection", "true");
            host = host.substring("http://".length());
        }
        return new JdbcTarget("jdbc:snowflake://" + host, props, sf.summary());
    }

    private static void put(Properties props, String key, String value) {
        if (value != null) {
            props.setProperty(key, value);
        }
    }
}
