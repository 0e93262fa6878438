package dev.snowpulse.ui;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.AuditTabSteps;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
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

/** The Pipeline and Audit tabs on the Local demo: the pipeline on PostgreSQL, from deploy to a gold count and a comparison. */
@ExtendWith(ApplicationExtension.class)
class LocalPipelineTabsUiTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private TestWindow window;
    private PostgresEndpoint db;

    @Start
    void start(Stage stage) throws Exception {
        PostgresSettings database = pg.freshDatabase();
        db = TestPostgres.endpoint(database);
        window = TestWindow.show(TestHosts.linux(home, Map.of("PGDATABASE", database.database())), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }




    @SuppressWarnings("unchecked")
    private static long rows(FxRobot robot, String table) {
        TableView<LayerCount> layers = onFx(() -> robot.lookup("#layerSummary").queryAs(TableView.class));
        return onFx(() -> layers.getItems().stream().filter(l -> l.table().equals(table)).mapToLong(LayerCount::records)
                .findFirst().orElse(-1));
    }

    @Test
    void deployRunTheGraphAndCompareTwoRunsOnTheLocalDemo(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#statusState").equals("Connected"));
        robot.clickOn("#tab-pipeline");
        waitUntil(() -> text(robot, "#pipelineTarget").startsWith("Local demo"));
        // a database without the pipeline is a state to act on, not an error
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("The pipeline is not deployed in this database yet"));
        assertThat(onFx(() -> robot.lookup("#pipelineMessage").queryAs(Label.class).getStyleClass())).contains("message-info");
        // before a deploy, Deploy is the step to take: Start, Stop and Generate wait for it
        for (String waiting : java.util.List.of("#startPipeline", "#stopPipeline", "#generateNow")) {
            assertThat(onFx(() -> robot.lookup(waiting).query().isDisabled())).as(waiting).isTrue();
        }
        assertThat(onFx(() -> robot.lookup("#deployPipeline").query().getStyleClass())).contains("accent");
        assertThat(onFx(() -> robot.lookup("#startPipeline").query().getStyleClass())).doesNotContain("accent");
        robot.clickOn("#tab-audit");
        waitUntil(() -> text(robot, "#auditMessage").startsWith("No generation runs: the pipeline is not deployed"));
        assertThat(onFx(() -> robot.lookup("#auditMessage").queryAs(Label.class).getStyleClass())).contains("message-info");
        robot.clickOn("#tab-pipeline");

        robot.clickOn("#deployPipeline");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Deploy plan ready:"));
        robot.clickOn("#applyDeploy");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Deployed:"));
        waitUntil(() -> text(robot, "#task-state-DATA_GENERATION_TASK").equals("suspended"));
        assertThat(rows(robot, "FCT_SALES")).isZero();
        waitUntil(() -> !onFx(() -> robot.lookup("#startPipeline").query().isDisabled()));
        assertThat(onFx(() -> robot.lookup("#startPipeline").query().getStyleClass())).contains("accent");

        robot.clickOn("#startPipeline");
        waitUntil(() -> text(robot, "#task-state-DATA_GENERATION_TASK").equals("started"));
        robot.clickOn("#task-DATA_GENERATION_TASK");
        robot.clickOn("#executeTask");
        waitUntil(() -> rows(robot, "FCT_SALES") == 10);
        assertThat(rows(robot, "STG_PURCHASES")).isEqualTo(10);
        assertThat(rows(robot, "RAW_RETAIL_EVENTS")).isEqualTo(20);
        assertThat(text(robot, "#pipelineCost")).isEqualTo("Each run of DATA_GENERATION_TASK: 5 customer + 10 purchase + 3 marketing "
                + "+ 2 supply chain = 20 events per run · 30 MINUTES · 48 runs, 960 events a day");
        assertThat(text(robot, "#task-last-GOLD_TRANSFORMATION_TASK")).startsWith("last run: succeeded");

        Sql.execute(db, "update reference_data.warehouses set capacity = 60000 where warehouse_id = 'WH_001'");
        robot.clickOn("#generateNow");
        waitUntil(() -> text(robot, "#pipelineMessage").startsWith("Successfully generated 83 events"));

        AuditTabSteps.compareTheTwoRuns(robot);
        waitUntil(() -> text(robot, "#auditMessage").equals("1 reference table changed between the two runs."));
        TreeTableView<?> tree = onFx(() -> robot.lookup("#comparisonTree").queryAs(TreeTableView.class));
        String shown = onFx(() -> tree.getRoot().getChildren().stream()
                .filter(t -> t.getValue().toString().contains("WAREHOUSES"))
                .map(t -> t.getValue() + " " + t.getChildren().getFirst().getValue() + " "
                        + t.getChildren().getFirst().getChildren().getFirst().getValue())
                .findFirst().orElse(""));
        assertThat(shown).contains("change=CHANGED").contains("what=WH_001").contains("what=capacity")
                .contains("before=25000").contains("after=60000");
    }
}
