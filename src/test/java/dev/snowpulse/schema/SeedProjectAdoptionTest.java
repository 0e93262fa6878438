package dev.snowpulse.schema;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.testing.DatabaseState;
import dev.snowpulse.testing.SeedOltpDatabase;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.snowpulse.testing.Sql.execute;
import static dev.snowpulse.testing.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database built by seed 000's own init_db (twice, as its users do) and loaded through its own place_order, then
 * adopted by SnowPulse: the rows stay, the seed's dashboard calls return what they returned before, and the seed's
 * scripts keep working. A failing file leaves the database exactly as it was.
 */
class SeedProjectAdoptionTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    /** The Streamlit dashboard's six calls as psycopg2 sends them (values inlined), with the columns it reads. */
    static final Map<String, List<String>> DASHBOARD_CALLS = new LinkedHashMap<>();

    static {
        List<String> summary = List.of("total_orders", "total_revenue", "orders_window", "revenue_window",
                "active_customers_window", "avg_order_value_all", "avg_order_value_window", "orders_per_min_window");
        List<String> recent = List.of("order_id", "order_date", "customer_name", "product_name", "category", "price",
                "quantity", "total_cost");
        for (String categories : List.of("NULL", "ARRAY['Electronics', 'Kitchen']")) {
            for (int window : List.of(5, 30, 120, 4320)) {
                DASHBOARD_CALLS.put("fn_summary_kpis(" + window + ", " + categories + ")", summary);
                DASHBOARD_CALLS.put("fn_sales_by_category(" + window + ", " + categories + ")",
                        List.of("revenue", "category", "items_sold"));
                DASHBOARD_CALLS.put("fn_recent_orders(" + window + ", 50, " + categories + ")", recent);
                DASHBOARD_CALLS.put("fn_revenue_timeseries(" + window + ", " + categories + ")", List.of("ts", "revenue", "orders"));
                for (int limit : List.of(10, 100)) {
                    DASHBOARD_CALLS.put("fn_top_customers(" + window + ", " + limit + ", " + categories + ")",
                            List.of("revenue", "customer_id", "customer_name", "orders"));
                }
            }
            DASHBOARD_CALLS.put("fn_inventory_snapshot(" + categories + ")", List.of("product_id", "product_name", "category", "stock"));
        }
    }

    private static PostgresEndpoint seedDatabaseWithOrders() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        SeedOltpDatabase.initDb(db, 2);
        // what run_workload and continuous_ingest leave: orders through the seed's place_order, some failing for stock
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            int placed = 0;
            for (int i = 0; placed < 60; i++) {
                int customer = 1 + (i * 7) % 20;
                int product = 1 + (i * 3) % 20;
                int quantity = 1 + i % 3;
                try {
                    s.execute("SELECT place_order(" + customer + ", " + product + ", " + quantity + ");");
                    placed++;
                } catch (SQLException expected) {
                    // the seed's own failures (none here yet)
                }
            }
            assertThatThrownBy(() -> s.execute("SELECT place_order(1, 4, 500);")).hasMessageContaining("Insufficient stock");
            // as if they had been placed over three days, oldest first, so every window sees a different part of them
            s.execute("""
                    update payments set created_at = now() - make_interval(mins =>
                        (array[3000, 200, 45, 20, 3, 0])[1 + (payment_id - 1) * 6 / (select count(*) from payments)]);
                    update orders o set order_date = y.created_at::date from payments y where y.order_id = o.order_id;
                    """);
        }
        return db;
    }

    private static Map<String, List<String>> dashboard(PostgresEndpoint db) throws SQLException {
        Map<String, List<String>> results = new LinkedHashMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (Map.Entry<String, List<String>> call : DASHBOARD_CALLS.entrySet()) {
                results.put(call.getKey(), byName(s, "SELECT * FROM " + call.getKey() + ";", call.getValue()));
            }
        }
        return results;
    }

    /** The rows of a query, reading only the named columns, as a pandas DataFrame built from it would. */
    private static List<String> byName(Statement s, String sql, List<String> columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    values.add(column + "=" + rs.getString(column));
                }
                rows.add(String.join(", ", values));
            }
        }
        return rows;
    }

    private static List<String> rows(PostgresEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" | ", values));
            }
            return rows;
        }
    }

    /** The seed's tables with the seed's columns only, as its users read them. */
    private static List<String> seedRows(PostgresEndpoint db) throws SQLException {
        List<String> all = new ArrayList<>();
        all.addAll(rows(db, "select customer_id, first_name, last_name, email, city from customers order by 1"));
        all.addAll(rows(db, "select product_id, product_name, category, price from products order by 1"));
        all.addAll(rows(db, "select order_id, order_date, customer_id, product_id, quantity from orders order by 1"));
        all.addAll(rows(db, "select product_id, stock, reserved from inventory order by 1"));
        all.addAll(rows(db, "select payment_id, order_id, amount, status, created_at from payments order by 1"));
        return all;
    }

    @Test
    void everyDashboardCallReturnsWhatTheSeedsOwnFunctionsReturnedOnTheSameRows() throws Exception {
        PostgresEndpoint db = seedDatabaseWithOrders();
        Map<String, List<String>> before = dashboard(db);
        assertThat(before.get("fn_recent_orders(4320, 50, NULL)")).hasSize(50);
        assertThat(before.get("fn_revenue_timeseries(120, NULL)")).as("minutes with orders only").hasSizeBetween(3, 5);

        new SchemaService(db).initialize(e -> { });

        Map<String, List<String>> after = dashboard(db);
        for (String call : DASHBOARD_CALLS.keySet()) {
            if (call.startsWith("fn_top_customers") || call.startsWith("fn_sales_by_category")) {
                // the seed orders these by revenue alone: rows of equal revenue come in no set order, and a limit cuts
                // between them anywhere; the revenues (the first column read) are the same, and so is every row
                assertThat(firstColumn(after.get(call))).as(call).containsExactlyElementsOf(firstColumn(before.get(call)));
                if (!call.contains(", 10, ")) {
                    assertThat(after.get(call)).as(call).containsExactlyInAnyOrderElementsOf(before.get(call));
                }
            } else {
                assertThat(after.get(call)).as(call).containsExactlyElementsOf(before.get(call));
            }
        }
    }

    private static List<String> firstColumn(List<String> rows) {
        return rows.stream().map(row -> row.split(", ")[0]).toList();
    }

    @Test
    void theSeedsRowsTypesAndIndexesAreKept() throws Exception {
        PostgresEndpoint db = seedDatabaseWithOrders();
        List<String> before = seedRows(db);
        assertThat(single(db, "select count(*) || ' ' || count(distinct email) from customers")).isEqualTo("20 10");

        new SchemaService(db).initialize(e -> { });

        assertThat(seedRows(db)).containsExactlyElementsOf(before);
        assertThat(rows(db, "select table_name || '.' || column_name || ' ' || data_type from information_schema.columns "
                + "where table_schema = 'public' and (table_name, column_name) in (('orders', 'order_date'), "
                + "('customers', 'first_name'), ('products', 'category'), ('products', 'price'), ('payments', 'created_at')) order by 1"))
                .containsExactly("customers.first_name character varying", "orders.order_date date",
                        "payments.created_at timestamp with time zone", "products.category character varying",
                        "products.price numeric");
        assertThat(single(db, "select column_default from information_schema.columns where table_name = 'orders' and column_name = 'order_date'"))
                .isEqualTo("CURRENT_DATE");
        assertThat(rows(db, "select indexname from pg_indexes where indexname in "
                + "('idx_orders_customer_id', 'idx_orders_order_date', 'idx_payments_order_id') order by 1"))
                .containsExactly("idx_orders_customer_id", "idx_orders_order_date", "idx_payments_order_id");
        assertThat(single(db, "select count(*) from inventory")).as("every product of both init_db runs keeps its stock").isEqualTo("20");
    }

    @Test
    void theSeedsScriptsKeepWorkingAfterwards() throws Exception {
        PostgresEndpoint db = seedDatabaseWithOrders();
        new SchemaService(db).initialize(e -> { });
        String ordersBefore = single(db, "select count(*) from orders");

        // run_workload and continuous_ingest: one place_order per connection, values inlined
        for (int i = 0; i < 3; i++) {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT place_order(2, 5, 1);")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
        assertThat(single(db, "select count(*) from orders")).isEqualTo(String.valueOf(Integer.parseInt(ordersBefore) + 3));
        assertThat(single(db, "select count(*) from orders where order_date = current_date and customer_id = 2 and product_id = 5"))
                .as("order_date still compares with a date").isNotEqualTo("0");

        // queries.py: inventory snapshot, top customers by spend, sales by category
        assertThat(rows(db, "SELECT p.product_id, p.product_name, p.category, i.stock FROM inventory i "
                + "JOIN products p ON p.product_id = i.product_id ORDER BY p.product_id;")).hasSize(20);
        assertThat(rows(db, "SELECT c.customer_id, c.first_name, c.last_name, COUNT(o.order_id) AS number_of_orders, "
                + "SUM(p.price * o.quantity) AS total_spent FROM customers c JOIN orders o ON c.customer_id = o.customer_id "
                + "JOIN products p ON o.product_id = p.product_id GROUP BY c.customer_id, c.first_name, c.last_name "
                + "ORDER BY total_spent DESC LIMIT 5;")).hasSize(5);
        assertThat(rows(db, "SELECT p.category, SUM(o.quantity) AS items_sold, SUM(p.price * o.quantity) AS revenue "
                + "FROM orders o JOIN products p ON o.product_id = p.product_id GROUP BY p.category ORDER BY revenue DESC;"))
                .hasSize(6);

        // the dashboard's category list and its six calls
        assertThat(rows(db, "SELECT DISTINCT category FROM products ORDER BY category;")).hasSize(6);
        assertThat(dashboard(db)).as("every call returns rows").allSatisfy((call, result) -> assertThat(result).as(call).isNotEmpty());
    }

    @Test
    void aPaymentWrittenTheSeedsWayIsCountedByEveryKpi() throws Exception {
        PostgresEndpoint db = seedDatabaseWithOrders();
        new SchemaService(db).initialize(e -> { });
        String before = single(db, "select total_orders || ' ' || total_revenue from fn_summary_kpis(30)");

        // a user's own script, written against the seed's columns
        execute(db, """
                insert into orders (customer_id, product_id, quantity) values (3, 2, 2);
                insert into payments (order_id, amount, status) values ((select max(order_id) from orders), 241.00, 'AUTHORIZED');
                """);
        long orders = Long.parseLong(before.split(" ")[0]);
        assertThat(single(db, "select total_orders || ' ' || orders_window from fn_summary_kpis(1)"))
                .startsWith((orders + 1) + " ");
        assertThat(single(db, "select total_revenue - " + before.split(" ")[1] + " from fn_summary_kpis(30)")).isEqualTo("241.00");
        assertThat(single(db, "select customer_name || ' ' || total_cost from fn_recent_orders(1, 1)")).isEqualTo("Charlie Brown 241.00");

        execute(db, "update payments set status = 'REFUNDED' where order_id = (select max(order_id) from orders)");
        assertThat(single(db, "select total_orders || ' ' || total_revenue from fn_summary_kpis(30)")).isEqualTo(before);
    }

    @Test
    void aReplacedFunctionKeepsWhoMayRunItAndAnUpToDateOneIsLeftAlone() throws Exception {
        PostgresEndpoint db = seedDatabaseWithOrders();
        String role = "sp_dashboard_" + Long.toHexString(System.nanoTime());
        execute(db, "create role " + role + "; "
                + "revoke execute on function fn_top_customers(int, int, text[]) from public; "
                + "grant execute on function fn_top_customers(int, int, text[]) to " + role);
        try {
            new SchemaService(db).initialize(e -> { });
            assertThat(single(db, "select has_function_privilege('" + role + "', 'fn_top_customers(int, int, text[])', 'execute')"))
                    .isEqualTo("t");
            assertThat(single(db, "select proacl::text from pg_proc where proname = 'fn_top_customers'"))
                    .as("still not granted to PUBLIC").doesNotContain(",=X/").doesNotStartWith("{=X/");

            String oids = "select string_agg(proname || ':' || oid, ' ' order by proname) from pg_proc where proname like 'fn\\_%'";
            String before = single(db, oids);
            execute(db, SchemaService.sqlOf("R__kpi_functions.sql"));
            assertThat(single(db, oids)).as("applying the file again replaces in place, drops nothing").isEqualTo(before);
        } finally {
            execute(db, "revoke execute on function fn_top_customers(int, int, text[]) from " + role + "; drop role " + role);
        }
    }

    @Test
    void aDatabaseWithTheSeedsTablesButNotItsFunctionsIsAdoptedToo() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        SeedOltpDatabase.tablesOnly(db);
        new SchemaService(db).initialize(e -> { });
        assertThat(single(db, "select count(*) from fn_inventory_snapshot()")).isEqualTo("10");
        assertThat(single(db, "select place_order(1, 1, 1) > 0")).isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classpath:sql/failing-versioned", "classpath:sql/failing-repeatable"})
    void aFailingFileLeavesTheSeedsDatabaseAsItWasBeforeInitBegan(String failingLocation) throws Exception {
        PostgresEndpoint db = seedDatabaseWithOrders();
        List<String> before = DatabaseState.of(db);

        SchemaMigrations migrations = new SchemaMigrations(db.dataSource(), List.of(SchemaMigrations.LOCATION, failingLocation));
        assertThatThrownBy(() -> migrations.migrate(e -> { }))
                .isInstanceOf(MigrationFailure.class)
                .hasMessageContaining("injected failure");

        assertThat(DatabaseState.of(db)).containsExactlyElementsOf(before);
        assertThat(migrations.status().origin()).isEqualTo(DatabaseOrigin.SEED_PROJECT);
    }

    @Test
    void aFailingFileLeavesAnEmptyDatabaseEmpty() throws Exception {
        PostgresEndpoint db = TestPostgres.endpoint(pg.freshDatabase());
        SchemaMigrations migrations = new SchemaMigrations(db.dataSource(), List.of(SchemaMigrations.LOCATION, "classpath:sql/failing-versioned"));
        assertThatThrownBy(() -> migrations.migrate(e -> { })).isInstanceOf(MigrationFailure.class);
        assertThat(DatabaseState.of(db)).isEmpty();
    }
}
