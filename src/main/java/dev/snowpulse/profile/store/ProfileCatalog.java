package dev.snowpulse.profile.store;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.imports.PgEnvironmentImport;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.HostEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every profile the user can pick: the built-in Local demo first, then the saved ones. */
public final class ProfileCatalog {

    public static final String LOCAL_DEMO = "Local demo";

    private final ProfileStore store;
    private final HostEnvironment host;

    public ProfileCatalog(ProfileStore store, HostEnvironment host) {
        this.store = store;
        this.host = host;
    }

    public ProfileStore store() {
        return store;
    }

    /**
     * The Local demo: a PostgreSQL on this machine (PG* variables, else 127.0.0.1:5432). When nothing answers there,
     * the db layer starts an embedded PostgreSQL instead.
     */
    public ConnectionProfile localDemo() {
        PostgresSettings settings = PgEnvironmentImport.settings(host).orElseGet(() -> new PostgresSettings(
                "127.0.0.1", PostgresSettings.DEFAULT_PORT, "postgres",
                host.variable(EnvVar.PGUSER.name()).orElse("postgres"), SslMode.PREFER, null, null, SecretRef.auto()));
        return new ConnectionProfile(LOCAL_DEMO, Environment.of(EnvironmentKind.DEV), settings);
    }

    public static boolean isBuiltIn(String name) {
        return LOCAL_DEMO.equals(name);
    }

    public List<ConnectionProfile> all() {
        List<ConnectionProfile> all = new ArrayList<>();
        all.add(localDemo());
        all.addAll(store.list());
        return all;
    }

    public Optional<ConnectionProfile> find(String name) {
        return isBuiltIn(name) ? Optional.of(localDemo()) : store.find(name);
    }

    public ConnectionProfile require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no profile called '" + name
                + "' (see `snowpulse profiles list`)"));
    }

    public void save(String previousName, ConnectionProfile profile) throws IOException {
        if (isBuiltIn(profile.name()) || isBuiltIn(previousName)) {
            throw new IllegalArgumentException("name: '" + LOCAL_DEMO + "' is built in; choose another name");
        }
        store.save(previousName, profile);
    }

    /** An edit of {@code base} as the editor loaded it (null: a new profile); see {@link ProfileStore#saveEdit}. */
    public void saveEdit(ConnectionProfile base, ConnectionProfile edited) throws IOException {
        if (isBuiltIn(edited.name()) || (base != null && isBuiltIn(base.name()))) {
            throw new IllegalArgumentException("name: '" + LOCAL_DEMO + "' is built in; choose another name");
        }
        store.saveEdit(base, edited);
    }

    public boolean remove(String name) throws IOException {
        if (isBuiltIn(name)) {
            throw new IllegalArgumentException("'" + LOCAL_DEMO + "' is built in and cannot be removed");
        }
        return store.remove(name);
    }
}
