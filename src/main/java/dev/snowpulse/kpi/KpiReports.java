package dev.snowpulse.kpi;

import dev.snowpulse.format.ReportTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A snapshot's parts as report tables: what `snowpulse kpis` prints and what the dashboard exports as CSV. */
public final class KpiReports {

    private KpiReports() {
    }

    public static List<ReportTable> all(KpiSnapshot s) {
        return List.of(summary(s), salesByCategory(s), inventory(s), perMinute(s), topCustomers(s), recentOrders(s));
    }

    public static ReportTable summary(KpiSnapshot s) {
        KpiSummary k = s.summary();
        WindowTotals p = s.previous();
        String window = "last " + s.query().windowMinutes() + " min";
        List<List<String>> rows = List.of(
                List.of("total_orders", "all time", Long.toString(k.totalOrders()), ""),
                List.of("total_revenue", "all time", plain(k.totalRevenue()), ""),
                List.of("orders", window, Long.toString(k.ordersWindow()), Long.toString(p.orders())),
                List.of("revenue", window, plain(k.revenueWindow()), plain(p.revenue())),
                List.of("active_customers", window, Long.toString(k.activeCustomersWindow()), Long.toString(p.activeCustomers())),
                List.of("avg_order_value", window, plain(k.avgOrderValueWindow()), plain(p.avgOrderValue())),
                List.of("orders_per_minute", window, plain(k.ordersPerMinuteWindow()), plain(p.ordersPerMinute())));
        return new ReportTable("Summary" + categoriesNote(s), List.of("kpi", "period", "value", "previous_window"), rows);
    }

    public static ReportTable salesByCategory(KpiSnapshot s) {
        return table("Sales by category, last " + s.query().windowMinutes() + " min", List.of("category", "items_sold", "revenue"),
                s.salesByCategory(), c -> List.of(c.category(), Long.toString(c.itemsSold()), plain(c.revenue())));
    }

    public static ReportTable inventory(KpiSnapshot s) {
        return table("Inventory", List.of("product_id", "product_name", "category", "stock", "low"), s.inventory(),
                i -> List.of(Integer.toString(i.productId()), i.productName(), i.category(), Integer.toString(i.stock()),
                        Boolean.toString(i.low())));
    }

    public static ReportTable perMinute(KpiSnapshot s) {
        return table("Revenue and orders per minute", List.of("minute", "revenue", "orders"), s.perMinute(),
                m -> List.of(m.minute().toString(), plain(m.revenue()), Long.toString(m.orders())));
    }

    public static ReportTable topCustomers(KpiSnapshot s) {
        return table("Top customers, last " + s.query().windowMinutes() + " min", List.of("customer_id", "customer_name", "revenue", "orders"),
                s.topCustomers(), c -> List.of(Integer.toString(c.customerId()), c.name(), plain(c.revenue()), Long.toString(c.orders())));
    }

    public static ReportTable recentOrders(KpiSnapshot s) {
        return table("Recent orders", List.of("order_id", "order_date", "customer_name", "product_name", "category", "price", "quantity", "total_cost"),
                s.recentOrders(), o -> List.of(Integer.toString(o.orderId()), o.at().toString(), o.customer(), o.product(), o.category(),
                        plain(o.price()), Integer.toString(o.quantity()), plain(o.total())));
    }

    private static <T> ReportTable table(String title, List<String> columns, List<T> items, Function<T, List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        items.forEach(item -> rows.add(row.apply(item)));
        return new ReportTable(title, columns, rows);
    }

    private static String categoriesNote(KpiSnapshot s) {
        return s.query().categories().isEmpty() ? "" : " (" + String.join(", ", s.query().categories()) + ")";
    }

    /** Amounts and rates with two decimals, as money is shown. */
    private static String plain(BigDecimal value) {
        return value == null ? "" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
