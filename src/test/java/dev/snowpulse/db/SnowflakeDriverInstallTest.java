package dev.snowpulse.db;

import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.FakeSnowflake;
import dev.snowpulse.testing.LoopbackMavenRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Snowflake driver as an installed app gets it: downloaded over HTTP from a repository with Maven's layout (a
 * loopback server handing out the very jar the build resolved), checked against the pinned SHA-256, loaded in a class
 * loader of its own, and signed in with to the fake Snowflake endpoint.
 */
class SnowflakeDriverInstallTest {

    private static final DriverArtifact ARTIFACT = DriverArtifact.snowflakeJdbc();
    private static LoopbackMavenRepository repository;
    private static FakeSnowflake snowflake;
    private static final Path jar = LoopbackMavenRepository.classPathJar();

    @TempDir
    Path drivers;

    @BeforeAll
    static void start() throws IOException {
        repository = new LoopbackMavenRepository();
        snowflake = new FakeSnowflake().user("alice", "correct horse");
    }

    @AfterAll
    static void stop() {
        repository.close();
        snowflake.close();
    }

    private static URI repositoryUri() {
        return repository.uri();
    }

    private static SnowflakeSettings alice() {
        return new SnowflakeSettings("testacct", "alice", "SYSADMIN", "COMPUTE_WH", null, null,
                snowflake.url(), SnowflakeAuthenticator.PASSWORD, null, null, SecretRef.auto());
    }

    @Test
    void thePinnedChecksumAndSizeAreThoseOfTheJarTheTestsRunOn() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(jar)) {
            in.transferTo(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), sha256));
        }
        assertThat(jar.getFileName().toString()).isEqualTo(ARTIFACT.fileName());
        assertThat(DriverArtifact.hex(sha256.digest())).isEqualTo(ARTIFACT.sha256());
        assertThat(Files.size(jar)).isEqualTo(ARTIFACT.bytes());
    }

    @Test
    void withoutTheDriverAConnectionTestSaysHowToInstallIt() {
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, repositoryUri().toString());

        assertThat(driver.status().source()).isEqualTo(SnowflakeDriver.Source.MISSING);
        ConnectionCheck check = new ConnectionTester(driver).test(alice(), Optional.of(new Secret("correct horse")), Duration.ofSeconds(10));
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains("not installed").contains("Download driver").contains("snowpulse driver install");
    }

    @Test
    void downloadsChecksAndSignsInThroughAClassLoaderOfItsOwn() throws Exception {
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, repositoryUri().toString());
        List<long[]> progress = new ArrayList<>();

        SnowflakeDriver.Status status = driver.install((done, total) -> progress.add(new long[]{done, total}));

        assertThat(status.source()).isEqualTo(SnowflakeDriver.Source.INSTALLED);
        assertThat(status.location()).isEqualTo(drivers.resolve(ARTIFACT.fileName()));
        try (var files = Files.list(drivers)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(ARTIFACT.fileName());
        }
        assertThat(progress.getFirst()).containsExactly(0, ARTIFACT.bytes());
        assertThat(progress.getLast()).containsExactly(ARTIFACT.bytes(), ARTIFACT.bytes());
        assertThat(progress.size()).isGreaterThan(50);

        ConnectionCheck check = new ConnectionTester(driver).test(alice(), Optional.of(new Secret("correct horse")), Duration.ofSeconds(10));
        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.serverVersion()).isEqualTo("Snowflake 9.40.2");
        try (Connection c = driver.connect(SnowflakeTargets.of(alice(), Optional.of(new Secret("correct horse")), Duration.ofSeconds(10)))) {
            assertThat(c.getClass().getClassLoader().getName()).isEqualTo("snowflake-jdbc");
            assertThat(c.getClass().getClassLoader()).isNotSameAs(SnowflakeDriverInstallTest.class.getClassLoader());
        }
    }

    @Test
    void anAlteredDownloadIsRefusedAndLeavesNothingBehind() throws IOException {
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, repositoryUri().toString());
        repository.alter(true);
        try {
            assertThatThrownBy(() -> driver.install((done, total) -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("SHA-256 is ")
                    .hasMessageContaining("expected " + ARTIFACT.sha256())
                    .hasMessageContaining(repositoryUri().toString());
        } finally {
            repository.alter(false);
        }
        assertThat(driver.status().source()).isEqualTo(SnowflakeDriver.Source.MISSING);
        try (var files = Files.list(drivers)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aRepositoryWithoutTheJarIsNamedWithWhatToChange() {
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, repositoryUri() + "elsewhere/");

        assertThatThrownBy(() -> driver.install((done, total) -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("SNOWPULSE_MAVEN_REPOSITORY");
    }

    @Test
    void aRepositorySettingThatIsNoUrlSaysWhatToSet() {
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, "nexus.internal maven");

        assertThatThrownBy(() -> driver.install((done, total) -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'nexus.internal maven' is not an http(s) URL")
                .hasMessageContaining("SNOWPULSE_MAVEN_REPOSITORY");
        assertThat(driver.repositoryHost()).isEqualTo("nexus.internal maven");
    }

    @Test
    void aRepositoryThatDoesNotAnswerIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, "http://127.0.0.1:" + closedPort + "/maven2/");

        assertThatThrownBy(() -> driver.install((done, total) -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("could not reach http://127.0.0.1:" + closedPort)
                .hasMessageContaining("install the driver from a file");
    }

    @Test
    void installsFromAJarOnThisMachineAndRefusesAnythingElse() throws IOException {
        SnowflakeDriver driver = SnowflakeDriver.installedOnly(drivers, repositoryUri().toString());

        assertThatThrownBy(() -> driver.installFrom(drivers.resolve("nowhere.jar"), (d, t) -> { }))
                .hasMessageContaining("is not a file");
        Path other = Files.writeString(drivers.resolve("other.jar"), "not a driver");
        assertThatThrownBy(() -> driver.installFrom(other, (d, t) -> { }))
                .hasMessageContaining("is not the " + ARTIFACT.fileName());
        Files.delete(other);

        assertThat(driver.installFrom(jar, (d, t) -> { }).source()).isEqualTo(SnowflakeDriver.Source.INSTALLED);
    }

    @Test
    void theClassPathCopyComesFirstWhereThereIsOne() {
        SnowflakeDriver driver = SnowflakeDriver.of(drivers, repositoryUri().toString());

        assertThat(driver.status().source()).isEqualTo(SnowflakeDriver.Source.CLASS_PATH);
        assertThat(driver.status().describe()).isEqualTo("snowflake-jdbc is on the class path");
    }
}
