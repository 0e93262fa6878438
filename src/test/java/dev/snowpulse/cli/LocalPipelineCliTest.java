package dev.snowpulse.cli;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.CliRunner;
import dev.snowpulse.testing.CliRunner.Run;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `snowpulse pipeline ...` on a Postgres profile: the pipeline on PostgreSQL and its scheduler. */
class LocalPipelineCliTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private Run run(String... args) {
        return new CliRunner(home).run(args);
    }

    @Test
    void deployRunStatusAndTheScheduler() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        assertThat(new CliRunner(home).addProfile("shop", "dev", db).exit()).isZero();

        Run deploy = run("--profile", "shop", "pipeline", "deploy");
        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(deploy.out()).startsWith("deploying to PostgreSQL").contains("Found: no retail pipeline here yet")
                .containsPattern("deployed: (\\d+) of \\1 statements");
        Run again = run("--profile", "shop", "pipeline", "deploy", "--plan");
        assertThat(again.out()).contains("Found: SnowPulse's pipeline").doesNotContain("table created", "column added", "rows added");

        assertThat(run("--profile", "shop", "pipeline", "scheduler", "--once").out()).isEqualTo("nothing due\n");
        assertThat(run("--profile", "shop", "pipeline", "start").out()).startsWith("Pipeline started successfully!");
        assertThat(run("--profile", "shop", "pipeline", "scheduler", "--once").out()).as("not due for 30 minutes").isEqualTo("nothing due\n");
        Run executed = run("--profile", "shop", "pipeline", "tasks", "--execute", "DATA_GENERATION_TASK");
        assertThat(executed.exit()).as(executed.err()).isZero();
        assertThat(executed.out()).containsPattern("GOLD_TRANSFORMATION_TASK +started +after BRONZE_TRANSFORMATION_TASK +SUCCEEDED");
        Run status = run("--profile", "shop", "pipeline", "status");
        assertThat(status.out()).containsPattern("DATA_GENERATION_TASK +started +30 MINUTES").containsPattern("Gold +FCT_SALES +10");

        Sql.execute(TestPostgres.endpoint(db), "update retail_pipeline.tasks set next_run = now() - interval '1 second' where predecessor is null");
        Run once = run("--profile", "shop", "pipeline", "scheduler", "--once");
        assertThat(once.out()).isEqualTo("DATA_GENERATION_TASK succeeded; BRONZE_TRANSFORMATION_TASK succeeded; "
                + "GOLD_TRANSFORMATION_TASK succeeded\n1 graph run\n");
        assertThat(run("--profile", "shop", "pipeline", "summary").out()).containsPattern("Gold +FCT_SALES +20");
        assertThat(run("--profile", "shop", "pipeline", "streams").out()).containsPattern("RAW_RETAIL_EVENTS_STREAM .* no +no");
    }
}
