package dev.snowpulse.profile;

import dev.snowpulse.validation.Checks;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Locale;
import java.util.regex.Pattern;

/** Where a PostgreSQL (or Snowflake Postgres) server is and how to talk to it. No secret is held here. */
public record PostgresSettings(
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        String sslRootCert,
        String applicationName,
        SecretRef password,
        Pooler pooler) implements ConnectionSettings {

    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_APPLICATION_NAME = "SnowPulse";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-:\\[\\]%]+");

    public PostgresSettings {
        host = Checks.required("host", host, "e.g. 127.0.0.1 or xxxx.snowflake.app");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host: '" + host + "' is not a host name or address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is outside 1..65535 (PostgreSQL listens on 5432 by default)");
        }
        database = Checks.required("database", database, "e.g. postgres");
        user = Checks.required("user", user, "e.g. postgres or snowflake_admin");
        sslMode = sslMode == null ? defaultSslMode(host) : sslMode;
        sslRootCert = sslRootCert == null || sslRootCert.isBlank() ? null : sslRootCert.strip();
        applicationName = applicationName == null || applicationName.isBlank() ? DEFAULT_APPLICATION_NAME : applicationName.strip();
        if (applicationName.length() > 63) {
            throw new IllegalArgumentException("application name: PostgreSQL keeps at most 63 characters");
        }
        password = password == null ? SecretRef.auto() : password;
        pooler = pooler == null ? Pooler.defaultFor(host, port) : pooler;
    }

    /** Without a pooler setting: the default for the host and port (transaction pooling on Snowflake Postgres's 5431). */
    public PostgresSettings(String host, int port, String database, String user, SslMode sslMode, String sslRootCert,
                            String applicationName, SecretRef password) {
        this(host, port, database, user, sslMode, sslRootCert, applicationName, password, null);
    }

    /** Through a transaction-mode pooler: no session state, no named server-side prepared statements. */
    @JsonIgnore
    public boolean transactionPooled() {
        return pooler == Pooler.TRANSACTION;
    }

    /** Snowflake Postgres only accepts TLS, so its hosts default to require; libpq's own default is prefer. */
    public static SslMode defaultSslMode(String host) {
        return isSnowflakePostgres(host) ? SslMode.REQUIRE : SslMode.PREFER;
    }

    public static boolean isSnowflakePostgres(String host) {
        return host != null && host.toLowerCase(Locale.ROOT).endsWith("snowflake.app");
    }

    @Override
    @JsonIgnore
    public ProfileKind kind() {
        return ProfileKind.POSTGRES;
    }

    @Override
    @JsonIgnore
    public SecretRef secret() {
        return password;
    }

    @Override
    public String summary() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
