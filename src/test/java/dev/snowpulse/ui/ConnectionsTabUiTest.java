package dev.snowpulse.ui;

import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, driven like a user would: create a profile, test it, connect, see it in the status bar. */
@ExtendWith(ApplicationExtension.class)
class ConnectionsTabUiTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(TestHosts.linux(home), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void waitFor(FxRobot robot, String query, String expectedStart) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).queryAs(Label.class).getText().startsWith(expectedStart));
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.doubleClickOn(id).eraseText(robot.lookup(id).queryAs(TextField.class).getText().length() + 1).write(text);
    }

    /** New Postgres profile pointing at the test database, filled in as a user types it. */
    private static void typeNewPostgresProfile(FxRobot robot, String name, String environment) {
        robot.clickOn("#newMenu").clickOn("#newPostgres");
        replace(robot, "#profileName", name);
        robot.clickOn("#environment").clickOn(environment);
        replace(robot, "#host", TestPostgres.HOST);
        replace(robot, "#port", Integer.toString(TestPostgres.PORT));
        robot.clickOn("#database").write(pg.database());
        robot.clickOn("#user").write(TestPostgres.USER);
    }

    @Test
    void opensWithSixTabsAndTheLocalDemoConnected(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText)
                .containsExactly("Connections", "Schema", "Workload", "KPIs", "Server", "Pipeline", "Audit");

        waitFor(robot, "#statusState", "Connected");
        assertThat(robot.lookup("#statusProfile").queryAs(Label.class).getText()).isEqualTo("Local demo");
        assertThat(robot.lookup("#statusDetail").queryAs(Label.class).getText()).startsWith("PostgreSQL ");

        robot.clickOn("Pipeline");
        waitFor(robot, "#pipelineTarget", "Local demo · ");
        assertThat(robot.lookup("#pipelineTarget").queryAs(Label.class).getText()).endsWith(" · pipeline on PostgreSQL");
    }

    @Test
    void createsAProfileTestsItAndConnectsWithItsColour(FxRobot robot) throws Exception {
        waitFor(robot, "#statusState", "Connected");
        typeNewPostgresProfile(robot, "orders-staging", "staging");
        robot.clickOn("#secretSource").clickOn("none (trust, certificate or SSO)");

        robot.clickOn("#saveButton");
        waitFor(robot, "#message", "Saved 'orders-staging'");
        assertThat(Files.readString(window.services().directories().profilesFile())).contains("orders-staging");

        robot.clickOn("#testButton");
        waitFor(robot, "#message", "Connected: PostgreSQL");

        robot.clickOn("#connectButton");
        waitFor(robot, "#statusProfile", "orders-staging");
        waitFor(robot, "#statusState", "Connected");
        assertThat(robot.lookup("#statusEnvironment").queryAs(Label.class).getText()).isEqualTo("STAGING");
        Region chip = robot.lookup("#statusEnvChip").queryAs(Region.class);
        assertThat(chip.getStyle()).contains(EnvironmentKind.STAGING.defaultColour());
        assertThat(robot.lookup("#shell").queryAs(Region.class).getStyleClass()).doesNotContain("prod-frame");
    }

    @Test
    void theWindowRemembersItsSizeThemeAndProfile(FxRobot robot) throws Exception {
        waitFor(robot, "#statusState", "Connected");
        robot.clickOn("#themeToggle");
        assertThat(robot.lookup("#themeToggle").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Light theme");
        Stage stage = (Stage) robot.lookup("#shell").query().getScene().getWindow();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
        }).get();

        window.close();

        dev.snowpulse.ui.shell.UiSettings saved = new dev.snowpulse.ui.shell.UiSettingsStore(window.services().directories().settingsFile()).load();
        assertThat(saved.theme()).isEqualTo(dev.snowpulse.ui.common.Theme.DARK);
        assertThat(saved.activeProfile()).isEqualTo("Local demo");
        assertThat(saved.width()).isEqualTo(1100);
        assertThat(saved.height()).isEqualTo(700);
        assertThat(java.nio.file.Files.readString(window.services().directories().settingsFile())).doesNotContainIgnoringCase("password");
    }

    @Test
    void aProdProfileFramesTheWindowInItsColour(FxRobot robot) throws Exception {
        waitFor(robot, "#statusState", "Connected");
        typeNewPostgresProfile(robot, "orders-prod", "prod");
        robot.clickOn("#saveButton");
        waitFor(robot, "#message", "Saved");
        robot.clickOn("#connectButton");
        waitFor(robot, "#statusProfile", "orders-prod");

        Region shell = robot.lookup("#shell").queryAs(Region.class);
        assertThat(shell.getStyleClass()).contains("prod-frame");
        assertThat(shell.getStyle()).contains(EnvironmentKind.PROD.defaultColour());
    }

    @Test
    void closingTheWindowAsksBeforeUnsavedProfileEditsAreLost(FxRobot robot) throws Exception {
        waitFor(robot, "#statusState", "Connected");
        typeNewPostgresProfile(robot, "draft", "dev");
        Stage stage = (Stage) robot.lookup("#shell").query().getScene().getWindow();

        for (String answer : List.of("Cancel", "OK")) {
            javafx.stage.WindowEvent request = new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
            var asked = WaitForAsyncUtils.asyncFx(() -> stage.getOnCloseRequest().handle(request));
            // the previous round's dialog may still be in the scene graph while it closes: only a showing one counts
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> showing(robot, ".dialog-pane .button").anyMatch(b ->
                    answer.equals(((javafx.scene.control.Button) b).getText())));
            assertThat(showing(robot, ".dialog-pane .content").map(n -> ((Label) n).getText()).findFirst().orElseThrow())
                    .isEqualTo("Close SnowPulse and discard the unsaved changes to 'draft'?");
            robot.clickOn(showing(robot, ".dialog-pane .button").filter(b -> answer.equals(((javafx.scene.control.Button) b).getText()))
                    .findFirst().orElseThrow());
            asked.get(15, TimeUnit.SECONDS);
            assertThat(request.isConsumed()).as("window kept open after " + answer).isEqualTo(answer.equals("Cancel"));
        }
        assertThat(robot.lookup("#profileName").queryAs(TextField.class).getText()).isEqualTo("draft");
    }

    private static java.util.stream.Stream<javafx.scene.Node> showing(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().filter(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing());
    }
}
