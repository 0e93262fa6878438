package dev.snowpulse.profile;

import java.util.Optional;

/** A profile from libpq's PG* environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE ...). */
public final class PgEnvironmentImport {

    private PgEnvironmentImport() {
    }

    public static Optional<PostgresSettings> settings(HostEnvironment host) {
        Optional<String> pgHost = host.variable("PGHOST");
        if (pgHost.isEmpty()) {
            return Optional.empty();
        }
        int port = host.variable("PGPORT").map(text -> {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PGPORT: '" + text + "' is not a port number");
            }
        }).orElse(PostgresSettings.DEFAULT_PORT);
        String user = host.variable("PGUSER").orElse(System.getProperty("user.name", "postgres"));
        String database = host.variable("PGDATABASE").orElse(user);
        SslMode sslMode = host.variable("PGSSLMODE").map(SslMode::parse).orElse(null);
        SecretRef password = host.variable("PGPASSWORD").isPresent() ? SecretRef.environment("PGPASSWORD") : SecretRef.auto();
        return Optional.of(new PostgresSettings(pgHost.get(), port, database, user, sslMode,
                host.variable("PGSSLROOTCERT").orElse(null), host.variable("PGAPPNAME").orElse(null), password));
    }

    public static ConnectionProfile profile(HostEnvironment host, String name, Environment environment) {
        PostgresSettings settings = settings(host).orElseThrow(() -> new IllegalArgumentException(
                "PGHOST is not set: export PGHOST (and PGPORT, PGUSER, PGDATABASE) first"));
        return new ConnectionProfile(name == null ? "env-" + settings.host() : name, environment, settings);
    }
}
