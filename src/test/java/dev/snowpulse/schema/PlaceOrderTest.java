package dev.snowpulse.schema;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.snowpulse.testing.Sql.execute;
import static dev.snowpulse.testing.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceOrderTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;

    @BeforeAll
    static void schema() throws Exception {
        db = pg.initialisedEndpoint();
    }

    @BeforeEach
    void reset() throws SQLException {
        new SchemaService(db).resetDemoData(new Restock(100));
    }

    private static int placeOrder(Connection c, Integer customer, Integer product, Integer quantity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select place_order(?, ?, ?)")) {
            s.setObject(1, customer);
            s.setObject(2, product);
            s.setObject(3, quantity);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void anOrderWritesOrderPaymentStockAndRunningTotalsTogether() throws SQLException {
        int orderId;
        try (Connection c = db.connect()) {
            orderId = placeOrder(c, 3, 2, 2);
        }
        assertThat(single(db, "select customer_id || ' ' || product_id || ' ' || quantity from orders where order_id = " + orderId))
                .isEqualTo("3 2 2");
        assertThat(single(db, "select amount || ' ' || status from payments where order_id = " + orderId)).isEqualTo("241.00 AUTHORIZED");
        assertThat(single(db, "select stock || ' ' || orders_authorized || ' ' || units_sold || ' ' || revenue_authorized "
                + "from inventory where product_id = 2")).isEqualTo("98 1 2 241.00");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(nullValues = "null", value = {
            "1, 1, 0,    SP001, quantity must be positive (got 0)",
            "1, 1, -3,   SP001, quantity must be positive (got -3)",
            "1, 1, null, SP001, quantity must be positive (got null)",
            "999, 1, 1,  SP002, customer 999 not found",
            "1, 999, 1,  SP003, product 999 not found",
            "1, 1, 101,  SP004, 'insufficient stock for product 1 (requested 101, available 100)'"
    })
    void eachRefusalHasItsOwnSqlstateAndWritesNothing(Integer customer, Integer product, Integer quantity, String state, String message)
            throws SQLException {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> placeOrder(c, customer, product, quantity))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(state))
                    .hasMessageContaining(message);
        }
        assertThat(single(db, "select count(*) from orders")).isEqualTo("0");
        assertThat(single(db, "select count(*) from payments")).isEqualTo("0");
        assertThat(single(db, "select sum(stock) from inventory")).isEqualTo("1000");
    }

    @Test
    void aProductWithoutInventoryIsUnknown() throws SQLException {
        execute(db, "insert into products (product_name, category, price) values ('Unstocked Lamp', 'Home', 10) ");
        String id = single(db, "select product_id from products where product_name = 'Unstocked Lamp'");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> placeOrder(c, 1, Integer.parseInt(id), 1))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("SP003"));
        } finally {
            execute(db, "delete from products where product_id = " + id);
        }
    }

    @Test
    void eightBuyersRacingForTheLastFiveUnitsSellExactlyFive() throws Exception {
        execute(db, "update inventory set stock = 5 where product_id = 4");
        int buyers = 8;
        CountDownLatch ready = new CountDownLatch(buyers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            int customer = i % 10 + 1;
            outcomes.add(pool.submit(() -> {
                try (Connection c = db.connect()) {
                    ready.countDown();
                    go.await();
                    placeOrder(c, customer, 4, 1);
                    return "ok";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).filteredOn("ok"::equals).hasSize(5);
        assertThat(results).filteredOn("SP004"::equals).hasSize(3);
        assertThat(single(db, "select stock from inventory where product_id = 4")).isEqualTo("0");
        assertThat(single(db, "select count(*) from orders where product_id = 4")).isEqualTo("5");
        assertThat(single(db, "select count(*) from payments p join orders o using (order_id) where o.product_id = 4")).isEqualTo("5");
    }

    @Test
    void runningTotalsAgreeWithAFullRecomputationAfterConcurrentOrders() throws Exception {
        int workers = 8;
        int ordersEach = 150;
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            done.add(pool.submit(() -> {
                try (Connection c = db.connect()) {
                    for (int i = 0; i < ordersEach; i++) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        try {
                            placeOrder(c, random.nextInt(1, 11), random.nextInt(1, 11), random.nextInt(1, 4));
                        } catch (SQLException e) {
                            refused.merge(e.getSQLState(), 1, Integer::sum);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(refused.keySet()).isSubsetOf("SP004");

        String running = single(db, "select sum(orders_authorized) || ' ' || sum(units_sold) || ' ' || sum(revenue_authorized) from inventory");
        String recomputed = single(db, "select count(*) || ' ' || sum(o.quantity) || ' ' || sum(p.amount) from payments p "
                + "join orders o using (order_id) where p.status = 'AUTHORIZED'");
        assertThat(running).isEqualTo(recomputed);
        assertThat(single(db, "select count(*) from orders")).isEqualTo(String.valueOf(workers * ordersEach - refused.getOrDefault("SP004", 0)));
        assertThat(single(db, "select min(stock) >= 0 from inventory")).isEqualTo("t");

        execute(db, "select kpi_rebuild_totals()");
        assertThat(single(db, "select sum(orders_authorized) || ' ' || sum(units_sold) || ' ' || sum(revenue_authorized) from inventory"))
                .isEqualTo(running);
    }
}
