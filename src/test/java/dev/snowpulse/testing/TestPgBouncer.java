package dev.snowpulse.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A real PgBouncer (Debian's package) in front of the test PostgreSQL, pooling by transaction as Snowflake Postgres's
 * does, started for a test and stopped after it. PgBouncer refuses to run as root; CI runs the suite as an ordinary user.
 */
public final class TestPgBouncer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final int port;
    private final Path log;

    private TestPgBouncer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY) && !"root".equals(System.getProperty("user.name"));
    }

    /** Transaction pooling, {@code poolSize} server connections per database and user, any number of clients up to 1,000. */
    public static TestPgBouncer start(Path dir, int poolSize) throws IOException, InterruptedException, TimeoutException {
        return start(dir, poolSize, null);
    }

    /**
     * As Snowflake Postgres's pooler checks logins: a client's password is checked against what role
     * {@code lookupRole} reads with {@code lookupQuery} in the database asked for (SCRAM), so a database without the
     * lookup function refuses everyone and a role the function does not return is unknown to the pooler.
     */
    public static TestPgBouncer startWithRoleLookup(Path dir, int poolSize, String lookupRole, String lookupQuery)
            throws IOException, InterruptedException, TimeoutException {
        return start(dir, poolSize, new RoleLookup(lookupRole, lookupQuery));
    }

    private record RoleLookup(String role, String query) {
    }

    /**
     * With its admin console open to {@code consoleUser} (in stats_users, password {@code consolePassword} in the auth
     * file), every login checked by {@code authType} (trust, md5, scram-sha-256); the test role keeps an empty password.
     */
    public static TestPgBouncer startWithConsole(Path dir, int poolSize, String authType, String consoleUser, String consolePassword)
            throws IOException, InterruptedException, TimeoutException {
        return start(dir, poolSize, null, new Console(authType, consoleUser, consolePassword));
    }

    private record Console(String authType, String user, String password) {
    }

    private static TestPgBouncer start(Path dir, int poolSize, RoleLookup lookup) throws IOException, InterruptedException, TimeoutException {
        return start(dir, poolSize, lookup, null);
    }

    private static TestPgBouncer start(Path dir, int poolSize, RoleLookup lookup, Console console)
            throws IOException, InterruptedException, TimeoutException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path users = dir.resolve("userlist.txt");
        Files.writeString(users, "\"" + (lookup == null ? TestPostgres.USER : lookup.role()) + "\" \"\"\n"
                + (console == null || console.user().equals(TestPostgres.USER) ? "" : "\"" + console.user() + "\" \"" + console.password() + "\"\n"));
        Path log = dir.resolve("pgbouncer.log");
        Path ini = dir.resolve("pgbouncer.ini");
        Files.writeString(ini, String.join("\n", List.of(
                "[databases]",
                "* = host=" + TestPostgres.HOST + " port=" + TestPostgres.PORT + (lookup == null ? "" : " auth_user=" + lookup.role()),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                console != null ? "auth_type = " + console.authType() : lookup == null ? "auth_type = trust" : "auth_type = scram-sha-256",
                console == null ? "" : "stats_users = " + console.user(),
                "auth_file = " + users,
                lookup == null ? "" : "auth_query = " + lookup.query(),
                "pool_mode = transaction",
                "default_pool_size = " + poolSize,
                "max_client_conn = 1000",
                // pgjdbc sends it at start-up; PgBouncer refuses unknown start-up parameters unless told to ignore them
                "ignore_startup_parameters = extra_float_digits",
                "logfile = " + log,
                "pidfile = " + dir.resolve("pgbouncer.pid"),
                "")));
        Process process = new ProcessBuilder(BINARY.toString(), ini.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbouncer.out").toFile()).start();
        TestPgBouncer bouncer = new TestPgBouncer(process, port, log);
        try {
            Await.until(Duration.ofSeconds(15), "PgBouncer listening on " + port, bouncer::accepting);
        } catch (TimeoutException e) {
            bouncer.close();
            throw new TimeoutException(e.getMessage() + ": " + Files.readString(dir.resolve("pgbouncer.out")));
        }
        return bouncer;
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
