package dev.snowpulse.ui.pipeline;

import dev.snowpulse.pipeline.PipelineSession;
import dev.snowpulse.AppServices;
import dev.snowpulse.format.ReportFormat;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.SecretRef;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SnowflakeSettings;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.FakeRetailPipeline;
import dev.snowpulse.testing.FakeSnowflake;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.ManualTicker;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pipeline and Audit tabs' models on the fake account, with work run inline and a ticker advanced by hand. */
class PipelineViewModelTest {

    @TempDir
    Path home;

    private FakeSnowflake snowflake;
    private FakeRetailPipeline pipeline;
    private AppServices services;
    private ShellViewModel shell;
    private PipelineSession session;
    private final ManualTicker ticker = new ManualTicker();

    @BeforeEach
    void start() throws Exception {
        snowflake = new FakeSnowflake().user("alice", "pw");
        pipeline = new FakeRetailPipeline(snowflake).deployed();
        services = AppServices.create(TestHosts.linux(home, Map.of("SF_PW", "pw")), new InMemoryKeychain(false));
        shell = new ShellViewModel(new ConnectionChecks(services.connections(), services.secrets().session(), new DirectBackground()));
        session = new PipelineSession(services.connections());
    }

    @AfterEach
    void stop() {
        session.close();
        services.close();
        snowflake.close();
    }

    private ConnectionProfile profile(EnvironmentKind environment) {
        return new ConnectionProfile("sf-" + environment.name().toLowerCase(), Environment.of(environment), new SnowflakeSettings("testacct", "alice",
                null, null, null, null, snowflake.url(), SnowflakeAuthenticator.PASSWORD, null, null,
                SecretRef.environment("SF_PW")));
    }

    private PipelineViewModel model() {
        return new PipelineViewModel(shell, session, services.prodGuard(), new DirectBackground(), ticker);
    }

    @Test
    void pollsOnlyWhileShownAndShowsTasksHistoryStreamsAndLayers() {
        shell.connect(profile(EnvironmentKind.DEV));
        PipelineViewModel model = model();
        assertThat(model.targetProperty().get()).isEqualTo("sf-dev · alice@testacct · RETAIL_STREAMING_DEMO");
        assertThat(model.tasks()).isEmpty();

        model.activate();
        assertThat(ticker.running()).isTrue();
        assertThat(model.tasks()).hasSize(3);
        assertThat(model.summary()).hasSize(5);
        assertThat(model.costProperty().get()).isEqualTo("Each run of DATA_GENERATION_TASK: 5 customer + 10 purchase + 3 marketing "
                + "+ 2 supply chain = 20 events per run · USING CRON 0,30 * * * * UTC · 48 runs, 960 events a day");
        assertThat(model.streams()).hasSize(1);
        assertThat(model.updatedProperty().get()).startsWith("Updated ");

        model.start(null);
        assertThat(model.messageProperty().get()).startsWith("Pipeline started successfully!");
        assertThat(model.tasks()).allMatch(t -> t.task().state() == dev.snowpulse.pipeline.task.TaskState.STARTED);

        model.deactivate();
        assertThat(ticker.running()).isFalse();
        int before = snowflake.queries().size();
        ticker.tick(3);
        assertThat(snowflake.queries()).hasSize(before);
    }

    @Test
    void badCountsAreNamedAndNothingIsSent() {
        shell.connect(profile(EnvironmentKind.DEV));
        PipelineViewModel model = model();
        model.purchaseEventsProperty().set("fifty");
        model.generate(null);
        assertThat(model.errorProperty().get()).isEqualTo("purchase events: 'fifty' is not a whole number");
        model.purchaseEventsProperty().set("-5");
        model.generate(null);
        assertThat(model.errorProperty().get()).isEqualTo("purchase events: -5 is outside 0..100000");
        assertThat(pipeline.auditRows()).isZero();
        assertThat(model.purchaseEventsProperty().get()).as("the typed value is kept").isEqualTo("-5");
    }

    @Test
    void prodControlsNeedTheProfileNameAndTaskControlsATask() {
        shell.connect(profile(EnvironmentKind.PROD));
        PipelineViewModel model = model();
        assertThat(model.needsProdConfirmation()).isTrue();
        model.start("wrong-name");
        assertThat(model.errorProperty().get()).contains("sf-prod");
        assertThat(pipeline.state(FakeRetailPipeline.ROOT)).isEqualTo("suspended");
        model.start("sf-prod");
        assertThat(pipeline.state(FakeRetailPipeline.ROOT)).isEqualTo("started");

        model.resume("sf-prod");
        assertThat(model.errorProperty().get()).isEqualTo("Pick a task in the graph first.");
    }

    @Test
    void aPostgresProfileDrivesThePipelineOnPostgres() {
        shell.connect(services.profiles().localDemo());
        PipelineViewModel model = model();
        assertThat(model.usableProperty().get()).isTrue();
        assertThat(model.targetProperty().get()).startsWith("Local demo · ").endsWith(" · pipeline on PostgreSQL");
        assertThat(model.taskSchemaProperty().get()).endsWith(".RETAIL_PIPELINE");
    }

    @Test
    void auditComparesOlderWithNewerAndExportsBoth() throws Exception {
        shell.connect(profile(EnvironmentKind.DEV));
        PipelineViewModel model = model();
        ReferenceViewModel reference = new ReferenceViewModel(shell, session, services.prodGuard(), new DirectBackground());
        AuditViewModel audit = new AuditViewModel(shell, session, new DirectBackground());
        model.generate(null);
        reference.tableProperty().set(dev.snowpulse.pipeline.reference.ReferenceTable.WAREHOUSES);
        var east = reference.rows().getFirst();
        assertThat(reference.propose(east, "CAPACITY", "lots")).isFalse();
        assertThat(reference.errorProperty().get()).isEqualTo("CAPACITY: 'lots' is not a whole number of 1 or more");
        assertThat(reference.propose(east, "CAPACITY", "60000")).isTrue();
        assertThat(reference.propose(east, "CAPACITY", "61000")).isTrue();
        assertThat(reference.pending()).extracting(dev.snowpulse.pipeline.reference.ReferenceChange::describe)
                .containsExactly("WAREHOUSES WH_001: CAPACITY 25000 → 61000");
        reference.apply(null);
        assertThat(reference.rows().getFirst().value("CAPACITY")).isEqualTo("61000");
        model.generate(null);

        audit.refresh();
        assertThat(audit.runs()).hasSize(2);
        assertThat(audit.runs().getFirst().configChanged()).isTrue();
        audit.compare(audit.runs().get(0), audit.runs().get(1));
        assertThat(audit.comparisonProperty().get().before()).isEqualTo(audit.runs().get(1).runId());
        assertThat(audit.comparisonProperty().get().changedTables()).extracting(t -> t.table().name()).containsExactly("WAREHOUSES");

        Path csv = home.resolve("compare.csv");
        audit.exportComparison(csv, ReportFormat.CSV);
        assertThat(Files.readString(csv)).contains("WAREHOUSES,CHANGED,WH_001,CAPACITY,25000,61000");
        Path json = home.resolve("runs.json");
        audit.exportRuns(json, ReportFormat.JSON);
        assertThat(Files.readString(json)).contains("\"generated\" : 83").contains("\"config\" : \"changed\"");
        assertThat(audit.messageProperty().get()).isEqualTo("Exported 2 rows to " + json);

        audit.compare(audit.runs().get(0), audit.runs().get(0));
        assertThat(audit.errorProperty().get()).startsWith("Pick two different runs");
    }
}
