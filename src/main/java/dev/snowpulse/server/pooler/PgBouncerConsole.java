package dev.snowpulse.server.pooler;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.exception.ScramException;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.secret.Secret;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PgBouncer's admin console (its {@code pgbouncer} database), read with SHOW commands over the simple query protocol,
 * the only part of the protocol the console speaks. pgjdbc cannot open it: after logging in it sends
 * {@code SET extra_float_digits}, which the console refused until 2026 (pgbouncer/pgbouncer#1509), and
 * Debian's PgBouncer is 1.18. Logs in with the profile's role and password (trust, cleartext, MD5 or SCRAM-SHA-256,
 * TLS as the profile's sslmode asks); PgBouncer lets only its {@code stats_users} and {@code admin_users} in.
 */
public final class PgBouncerConsole implements AutoCloseable {

    public static final String DATABASE = "pgbouncer";

    private static final int PROTOCOL_3 = 196608;
    private static final int SSL_REQUEST = 80877103;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    private PgBouncerConsole(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** Logs in to the console of the pooler {@code settings} point at; every wait is bounded by {@code timeout}. */
    public static PgBouncerConsole open(PostgresSettings settings, Optional<Secret> password, Duration timeout)
            throws IOException, ConsoleRefusal {
        try {
            return open(settings, password, timeout, ConsoleTls.asks(settings.sslMode()));
        } catch (javax.net.ssl.SSLException e) {
            if (settings.sslMode() != SslMode.PREFER) {
                throw e;
            }
            // prefer, as libpq: a TLS that cannot be agreed on is tried again without it
            return open(settings, password, timeout, false);
        }
    }

    private static PgBouncerConsole open(PostgresSettings settings, Optional<Secret> password, Duration timeout, boolean tls)
            throws IOException, ConsoleRefusal {
        int millis = Math.toIntExact(Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), millis);
            socket.setSoTimeout(millis);
            if (tls) {
                socket = withTls(socket, settings);
            }
            PgBouncerConsole console = new PgBouncerConsole(socket);
            console.logIn(settings.user(), password.map(Secret::value).orElse(null));
            return console;
        } catch (IOException | ConsoleRefusal | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket withTls(Socket plain, PostgresSettings settings) throws IOException {
        DataOutputStream request = new DataOutputStream(plain.getOutputStream());
        request.writeInt(8);
        request.writeInt(SSL_REQUEST);
        request.flush();
        int answer = plain.getInputStream().read();
        if (answer == 'N') {
            if (settings.sslMode() == SslMode.PREFER) {
                // the protocol goes on in the clear on the same connection
                return plain;
            }
            throw new IOException("the pooler does not offer TLS, and the profile's sslmode is " + settings.sslMode());
        }
        if (answer != 'S') {
            throw new IOException("the pooler answered the TLS request with " + answer);
        }
        return ConsoleTls.wrap(plain, settings);
    }

    private void logIn(String user, String password) throws IOException, ConsoleRefusal {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream startup = new DataOutputStream(body);
        startup.writeInt(PROTOCOL_3);
        for (String s : List.of("user", user, "database", DATABASE, "application_name", "snowpulse-server")) {
            cString(startup, s);
        }
        startup.writeByte(0);
        out.writeInt(body.size() + 4);
        out.write(body.toByteArray());
        out.flush();
        ScramClient scram = null;
        boolean scramVerified = false;
        while (true) {
            Message m = next();
            switch (m.type) {
                case 'R' -> {
                    int code = m.body.readInt();
                    switch (code) {
                        case 0 -> {
                            if (scram != null && !scramVerified) {
                                throw new IOException("the pooler ended SCRAM without proving it knows the password");
                            }
                        }
                        case 3 -> sendPassword(cStringBytes(required(password)));
                        case 5 -> {
                            byte[] salt = m.body.readNBytes(4);
                            String inner = md5Hex(concat(required(password).getBytes(StandardCharsets.UTF_8), user.getBytes(StandardCharsets.UTF_8)));
                            sendPassword(cStringBytes("md5" + md5Hex(concat(inner.getBytes(StandardCharsets.US_ASCII), salt))));
                        }
                        case 10 -> {
                            List<String> mechanisms = new ArrayList<>();
                            for (String s = cString(m.body); !s.isEmpty(); s = cString(m.body)) {
                                mechanisms.add(s);
                            }
                            // no channel binding is offered from this side (gs2 flag n): plain SCRAM-SHA-256
                            mechanisms.removeIf(s -> s.endsWith("-PLUS"));
                            scram = ScramClient.builder().advertisedMechanisms(mechanisms).username("*")
                                    .password(required(password).toCharArray()).build();
                            byte[] first = scram.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8);
                            ByteArrayOutputStream initial = new ByteArrayOutputStream();
                            DataOutputStream d = new DataOutputStream(initial);
                            cString(d, scram.getScramMechanism().getName());
                            d.writeInt(first.length);
                            d.write(first);
                            sendPassword(initial.toByteArray());
                        }
                        case 11 -> sendPassword(scramStep(scram, m, false));
                        case 12 -> {
                            scramStep(scram, m, true);
                            scramVerified = true;
                        }
                        default -> throw new IOException("the pooler asked for an authentication this reader does not speak (code " + code + ")");
                    }
                }
                case 'E' -> throw m.refusal();
                case 'Z' -> {
                    return;
                }
                default -> { // parameter status, backend key data, notices
                }
            }
        }
    }

    private static byte[] scramStep(ScramClient scram, Message m, boolean last) throws IOException {
        if (scram == null) {
            throw new IOException("the pooler sent a SCRAM step before choosing SCRAM");
        }
        String text = new String(m.body.readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (last) {
                scram.serverFinalMessage(text);
                return new byte[0];
            }
            scram.serverFirstMessage(text);
            return scram.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8);
        } catch (ScramException e) {
            throw new IOException("SCRAM login to the pooler failed: " + e.getMessage(), e);
        }
    }

    private static String required(String password) throws ConsoleRefusal {
        if (password == null) {
            throw new ConsoleRefusal("28P01", "the pooler asks for a password and the profile has none");
        }
        return password;
    }

    /** The rows of {@code SHOW <what>}, each a column-to-text map in the console's column order. */
    public List<Map<String, String>> show(String what) throws IOException, ConsoleRefusal {
        if (!what.matches("[A-Za-z_]+")) {
            throw new IllegalArgumentException("not a SHOW subject: " + what);
        }
        byte[] query = cStringBytes("SHOW " + what);
        out.writeByte('Q');
        out.writeInt(query.length + 4);
        out.write(query);
        out.flush();
        List<String> columns = List.of();
        List<Map<String, String>> rows = new ArrayList<>();
        ConsoleRefusal refusal = null;
        while (true) {
            Message m;
            try {
                m = next();
            } catch (EOFException closed) {
                // a FATAL error is followed by the console closing the connection: say the error, not the close
                if (refusal != null) {
                    throw refusal;
                }
                throw closed;
            }
            switch (m.type) {
                case 'T' -> {
                    int n = m.body.readUnsignedShort();
                    List<String> names = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        names.add(cString(m.body));
                        m.body.skipNBytes(18);
                    }
                    columns = names;
                }
                case 'D' -> {
                    int n = m.body.readUnsignedShort();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        int length = m.body.readInt();
                        String value = length < 0 ? null : new String(m.body.readNBytes(length), StandardCharsets.UTF_8);
                        row.put(i < columns.size() ? columns.get(i) : "column" + (i + 1), value);
                    }
                    rows.add(row);
                }
                case 'E' -> refusal = m.refusal();
                case 'Z' -> {
                    if (refusal != null) {
                        throw refusal;
                    }
                    return rows;
                }
                default -> { // command complete, notices, parameter status
                }
            }
        }
    }

    private void sendPassword(byte[] body) throws IOException {
        out.writeByte('p');
        out.writeInt(body.length + 4);
        out.write(body);
        out.flush();
    }

    private Message next() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the pooler closed the console connection");
        }
        int length = in.readInt();
        if (length < 4 || length > 16 * 1024 * 1024) {
            throw new IOException("the pooler sent a message of " + length + " bytes");
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Message((char) type, new DataInputStream(new java.io.ByteArrayInputStream(body)));
    }

    private record Message(char type, DataInputStream body) {
        ConsoleRefusal refusal() throws IOException {
            String code = "";
            String message = "";
            for (int field = body.read(); field > 0; field = body.read()) {
                String value = cString(body);
                if (field == 'C') {
                    code = value;
                } else if (field == 'M') {
                    message = value;
                }
            }
            return new ConsoleRefusal(code, message);
        }
    }

    private static String cString(DataInputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void cString(DataOutputStream out, String s) throws IOException {
        out.write(cStringBytes(s));
    }

    private static byte[] cStringBytes(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[text.length + 1];
        System.arraycopy(text, 0, withNul, 0, text.length);
        return withNul;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    @Override
    public void close() {
        try {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
        } catch (IOException alreadyGone) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }
}
