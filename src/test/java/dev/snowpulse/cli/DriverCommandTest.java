package dev.snowpulse.cli;

import dev.snowpulse.db.DriverArtifact;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.LoopbackMavenRepository;
import dev.snowpulse.testing.CliRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `snowpulse driver`: in a build from source the driver is on the class path; install --from still checks and keeps a jar. */
class DriverCommandTest {

    @TempDir
    Path home;

    @Test
    void statusSaysWhereTheDriverComesFrom() {
        Run status = new CliRunner(home).run("driver", "status");

        assertThat(status.exit()).isZero();
        assertThat(status.out()).isEqualTo("snowflake-jdbc is on the class path\n");
    }

    @Test
    void installFromAFileChecksItAndKeepsItInTheDataDirectory() throws Exception {
        DriverArtifact artifact = DriverArtifact.snowflakeJdbc();
        Path jar = LoopbackMavenRepository.classPathJar();
        Path data = home.resolve("data");
        CliRunner cli = new CliRunner(home).variable("SNOWPULSE_DATA_DIR", data.toString());

        Run wrong = cli.run("driver", "install", "--from", home.resolve("missing.jar").toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("missing.jar is not a file").contains("choose the " + artifact.fileName());

        Run install = cli.run("driver", "install", "--from", jar.toString());
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(install.err()).contains("installing " + artifact.fileName()).contains("100 % of 99 MB");
        assertThat(install.out()).contains("(SHA-256 checked)");
        assertThat(Files.size(data.resolve("drivers").resolve(artifact.fileName()))).isEqualTo(artifact.bytes());
    }
}
