package dev.snowpulse.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * libpq's password file: lines of {@code hostname:port:database:username:password}, {@code *} matching anything,
 * {@code \:} and {@code \\} escaped. Like libpq, a file that group or others can read is ignored.
 */
public final class PgPassFile {

    private record Entry(String host, String port, String database, String user, String password) {
        boolean matches(String h, int p, String d, String u) {
            return field(host, h) && field(port, Integer.toString(p)) && field(database, d) && field(user, u);
        }

        private static boolean field(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }
    }

    private final List<Entry> entries;

    private PgPassFile(List<Entry> entries) {
        this.entries = entries;
    }

    /** PGPASSFILE, else ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows). */
    public static Path location(HostEnvironment host) {
        return host.variable("PGPASSFILE").map(Path::of).orElseGet(() -> host.isWindows()
                ? host.variable("APPDATA").map(Path::of).orElse(host.home().resolve("AppData/Roaming")).resolve("postgresql/pgpass.conf")
                : host.home().resolve(".pgpass"));
    }

    public static Optional<PgPassFile> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (JsonFiles.posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IOException(file + " can be read by group or others; run chmod 0600 " + file + " (libpq ignores it too)");
            }
        }
        return Optional.of(parse(Files.readAllLines(file)));
    }

    static PgPassFile parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = split(line);
            if (fields.size() == 5) {
                entries.add(new Entry(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4)));
            }
        }
        return new PgPassFile(entries);
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    /** The first matching line's password, as libpq picks it. */
    public Optional<Secret> passwordFor(String host, int port, String database, String user) {
        return entries.stream().filter(e -> e.matches(host, port, database, user)).findFirst().map(e -> new Secret(e.password()));
    }
}
