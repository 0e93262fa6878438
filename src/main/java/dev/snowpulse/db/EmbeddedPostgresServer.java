package dev.snowpulse.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL started by SnowPulse itself, from the binaries packaged with it, its data kept in the user's data
 * directory across runs. PostgreSQL refuses to run as root, so that is checked first and explained.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(Path baseDirectory) throws IOException {
        return start(baseDirectory, 0);
    }

    /** On a given port (0: any free one), so a restarted server is found where its clients left it. */
    public static EmbeddedPostgresServer start(Path baseDirectory, int port) throws IOException {
        if (runningAsRoot()) {
            throw new IOException("the embedded PostgreSQL cannot start: PostgreSQL refuses to run as root, and SnowPulse "
                    + "is running as root. Start SnowPulse as an ordinary user, or point the Local demo at a running "
                    + "PostgreSQL with PGHOST and PGPORT (for example a server on 127.0.0.1:5432).");
        }
        Path data = baseDirectory.resolve("data");
        Path runtime = baseDirectory.resolve("runtime");
        Files.createDirectories(data);
        Files.createDirectories(runtime);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    // the library turns fsync off for throwaway test databases; the Local demo keeps its data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            return new EmbeddedPostgresServer(postgres, data);
        } catch (IllegalStateException e) {
            throw new IOException("the embedded PostgreSQL in " + data + " is in use by another SnowPulse; close it first");
        } catch (IOException e) {
            throw new IOException("the embedded PostgreSQL did not start (data in " + data + "): "
                    + ConnectionProblems.firstLine(e.getMessage()), e);
        }
    }

    public static boolean runningAsRoot() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
