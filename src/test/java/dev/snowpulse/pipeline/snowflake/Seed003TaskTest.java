package dev.snowpulse.pipeline.snowflake;

import dev.snowpulse.db.SnowflakeDriver;
import dev.snowpulse.db.SnowflakeTargets;
import dev.snowpulse.pipeline.deploy.DeployOptions;
import dev.snowpulse.pipeline.task.RunCost;
import dev.snowpulse.pipeline.StreamInfo;
import dev.snowpulse.pipeline.task.TaskState;
import dev.snowpulse.pipeline.task.TaskStatus;
import dev.snowpulse.profile.secret.Secret;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.FakeSnowflake;
import dev.snowpulse.testing.FakeSnowflake.Column;
import dev.snowpulse.testing.FakeSnowflake.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003 (AxsolLars/IntegralTest, 10_allTogether): its own task integrate_stream_task (every minute, CALL
 * integrate_stream()) and its stream random_values_stream in testing_db.integral_test, which SnowPulse never
 * deploys over. The task and stream views show them as they are and control the task with the seed's own
 * ALTER TASK ... RESUME / SUSPEND; nothing else is sent to that schema.
 */
class Seed003TaskTest {

    private static final String SCHEMA = "TESTING_DB.INTEGRAL_TEST";
    private static final String TASK = SCHEMA + ".INTEGRATE_STREAM_TASK";

    private FakeSnowflake snowflake;
    private SnowflakePipelineGateway gateway;
    private final String[] state = {"suspended"};

    @BeforeEach
    void start() throws IOException {
        snowflake = new FakeSnowflake().user("alice", "pw");
        snowflake.answer("SHOW TASKS IN SCHEMA " + SCHEMA, q -> tasks());
        snowflake.answer("SELECT SYSTEM\\$TASK_DEPENDENTS_ENABLE\\('" + TASK + "'\\)", q -> {
            state[0] = "started";
            return Result.single("SYSTEM$TASK_DEPENDENTS_ENABLE", "");
        });
        snowflake.answer("ALTER TASK " + TASK + " SUSPEND", q -> {
            state[0] = "suspended";
            return Result.statusMessage("Statement executed successfully.");
        });
        snowflake.answer("SHOW STREAMS IN SCHEMA " + SCHEMA, q -> {
            List<String> row = new ArrayList<>(List.of("1764000000.000000000", "RANDOM_VALUES_STREAM", "TESTING_DB", "INTEGRAL_TEST",
                    "SYSADMIN"));
            row.add(null);
            row.addAll(List.of("TESTING_DB.INTEGRAL_TEST.RANDOM_VALUES", "Table", "TESTING_DB.INTEGRAL_TEST.RANDOM_VALUES", "DELTA",
                    "false", "DEFAULT", "1765000000.000000000"));
            return Result.of(List.of(new Column("created_on", "timestamp_ltz"), Column.text("name"), Column.text("database_name"),
                    Column.text("schema_name"), Column.text("owner"), Column.text("comment"), Column.text("table_name"),
                    Column.text("source_type"), Column.text("base_tables"), Column.text("type"), Column.text("stale"),
                    Column.text("mode"), new Column("stale_after", "timestamp_ltz")), List.of(row));
        });
        snowflake.answer("SELECT SYSTEM\\$STREAM_HAS_DATA\\('TESTING_DB.INTEGRAL_TEST.RANDOM_VALUES_STREAM'\\)",
                q -> Result.of(List.of(new Column("HAS_DATA", "boolean")), List.of(List.of("true"))));
        SnowflakeSettings settings = new SnowflakeSettings("testacct", "alice", null, "COMPUTE_WH", null, null, snowflake.url(),
                SnowflakeAuthenticator.PASSWORD, null, null, SecretRef.auto());
        gateway = new SnowflakePipelineGateway(SnowflakeDriver.classPath(), SnowflakeTargets.of(settings, Optional.of(new Secret("pw")),
                Duration.ofSeconds(10)), DeployOptions.defaults());
    }

    @AfterEach
    void stop() {
        gateway.close();
        snowflake.close();
    }

    private Result tasks() {
        List<String> row = new ArrayList<>(List.of("1764000000.000000000", "INTEGRATE_STREAM_TASK", "01b2", "TESTING_DB", "INTEGRAL_TEST",
                "SYSADMIN"));
        row.add(null);
        row.addAll(List.of("COMPUTE_WH", "1 MINUTE", "[]", state[0], "CALL integrate_stream()"));
        row.add(null);
        return Result.of(List.of(new Column("created_on", "timestamp_ltz"), Column.text("name"), Column.text("id"),
                Column.text("database_name"), Column.text("schema_name"), Column.text("owner"), Column.text("comment"),
                Column.text("warehouse"), Column.text("schedule"), Column.text("predecessors"), Column.text("state"),
                Column.text("definition"), Column.text("condition")), List.of(row));
    }

    @Test
    void theSeedsTaskAndStreamAreShownAndTheTaskIsControlledAsTheSeedDoes() throws Exception {
        List<TaskStatus> tasks = gateway.taskList(SCHEMA).stream().map(t -> new TaskStatus(t, null, null)).toList();
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.task().name()).isEqualTo(TASK);
            assertThat(t.task().schedule()).isEqualTo("1 MINUTE");
            assertThat(t.task().definition()).isEqualTo("CALL integrate_stream()");
            assertThat(t.task().warehouse()).isEqualTo("COMPUTE_WH");
        });
        assertThat(RunCost.of(tasks)).as("not a retail generator: no events-per-run line").isEmpty();
        assertThat(RunCost.runsPerDay("1 MINUTE")).hasValue(1440);

        gateway.resume(TASK);
        assertThat(gateway.taskList(SCHEMA).getFirst().state()).isEqualTo(TaskState.STARTED);
        gateway.suspend(TASK);
        assertThat(state[0]).isEqualTo("suspended");

        List<StreamInfo> streams = gateway.streams(SCHEMA);
        assertThat(streams).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(SCHEMA + ".RANDOM_VALUES_STREAM");
            assertThat(s.hasData()).isTrue();
        });
        assertThat(snowflake.queries()).filteredOn(q -> q.contains("INTEGRAL_TEST")).as("reads and the two task controls only")
                .allMatch(q -> q.startsWith("SHOW ") || q.startsWith("SELECT SYSTEM$") || q.equals("ALTER TASK " + TASK + " SUSPEND"));
    }
}
