package dev.snowpulse;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.db.ConnectionService;
import dev.snowpulse.db.LocalDemo;
import dev.snowpulse.db.LocalDemoMode;
import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.app.AppDirectories;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.profile.secret.Keychain;
import dev.snowpulse.profile.secret.OsKeychain;
import dev.snowpulse.profile.ProdGuard;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.store.ProfileStore;
import dev.snowpulse.profile.secret.SecretResolver;
import dev.snowpulse.profile.secret.SessionSecrets;

/** The services the desktop app and the CLI share, wired once per run. */
public record AppServices(
        HostEnvironment host,
        AppDirectories directories,
        ProfileCatalog profiles,
        SecretResolver secrets,
        ConnectionService connections,
        ProdGuard prodGuard) implements AutoCloseable {

    public static AppServices create(HostEnvironment host) {
        return create(host, new OsKeychain());
    }

    public static AppServices create(HostEnvironment host, Keychain keychain) {
        AppDirectories directories = AppDirectories.of(host);
        return create(host, keychain, SnowflakeDriver.of(directories.driversDir(), mavenRepository(host)));
    }

    /** With a Snowflake driver of the caller's choosing: tests use one that ignores the class path's copy. */
    public static AppServices create(HostEnvironment host, Keychain keychain, SnowflakeDriver snowflakeDriver) {
        AppDirectories directories = AppDirectories.of(host);
        ProfileCatalog profiles = new ProfileCatalog(ProfileStore.open(directories.profilesFile()), host);
        SecretResolver secrets = new SecretResolver(host, keychain, new SessionSecrets());
        LocalDemo localDemo = new LocalDemo(LocalDemoMode.of(host), directories);
        return new AppServices(host, directories, profiles, secrets, new ConnectionService(secrets, localDemo, snowflakeDriver), new ProdGuard());
    }

    /** Where drivers are downloaded from: Maven Central, or the mirror SNOWPULSE_MAVEN_REPOSITORY names (checked when used). */
    public static String mavenRepository(HostEnvironment host) {
        return host.variable(EnvVar.SNOWPULSE_MAVEN_REPOSITORY.name()).orElse(SnowflakeDriver.MAVEN_CENTRAL.toString());
    }

    @Override
    public void close() {
        connections.localDemo().close();
    }
}
