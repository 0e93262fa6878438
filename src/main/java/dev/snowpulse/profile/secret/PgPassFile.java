package dev.snowpulse.profile.secret;

import dev.snowpulse.app.EnvVar;
import dev.snowpulse.app.JsonFiles;
import dev.snowpulse.app.HostEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * libpq's password file, read by libpq's rules: PGPASSFILE, else {@code $HOME/.pgpass}; only a plain file that group
 * and others cannot access (else ignored, with libpq's warning); lines of
 * {@code hostname:port:database:username:password}, a field of exactly {@code *} matching anything, {@code \} escaping
 * the next character, lines starting with {@code #} skipped, the first matching line winning, and the password ending
 * at its first unescaped colon.
 */
public final class PgPassFile {

    /** What looking in the file gave: a password, nothing, or a file libpq would ignore and why. */
    public record Lookup(Optional<Secret> password, String warning) {
        static Lookup none() {
            return new Lookup(Optional.empty(), null);
        }

        static Lookup ignored(String warning) {
            return new Lookup(Optional.empty(), warning);
        }
    }

    private static final String DEFAULT_HOST = "localhost";
    private static final int MAX_BYTES = 1024 * 1024;

    private final List<String> lines;

    private PgPassFile(List<String> lines) {
        this.lines = lines;
    }

    /** PGPASSFILE, else $HOME/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows). */
    public static Path location(HostEnvironment host) {
        return host.variable(EnvVar.PGPASSFILE.name()).map(Path::of).orElseGet(() -> host.isWindows()
                ? host.variable(EnvVar.APPDATA.name()).map(Path::of).orElse(host.home().resolve("AppData/Roaming")).resolve("postgresql/pgpass.conf")
                : host.home().resolve(".pgpass"));
    }

    /** The password libpq would take from {@code file} for this connection. */
    public static Lookup lookup(Path file, String host, int port, String database, String user) throws IOException {
        if (!Files.exists(file)) {
            return Lookup.none();
        }
        if (!Files.isRegularFile(file)) {
            return Lookup.ignored("password file \"" + file + "\" is not a plain file");
        }
        if (JsonFiles.posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                return Lookup.ignored("password file \"" + file + "\" has group or world access; permissions should be u=rw (0600) "
                        + "or less (run chmod 0600 " + file + ")");
            }
        }
        if (Files.size(file) > MAX_BYTES) {
            return Lookup.ignored("password file \"" + file + "\" is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        return new Lookup(parse(Files.readAllLines(file)).passwordFor(host, port, database, user), null);
    }

    static PgPassFile parse(List<String> lines) {
        return new PgPassFile(List.copyOf(lines));
    }

    /** The first matching line's password, as libpq picks it. */
    public Optional<Secret> passwordFor(String host, int port, String database, String user) {
        String hostname = host == null || host.isEmpty() || host.startsWith("/") ? DEFAULT_HOST : host;
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int at = 0;
            for (String value : new String[] {hostname, Integer.toString(port), database, user}) {
                at = at < 0 ? at : matches(line, at, value);
            }
            if (at >= 0) {
                return Optional.of(new Secret(password(line, at)));
            }
        }
        return Optional.empty();
    }

    /** Where the next field starts when the field at {@code at} matches {@code value}, else -1. */
    private static int matches(String line, int at, String value) {
        if (line.startsWith("*:", at)) {
            return at + 2;
        }
        int i = at;
        int v = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            boolean escaped = false;
            if (c == '\\' && i + 1 < line.length()) {
                c = line.charAt(++i);
                escaped = true;
            }
            if (c == ':' && !escaped) {
                return v == value.length() ? i + 1 : -1;
            }
            if (v >= value.length() || value.charAt(v) != c) {
                return -1;
            }
            i++;
            v++;
        }
        return -1;
    }

    private static String password(String line, int at) {
        StringBuilder password = new StringBuilder();
        for (int i = at; i < line.length() && line.charAt(i) != ':'; i++) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
            }
            password.append(line.charAt(i));
        }
        return password.toString();
    }
}
