package dev.snowpulse.profile.secret;

import dev.snowpulse.profile.SslMode;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.PasswordRecordingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password file as libpq reads it, checked against psql itself: for each file and environment, psql connects to
 * a server that records the password it was sent, and SnowPulse must pick the same one (or none, with psql's warning).
 */
class PgPassFileTest {

    private static final String DATABASE = "shop";
    private static final String USER = "app";

    @TempDir
    Path home;

    private PasswordRecordingServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new PasswordRecordingServer();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void theFirstMatchingLineWinsAsInPsql() throws Exception {
        Path file = pgpass(home.resolve("pass"), "0600",
                "# a comment",
                " #127.0.0.1:*:*:*:not-a-comment-but-no-match",
                "localhost:*:*:*:by-name-not-address",
                "127.0.0.*:*:*:*:a-star-inside-a-field-is-literal",
                "127.0.0.1:" + server.port() + ":other:*:other-database",
                "127.0.0.1:*:" + DATABASE + ":" + USER + ":first",
                "*:*:*:*:fallback");

        assertSameAsPsql(Map.of("PGPASSFILE", file.toString()), DATABASE, USER, "first");
    }

    @Test
    void escapesWildcardsAndTheEndOfThePasswordAsInPsql() throws Exception {
        Path file = pgpass(home.resolve("pass"), "0600",
                "*:*:sh\\:op:*:pa\\:ss\\\\wd:after-an-unescaped-colon",
                "*:*:*:*:fallback\r");

        assertSameAsPsql(Map.of("PGPASSFILE", file.toString()), "sh:op", USER, "pa:ss\\wd");
        assertSameAsPsql(Map.of("PGPASSFILE", file.toString()), DATABASE, USER, "fallback");
    }

    @Test
    void homeIsTheOneTheEnvironmentNames() throws Exception {
        pgpass(home.resolve(".pgpass"), "0600", "*:*:*:*:from-home");

        assertSameAsPsql(Map.of("HOME", home.toString()), DATABASE, USER, "from-home");
        assertThat(PgPassFile.location(host(Map.of("HOME", home.toString())))).isEqualTo(home.resolve(".pgpass"));
    }

    @Test
    void aFileOthersCanReadIsIgnoredWithPsqlsWarning() throws Exception {
        Path file = pgpass(home.resolve("pass"), "0644", "*:*:*:*:readable-by-all");

        String psqlOutput = assertSameAsPsql(Map.of("PGPASSFILE", file.toString()), DATABASE, USER, null);

        String warning = "password file \"" + file + "\" has group or world access; permissions should be u=rw (0600) or less";
        assertThat(psqlOutput).contains(warning);
        ResolvedSecret resolved = new SecretResolver(host(Map.of("PGPASSFILE", file.toString())), new InMemoryKeychain(true),
                new SessionSecrets()).resolve(profile(SecretRef.of(SecretSource.PGPASS)));
        assertThat(resolved.isMissing()).isTrue();
        assertThat(resolved.detail()).contains(warning).contains("chmod 0600");
    }

    @Test
    void aFileThatIsNotPlainIsIgnoredWithPsqlsWarning() throws Exception {
        Path directory = Files.createDirectory(home.resolve("pass"));

        String psqlOutput = assertSameAsPsql(Map.of("PGPASSFILE", directory.toString()), DATABASE, USER, null);

        assertThat(psqlOutput).contains("password file \"" + directory + "\" is not a plain file");
        assertThat(PgPassFile.lookup(directory, "127.0.0.1", 1, DATABASE, USER).warning())
                .isEqualTo("password file \"" + directory + "\" is not a plain file");
    }

    /** Runs psql and SnowPulse on the same file; returns psql's output. {@code expected} null: no password. */
    private String assertSameAsPsql(Map<String, String> environment, String database, String user, String expected) throws Exception {
        Map<String, String> variables = new HashMap<>(environment);
        variables.putIfAbsent("HOME", home.toString());
        String psqlOutput = psql(variables, database, user);
        Optional<String> sentByPsql = server.nextPassword(Duration.ofSeconds(30));

        HostEnvironment host = host(variables);
        Optional<String> picked = PgPassFile.lookup(PgPassFile.location(host), "127.0.0.1", server.port(), database, user)
                .password().map(Secret::value);

        assertThat(sentByPsql).as("psql: " + psqlOutput).isEqualTo(Optional.ofNullable(expected));
        assertThat(picked).as("SnowPulse, as psql").isEqualTo(sentByPsql);
        return psqlOutput;
    }

    private String psql(Map<String, String> variables, String database, String user) throws Exception {
        Path output = home.resolve("psql.out");
        ProcessBuilder builder = new ProcessBuilder("psql", "-w", "-X", "-c", "select 1",
                "host=127.0.0.1 port=" + server.port() + " dbname='" + database.replace("'", "\\'") + "' user=" + user
                        + " sslmode=disable gssencmode=disable connect_timeout=10")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(variables);
        Process psql = builder.start();
        assertThat(psql.waitFor(60, TimeUnit.SECONDS)).as("psql finished").isTrue();
        return Files.readString(output);
    }

    private static HostEnvironment host(Map<String, String> variables) {
        return HostEnvironment.of(variables, "/nonexistent-account-home", "Linux");
    }

    private ConnectionProfile profile(SecretRef secret) {
        return new ConnectionProfile("p", Environment.of(EnvironmentKind.DEV), new PostgresSettings("127.0.0.1", server.port(),
                DATABASE, USER, SslMode.DISABLE, null, null, secret));
    }

    private static Path pgpass(Path file, String mode, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", List.of(lines)) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(switch (mode) {
            case "0600" -> "rw-------";
            case "0644" -> "rw-r--r--";
            default -> throw new IllegalArgumentException(mode);
        }));
        return file;
    }
}
