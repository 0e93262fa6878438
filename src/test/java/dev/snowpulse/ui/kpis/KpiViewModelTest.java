package dev.snowpulse.ui.kpis;

import dev.snowpulse.ui.common.RefreshInterval;
import dev.snowpulse.AppServices;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.kpi.KpiReports;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.Environment;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.PostgresSettings;
import dev.snowpulse.testing.DirectBackground;
import dev.snowpulse.testing.HeldBackground;
import dev.snowpulse.testing.InMemoryKeychain;
import dev.snowpulse.testing.KnownDataset;
import dev.snowpulse.testing.ManualTicker;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestHosts;
import dev.snowpulse.testing.TestPostgres;
import dev.snowpulse.ui.common.Background;
import dev.snowpulse.ui.common.ConnectionChecks;
import dev.snowpulse.ui.common.ShellViewModel;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPIs tab's model (and the charts drawn from its snapshots) on {@link KnownDataset}: values, filters, polling rules, stale values and recovery. */
class KpiViewModelTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    @TempDir
    Path home;

    private static PostgresEndpoint db;
    private AppServices services;
    private ShellViewModel shell;
    private final List<ManualTicker> tickers = new ArrayList<>();
    private final List<Duration> periods = new ArrayList<>();
    private final KpiCharts charts = new KpiCharts();

    @BeforeAll
    static void dataset() throws Exception {
        db = pg.initialisedEndpoint();
        KnownDataset.load(db);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private KpiViewModel model(Background background) {
        return model(background, pg.settings());
    }

    private KpiViewModel model(Background background, PostgresSettings database) {
        services = AppServices.create(TestHosts.linux(home), new InMemoryKeychain(false));
        shell = new ShellViewModel(new ConnectionChecks(services.connections(), services.secrets().session(), new DirectBackground()));
        shell.connect(new ConnectionProfile("shop", Environment.of(EnvironmentKind.DEV), database));
        KpiViewModel model = new KpiViewModel(shell, services.connections(), background, period -> {
            periods.add(period);
            ManualTicker ticker = new ManualTicker();
            tickers.add(ticker);
            return ticker;
        });
        // drawn as the view draws them, all steps at once
        model.snapshotProperty().addListener((obs, old, now) -> {
            if (now == null) {
                charts.clear();
            } else {
                charts.show(now);
            }
        });
        return model;
    }

    private static <X> Map<X, Double> values(XYChart.Series<X, Number> series) {
        return series.getData().stream().collect(Collectors.toMap(XYChart.Data::getXValue, d -> d.getYValue().doubleValue()));
    }

    private ManualTicker ticker() {
        return tickers.getLast();
    }

    @Test
    void showsTheKnownDatasetAndFiltersByCategory() throws Exception {
        KpiViewModel model = model(new DirectBackground());
        model.activate();

        var s = model.snapshotProperty().get();
        assertThat(s.summary().ordersWindow()).isEqualTo(3);
        assertThat(values(charts.categoryRevenue())).as("every category keeps its bar").containsOnly(Map.entry("Apparel", 0.0),
                Map.entry("Books", 0.0), Map.entry("Electronics", 172.48), Map.entry("Fitness", 20.0), Map.entry("Footwear", 0.0),
                Map.entry("Kitchen", 0.0));
        assertThat(charts.salesCategories()).containsExactly("Apparel", "Books", "Electronics", "Fitness", "Footwear", "Kitchen");
        assertThat(charts.topCustomerOrder()).containsExactly("Bob Johnson", "Alice Smith");
        assertThat(charts.recentOrders()).hasSize(3);
        assertThat(charts.revenuePerMinute().getData()).hasSize(16);
        assertThat(charts.revenuePerMinute().getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum()).isEqualTo(192.48, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.categories()).containsExactly("Apparel", "Books", "Electronics", "Fitness", "Footwear", "Kitchen");
        assertThat(model.updatedProperty().get()).matches("Updated \\d\\d:\\d\\d:\\d\\d · query \\d+ ms");

        model.chosenCategories().setAll("Fitness");

        assertThat(model.snapshotProperty().get().summary().ordersWindow()).isEqualTo(1);
        assertThat(values(charts.categoryRevenue())).containsOnly(Map.entry("Fitness", 20.0));
        model.chosenCategories().clear();
        model.windowMinutesProperty().set(60);
        assertThat(model.snapshotProperty().get().summary().ordersWindow()).isEqualTo(4);
        assertThat(values(charts.categoryRevenue())).containsKeys("Electronics", "Fitness", "Footwear");
    }

    @Test
    void aRefreshUpdatesTheChartsPointsInPlace() throws Exception {
        PostgresSettings fresh = pg.freshDatabase();
        PostgresEndpoint other = TestPostgres.endpoint(fresh);
        new dev.snowpulse.schema.SchemaService(other).initialize(e -> { });
        Sql.execute(other, "select place_order(1, 1, 1)");
        KpiViewModel model = model(new DirectBackground(), fresh);
        model.activate();
        XYChart.Data<String, Number> electronics = charts.categoryRevenue().getData().stream()
                .filter(d -> d.getXValue().equals("Electronics")).findFirst().orElseThrow();
        List<XYChart.Data<String, Number>> points = List.copyOf(charts.categoryRevenue().getData());
        XYChart.Data<Number, Number> lastMinute = charts.revenuePerMinute().getData().getLast();
        assertThat(electronics.getYValue().doubleValue()).isEqualTo(25.99);

        Sql.execute(other, "select place_order(2, 1, 2)");
        model.refreshNow();

        assertThat(charts.categoryRevenue().getData()).as("the same points, updated").containsExactlyElementsOf(points);
        assertThat(electronics.getYValue().doubleValue()).isEqualTo(77.97, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(charts.revenuePerMinute().getData()).contains(lastMinute);
        assertThat(model.liveRateProperty().get()).matches("\\d+\\.\\d");
    }

    @Test
    void lowStockIsItsOwnSeries() throws Exception {
        Sql.execute(db, "update inventory set stock = 7 where product_id = 3");
        try {
            KpiViewModel model = model(new DirectBackground());
            model.activate();
            Map<String, Double> stock = charts.stock().getData().stream()
                    .collect(Collectors.toMap(XYChart.Data::getYValue, d -> d.getXValue().doubleValue()));
            assertThat(stock).containsEntry("Gaming Monitor", 7.0).containsEntry("Wireless Mouse", 100.0);
            assertThat(charts.lowStock()).containsExactly("Gaming Monitor");
        } finally {
            Sql.execute(db, "update inventory set stock = 100 where product_id = 3");
        }
    }

    @Test
    void pollsOnlyWhileShownAndNeverTwiceAtOnce() {
        HeldBackground background = new HeldBackground();
        KpiViewModel model = model(background);
        assertThat(tickers).as("nothing polls before the tab is shown").isEmpty();

        model.activate();
        assertThat(periods).containsExactly(Duration.ofSeconds(5));
        assertThat(background.waiting()).isEqualTo(1);
        ticker().tick(3);
        assertThat(background.waiting()).as("ticks while a poll runs are skipped").isEqualTo(1);
        assertThat(model.skippedTicks()).isEqualTo(3);
        background.releaseOne();
        assertThat(model.snapshotProperty().get()).isNotNull();
        ticker().tick(1);
        assertThat(background.waiting()).isEqualTo(1);
        background.releaseOne();

        model.intervalProperty().set(RefreshInterval.S1);
        assertThat(periods).last().isEqualTo(Duration.ofSeconds(1));
        model.pausedProperty().set(true);
        assertThat(ticker().running()).isFalse();
        model.pausedProperty().set(false);
        assertThat(ticker().running()).isTrue();

        model.deactivate();
        assertThat(tickers).noneMatch(ManualTicker::running);
        model.intervalProperty().set(RefreshInterval.S2);
        assertThat(tickers).as("changing the interval of a hidden tab starts nothing").noneMatch(ManualTicker::running);
        assertThat(background.waiting()).isZero();
    }

    @Test
    void aProfileChosenWhileAReadRunsIsReadAsSoonAsThatReadEnds() {
        HeldBackground background = new HeldBackground();
        KpiViewModel model = model(background);
        model.intervalProperty().set(RefreshInterval.OFF);
        model.activate();
        assertThat(background.waiting()).isEqualTo(1);
        shell.connect(new ConnectionProfile("shop-again", Environment.of(EnvironmentKind.DEV), pg.settings()));
        assertThat(background.waiting()).as("never two reads at once").isEqualTo(1);

        background.releaseOne();
        assertThat(model.snapshotProperty().get()).as("the first profile's result is not shown").isNull();
        assertThat(background.waiting()).as("the new profile's read, without waiting for a tick").isEqualTo(1);
        background.releaseOne();
        assertThat(model.snapshotProperty().get()).isNotNull();
    }

    @Test
    void aFailedPollKeepsTheLastValuesMarkedStaleAndTheNextOneRecovers() throws Exception {
        KpiViewModel model = model(new DirectBackground());
        model.intervalProperty().set(RefreshInterval.S1);
        model.activate();
        var good = model.snapshotProperty().get();

        try (Connection locker = db.connect(); Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table payments in access exclusive mode");
            ticker().tick(1);
            assertThat(model.staleProperty().get()).isTrue();
            assertThat(model.errorProperty().get()).startsWith("Showing values from ").contains("the last refresh failed")
                    .contains("statement timeout").endsWith("Retrying every 1 s.");
            assertThat(model.snapshotProperty().get()).isSameAs(good);
            locker.rollback();
        }
        ticker().tick(1);
        assertThat(model.staleProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.snapshotProperty().get()).isNotSameAs(good);
    }

    @Test
    void exportsAChartsDataAsCsv() throws Exception {
        KpiViewModel model = model(new DirectBackground());
        model.activate();
        Path file = home.resolve("sales.csv");

        model.exportCsv(KpiReports::salesByCategory, file);

        assertThat(Files.readAllLines(file)).containsExactly("category,items_sold,revenue", "Electronics,3,172.48", "Fitness,1,20.00");
        assertThat(model.messageProperty().get()).startsWith("Exported Sales by category, last 15 min to ");
    }

    @Test
    void savesADashboardPictureAsPng() throws Exception {
        KpiViewModel model = model(new DirectBackground());
        int[] pixels = new int[40 * 30];
        pixels[5 * 40 + 5] = 0xFF1A8FC9;
        ArgbPicture picture = new ArgbPicture(40, 30, pixels);
        Path file = home.resolve("kpis.png");

        model.exportPng(picture, file);

        java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(40);
        assertThat(read.getRGB(5, 5)).isEqualTo(0xFF1A8FC9);
        assertThat(model.messageProperty().get()).isEqualTo("Saved a snapshot of the dashboard to " + file);
    }

    @Test
    void aMissingSchemaAndAMissingDatabaseGetTheirOwnAdvice() throws Exception {
        KpiViewModel empty = model(new DirectBackground(), pg.freshDatabase());
        empty.activate();
        assertThat(empty.errorProperty().get()).startsWith("Could not read the KPIs: ")
                .contains("(initialise or upgrade the schema in the Schema tab)").doesNotContain("..");
        empty.deactivate();
        services.close();

        PostgresSettings s = pg.settings();
        KpiViewModel gone = model(new DirectBackground(), new PostgresSettings(s.host(), s.port(), "no_such_database_here", s.user(),
                s.sslMode(), s.sslRootCert(), s.applicationName(), s.password()));
        gone.activate();
        assertThat(gone.errorProperty().get()).contains("database 'no_such_database_here' does not exist")
                .doesNotContain("initialise or upgrade the schema").doesNotContain("..");
    }

    @Test
    void withoutAPostgresProfileItSaysWhatToDo() {
        KpiViewModel model = model(new DirectBackground());
        shell.profileRemoved("shop");
        model.activate();
        assertThat(model.usableProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("Connect a Postgres profile (Connections tab) to see its KPIs.");
    }
}
