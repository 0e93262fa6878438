package dev.snowpulse.testing;

import com.sun.net.httpserver.HttpServer;
import dev.snowpulse.db.DriverArtifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A repository with Maven's layout on loopback that holds one jar: the snowflake-jdbc the build resolved, the very
 * file Maven Central serves. It can alter a bit of what it sends, or hold the download after its first chunk until
 * the test lets it go on.
 */
public final class LoopbackMavenRepository implements AutoCloseable {

    private static final int CHUNK = 1 << 16;

    private final DriverArtifact artifact = DriverArtifact.snowflakeJdbc();
    private final Path jar = classPathJar();
    private final HttpServer server;
    private volatile boolean alter;
    private volatile CountDownLatch hold;

    public LoopbackMavenRepository() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/maven2/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().equals(artifact.in(URI.create("/maven2/")))) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, Files.size(jar));
                try (InputStream in = Files.newInputStream(jar); OutputStream out = exchange.getResponseBody()) {
                    byte[] buffer = new byte[CHUNK];
                    boolean first = true;
                    for (int n; (n = in.readNBytes(buffer, 0, CHUNK)) > 0; first = false) {
                        if (first && alter) {
                            buffer[100] ^= 1; // one bit, as a broken mirror or a meddling proxy would change it
                        }
                        out.write(buffer, 0, n);
                        CountDownLatch waiting = hold;
                        if (first && waiting != null) {
                            out.flush();
                            waiting.await(30, TimeUnit.SECONDS);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        server.start();
    }

    /** The jar the tests load snowflake-jdbc from. */
    public static Path classPathJar() {
        try {
            return Path.of(Class.forName("net.snowflake.client.api.driver.SnowflakeDriver")
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("snowflake-jdbc is not on the tests' class path", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/");
    }

    /** Every later download has one bit changed. */
    public void alter(boolean altered) {
        this.alter = altered;
    }

    /** Later downloads stop after their first chunk until {@link #release} is called. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch waiting = hold;
        hold = null;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
