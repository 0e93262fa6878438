package dev.snowpulse.pipeline.local;

import dev.snowpulse.db.EmbeddedPostgresServer;
import dev.snowpulse.testing.PrivatePostgres;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.pipeline.deploy.DeployListener;
import dev.snowpulse.pipeline.deploy.DeployReport;
import dev.snowpulse.pipeline.LayerCount;
import dev.snowpulse.pipeline.PipelineSettings;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the database has pg_cron, Start schedules a pg_cron job and pg_cron runs the due graph by itself, through the
 * same run_graph procedure as SnowPulse's scheduler. Runs a PostgreSQL 15 of its own with pg_cron preloaded (Debian's
 * postgresql-15-cron, which CI installs); PostgreSQL refuses to run as root, so CI runs this as an ordinary user.
 */
class PgCronSchedulingTest {

    @TempDir
    Path dir;

    @Test
    void startSchedulesAPgCronJobThatRunsTheDueGraphAndStopRemovesIt() throws Exception {
        assumeFalse(EmbeddedPostgresServer.runningAsRoot(), "PostgreSQL refuses to run as root; CI runs this as an ordinary user");
        assumeTrue(Files.exists(Path.of("/usr/lib/postgresql/15/lib/pg_cron.so")), "needs Debian's postgresql-15-cron");
        try (PrivatePostgres pg = PrivatePostgres.start(dir, "shared_preload_libraries=pg_cron", "cron.database_name=retail",
                "cron.use_background_workers=on", "max_worker_processes=16")) {
            PostgresEndpoint server = pg.endpoint("postgres");
            Sql.execute(server, "create database retail");
            PostgresEndpoint retail = pg.endpoint("retail");
            Sql.execute(retail, "create extension pg_cron");

            try (LocalPipelineGateway gateway = new LocalPipelineGateway(retail, PipelineSettings.forLocal("retail", null))) {
                DeployReport report = gateway.deploy(DeployListener.NONE);
                assertThat(report.ok()).as(report.describe()).isTrue();
                assertThat(Sql.single(retail, "select retail_pipeline.task_runner()")).isEqualTo("pg_cron");

                assertThat(gateway.start()).isEqualTo("Pipeline started successfully! Data will be generated every 30 minutes. "
                        + "pg_cron runs the tasks.");
                assertThat(Sql.single(retail, "select command from cron.job where jobname = 'snowpulse-retail-pipeline'"))
                        .isEqualTo("CALL RETAIL_PIPELINE.run_due()");

                Sql.execute(retail, "update retail_pipeline.tasks set next_run = now() - interval '1 second' where predecessor is null");
                // pg_cron checks its jobs at the start of each minute
                Await.until(Duration.ofSeconds(90), "pg_cron to run the graph", () -> count(retail,
                        "select count(*) from retail_pipeline.task_history where task_name = 'GOLD_TRANSFORMATION_TASK' and state = 'SUCCEEDED'") == 1);
                assertThat(gateway.summary()).contains(new LayerCount("Gold", "FCT_SALES", 10));
                assertThat(count(retail, "select count(*) from retail_pipeline.task_history where state = 'SUCCEEDED'")).isEqualTo(3);
                assertThat(gateway.pipelineTasks().getFirst().nextRun()).isAfter(java.time.Instant.now().plusSeconds(29 * 60));

                gateway.stop();
                assertThat(count(retail, "select count(*) from cron.job where jobname = 'snowpulse-retail-pipeline'")).isZero();
            }
        }
    }

    private static long count(PostgresEndpoint db, String sql) {
        try {
            return Long.parseLong(Sql.single(db, sql));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
