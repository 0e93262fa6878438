package dev.snowpulse.kpi;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.testing.KnownDataset;
import dev.snowpulse.testing.Sql;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A whole dashboard snapshot in one round trip, on {@link KnownDataset}, with window and category filters. */
class KpiReaderTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @BeforeAll
    static void dataset() throws Exception {
        db = pg.initialisedEndpoint();
        KnownDataset.load(db);
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theLastFifteenMinutesOfEveryCategory() throws SQLException {
        try (KpiReader reader = new KpiReader(db, "snowpulse-kpis-test")) {
            KpiSnapshot s = reader.read(KpiQuery.defaults(), TIMEOUT);

            KpiSummary k = s.summary();
            assertThat(k.totalOrders()).isEqualTo(6);
            assertThat(k.totalRevenue()).isEqualByComparingTo("422.47");
            assertThat(k.ordersWindow()).isEqualTo(3);
            assertThat(k.revenueWindow()).isEqualByComparingTo("192.48");
            assertThat(k.activeCustomersWindow()).isEqualTo(2);
            assertThat(k.avgOrderValueWindow()).isEqualByComparingTo("64.16");
            assertThat(k.ordersPerMinuteWindow()).isEqualByComparingTo("0.2");
            // 15 to 30 minutes ago there is only the declined order
            assertThat(s.previous().orders()).isZero();
            assertThat(s.salesByCategory()).containsExactly(new CategorySales("Electronics", 3, money("172.48")),
                    new CategorySales("Fitness", 1, money("20.00")));
            assertThat(s.inventory()).hasSize(10).allMatch(i -> i.stock() == 100 && !i.low());
            assertThat(s.perMinute()).hasSize(16);
            assertThat(s.perMinute().stream().mapToLong(MinuteSales::orders).sum()).isEqualTo(3);
            assertThat(s.topCustomers()).extracting(CustomerSpend::name, CustomerSpend::orders)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Alice Smith", 2L), org.assertj.core.groups.Tuple.tuple("Bob Johnson", 1L));
            assertThat(s.recentOrders()).extracting(RecentOrder::product).containsExactly("Wireless Mouse", "Yoga Mat", "Mechanical Keyboard");
            assertThat(s.categories()).containsExactly("Apparel", "Books", "Electronics", "Fitness", "Footwear", "Kitchen");
            assertThat(s.queryTime()).isPositive();
        }
    }

    @Test
    void aWiderWindowComparesWithTheOneBeforeIt() throws SQLException {
        try (KpiReader reader = new KpiReader(db, "snowpulse-kpis-test")) {
            KpiSnapshot s = reader.read(KpiQuery.defaults().withWindow(30), TIMEOUT);
            assertThat(s.summary().ordersWindow()).isEqualTo(3);
            // 30 to 60 minutes ago: Charlie's running shoes
            assertThat(s.previous()).isEqualTo(new WindowTotals(1, money("89.99"), 1, 30));
            assertThat(s.previous().avgOrderValue()).isEqualByComparingTo("89.99");
            assertThat(s.previous().ordersPerMinute()).isEqualByComparingTo("0.03");
        }
    }

    @Test
    void categoriesFilterTheWindowButNotTheAllTimeTotals() throws SQLException {
        try (KpiReader reader = new KpiReader(db, "snowpulse-kpis-test")) {
            KpiSnapshot s = reader.read(new KpiQuery(60, List.of("Electronics", "Footwear"), 1, 1), TIMEOUT);
            assertThat(s.summary().totalOrders()).isEqualTo(6);
            assertThat(s.summary().ordersWindow()).isEqualTo(3);
            assertThat(s.summary().revenueWindow()).isEqualByComparingTo("262.47");
            assertThat(s.inventory()).extracting(StockLevel::category).containsOnly("Electronics", "Footwear");
            assertThat(s.recentOrders()).singleElement().extracting(RecentOrder::product).isEqualTo("Wireless Mouse");
            assertThat(s.topCustomers()).singleElement().extracting(CustomerSpend::name).isEqualTo("Alice Smith");
            assertThat(s.categories()).hasSize(6);
        }
    }

    @Test
    void aDatabaseThatStopsAnsweringFailsTheReadWithinTheTimeoutAndTheNextReadRecovers() throws Exception {
        try (KpiReader reader = new KpiReader(db, "snowpulse-kpis-test");
             Connection locker = db.connect(); Statement lock = locker.createStatement()) {
            reader.read(KpiQuery.defaults(), Duration.ofMillis(500));
            locker.setAutoCommit(false);
            lock.execute("lock table payments in access exclusive mode");

            long start = System.nanoTime();
            assertThatThrownBy(() -> reader.read(KpiQuery.defaults(), Duration.ofMillis(500)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("statement timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            locker.commit();
            assertThat(reader.read(KpiQuery.defaults(), Duration.ofMillis(500)).summary().totalOrders()).isEqualTo(6);
        }
    }

    @Test
    void ratesBetweenSnapshotsUseTheMeasuredTime() throws Exception {
        PostgresEndpoint fresh = TestPostgres.endpoint(pg.freshDatabase());
        new dev.snowpulse.schema.SchemaService(fresh).initialize(e -> { });
        try (KpiReader reader = new KpiReader(fresh, "snowpulse-kpis-test")) {
            KpiSnapshot before = reader.read(KpiQuery.defaults(), TIMEOUT);
            Sql.execute(fresh, "select place_order(1, 1, 1); select place_order(2, 2, 1); select place_order(3, 3, 1)");
            KpiSnapshot after = reader.read(KpiQuery.defaults(), TIMEOUT);
            double seconds = (after.monotonicNanos() - before.monotonicNanos()) / 1e9;
            assertThat(after.ordersPerSecondSince(before)).isCloseTo(3 / seconds, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void queriesAreValidated() {
        assertThatThrownBy(() -> new KpiQuery(0, List.of(), 10, 5)).hasMessage("window: 0 minutes is outside 1..43200");
        assertThatThrownBy(() -> new KpiQuery(15, List.of(), 0, 5)).hasMessage("recent orders limit: 0 is outside 1..1000");
        assertThatThrownBy(() -> new KpiQuery(15, List.of(" "), 10, 5)).hasMessage("category: an empty name is not a category");
    }
}
