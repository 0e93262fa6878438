package dev.snowpulse.schema;

import dev.snowpulse.format.ReportTable;
import dev.snowpulse.db.PostgresEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed project's `queries` reports: inventory snapshot, top customers by spend, sales by category.
 * All-time sales by category come from the running totals on inventory, so they stay instant at any size.
 */
public final class DemoQueries {

    private final PostgresEndpoint endpoint;

    public DemoQueries(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public List<ReportTable> all(int topCustomers) throws SQLException {
        try (Connection c = endpoint.connect()) {
            return List.of(
                    run(c, "Inventory snapshot", "select product_id, product_name, category, stock from fn_inventory_snapshot(null)"),
                    run(c, "Top " + topCustomers + " customers by spend", """
                            select c.customer_id, c.first_name || ' ' || c.last_name as customer_name,
                                   count(*) as orders, sum(pay.amount) as total_spent
                              from payments pay
                              join orders o on o.order_id = pay.order_id
                              join customers c on c.customer_id = o.customer_id
                             where pay.status = 'AUTHORIZED'
                             group by c.customer_id, c.first_name, c.last_name
                             order by total_spent desc, c.customer_id
                             limit ?""", topCustomers),
                    run(c, "Sales by category", """
                            select p.category, sum(i.units_sold) as items_sold, sum(i.revenue_authorized) as revenue
                              from inventory i
                              join products p on p.product_id = i.product_id
                             group by p.category
                             order by revenue desc, p.category"""));
        }
    }

    private static ReportTable run(Connection c, String title, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return new ReportTable(title, columns, rows);
            }
        }
    }
}
