package dev.snowpulse.testing;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SslMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL 15 server of a test's own (initdb, pg_ctl) for what the shared one cannot do: server settings such
 * as shared_preload_libraries, stops and restarts. PostgreSQL refuses to run as root: tests using it assume not.
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final Path data;
    private final int port;
    private final String options;

    private PrivatePostgres(Path dir, int port, String options) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.options = options;
    }

    /** Creates and starts a server in {@code dir}, with {@code settings} as "-c name=value" options. */
    public static PrivatePostgres start(Path dir, String... settings) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        StringBuilder options = new StringBuilder("-p " + TestHosts.closedPort() + " -c listen_addresses=127.0.0.1 -k " + dir);
        for (String setting : settings) {
            options.append(" -c ").append(setting);
        }
        int port = Integer.parseInt(options.toString().split(" ")[1]);
        PrivatePostgres server = new PrivatePostgres(dir, port, options.toString());
        server.run(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres", "-A", "trust", "--no-sync");
        server.start();
        return server;
    }

    public void start() throws IOException, InterruptedException {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", dir.resolve("server.log").toString(), "-o", options, "start");
    }

    public void stop() throws IOException, InterruptedException {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    public int port() {
        return port;
    }

    public PostgresSettings settings(String database) {
        return new PostgresSettings("127.0.0.1", port, database, "postgres", SslMode.DISABLE, null, null, SecretRef.of(SecretSource.NONE));
    }

    public PostgresEndpoint endpoint(String database) {
        return new PostgresEndpoint(settings(database), Optional.empty());
    }

    private void run(String... command) throws IOException, InterruptedException {
        Path log = dir.resolve("commands.log");
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited " + exit + ":\n" + Files.readString(log));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
