package dev.snowpulse.ui.workload;

import dev.snowpulse.AppServices;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.schema.SchemaService;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.ManualTicker;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.ShellViewModel;
import dev.snowpulse.workload.LatencySummary;
import dev.snowpulse.workload.Outcome;
import dev.snowpulse.workload.OutcomeCounts;
import dev.snowpulse.workload.WorkloadResult;
import dev.snowpulse.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Workload tab's models on a real database. Background work runs inline here, so start() returns when the run
 * has ended; the live sampling is proven by the TestFX test of the tab.
 */
class WorkloadViewModelTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private AppServices services;
    private ShellViewModel shell;
    private WorkloadForm form;
    private RunHistoryViewModel history;
    private WorkloadViewModel model;
    private final ManualTicker ticker = new ManualTicker();

    @BeforeEach
    void wire() {
        services = AppServices.create(TestHosts.linux(home), new InMemoryKeychain(false));
        DirectBackground background = new DirectBackground();
        shell = new ShellViewModel(new ConnectionChecks(services.connections(), services.secrets().session(), background));
        form = new WorkloadForm();
        history = new RunHistoryViewModel(shell, services.connections(), background);
        model = new WorkloadViewModel(shell, services.connections(), services.prodGuard(), background, ticker, form, history);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private PostgresSettings initialised() throws Exception {
        PostgresSettings db = pg.freshDatabase();
        new SchemaService(TestPostgres.endpoint(db)).initialize(event -> { });
        return db;
    }

    private void connect(String name, EnvironmentKind env, PostgresSettings db) {
        shell.connect(new ConnectionProfile(name, Environment.of(env), db));
    }

    @Test
    void aRunEndsWithExactCountersASummaryAndARowInTheHistory() throws Exception {
        PostgresSettings db = initialised();
        connect("shop", EnvironmentKind.DEV, db);
        form.workersProperty().set("4");
        form.ordersPerWorkerProperty().set("30");

        model.start(null);

        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.counterProperty(Outcome.OK).get()).isEqualTo(120);
        assertThat(model.counterProperty(Outcome.OUT_OF_STOCK).get()).isZero();
        assertThat(Long.parseLong(Sql.single(TestPostgres.endpoint(db), "select count(*) from orders"))).isEqualTo(120);
        assertThat(model.summaryProperty().get()).startsWith("Completed in ").contains(": 120 orders, 120 ok, failures: none.")
                .containsPattern("orders/s, latency p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.series().throughput().getData()).as("a run over before its first sample still draws its line")
                .hasSize(2).allSatisfy(point -> assertThat(point.getYValue().doubleValue()).isPositive());
        assertThat(model.series().latency()).allSatisfy(series -> assertThat(series.getData()).hasSize(2));
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(ticker.running()).isFalse();
        assertThat(history.runs()).singleElement().satisfies(r -> {
            assertThat(r.counts().ok()).isEqualTo(120);
            assertThat(r.status()).isEqualTo("completed");
            assertThat(r.plan()).startsWith("4 workers × 30 orders");
        });
    }

    @Test
    void outOfStockIsCountedAndTheSummarySaysHowToRestock() throws Exception {
        connect("shop", EnvironmentKind.DEV, initialised());
        form.maxProductsProperty().set("1");
        form.workersProperty().set("2");
        form.ordersPerWorkerProperty().set("80");

        model.start(null);

        assertThat(model.counterProperty(Outcome.OK).get()).isEqualTo(100);
        assertThat(model.counterProperty(Outcome.OUT_OF_STOCK).get()).isEqualTo(60);
        assertThat(model.summaryProperty().get()).contains("failures: 60 out of stock.");
        assertThat(model.summaryProperty().get()).doesNotContain("restock");

        model.start(null);
        assertThat(model.noticeProperty().get()).as("a warning naming the app's control, not the CLI's option")
                .startsWith("The products it picks hold 0 units in stock").endsWith("(tick Restock first above).");
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.counterProperty(Outcome.OUT_OF_STOCK).get()).isEqualTo(160);
        assertThat(history.runs().getFirst()).as("no order succeeded: no latency, not 0 ms").satisfies(r -> {
            assertThat(r.counts().ok()).isZero();
            assertThat(r.p95()).isNull();
            assertThat(r.p99()).isNull();
        });
        assertThat(model.summaryProperty().get()).contains("Most orders found no stock: tick \"Restock first\" above");

        form.restockFirstProperty().set(true);
        form.restockUnitsProperty().set("many");
        model.start(null);
        assertThat(model.messageProperty().get()).isEqualTo("Restock units: 'many' is not a whole number");
        assertThat(form.invalidFieldProperty().get()).isEqualTo(WorkloadForm.Field.RESTOCK_UNITS);

        form.restockUnitsProperty().set("1,000");
        assertThat(model.messageProperty().get()).as("the stale message goes once the field is edited").isEmpty();
        model.start(null);
        assertThat(model.counterProperty(Outcome.OK).get()).as("restocked first: every order finds stock").isEqualTo(160);
        assertThat(model.counterProperty(Outcome.OUT_OF_STOCK).get()).isZero();
        assertThat(model.noticeProperty().get()).as("restocked: nothing to warn about").isEmpty();
    }

    @Test
    void restockingIsNeverTickedUnaskedAndSwitchingProfileClearsTheLastRun() throws Exception {
        assertThat(form.restockFirstProperty().get()).as("no profile yet").isFalse();
        connect("shop", EnvironmentKind.DEV, initialised());
        form.ordersPerWorkerProperty().set("5");
        model.start(null);
        assertThat(model.counterProperty(Outcome.OK).get()).isEqualTo(20);
        assertThat(model.statusProperty().get()).startsWith("Completed · run ");

        shell.connect(services.profiles().localDemo());

        assertThat(model.counterProperty(Outcome.OK).get()).as("the other profile's run is not this one's").isZero();
        assertThat(model.summaryProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Ready");
        assertThat(model.progressProperty().get()).isZero();
        form.restockFirstProperty().set(true);
        connect("other", EnvironmentKind.DEV, pg.freshDatabase());
        assertThat(form.restockFirstProperty().get()).as("restocking empties orders: never carried to another database").isFalse();
    }

    @Test
    void aRunStoppedEarlyShowsWhereItStoppedInTheHistorysWord() {
        WorkloadSpec spec = new WorkloadSpec(2, 100, null, 10, 10, 1, 1, null, java.time.Duration.ZERO);
        OutcomeCounts counts = new OutcomeCounts(50, 0, 0, 0, 0, 0, java.util.Map.of());
        WorkloadResult stopped = new WorkloadResult(java.util.UUID.randomUUID(), spec, java.time.Instant.now(), java.time.Instant.now(),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofMillis(5), counts, 0, 0,
                LatencySummary.EMPTY, true, null);

        assertThat(WorkloadViewModel.progressOf(stopped)).isEqualTo(0.25);
        assertThat(stopped.status()).isEqualTo("cancelled");
        assertThat(WorkloadViewModel.summaryOf(stopped)).startsWith("Cancelled after 1.00 s: 50 orders");
    }

    @Test
    void badInputAndTheProdGuardStopARunBeforeItTouchesTheDatabase() throws Exception {
        PostgresSettings db = initialised();
        connect("orders-prod", EnvironmentKind.PROD, db);
        form.workersProperty().set("0");

        model.start("orders-prod");
        assertThat(model.messageProperty().get()).isEqualTo("Workers: 0 is outside 1..256");
        assertThat(form.workersProperty().get()).isEqualTo("0");

        form.workersProperty().set("2");
        assertThat(model.needsProdConfirmation()).isTrue();
        model.start("orders");
        assertThat(model.messageProperty().get()).contains("refused on prod profile 'orders-prod'");
        assertThat(Sql.single(TestPostgres.endpoint(db), "select count(*) from workload_runs")).isEqualTo("0");

        model.start("orders-prod");
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.counterProperty(Outcome.OK).get()).isEqualTo(500);
    }

    @Test
    void withoutAPostgresProfileItSaysWhatToDo() {
        model.start(null);
        assertThat(model.messageProperty().get()).isEqualTo("Connect a Postgres profile (Connections tab) to run a workload on it.");
    }

    @Test
    void anUninitialisedDatabaseIsReportedNotCrashedOn() throws SQLException {
        connect("empty", EnvironmentKind.DEV, pg.freshDatabase());
        model.start(null);
        assertThat(model.messageProperty().get()).startsWith("Could not start the workload on empty: ").contains("snowpulse init");
        assertThat(model.busyProperty().get()).isFalse();

        history.refresh();
        assertThat(history.messageProperty().get()).contains("initialise the schema in the Schema tab");
    }

    @Test
    void theHistoryExportsAsCsvAndJson() throws Exception {
        connect("shop", EnvironmentKind.DEV, initialised());
        form.ordersPerWorkerProperty().set("5");
        model.start(null);
        model.start(null);
        assertThat(history.runs()).hasSize(2);

        Path csv = home.resolve("runs.csv");
        history.export(csv, dev.snowpulse.format.ReportFormat.CSV);
        var lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", dev.snowpulse.workload.WorkloadRunRecord.COLUMNS));
        assertThat(lines.get(1)).contains(",completed,").contains(",20,");
        assertThat(history.messageProperty().get()).isEqualTo("Exported 2 runs to " + csv);

        Path json = home.resolve("runs.json");
        history.export(json, dev.snowpulse.format.ReportFormat.JSON);
        var rows = dev.snowpulse.app.JsonFiles.mapper().readTree(json.toFile());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("ok").asLong()).isEqualTo(20);
        assertThat(rows.get(0).get("ok").isNumber()).isTrue();
        assertThat(rows.get(0).get("run_id").asText()).isEqualTo(history.runs().get(0).runId().toString());
    }
}
