package dev.snowpulse.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real pgbench of the test server's PostgreSQL, run as a child process: what SnowPulse's scripts are checked
 * against ({@code debug()} output of an expression, {@code pgbench -i} databases).
 */
public final class Pgbench {

    public static final Path BINARY = PrivatePostgres.BIN.resolve("pgbench");
    private static final Pattern DEBUG = Pattern.compile("debug\\(script=\\d+,command=(\\d+)\\): (.*)");

    private Pgbench() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public record Result(int exit, String out, String err) {

        /** What each {@code debug()} call printed, in order: "int 5", "double 1.5", "boolean true", "null". */
        public List<String> debugLines() {
            List<String> lines = new ArrayList<>();
            for (String line : err.lines().toList()) {
                Matcher m = DEBUG.matcher(line);
                if (m.matches()) {
                    lines.add(m.group(2));
                }
            }
            return lines;
        }
    }

    /** pgbench with {@code args} against {@code database} on the test server; waits at most two minutes. */
    public static Result run(String database, String... args) throws IOException, InterruptedException {
        return runAt(TestPostgres.PORT, database, args);
    }

    /** The same through {@code port} on the test server's host (a relay or a pooler in front of it). */
    public static Result runAt(int port, String database, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-h", TestPostgres.HOST, "-p",
                String.valueOf(port), "-U", TestPostgres.USER));
        command.addAll(List.of(args));
        command.add(database);
        Path out = Files.createTempFile("pgbench", ".out");
        Path err = Files.createTempFile("pgbench", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("pgbench did not finish in two minutes: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
