package dev.snowpulse.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server on loopback that asks every client for its password in clear text, records what the client
 * sent (nothing, when it had none) and turns it away. It shows which password a client such as psql picked from
 * its password file, without a server that knows the password.
 */
public final class PasswordRecordingServer implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CLEARTEXT_PASSWORD = 3;

    private final ServerSocket socket;
    private final BlockingQueue<Optional<String>> passwords = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    public PasswordRecordingServer() throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("password-recorder").start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The password the next client sent, or empty when it sent none; waits for that client. */
    public Optional<String> nextPassword(Duration timeout) throws InterruptedException {
        Optional<String> password = passwords.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (password == null) {
            throw new AssertionError("no client connected within " + timeout);
        }
        return password;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                passwords.add(askForPassword(client));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    passwords.add(Optional.empty());
                }
            }
        }
    }

    private static Optional<String> askForPassword(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        int length = in.readInt();
        int code = in.readInt();
        while (code == SSL_REQUEST || code == GSS_REQUEST) {
            out.writeByte('N');
            out.flush();
            length = in.readInt();
            code = in.readInt();
        }
        in.readNBytes(length - 8); // the startup parameters
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(CLEARTEXT_PASSWORD);
        out.flush();
        try {
            if (in.readByte() != 'p') {
                return Optional.empty();
            }
            byte[] message = in.readNBytes(in.readInt() - 4);
            String password = new String(message, 0, message.length - 1, StandardCharsets.UTF_8);
            refuse(out);
            return Optional.of(password);
        } catch (EOFException noPassword) {
            return Optional.empty();
        }
    }

    private static void refuse(DataOutputStream out) throws IOException {
        byte[] fields = "SFATAL\0VFATAL\0C28P01\0Mpassword recorded, connection refused\0\0".getBytes(StandardCharsets.UTF_8);
        out.writeByte('E');
        out.writeInt(4 + fields.length);
        out.write(fields);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
