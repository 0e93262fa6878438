package dev.snowpulse.db;

import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.secret.ResolvedSecret;
import dev.snowpulse.profile.secret.SecretResolver;
import dev.snowpulse.profile.SnowflakeSettings;

import java.io.IOException;
import java.time.Duration;

/** Tests a profile end to end: its secret, the Local demo's server when it is the Local demo, then the server. */
public final class ConnectionService {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The profile's secret is not where it says; {@code secret().promptable()} tells whether typing it would do. */
    public static final class SecretRequired extends IOException {
        private final transient ConnectionProfile profile;
        private final transient ResolvedSecret secret;

        SecretRequired(ConnectionProfile profile, ResolvedSecret secret) {
            super(secret.detail());
            this.profile = profile;
            this.secret = secret;
        }

        public ConnectionProfile profile() {
            return profile;
        }

        public ResolvedSecret secret() {
            return secret;
        }
    }

    /** A test result, or the secret that has to be typed first. */
    public record Outcome(ConnectionCheck check, ResolvedSecret secret) {
        public boolean needsPrompt() {
            return check == null && secret.promptable();
        }
    }

    private final SecretResolver secrets;
    private final LocalDemo localDemo;
    private final SnowflakeDriver snowflakeDriver;
    private final ConnectionTester tester;

    public ConnectionService(SecretResolver secrets, LocalDemo localDemo, SnowflakeDriver snowflakeDriver) {
        this.secrets = secrets;
        this.localDemo = localDemo;
        this.snowflakeDriver = snowflakeDriver;
        this.tester = new ConnectionTester(snowflakeDriver);
    }

    public Outcome test(ConnectionProfile profile, Duration timeout) {
        ConnectionProfile effective;
        try {
            effective = effective(profile);
        } catch (IOException e) {
            return new Outcome(ConnectionCheck.failure(profile.connection().summary(), e.getMessage()), null);
        }
        ResolvedSecret secret = secrets.resolve(effective);
        if (secret.isMissing()) {
            return new Outcome(secret.promptable() ? null : ConnectionCheck.failure(effective.connection().summary(), secret.detail()), secret);
        }
        ConnectionCheck check = switch (effective.connection()) {
            case PostgresSettings pg -> tester.test(pg, secret.secret(), timeout);
            case SnowflakeSettings sf -> tester.test(sf, secret.secret(), timeout);
        };
        return new Outcome(check, secret);
    }

    /**
     * The Postgres server a profile reaches, with its secret, for the services that work on it (schema, workload,
     * KPIs). Fails with a message naming what to do: wrong kind, a secret that must be typed first, no server.
     */
    public PostgresEndpoint postgres(ConnectionProfile profile) throws IOException {
        if (!(profile.connection() instanceof PostgresSettings)) {
            throw new IOException("profile '" + profile.name() + "' is a " + profile.kind().label()
                    + " profile; this needs a Postgres profile");
        }
        ConnectionProfile effective = effective(profile);
        ResolvedSecret secret = secrets.resolve(effective);
        if (secret.isMissing()) {
            throw new SecretRequired(profile, secret);
        }
        return new PostgresEndpoint((PostgresSettings) effective.connection(), secret.secret());
    }

    /**
     * The snowflake-jdbc URL and properties for a Snowflake profile, with its secret, for the pipeline. Fails like
     * {@link #postgres} with a message naming what to do.
     */
    public JdbcTarget snowflake(ConnectionProfile profile, Duration timeout) throws IOException {
        if (!(profile.connection() instanceof SnowflakeSettings sf)) {
            throw new IOException("profile '" + profile.name() + "' is a " + profile.kind().label()
                    + " profile; the Snowflake pipeline needs a Snowflake profile");
        }
        ResolvedSecret secret = secrets.resolve(profile);
        if (secret.isMissing() && sf.authenticator().secretRequired()) {
            throw new SecretRequired(profile, secret);
        }
        return SnowflakeTargets.of(sf, secret.secret(), timeout);
    }

    /** The Local demo becomes the server it runs on now; any other profile is itself. */
    private ConnectionProfile effective(ConnectionProfile profile) throws IOException {
        return ProfileCatalog.isBuiltIn(profile.name()) ? localDemo.resolve(profile) : profile;
    }

    public SnowflakeDriver snowflakeDriver() {
        return snowflakeDriver;
    }

    public LocalDemo localDemo() {
        return localDemo;
    }
}
