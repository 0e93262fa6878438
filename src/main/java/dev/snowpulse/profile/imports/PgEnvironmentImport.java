package dev.snowpulse.profile.imports;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.HostEnvironment;
import java.util.Optional;

/** A profile from libpq's PG* environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE ...). */
public final class PgEnvironmentImport {

    private PgEnvironmentImport() {
    }

    public static Optional<PostgresSettings> settings(HostEnvironment host) {
        Optional<String> pgHost = host.variable(EnvVar.PGHOST.name());
        if (pgHost.isEmpty()) {
            return Optional.empty();
        }
        int port = host.variable(EnvVar.PGPORT.name()).map(text -> {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PGPORT: '" + text + "' is not a port number");
            }
        }).orElse(PostgresSettings.DEFAULT_PORT);
        String user = host.variable(EnvVar.PGUSER.name()).orElse(System.getProperty("user.name", "postgres"));
        String database = host.variable(EnvVar.PGDATABASE.name()).orElse(user);
        SslMode sslMode = host.variable(EnvVar.PGSSLMODE.name()).map(SslMode::parse).orElse(null);
        SecretRef password = host.variable(EnvVar.PGPASSWORD.name()).isPresent() ? SecretRef.environment(EnvVar.PGPASSWORD.name()) : SecretRef.auto();
        return Optional.of(new PostgresSettings(pgHost.get(), port, database, user, sslMode,
                host.variable(EnvVar.PGSSLROOTCERT.name()).orElse(null), host.variable(EnvVar.PGAPPNAME.name()).orElse(null), password));
    }

    public static ConnectionProfile profile(HostEnvironment host, String name, Environment environment) {
        PostgresSettings settings = settings(host).orElseThrow(() -> new IllegalArgumentException(
                "PGHOST is not set: export PGHOST (and PGPORT, PGUSER, PGDATABASE) first"));
        return new ConnectionProfile(name == null ? "env-" + settings.host() : name, environment, settings);
    }
}
