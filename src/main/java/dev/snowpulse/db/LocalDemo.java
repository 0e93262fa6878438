package dev.snowpulse.db;

import dev.snowpulse.app.AppDirectories;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Makes the built-in Local demo profile reachable: a PostgreSQL that already answers on this machine, or else an
 * embedded one started on demand and stopped when SnowPulse closes.
 */
public final class LocalDemo implements AutoCloseable {

    private static final int PROBE_TIMEOUT_MILLIS = 500;

    private final LocalDemoMode mode;
    private final AppDirectories directories;
    private EmbeddedPostgresServer embedded;

    public LocalDemo(LocalDemoMode mode, AppDirectories directories) {
        this.mode = mode;
        this.directories = directories;
    }

    /** Where the Local demo lives now, starting the embedded server if it has to. Blocking. */
    public synchronized ConnectionProfile resolve(ConnectionProfile localDemo) throws IOException {
        PostgresSettings configured = (PostgresSettings) localDemo.connection();
        if (mode != LocalDemoMode.EMBEDDED && answers(configured.host(), configured.port())) {
            return localDemo;
        }
        if (mode == LocalDemoMode.EXTERNAL) {
            throw new IOException("nothing answers on " + configured.host() + ":" + configured.port()
                    + " and SNOWPULSE_LOCAL_DEMO=external forbids starting the embedded PostgreSQL");
        }
        if (embedded == null) {
            embedded = EmbeddedPostgresServer.start(directories.embeddedPostgresDir());
        }
        PostgresSettings local = new PostgresSettings("127.0.0.1", embedded.port(), "postgres", "postgres",
                SslMode.DISABLE, null, null, SecretRef.of(SecretSource.NONE));
        return new ConnectionProfile(localDemo.name(), localDemo.environment(), local);
    }

    /** "embedded PostgreSQL (data in …)" or null when the demo uses an existing server. */
    public synchronized String embeddedDescription() {
        return embedded == null ? null : "embedded PostgreSQL on 127.0.0.1:" + embedded.port() + ", data in " + embedded.dataDirectory();
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                embedded = null;
            }
        }
    }
}
