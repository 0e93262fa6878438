package dev.snowpulse.ui;

import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.KnownDataset;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.testing.TestWindow;
import dev.snowpulse.ui.common.RefreshInterval;
import eu.hansolo.tilesfx.Tile;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
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
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPIs tab of the real window on {@link KnownDataset}: numbers off the tiles and a chart, filters, stale and back. */
@ExtendWith(ApplicationExtension.class)
class KpisTabUiTest {

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
        KnownDataset.load(TestPostgres.endpoint(database));
        window = TestWindow.show(TestHosts.linux(home, Map.of("PGDATABASE", database.database())), stage);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    /** Looks up and reads on the FX thread: the refreshes change the scene graph while a test reads it. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double tile(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#tile-" + id).queryAs(Tile.class).getValue());
    }

    /**
     * A tile once the refresh has reached it: a refresh is drawn a part per frame, so the tiles of one refresh show
     * within a few frames of each other. Fails with the value on screen if it never gets there.
     */
    private static void eventually(FxRobot robot, String id, double expected) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tile(robot, id) == expected);
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(tile(robot, id)).as("tile " + id).isEqualTo(expected);
        }
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void openKpis(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#statusState").equals("Connected"));
        robot.clickOn("#tab-kpis");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#kpiUpdated").startsWith("Updated"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsTheExpectedNumbersOffTheTilesAndCharts(FxRobot robot) throws Exception {
        openKpis(robot);

        assertThat(tile(robot, "total-orders")).isEqualTo(6);
        assertThat(tile(robot, "total-revenue")).isEqualTo(422.47);
        assertThat(tile(robot, "orders")).isEqualTo(3);
        assertThat(tile(robot, "revenue")).isEqualTo(192.48);
        assertThat(tile(robot, "active-customers")).isEqualTo(2);
        assertThat(tile(robot, "avg-order-value")).isEqualTo(64.16);
        assertThat(tile(robot, "orders-per-minute")).isEqualTo(0.2);
        assertThat(text(robot, "#trend-orders")).isEqualTo("▲ new vs 0");
        BarChart<String, Number> sales = onFx(() -> robot.lookup("#salesByCategoryChart").queryAs(BarChart.class));
        assertThat(sales.getData().getFirst().getData().stream().filter(d -> d.getYValue().doubleValue() > 0)
                .collect(Collectors.toMap(XYChart.Data::getXValue, d -> d.getYValue().doubleValue())))
                .containsOnly(Map.entry("Electronics", 172.48), Map.entry("Fitness", 20.0));

        // the last hour also holds Charlie's running shoes, 40 minutes ago
        robot.clickOn("#window-60");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tile(robot, "orders") == 4);
        eventually(robot, "revenue", 282.47);

        CheckComboBox<String> categories = onFx(() -> robot.lookup("#categoryFilter").queryAs(CheckComboBox.class));
        robot.interact(() -> categories.getCheckModel().check("Footwear"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tile(robot, "orders") == 1);
        WaitForAsyncUtils.waitForFxEvents();
        eventually(robot, "revenue", 89.99);
        assertThat(tile(robot, "total-orders")).as("all-time totals ignore the filter").isEqualTo(6);
        assertThat(sales.getData().getFirst().getData()).extracting(XYChart.Data::getXValue).containsExactly("Footwear");
        assertThat(onFx(categories::getTitle)).as("the closed filter says what is filtered").isEqualTo("Footwear");
        robot.interact(() -> categories.getCheckModel().check("Books"));
        robot.interact(() -> categories.getCheckModel().check("Kitchen"));
        assertThat(onFx(categories::getTitle)).isEqualTo("3 categories");
        robot.interact(() -> categories.getCheckModel().clearChecks());
        assertThat(onFx(categories::getTitle)).isEqualTo("All categories");

        robot.clickOn("#window-1440");
        javafx.scene.chart.NumberAxis time = onFx(() -> (javafx.scene.chart.NumberAxis)
                robot.lookup("#revenuePerMinuteChart").queryAs(javafx.scene.chart.AreaChart.class).getXAxis());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(time::getLabel).equals("hours ago"));
        assertThat(onFx(() -> time.getTickLabelFormatter().toString(-1440))).isEqualTo("-24");
        robot.clickOn("#window-15");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(time::getLabel).equals("minutes ago"));
        assertThat(onFx(() -> time.getTickLabelFormatter().toString(-15))).isEqualTo("-15");
    }

    @Test
    void theDashboardPictureIsWhatIsOnScreen(FxRobot robot) throws Exception {
        openKpis(robot);
        Node dashboard = onFx(() -> robot.lookup(".kpis").query());
        dev.snowpulse.ui.kpis.ArgbPicture picture = WaitForAsyncUtils.asyncFx(() ->
                dev.snowpulse.ui.kpis.KpiView.pixelsOf(dashboard.snapshot(null, null))).get();
        assertThat(picture.width()).isEqualTo((int) Math.ceil(dashboard.getLayoutBounds().getWidth()));
        Path file = home.resolve("dashboard.png");
        assertThat(javax.imageio.ImageIO.write(picture.toBufferedImage(), "png", file.toFile())).isTrue();
        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(file.toFile());
        assertThat(read.getHeight()).isEqualTo(picture.height());
        // a tile's dark background and the panel's light one: a real picture, not a blank
        assertThat(java.util.stream.IntStream.range(0, read.getWidth()).map(x -> read.getRGB(x, read.getHeight() / 2)).distinct().count()).isGreaterThan(5);
    }

    @Test
    void aDatabaseThatStopsAnsweringShowsTheStaleBannerThenRecovers(FxRobot robot) throws Exception {
        openKpis(robot);
        ChoiceBox<RefreshInterval> interval = onFx(() -> robot.lookup("#refreshInterval").queryAs(ChoiceBox.class));
        robot.interact(() -> interval.setValue(RefreshInterval.S1));
        Label error = onFx(() -> robot.lookup("#kpiError").queryAs(Label.class));
        Node ordersTile = onFx(() -> robot.lookup("#tile-orders").query());

        try (Connection locker = TestPostgres.endpoint(database).connect(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table payments in access exclusive mode");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, error::isVisible);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(error.getText()).startsWith("Showing values from").contains("statement timeout");
            assertThat(text(robot, "#kpiUpdated")).endsWith("· stale");
            assertThat(tile(robot, "orders")).as("the last good values stay").isEqualTo(3);
            assertThat(ordersTile.getOpacity()).isLessThan(1);
            locker.rollback();
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !error.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#kpiUpdated")).doesNotContain("stale");
        assertThat(ordersTile.getOpacity()).isEqualTo(1);
    }

    @Test
    void afterASwitchToAClosedPortNoValueIsInventedAndTheOtherProfilesAreGone(FxRobot robot) throws Exception {
        openKpis(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#value-total-orders").equals("6"));
        int closed = dev.snowpulse.testing.ConnectionsSteps.closedPort();
        dev.snowpulse.testing.ConnectionsSteps.connectToNewPostgresProfile(robot, "closed", closed);

        robot.clickOn("#tab-kpis");
        Label error = onFx(() -> robot.lookup("#kpiError").queryAs(Label.class));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFx(error::isVisible));
        WaitForAsyncUtils.waitForFxEvents();

        for (String tile : java.util.List.of("total-orders", "total-revenue", "orders", "revenue", "active-customers", "avg-order-value", "orders-per-minute")) {
            assertThat(text(robot, "#value-" + tile)).as(tile + ": never read on this profile").isEqualTo("—");
        }
        assertThat(text(robot, "#recentOrdersPlaceholder")).isEqualTo("Not read: see the message above");
        assertThat(text(robot, "#kpiError")).startsWith("Could not read the KPIs: nothing accepted a connection on 127.0.0.1:" + closed)
                .doesNotContain("..").doesNotContain("postmaster");
    }
}
