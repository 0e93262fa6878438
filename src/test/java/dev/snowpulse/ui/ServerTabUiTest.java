package dev.snowpulse.ui;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.server.BackendSession;
import dev.snowpulse.server.BlockingChains;
import dev.snowpulse.testing.Await;
import dev.snowpulse.testing.RowLockWait;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import dev.snowpulse.ui.common.RefreshInterval;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Server tab of the real window: a lock wait as sessions and a chain, a filter, and a cancel behind its confirmation. */
@ExtendWith(ApplicationExtension.class)
class ServerTabUiTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private TestWindow window;
    private PostgresEndpoint database;

    @Start
    void start(Stage stage) throws Exception {
        PostgresSettings settings = pg.freshDatabase();
        database = TestPostgres.endpoint(settings);
        new dev.snowpulse.schema.SchemaService(database).initialize(event -> { });
        window = TestWindow.show(TestHosts.linux(home, Map.of("PGDATABASE", settings.database())), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<BackendSession> sessions(FxRobot robot) {
        return robot.lookup("#serverSessions").queryAs(TableView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLockWaitShowsAsSessionsAndAChainAndCancelEndsTheWait(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#statusState").queryAs(Label.class).getText()).equals("Connected"));
        try (Connection holder = database.connect("sp-ui-holder"); Connection waiter = database.connect("sp-ui-waiter")) {
            int holderPid = Integer.parseInt(Sql.single(holder, "select pg_backend_pid()"));
            int waiterPid = Integer.parseInt(Sql.single(waiter, "select pg_backend_pid()"));
            CompletableFuture<Void> waiting = RowLockWait.on(holder, waiter, 2, "update inventory set stock = stock - 1 where product_id = 2");
            robot.clickOn("#tab-server");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> sessions(robot).getItems().stream()
                    .anyMatch(s -> s.pid() == waiterPid && !s.blockedBy().isEmpty())));

            robot.clickOn("#serverBlockingTab");
            TreeView<BlockingChains.Link> tree = robot.lookup("#serverBlocking").queryAs(TreeView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> tree.getRoot().getChildren().size() == 1));
            TreeItem<BlockingChains.Link> root = onFx(() -> tree.getRoot().getChildren().getFirst());
            assertThat(root.getValue().session().pid()).isEqualTo(holderPid);
            assertThat(root.getChildren()).extracting(i -> i.getValue().session().pid()).containsExactly(waiterPid);

            robot.clickOn("#serverSessionsTab");
            robot.clickOn("#serverApplicationFilter").write("sp-ui-waiter");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> sessions(robot).getItems().size() == 1));
            onFx(() -> {
                sessions(robot).getSelectionModel().select(0);
                return null;
            });
            assertThat(onFx(() -> robot.lookup("#serverQueryText").queryAs(javafx.scene.control.TextArea.class).getText()))
                    .isEqualTo("update inventory set stock = stock - 1 where product_id = 2");
            robot.clickOn("#serverCancel");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                    .startsWith("Cancel the query of session " + waiterPid).contains("update inventory set stock = stock - 1");
            robot.clickOn("OK");
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).rootCause()
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#serverMessage").queryAs(Label.class).getText())
                    .equals("Asked session " + waiterPid + " to cancel its query."));
            holder.rollback();
            robot.clickOn("All");
            assertThat(onFx(() -> robot.lookup("#serverApplicationFilter").queryAs(TextField.class).getText())).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTransactionsChartAddsUpToTheCommitsMade(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#statusState").queryAs(Label.class).getText()).equals("Connected"));
        robot.clickOn("#tab-server");
        ChoiceBox<RefreshInterval> interval =
                robot.lookup("#serverInterval").queryAs(ChoiceBox.class);
        robot.interact(() -> interval.setValue(RefreshInterval.OFF));
        LineChart<Number, Number> chart = robot.lookup("#serverTransactionsChart").queryAs(LineChart.class);
        Label updated = robot.lookup("#serverUpdated").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> updated.getText().startsWith("Updated")));
        // a read after the interval went off, so no tick's read comes between the ones below
        int base = refreshed(robot, chart, onFx(() -> commitsPoints(chart).size()));

        commit(600);
        refreshed(robot, chart, base);
        commit(400);
        refreshed(robot, chart, base + 1);

        List<XYChart.Data<Number, Number>> points = onFx(() -> List.copyOf(commitsPoints(chart)));
        double drawn = 0;
        for (int i = points.size() - 2; i < points.size(); i++) {
            double width = points.get(i).getXValue().doubleValue() - points.get(i - 1).getXValue().doubleValue();
            drawn += points.get(i).getYValue().doubleValue() * width;
        }
        // the tab's own two reads commit too, against 1,000
        assertThat(drawn).isBetween(1000 * 0.95, 1000 * 1.05);
    }

    private static List<XYChart.Data<Number, Number>> commitsPoints(LineChart<Number, Number> chart) {
        return chart.getData().stream().filter(s -> s.getName().equals("commits")).findFirst().orElseThrow().getData();
    }

    /** Presses Refresh and waits for the chart's point after {@code points}; the index of that point. */
    private static int refreshed(FxRobot robot, LineChart<Number, Number> chart, int points) throws Exception {
        robot.clickOn("#serverRefresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> commitsPoints(chart).size() > points));
        return onFx(() -> commitsPoints(chart).size());
    }

    /** {@code count} commits on a session of its own, closed so the server counts them in pg_stat_database at once. */
    private void commit(int count) throws Exception {
        PostgresEndpoint other = otherDatabase();
        long before = counted(other);
        try (Connection c = database.connect("sp-committer")) {
            for (int i = 0; i < count; i++) {
                Sql.execute(c, "select 1");
            }
        }
        Await.until(Duration.ofSeconds(10), "the commits to be counted", () -> {
            try {
                return counted(other) >= before + count;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // read from another database, so the reads themselves are not counted in this one
    private PostgresEndpoint otherDatabase() {
        PostgresSettings s = database.settings();
        return TestPostgres.endpoint(new PostgresSettings(s.host(), s.port(), "postgres", s.user(), s.sslMode(), null, null, s.password()));
    }

    private long counted(PostgresEndpoint other) throws SQLException {
        return Long.parseLong(Sql.single(other, "select xact_commit from pg_stat_database where datname = '"
                + database.settings().database() + "'"));
    }
}
