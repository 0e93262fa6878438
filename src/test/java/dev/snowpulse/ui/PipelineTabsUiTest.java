package dev.snowpulse.ui;

import dev.snowpulse.app.AppDirectories;
import dev.snowpulse.app.HostEnvironment;
import dev.snowpulse.testing.AuditTabSteps;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.FakeRetailPipeline;
import dev.snowpulse.testing.FakeSnowflake;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestWindow;
import dev.snowpulse.ui.common.Theme;
import dev.snowpulse.ui.shell.UiSettings;
import dev.snowpulse.ui.shell.UiSettingsStore;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

/** The Pipeline and Audit tabs of the real window on a Snowflake profile, through snowflake-jdbc, against the fake account. */
@ExtendWith(ApplicationExtension.class)
class PipelineTabsUiTest {

    @TempDir
    Path home;

    private FakeSnowflake snowflake;
    private FakeRetailPipeline pipeline;
    private TestWindow window;

    @Start
    void start(Stage stage) throws Exception {
        snowflake = new FakeSnowflake().user("alice", "pw-in-env");
        pipeline = new FakeRetailPipeline(snowflake);
        Map<String, String> variables = Map.of("SF_TEST_PASSWORD", "pw-in-env");
        CliRunner.Run add = new CliRunner(home).addSnowflakeProfile("sf", snowflake.url(), "SF_TEST_PASSWORD");
        assertThat(add.exit()).as(add.err()).isZero();
        HostEnvironment host = TestHosts.linux(home, variables);
        new UiSettingsStore(AppDirectories.of(host).settingsFile())
                .save(new UiSettings(null, null, 1280, 800, false, Theme.LIGHT, "sf"));
        window = TestWindow.show(host, stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        snowflake.close();
    }




    private void openPipeline(FxRobot robot) throws Exception {
        robot.clickOn("#tab-pipeline");
        waitUntil(() -> text(robot, "#pipelineTarget").startsWith("sf · alice@testacct"));
    }

    @Test
    void deployThenStartAndStopRedrawTheTaskStates(FxRobot robot) throws Exception {
        openPipeline(robot);
        waitUntil(() -> text(robot, "#pipelineMessage").contains("error 002003"));

        robot.clickOn("#deployPipeline");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Deploy plan ready:"));
        ListView<?> log = onFx(() -> robot.lookup("#deployLog").queryAs(ListView.class));
        assertThat(onFx(() -> log.getItems().getFirst().toString())).isEqualTo("Found: no database RETAIL_STREAMING_DEMO yet: "
                + "deploy creates it with the pipeline");
        assertThat(onFx(() -> log.getItems().stream().map(Object::toString).toList()))
                .contains("  database created: RETAIL_STREAMING_DEMO");
        assertThat(snowflake.queries()).as("the plan only reads").noneMatch(q -> q.startsWith("CREATE"));

        robot.clickOn("#applyDeploy");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Deployed:"));
        assertThat(onFx(() -> log.getItems().getFirst().toString())).startsWith("1/").contains("CREATE DATABASE IF NOT EXISTS RETAIL_STREAMING_DEMO");
        waitUntil(() -> text(robot, "#task-state-DATA_GENERATION_TASK").equals("suspended"));
        assertThat(text(robot, "#task-state-GOLD_TRANSFORMATION_TASK")).isEqualTo("suspended");

        robot.clickOn("#startPipeline");
        waitUntil(() -> text(robot, "#task-state-DATA_GENERATION_TASK").equals("started"));
        assertThat(text(robot, "#task-state-BRONZE_TRANSFORMATION_TASK")).isEqualTo("started");
        assertThat(onFx(() -> robot.lookup("#task-DATA_GENERATION_TASK").query().getStyleClass())).contains("task-started");
        assertThat(text(robot, "#pipelineMessage")).startsWith("Pipeline started successfully!");

        pipeline.failBronze(true);
        robot.clickOn("#task-BRONZE_TRANSFORMATION_TASK");
        robot.clickOn("#executeTask");
        waitUntil(() -> text(robot, "#task-state-BRONZE_TRANSFORMATION_TASK").equals("started · failed"));
        assertThat(onFx(() -> robot.lookup("#task-BRONZE_TRANSFORMATION_TASK").query().getStyleClass())).contains("task-failed");

        robot.clickOn("#stopPipeline");
        waitUntil(() -> text(robot, "#task-state-DATA_GENERATION_TASK").equals("suspended"));
        assertThat(text(robot, "#task-state-BRONZE_TRANSFORMATION_TASK")).isEqualTo("suspended · failed");
        assertThat(pipeline.state(FakeRetailPipeline.GOLD)).isEqualTo("suspended");
        robot.clickOn("#section-history");
        robot.clickOn("#errorsOnly");
        TableView<?> history = onFx(() -> robot.lookup("#taskHistory").queryAs(TableView.class));
        waitUntil(() -> onFx(() -> history.getItems().size()) == 1);
        assertThat(onFx(() -> history.getItems().getFirst().toString())).contains("BRONZE_TRANSFORMATION_TASK").contains("100038");
    }

    @Test
    void anEditedConfigurationShowsAsAChangedRowWhenTwoRunsAreCompared(FxRobot robot) throws Exception {
        pipeline.deployed();
        openPipeline(robot);
        robot.clickOn("#generateNow");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Successfully generated 83 events"));

        robot.clickOn("#section-configuration");
        TableView<?> rows = onFx(() -> robot.lookup("#referenceRows").queryAs(TableView.class));
        waitUntil(() -> onFx(() -> rows.getItems().size()) == 3);
        robot.doubleClickOn(premiumWeight(robot, rows));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("7").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#referenceMessage").equals("WEIGHT: '7' is not a number from 0 to 1"));
        robot.doubleClickOn(premiumWeight(robot, rows));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("0.2").type(KeyCode.ENTER);
        ListView<?> pending = onFx(() -> robot.lookup("#pendingChanges").queryAs(ListView.class));
        waitUntil(() -> onFx(() -> pending.getItems().size()) == 1);
        assertThat(onFx(() -> ((dev.snowpulse.pipeline.reference.ReferenceChange) pending.getItems().getFirst()).describe()))
                .isEqualTo("CUSTOMER_SEGMENTS premium: WEIGHT 0.15 → 0.2");
        robot.clickOn("#applyChanges");
        waitUntil(() -> text(robot, "#referenceMessage").startsWith("Applied 1 change"));

        robot.clickOn("#section-overview");
        robot.clickOn("#generateNow");
        waitUntil(() -> pipeline.auditRows() == 2);

        AuditTabSteps.compareTheTwoRuns(robot);
        TreeTableView<?> tree = onFx(() -> robot.lookup("#comparisonTree").queryAs(TreeTableView.class));
        waitUntil(() -> onFx(() -> tree.getRoot() != null));
        String changed = onFx(() -> describe(tree.getRoot()));
        assertThat(changed).contains("CUSTOMER_SEGMENTS|CHANGED").contains("premium|changed").contains("weight||0.15|0.2")
                .contains("WAREHOUSES|unchanged");
        assertThat(text(robot, "#auditMessage")).isEqualTo("1 reference table changed between the two runs.");
    }

    /** The WEIGHT cell of the premium row (rows are sorted by key: occasional, premium, regular), looked up afresh. */
    private static Node premiumWeight(FxRobot robot, TableView<?> rows) {
        return onFx(() -> robot.from(rows).lookup(".table-row-cell").nth(1).lookup(".table-cell").nth(1).query());
    }

    private static String describe(TreeItem<?> item) {
        StringBuilder text = new StringBuilder();
        for (TreeItem<?> child : item.getChildren()) {
            Object value = child.getValue();
            if (value instanceof Record line) {
                String[] parts = line.toString().replaceAll("^\\w+\\[|]$", "").split(", ");
                StringBuilder joined = new StringBuilder();
                for (String part : parts) {
                    joined.append(joined.isEmpty() ? "" : "|").append(part.substring(part.indexOf('=') + 1));
                }
                text.append(joined).append('\n');
            }
            text.append(describe(child));
        }
        return text.toString();
    }
}
