package dev.snowpulse.ui;

import dev.snowpulse.db.DriverArtifact;
import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.app.AppDirectories;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.FakeSnowflake;
import dev.snowpulse.testing.LoopbackMavenRepository;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestWindow;
import dev.snowpulse.ui.common.Theme;
import dev.snowpulse.ui.shell.UiSettings;
import dev.snowpulse.ui.shell.UiSettingsStore;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.snowpulse.testing.FxReads.onFx;
import static dev.snowpulse.testing.FxReads.text;
import static dev.snowpulse.testing.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connections tab as an installed app shows it: no snowflake-jdbc yet, so testing a Snowflake profile says to
 * download it; Download driver fetches it (from a loopback repository with Maven's layout), checks it, and the same
 * test then signs in through it. A tampered download and a cancelled one keep nothing.
 */
@ExtendWith(ApplicationExtension.class)
class SnowflakeDriverUiTest {

    @TempDir
    Path home;

    private FakeSnowflake snowflake;
    private LoopbackMavenRepository repository;
    private TestWindow window;
    private Path drivers;

    @Start
    void start(Stage stage) throws Exception {
        snowflake = new FakeSnowflake().user("alice", "pw-in-env");
        repository = new LoopbackMavenRepository();
        CliRunner.Run add = new CliRunner(home).addSnowflakeProfile("sf", snowflake.url(), "SF_TEST_PASSWORD");
        assertThat(add.exit()).as(add.err()).isZero();
        HostEnvironment host = TestHosts.linux(home, Map.of("SF_TEST_PASSWORD", "pw-in-env"));
        drivers = AppDirectories.of(host).driversDir();
        new UiSettingsStore(AppDirectories.of(host).settingsFile()).save(new UiSettings(null, null, 1280, 800, false, Theme.LIGHT, "sf"));
        window = TestWindow.show(host, stage, SnowflakeDriver.installedOnly(drivers, repository.uri().toString()));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        repository.close();
        snowflake.close();
    }

    private static void selectProfile(FxRobot robot, String name) throws Exception {
        waitUntil(() -> robot.lookup(".profile-name").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(name)));
        Label label = onFx(() -> robot.lookup(".profile-name").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(name)).findFirst().orElseThrow());
        robot.clickOn(label);
        waitUntil(() -> text(robot, "#driverStatus").contains("downloads it once"));
    }

    private static boolean shown(FxRobot robot, String id) {
        return onFx(() -> {
            Node node = robot.lookup(id).query();
            return node.isVisible() && node.isManaged();
        });
    }

    private long driverFiles() throws Exception {
        if (!Files.isDirectory(drivers)) {
            return 0;
        }
        try (var files = Files.list(drivers)) {
            return files.count();
        }
    }

    @Test
    void withoutTheDriverTheProfileSaysToDownloadItAndTheDownloadConnectsIt(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#statusState").equals("Connection failed"));
        assertThat(text(robot, "#statusDetail")).contains("not installed");
        selectProfile(robot, "sf");
        assertThat(text(robot, "#driverStatus")).contains(DriverArtifact.snowflakeJdbc().describe()).contains("127.0.0.1");
        assertThat(shown(robot, "#downloadDriver")).isTrue();

        robot.clickOn("#testButton");
        waitUntil(() -> text(robot, "#message").contains("not installed"));
        assertThat(text(robot, "#message")).contains("Download driver");

        robot.clickOn("#downloadDriver");
        waitUntil(() -> text(robot, "#driverProgressText").startsWith("Installed "));
        // the active profile failed for want of the driver: it is connected again without being asked
        waitUntil(() -> text(robot, "#statusState").equals("Connected"));
        assertThat(text(robot, "#statusDetail")).contains("Snowflake 9.40.2");
        assertThat(text(robot, "#driverStatus")).contains("is installed in " + drivers);
        assertThat(shown(robot, "#downloadDriver")).isFalse();
        assertThat(Files.size(drivers.resolve(DriverArtifact.snowflakeJdbc().fileName()))).isEqualTo(DriverArtifact.snowflakeJdbc().bytes());

        robot.clickOn("#testButton");
        waitUntil(() -> text(robot, "#message").startsWith("Connected:"));
        assertThat(text(robot, "#message")).contains("Snowflake 9.40.2");
    }

    @Test
    void anAlteredDownloadIsRefusedAndACancelledOneKeepsNothing(FxRobot robot) throws Exception {
        selectProfile(robot, "sf");
        repository.alter(true);
        robot.clickOn("#downloadDriver");
        waitUntil(() -> text(robot, "#driverError").contains("SHA-256"));
        assertThat(shown(robot, "#downloadDriver")).isTrue();
        assertThat(driverFiles()).isZero();

        repository.alter(false);
        repository.hold();
        robot.clickOn("#downloadDriver");
        waitUntil(() -> shown(robot, "#cancelDriverDownload") && text(robot, "#driverProgressText").endsWith(" of 99 MB"));
        assertThat(text(robot, "#driverError")).isEmpty();
        robot.clickOn("#cancelDriverDownload");
        repository.release();
        waitUntil(() -> text(robot, "#driverError").equals("Download cancelled; nothing was kept."));
        assertThat(shown(robot, "#cancelDriverDownload")).isFalse();
        assertThat(driverFiles()).isZero();
        assertThat(text(robot, "#driverStatus")).contains("downloads it once");
    }
}
