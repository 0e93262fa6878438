package dev.snowpulse.schema;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.testing.KnownDataset;
import dev.snowpulse.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The six KPI functions against {@link KnownDataset}, small enough to compute by hand. */
class KpiFunctionsTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    private static PostgresEndpoint db;

    @BeforeAll
    static void dataset() throws Exception {
        db = pg.initialisedEndpoint();
        KnownDataset.load(db);
    }

    private static List<String> rows(String sql) throws SQLException {
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

    @Test
    void summaryCountsAuthorisedPaymentsAllTimeAndInTheWindow() throws SQLException {
        assertThat(rows("select total_orders, total_revenue, orders_window, revenue_window, active_customers_window, "
                + "round(avg_order_value_all, 4), round(avg_order_value_window, 4), round(orders_per_min_window, 4) from fn_summary_kpis(15)"))
                .containsExactly("6 | 422.47 | 3 | 192.48 | 2 | 70.4117 | 64.1600 | 0.2000");
        assertThat(rows("select orders_window, revenue_window, active_customers_window from fn_summary_kpis(60)"))
                .containsExactly("4 | 282.47 | 3");
        assertThat(rows("select orders_window, revenue_window from fn_summary_kpis(1440)")).containsExactly("5 | 372.47");
    }

    @Test
    void theCategoryFilterNarrowsTheWindowButNotTheAllTimeTotals() throws SQLException {
        assertThat(rows("select total_orders, total_revenue, orders_window, revenue_window, active_customers_window, "
                + "round(avg_order_value_window, 2), round(orders_per_min_window, 4) from fn_summary_kpis(15, array['Electronics'])"))
                .containsExactly("6 | 422.47 | 2 | 172.48 | 1 | 86.24 | 0.1333");
        assertThat(rows("select orders_window from fn_summary_kpis(60, array['Books', 'Kitchen'])")).containsExactly("0");
        assertThat(rows("select orders_window, revenue_window from fn_summary_kpis(0)")).containsExactly("0 | 0");
    }

    @Test
    void salesByCategory() throws SQLException {
        assertThat(rows("select * from fn_sales_by_category(60)"))
                .containsExactly("Electronics | 3 | 172.48", "Footwear | 1 | 89.99", "Fitness | 1 | 20.00");
        assertThat(rows("select * from fn_sales_by_category(60, array['Fitness', 'Footwear'])"))
                .containsExactly("Footwear | 1 | 89.99", "Fitness | 1 | 20.00");
        assertThat(rows("select * from fn_sales_by_category(4320)")).hasSize(5).last().isEqualTo("Fitness | 1 | 20.00");
    }

    @Test
    void inventorySnapshot() throws SQLException {
        assertThat(rows("select * from fn_inventory_snapshot(array['Books'])")).containsExactly("10 | Novel: The Great Gatsby | Books | 100");
        assertThat(rows("select * from fn_inventory_snapshot()")).hasSize(10).first().isEqualTo("1 | Wireless Mouse | Electronics | 100");
    }

    @Test
    void recentOrdersNewestFirstWithTheirTimestamp() throws SQLException {
        assertThat(rows("select customer_name, product_name, category, price, quantity, total_cost from fn_recent_orders(60, 2)"))
                .containsExactly("Alice Smith | Wireless Mouse | Electronics | 25.99 | 2 | 51.98",
                        "Bob Johnson | Yoga Mat | Fitness | 20.00 | 1 | 20.00");
        assertThat(rows("select product_name from fn_recent_orders(60, 10, array['Electronics'])"))
                .containsExactly("Wireless Mouse", "Mechanical Keyboard");
        assertThat(rows("select round(extract(epoch from now() - ordered_at) / 60), order_date = (now() - interval '2 minutes')::date "
                + "from fn_recent_orders(15, 1)")).containsExactly("2 | t");
    }

    @Test
    void revenueTimeseriesHasTheMinutesWithOrdersAsInTheSeed() throws SQLException {
        assertThat(rows("select count(*), sum(revenue), sum(orders) from fn_revenue_timeseries(15)")).containsExactly("3 | 192.48 | 3");
        assertThat(rows("select sum(revenue) from fn_revenue_timeseries(15, array['Fitness'])")).containsExactly("20.00");
    }

    @Test
    void revenuePerMinuteHasEveryMinuteOfTheWindow() throws SQLException {
        assertThat(rows("select count(*), sum(revenue), sum(orders), count(*) filter (where orders > 0) from fn_revenue_per_minute(15)"))
                .containsExactly("16 | 192.48 | 3 | 3");
        assertThat(rows("select sum(revenue) from fn_revenue_per_minute(15, array['Fitness'])")).containsExactly("20.00");
        assertThat(rows("select count(*) from fn_revenue_per_minute(0)")).containsExactly("0");
    }

    @Test
    void topCustomers() throws SQLException {
        assertThat(rows("select * from fn_top_customers(60, 2)"))
                .containsExactly("1 | Alice Smith | 172.48 | 2", "3 | Charlie Brown | 89.99 | 1");
        assertThat(rows("select * from fn_top_customers(1440, 5, array['Kitchen'])")).containsExactly("2 | Bob Johnson | 90.00 | 1");
    }
}
