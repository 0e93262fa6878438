package dev.snowpulse.app;

import dev.snowpulse.testing.CliProcess;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.PasswordRecordingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The log in the data directory: what fails is there with its context, secrets never are, and it stays small. */
class LogFileTest {

    @TempDir
    Path home;

    private static final String SECRET = "Tr0ub4dor-and-3";

    @Test
    void aFailedCommandIsLoggedWithItsReasonAndWithoutThePasswordItSent() throws Exception {
        Path data = home.resolve("data");
        Map<String, String> environment = Map.of("HOME", home.toString(), "SNOWPULSE_CONFIG_DIR", home.resolve("config").toString(),
                "SNOWPULSE_DATA_DIR", data.toString(), "PGPASSWORD", SECRET);
        try (PasswordRecordingServer server = new PasswordRecordingServer()) {
            CliRunner.Run added = CliProcess.start(home.resolve("runs"), environment, "profiles", "add", "shop", "--host", "127.0.0.1",
                    "--port", Integer.toString(server.port()), "--database", "shop", "--user", "app", "--sslmode", "disable").await();
            assertThat(added.exit()).as(added.err()).isZero();

            CliRunner.Run kpis = CliProcess.start(home.resolve("runs"), environment, "--profile", "shop", "kpis").await();

            assertThat(kpis.exit()).isEqualTo(1);
            assertThat(kpis.err().lines().filter(line -> line.contains("refused user"))).as("said once on the terminal; "
                    + "the log line goes to the file only").singleElement().asString().startsWith("snowpulse: ");
            assertThat(server.nextPassword(Duration.ofSeconds(5))).as("the password was sent, so it could have leaked").contains(SECRET);
        }
        Path log = data.resolve("logs").resolve(LogFile.FIRST_FILE);
        assertThat(log).exists();
        String text = Files.readString(log);
        assertThat(text).contains("INFO dev.snowpulse.cli.Cli: snowpulse kpis: ").contains("refused user 'app'")
                .doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile)).as("no file under the data directory holds the password")
                    .allSatisfy(file -> assertThat(Files.readString(file)).doesNotContain(SECRET));
        }
    }

    @Test
    void secretsAreMaskedAndTheFilesStayWithinTheirLimit() throws Exception {
        Path logs = home.resolve("logs");
        FileHandler handler = LogFile.install(logs, 4_096, 3);
        Logger log = Logger.getLogger("dev.snowpulse.test");
        try {
            log.warning("jdbc:postgresql://db/shop?user=app&password=" + SECRET + " failed");
            log.warning("{\"password\" : \"" + SECRET + "\"} and PGPASSWORD=" + SECRET + " and token: " + SECRET);
            for (int i = 0; i < 500; i++) {
                log.info("line " + i + " of a long run");
            }
        } finally {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(logs)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        assertThat(files).as("rolled over, at most three files").hasSize(3);
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(4_096 + 200);
            assertThat(Files.readString(file)).doesNotContain(SECRET);
        }
        assertThat(LogFile.mask("password=" + SECRET + "&user=app")).isEqualTo("password=***&user=app");
        assertThat(LogFile.mask("{\"password\":\"my " + SECRET + "\"} PGPASSWORD='a " + SECRET + "' private_key_file_pwd=" + SECRET))
                .isEqualTo("{\"password\":***} PGPASSWORD=*** private_key_file_pwd=***");
        assertThat(LogFile.mask("postgres://app:" + SECRET + "@db.example:5432/shop")).isEqualTo("postgres://app:***@db.example:5432/shop");
    }
}
