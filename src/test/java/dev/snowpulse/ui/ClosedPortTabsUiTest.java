package dev.snowpulse.ui;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.ConnectionsSteps;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Map;

import static dev.snowpulse.testing.FxReads.onFx;
import static dev.snowpulse.testing.FxReads.text;
import static dev.snowpulse.testing.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a working database to a profile whose port is closed: no tab keeps the previous database's state or offers
 * to act on what it could not read, and every empty table says it was not read rather than that there is nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ClosedPortTabsUiTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private TestWindow window;

    @Start
    void start(Stage stage) throws Exception {
        PostgresSettings database = pg.freshDatabase();
        new dev.snowpulse.schema.SchemaService(TestPostgres.endpoint(database)).initialize(event -> { });
        window = TestWindow.show(TestHosts.linux(home, Map.of("PGDATABASE", database.database())), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static TableView<?> table(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(TableView.class));
    }

    private static String placeholder(TableView<?> table) {
        return onFx(() -> ((Label) table.getPlaceholder()).getText());
    }

    @Test
    void afterASwitchToAClosedPortEveryTabSaysWhatItCouldNotRead(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#statusState").equals("Connected"));
        robot.clickOn("#tab-schema");
        TableView<?> files = table(robot, "#schemaFiles");
        waitUntil(() -> onFx(() -> !files.getItems().isEmpty()));
        robot.clickOn("#tab-pipeline");
        Button start = onFx(() -> robot.lookup("#startPipeline").queryAs(Button.class));
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("The pipeline is not deployed"));

        ConnectionsSteps.connectToNewPostgresProfile(robot, "closed", ConnectionsSteps.closedPort());

        robot.clickOn("#tab-schema");
        waitUntil(() -> text(robot, "#schemaFailure").startsWith("Could not read schema state: nothing accepted a connection"));
        assertThat(onFx(() -> files.getItems().size())).as("the other database's files are gone").isZero();
        assertThat(placeholder(files)).isEqualTo("Not read: see the message above");
        assertThat(onFx(() -> robot.lookup("#migrateButton").queryAs(Button.class).isDisabled())).isTrue();

        robot.clickOn("#tab-workload");
        TableView<?> runs = table(robot, "#workloadRuns");
        waitUntil(() -> text(robot, "#historyMessage").startsWith("Could not read the run history on closed"));
        assertThat(placeholder(runs)).isEqualTo("Not read: see the message above");

        robot.clickOn("#tab-pipeline");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Could not "));
        assertThat(onFx(() -> robot.lookup("#pipelineMessage").queryAs(Label.class).getStyleClass())).contains("message-error");
        assertThat(onFx(start::isDisabled)).as("nothing to start where nothing could be read").isTrue();
        assertThat(onFx(() -> robot.lookup("#generateNow").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(onFx(start::getStyleClass)).as("no primary action on an unknown state").doesNotContain("accent");

        robot.clickOn("#tab-audit");
        TableView<?> audit = table(robot, "#auditRuns");
        waitUntil(() -> text(robot, "#auditMessage").startsWith("Could not read the generation audit: nothing accepted a connection"));
        assertThat(placeholder(audit)).isEqualTo("Not read: see the message above");
    }
}
