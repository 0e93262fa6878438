package dev.snowpulse.testing;

import dev.snowpulse.app.HostEnvironment;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Host environments rooted in a test's temporary directory, so no test reads or writes the real home. */
public final class TestHosts {

    private TestHosts() {
    }

    public static HostEnvironment linux(Path home, Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.putIfAbsent("SNOWPULSE_CONFIG_DIR", home.resolve("config").toString());
        all.putIfAbsent("SNOWPULSE_DATA_DIR", home.resolve("data").toString());
        all.putIfAbsent("SNOWPULSE_LOCAL_DEMO", "external");
        all.putIfAbsent("PGHOST", TestPostgres.HOST);
        all.putIfAbsent("PGPORT", Integer.toString(TestPostgres.PORT));
        all.putIfAbsent("PGUSER", TestPostgres.USER);
        all.putIfAbsent("PGDATABASE", "postgres");
        return new HostEnvironment(all, home, "Linux");
    }

    public static HostEnvironment linux(Path home) {
        return linux(home, Map.of());
    }

    /** A loopback port nothing listens on. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
