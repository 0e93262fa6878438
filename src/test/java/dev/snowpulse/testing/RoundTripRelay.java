package dev.snowpulse.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of the test PostgreSQL that counts what clients send: each read of a client's bytes is one
 * flush, and a client that waits for each answer (libpq, pgjdbc) flushes once per round trip. Counts are exact over
 * loopback for the small messages of a benchmark's statements.
 */
public final class RoundTripRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicLong clientFlushes = new AtomicLong();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private RoundTripRelay(ServerSocket listener) {
        this.listener = listener;
        Thread.ofPlatform().daemon().name("relay-accept").start(this::accept);
    }

    public static RoundTripRelay start() throws IOException {
        return new RoundTripRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Client flushes since the relay started, over every connection. */
    public long clientFlushes() {
        return clientFlushes.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(TestPostgres.HOST, TestPostgres.PORT);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                Thread.ofPlatform().daemon().name("relay-up").start(() -> copy(client, server, clientFlushes));
                Thread.ofPlatform().daemon().name("relay-down").start(() -> copy(server, client, new AtomicLong()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void copy(Socket from, Socket to, AtomicLong reads) {
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                reads.incrementAndGet();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed: close the other
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
