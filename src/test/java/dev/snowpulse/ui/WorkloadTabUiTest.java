package dev.snowpulse.ui;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.FxReads;
import dev.snowpulse.testing.Pgbench;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import dev.snowpulse.ui.workload.ScriptMix;
import dev.snowpulse.ui.workload.WorkloadForm;
import dev.snowpulse.workload.IngestBatch;
import dev.snowpulse.workload.WorkloadRunRecord;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A run and a continuous ingest started from the Workload tab of the real window, on an initialised database. */
@ExtendWith(ApplicationExtension.class)
class WorkloadTabUiTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private TestWindow window;
    private PostgresSettings database;

    @Start
    void start(Stage stage) throws Exception {
        database = pg.freshDatabase();
        new dev.snowpulse.schema.SchemaService(TestPostgres.endpoint(database)).initialize(event -> { });
        Sql.execute(TestPostgres.endpoint(database), "select reset_demo_data(1000000)");
        window = TestWindow.show(TestHosts.linux(home, Map.of("PGDATABASE", database.database())), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field).eraseText(20).write(text);
    }

    /** Once connected: the Workload tab's form set for 2 workers for 4 s at {@code rate} orders/s. */
    @SuppressWarnings("unchecked")
    private static void fillInATimedRun(FxRobot robot, int rate) throws Exception {
        openWorkloadOnceConnected(robot);
        ChoiceBox<WorkloadForm.StopAfter> stopAfter = robot.lookup("#stopAfter").queryAs(ChoiceBox.class);
        robot.interact(() -> stopAfter.setValue(WorkloadForm.StopAfter.DURATION));
        type(robot, "#field-workers", "2");
        type(robot, "#field-duration", "4s");
        type(robot, "#field-rate", Integer.toString(rate));
    }

    private static void openWorkloadOnceConnected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#statusState").queryAs(Label.class).getText().equals("Connected"));
        robot.clickOn("#tab-workload");
    }

    private long orders() throws Exception {
        return Long.parseLong(Sql.single(TestPostgres.endpoint(database), "select count(*) from orders"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMixOfABuiltInAndAScriptFileRunsFromTheTabWithALinePerScript(FxRobot robot) throws Exception {
        assumeTrue(Pgbench.available(), "pgbench 15 is part of the postgresql-15 package CI installs");
        assertThat(Pgbench.run(database.database(), "-i", "-s", "1", "-q").exit()).isZero();
        Path hot = home.resolve("hot.sql");
        Files.writeString(hot, "\\set aid random(1, 10)\nSELECT abalance FROM pgbench_accounts WHERE aid = :aid;\n");
        openWorkloadOnceConnected(robot);
        ChoiceBox<ScriptMix.Transaction> transaction = robot.lookup("#workloadTransaction").queryAs(ChoiceBox.class);
        robot.interact(() -> transaction.setValue(ScriptMix.Transaction.SCRIPTS));
        robot.clickOn("#addBuiltinScript").clickOn("tpcb-like");
        TableView<ScriptMix.Row> mix = robot.lookup("#scriptMix").queryAs(TableView.class);
        // the OS's file chooser cannot be driven from a test: the file goes in as the chooser would put it
        robot.interact(() -> mix.getItems().add(ScriptMix.Row.file(hot)));
        assertThat(mix.getItems()).extracting(ScriptMix.Row::label).containsExactly("tpcb-like (built-in)", "hot.sql");

        // a weight that is not a number is refused by name, and nothing is lost
        robot.interact(() -> mix.getItems().getFirst().weightProperty().set("x"));
        robot.clickOn("#startWorkload");
        Label message = robot.lookup("#workloadMessage").queryAs(Label.class);
        FxReads.waitForText(message, 5, "the weight's message", t -> t.contains("Scripts: the weight of tpcb-like (built-in) is 'x', not a whole number"));
        assertThat(mix.getItems()).hasSize(2);

        robot.interact(() -> mix.getItems().getFirst().weightProperty().set("3"));
        ChoiceBox<WorkloadForm.StopAfter> stopAfter = robot.lookup("#stopAfter").queryAs(ChoiceBox.class);
        robot.interact(() -> stopAfter.setValue(WorkloadForm.StopAfter.DURATION));
        type(robot, "#field-workers", "2");
        type(robot, "#field-duration", "3s");
        LineChart<Number, Number> throughput = robot.lookup("#throughputChart").queryAs(LineChart.class);
        Label summary = robot.lookup("#workloadSummary").queryAs(Label.class);
        Label rateCaption = robot.lookup("#figureRate").queryAs(Label.class);
        robot.clickOn("#startWorkload");

        FxReads.waitForText(summary, 20, "the run's summary", t -> t.startsWith("Completed"));
        assertThat(summary.getText()).contains(" transactions, ").contains(" tps").doesNotContain("orders");
        assertThat(FxReads.onFx(() -> ((Label) ((javafx.scene.layout.VBox) rateCaption.getParent()).getChildren().get(1)).getText())).isEqualTo("tps");
        List<XYChart.Series<Number, Number>> lines = FxReads.onFx(() -> List.copyOf(throughput.getData()));
        assertThat(lines).extracting(XYChart.Series::getName).containsExactly("all", "tpcb-like", "hot.sql");
        assertThat(FxReads.onFx(() -> lines.get(1).getData().size())).as("tpcb-like's own line").isPositive();
        // every point: all = tpcb-like + hot.sql, each a share of the same interval
        FxReads.waitUntil(() -> lines.get(2).getData().size() == lines.get(1).getData().size());
        double sum = FxReads.onFx(() -> lines.get(1).getData().getLast().getYValue().doubleValue() + lines.get(2).getData().getLast().getYValue().doubleValue());
        double all = FxReads.onFx(() -> lines.get(0).getData().getLast().getYValue().doubleValue());
        assertThat(sum).isCloseTo(all, org.assertj.core.data.Offset.offset(Math.max(1.0, all * 0.01)));

        var endpoint = TestPostgres.endpoint(database);
        String delta = Sql.single(endpoint, "select sum(delta) from pgbench_history");
        assertThat(Sql.single(endpoint, "select sum(bbalance) from pgbench_branches")).isEqualTo(delta);
        TableView<WorkloadRunRecord> runs = robot.lookup("#workloadRuns").queryAs(TableView.class);
        FxReads.waitUntil(() -> !runs.getItems().isEmpty() && runs.getItems().getFirst().plan().contains("tpcb-like@3 + "));
        assertThat(runs.getItems().getFirst().plan()).contains("hot.sql@1").contains("2 workers for 3s");
    }

    @Test
    void theScriptEditorChecksWhatIsTypedWithItsLineAndColumn(FxRobot robot) throws Exception {
        openWorkloadOnceConnected(robot);
        ChoiceBox<ScriptMix.Transaction> transaction = robot.lookup("#workloadTransaction").queryAs(ChoiceBox.class);
        robot.interact(() -> transaction.setValue(ScriptMix.Transaction.SCRIPTS));
        robot.clickOn("#newScript");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#scriptEditorText").tryQuery().isPresent());
        javafx.scene.control.TextArea text = robot.lookup("#scriptEditorText").queryAs(javafx.scene.control.TextArea.class);
        Label check = robot.lookup("#scriptEditorCheck").queryAs(Label.class);
        assertThat(FxReads.onFx(check::getText)).as("the starting script").startsWith("✓ Syntax OK: 3 SQL commands, 1 \\set");

        robot.interact(() -> text.setText("\\set aid random(1, 10\nSELECT 1;\n"));
        assertThat(FxReads.onFx(check::getText)).startsWith("✗ new script:1:22: ").contains("expected");
        robot.interact(() -> text.setText("SELECT 1;\n\\gset\n"));
        assertThat(FxReads.onFx(check::getText)).startsWith("✗ new script:2").contains("\\gset");
        robot.interact(() -> text.setText("\\set x :undefined + 1\nSELECT :x;\n"));
        assertThat(FxReads.onFx(check::getText)).startsWith("✓ Syntax OK: 1 SQL command, 1 \\set, 0 \\sleep");

        // edits not saved are not thrown away without asking
        robot.clickOn("#scriptEditorClose");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(FxReads.<String>onFx(() -> ((javafx.scene.control.DialogPane) robot.lookup(".dialog-pane").query()).getContentText()))
                .contains("The new script is not saved");
        robot.clickOn(dialogButton(robot, javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scriptEditorText").tryQuery()).as("still open, text kept").isPresent();
        assertThat(FxReads.<String>onFx(() -> text.getText())).startsWith("\\set x :undefined");
        robot.clickOn("#scriptEditorClose");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(dialogButton(robot, javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scriptEditorText").tryQuery()).isEmpty();
    }

    /** The open dialog's button (the Workload tab has an "OK" counter of its own, so not looked up by text). */
    private static javafx.scene.Node dialogButton(FxRobot robot, javafx.scene.control.ButtonType type) {
        return ((javafx.scene.control.DialogPane) robot.lookup(".dialog-pane").query()).lookupButton(type);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunMovesTheCountersAndChartsThenLandsInTheHistory(FxRobot robot) throws Exception {
        fillInATimedRun(robot, 40);

        // every lookup before the run: a lookup walks the scene graph from the test thread, while the run changes it
        Label ok = robot.lookup("#count-ok").queryAs(Label.class);
        LineChart<Number, Number> throughput = robot.lookup("#throughputChart").queryAs(LineChart.class);
        LineChart<Number, Number> latency = robot.lookup("#latencyChart").queryAs(LineChart.class);
        ProgressBar progress = robot.lookup("#workloadProgress").queryAs(ProgressBar.class);
        Label summary = robot.lookup("#workloadSummary").queryAs(Label.class);
        Label status = robot.lookup("#workloadStatus").queryAs(Label.class);
        TableView<WorkloadRunRecord> runs = robot.lookup("#workloadRuns").queryAs(TableView.class);
        javafx.scene.Node strip = robot.lookup("#serverStrip").query();
        Label stripRates = robot.lookup("#stripRates").queryAs(Label.class);
        Label stripSessions = robot.lookup("#stripSessions").queryAs(Label.class);
        Label stripBottleneck = robot.lookup("#stripBottleneck").queryAs(Label.class);
        assertThat(strip.isVisible()).as("the server strip waits for a run").isFalse();

        robot.clickOn("#startWorkload");

        // while it runs: counters, chart points and progress all move, before the summary exists
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> throughput.getData().getFirst().getData().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(summary.getText()).isEmpty();
        long midRun = Long.parseLong(ok.getText().replace(",", ""));
        assertThat(midRun).isPositive();
        assertThat(progress.getProgress()).isBetween(0.0, 1.0).isNotEqualTo(1.0);
        assertThat(latency.getData()).extracting(s -> s.getName()).containsExactly("p50", "p95", "p99");
        assertThat(latency.getData().get(2).getData()).isNotEmpty();
        assertThat(status.getText()).contains("sessions snowpulse-workload-");
        // the server's side beside it: 2 workers paced at 20 orders/s each leave their sessions idle between orders
        // unless an order takes more than 25 ms (a slow disk's commit is a few ms), or the machine, which the database
        // shares, is saturated by something else meanwhile
        FxReads.waitForText(stripRates, 10, "the server's rates", t -> t.contains("transactions/s on the server"));
        FxReads.waitForText(stripBottleneck, 10, "a verdict on a paced run", t -> t.startsWith("database waiting on the client")
                || t.startsWith("machine saturated"));
        assertThat(strip.isVisible()).isTrue();
        assertThat(stripSessions.getText()).endsWith("of 2 sessions · 2 workers");
        assertThat(ok.getScene().getFocusOwner()).as("Start was disabled while the run started: the focus went to no text field")
                .isNotInstanceOf(javafx.scene.control.TextInputControl.class);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().startsWith("Completed"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        long total = Long.parseLong(ok.getText().replace(",", ""));
        assertThat(total).isGreaterThan(midRun).isEqualTo(orders()).isEqualTo(runs.getItems().getFirst().counts().ok());
        // 40 orders/s for 4 s, open loop
        assertThat(total).isBetween(120L, 175L);
        assertThat(progress.getProgress()).isEqualTo(1.0);
        assertThat(runs.getItems().getFirst().plan()).startsWith("2 workers for 4s at 40/s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pointsThatArriveWhileTheTabIsHiddenAreOnTheChartsWhenItIsBack(FxRobot robot) throws Exception {
        fillInATimedRun(robot, 100);
        LineChart<Number, Number> throughput = robot.lookup("#throughputChart").queryAs(LineChart.class);
        LineChart<Number, Number> latency = robot.lookup("#latencyChart").queryAs(LineChart.class);
        Label summary = robot.lookup("#workloadSummary").queryAs(Label.class);
        robot.clickOn("#startWorkload");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> throughput.getData().getFirst().getData().size() >= 1);

        robot.clickOn("#tab-schema");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(throughput.getData()).as("hidden charts are let go of").isEmpty();
        assertThat(latency.getData()).isEmpty();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().startsWith("Completed"));

        robot.clickOn("#tab-workload");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(throughput.getData()).hasSize(1);
        assertThat(latency.getData()).extracting(s -> s.getName()).containsExactly("p50", "p95", "p99");
        // 4 s at one point a second: the points of the seconds spent on the Schema tab are there too
        assertThat(throughput.getData().getFirst().getData()).hasSizeGreaterThanOrEqualTo(3);
        NumberAxis x = (NumberAxis) throughput.getXAxis();
        assertThat(x.getUpperBound()).isGreaterThanOrEqualTo(3.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thresholdsTypedInTheFormAreJudgedInTheSummaryAndTheHistory(FxRobot robot) throws Exception {
        openWorkloadOnceConnected(robot);
        type(robot, "#field-workers", "2");
        type(robot, "#field-orders-per-worker", "10");
        robot.clickOn("#field-thresholds").write("errors<100%, rate>100000000");
        Label summary = robot.lookup("#workloadSummary").queryAs(Label.class);
        TableView<WorkloadRunRecord> runs = robot.lookup("#workloadRuns").queryAs(TableView.class);

        robot.clickOn("#startWorkload");

        FxReads.waitForText(summary, 20, "the run's summary", t -> t.startsWith("Completed"));
        assertThat(summary.getText()).containsPattern(
                "Thresholds: errors<100% passed \\(errors 0\\.00 %\\), rate>100000000 FAILED \\(rate [0-9.]+/s\\)\\.");
        // the history may list the run while it is under way, then again once it ended
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1 && !runs.getItems().getFirst().thresholds().isEmpty());
        assertThat(runs.getItems().getFirst().thresholds()).isEqualTo("failed 1 of 2: rate>100000000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoRunsSelectedInTheRunsTableAreComparedInAWindowOfTheirOwn(FxRobot robot) throws Exception {
        openWorkloadOnceConnected(robot);
        type(robot, "#field-orders-per-worker", "100");
        Label status = robot.lookup("#workloadStatus").queryAs(Label.class);
        TableView<WorkloadRunRecord> runs = robot.lookup("#workloadRuns").queryAs(TableView.class);
        for (int run = 1; run <= 2; run++) {
            type(robot, "#field-workers", Integer.toString(run + 1));
            robot.clickOn("#startWorkload");
            int expected = run;
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == expected
                    && runs.getItems().stream().allMatch(r -> r.status().equals("completed")));
            FxReads.waitForText(status, 10, "the run's status", t -> t.startsWith("Completed"));
        }

        robot.interact(() -> runs.getSelectionModel().selectAll());
        robot.clickOn("#compareRuns");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#comparisonTable").tryQuery().isPresent());
        LineChart<Number, Number> throughput = robot.lookup("#comparisonThroughput").queryAs(LineChart.class);
        TableView<java.util.List<String>> table = robot.lookup("#comparisonTable").queryAs(TableView.class);
        String base = runs.getItems().getLast().runId().toString().substring(0, 8);
        assertThat(throughput.getData()).extracting(XYChart.Series::getName)
                .containsExactly(base, runs.getItems().getFirst().runId().toString().substring(0, 8));
        assertThat(throughput.getData()).allSatisfy(series -> assertThat(series.getData()).isNotEmpty());
        // 2 workers x 100, then 3 x 100: every second's transactions add up to the run's
        assertThat(throughput.getData().getFirst().getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum()).isEqualTo(200.0);
        assertThat(throughput.getData().getLast().getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum()).isEqualTo(300.0);
        java.util.List<String> workers = table.getItems().stream().filter(row -> row.getFirst().equals("workers")).findFirst().orElseThrow();
        assertThat(workers).containsExactly("workers", "2", "3", "differs");
        java.util.List<String> ok = table.getItems().stream().filter(row -> row.getFirst().equals("ok")).findFirst().orElseThrow();
        assertThat(ok).containsExactly("ok", "200", "300 (+50.0 %)");
        boolean marked = FxReads.onFx(() -> robot.lookup("#comparisonTable .table-row-cell").queryAll().stream()
                .anyMatch(row -> row.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("differs"))
                        && ((javafx.scene.control.TableRow<?>) row).getItem() == workers));
        assertThat(marked).as("the workers row is marked as differing").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void continuousIngestShowsItsBatchesUntilStopped(FxRobot robot) throws Exception {
        openWorkloadOnceConnected(robot);
        type(robot, "#field-ingest-interval", "200ms");
        type(robot, "#field-ingest-batch-size", "3");

        TableView<IngestBatch> batches = robot.lookup("#ingestBatches").queryAs(TableView.class);
        Label status = robot.lookup("#ingestStatus").queryAs(Label.class);
        javafx.scene.control.Button stop = robot.lookup("#stopIngest").queryAs(javafx.scene.control.Button.class);

        robot.clickOn("#startIngest");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> batches.getItems().size() >= 3);
        robot.clickOn(stop);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Stopped:"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(batches.getItems().getFirst().number()).as("newest first").isEqualTo(batches.getItems().size());
        assertThat(batches.getItems()).allMatch(b -> b.counts().ok() == 3);
        assertThat(orders()).isEqualTo(3L * batches.getItems().size());
        assertThat(status.getText()).isEqualTo("Stopped: " + batches.getItems().size() + " batches, " + orders() + " ok, 0 failed");
    }

    @Test
    void messagesFitTheFormColumnWithoutHidingTheBatches(FxRobot robot) throws Exception {
        openWorkloadOnceConnected(robot);
        type(robot, "#field-ingest-interval", "abc");
        robot.clickOn("#startIngest");
        WaitForAsyncUtils.waitForFxEvents();

        Label message = robot.lookup("#ingestMessage").queryAs(Label.class);
        assertThat(message.getText()).contains("'abc' is not a duration");
        javafx.scene.control.ScrollPane form = robot.lookup(".editor-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertThat(form.getContent().getBoundsInLocal().getHeight())
                .as("at 1280x800 the form column, its message included, needs no scrolling")
                .isLessThanOrEqualTo(form.getViewportBounds().getHeight());
        TableView<?> batches = robot.lookup("#ingestBatches").queryAs(TableView.class);
        robot.clickOn("#batchesTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(batches.getHeight()).as("the batches keep a table's height").isGreaterThanOrEqualTo(120);
    }

    @Test
    void aBadValueIsMarkedAndNamedAndNothingRuns(FxRobot robot) throws Exception {
        openWorkloadOnceConnected(robot);
        type(robot, "#field-max-customers", "ten");

        robot.clickOn("#startWorkload");

        Label message = robot.lookup("#workloadMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEqualTo("Max customers: 'ten' is not a whole number");
        assertThat(robot.lookup("#field-max-customers").query().getPseudoClassStates()).extracting(Object::toString).contains("invalid");
        assertThat(Sql.single(TestPostgres.endpoint(database), "select count(*) from workload_runs")).isEqualTo("0");
    }
}
