package dev.snowpulse.ui.kpis;

import dev.snowpulse.kpi.KpiSnapshot;
import dev.snowpulse.kpi.MinuteSales;
import dev.snowpulse.kpi.RecentOrder;
import dev.snowpulse.kpi.StockLevel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.scene.chart.XYChart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * What the KPIs tab's charts and recent-orders table show, drawn from a snapshot: the series are created once and
 * updated in place, and a snapshot is drawn in steps (one a frame, see {@code FrameSteps}) so no frame does it all.
 */
final class KpiCharts {

    private final XYChart.Series<String, Number> categoryRevenue = new XYChart.Series<>();
    private final XYChart.Series<Number, String> stock = new XYChart.Series<>();
    private final ObservableSet<String> lowStock = FXCollections.observableSet();
    private final XYChart.Series<Number, Number> revenuePerMinute = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> ordersPerMinute = new XYChart.Series<>();
    private final XYChart.Series<Number, String> topCustomers = new XYChart.Series<>();
    private final ObservableList<String> topCustomerOrder = FXCollections.observableArrayList();
    // category axes with fixed lists: an auto-ranging category axis re-measures every label on every refresh
    private final ObservableList<String> salesCategories = FXCollections.observableArrayList();
    private final ObservableList<String> products = FXCollections.observableArrayList();
    private final ObservableList<RecentOrderRow> recentOrders = FXCollections.observableArrayList();

    KpiCharts() {
        categoryRevenue.setName("revenue");
        stock.setName("stock");
        revenuePerMinute.setName("revenue");
        ordersPerMinute.setName("orders");
        topCustomers.setName("revenue");
    }

    /** Sales, stock, revenue and orders a minute, customers, recent orders: a step each. */
    List<Runnable> steps(KpiSnapshot s) {
        return List.of(
                () -> showSales(s),
                () -> showStock(s),
                () -> showMinutes(s, revenuePerMinute, m -> m.revenue().doubleValue()),
                () -> showMinutes(s, ordersPerMinute, m -> (double) m.orders()),
                () -> {
                    // the axis lists the customers in this order (the best at the top), so the bars follow the ranking
                    setIfChanged(topCustomerOrder, s.topCustomers().reversed().stream().map(c -> c.name()).toList());
                    SeriesUpdater.byCategoryHorizontal(topCustomers, s.topCustomers().reversed(), c -> c.name(), c -> c.revenue().doubleValue());
                },
                () -> showRecentOrders(s.recentOrders()));
    }

    /** Draws a whole snapshot at once. */
    void show(KpiSnapshot s) {
        steps(s).forEach(Runnable::run);
    }

    void clear() {
        categoryRevenue.getData().clear();
        stock.getData().clear();
        lowStock.clear();
        revenuePerMinute.getData().clear();
        ordersPerMinute.getData().clear();
        topCustomers.getData().clear();
        topCustomerOrder.clear();
        salesCategories.clear();
        products.clear();
        recentOrders.clear();
    }

    private void showSales(KpiSnapshot s) {
        // every category in the filter (or in the database) keeps its bar, at zero when it sold nothing
        List<String> shown = s.query().categories().isEmpty() ? s.categories()
                : s.categories().stream().filter(s.query().categories()::contains).toList();
        setIfChanged(salesCategories, shown);
        Map<String, Double> revenueByCategory = new HashMap<>();
        s.salesByCategory().forEach(c -> revenueByCategory.put(c.category(), c.revenue().doubleValue()));
        SeriesUpdater.byCategory(categoryRevenue, shown, c -> c, c -> revenueByCategory.getOrDefault(c, 0.0));
    }

    private void showStock(KpiSnapshot s) {
        List<StockLevel> bottomUp = s.inventory().reversed();
        setIfChanged(products, bottomUp.stream().map(StockLevel::productName).toList());
        SeriesUpdater.byCategoryHorizontal(stock, bottomUp, StockLevel::productName, StockLevel::stock);
        Set<String> low = s.inventory().stream().filter(StockLevel::low).map(StockLevel::productName).collect(Collectors.toSet());
        lowStock.retainAll(low);
        lowStock.addAll(low);
    }

    private static void showMinutes(KpiSnapshot s, XYChart.Series<Number, Number> series, ToDoubleFunction<MinuteSales> value) {
        int n = s.perMinute().size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i - (n - 1);
            ys[i] = value.applyAsDouble(s.perMinute().get(i));
        }
        SeriesUpdater.numeric(series, xs, ys);
    }

    private static void setIfChanged(ObservableList<String> list, List<String> wanted) {
        if (!list.equals(wanted)) {
            list.setAll(wanted);
        }
    }

    private void showRecentOrders(List<RecentOrder> orders) {
        if (recentOrders.size() > orders.size()) {
            recentOrders.remove(orders.size(), recentOrders.size());
        }
        while (recentOrders.size() < orders.size()) {
            recentOrders.add(new RecentOrderRow());
        }
        for (int i = 0; i < orders.size(); i++) {
            recentOrders.get(i).show(orders.get(i));
        }
    }

    XYChart.Series<String, Number> categoryRevenue() {
        return categoryRevenue;
    }

    XYChart.Series<Number, String> stock() {
        return stock;
    }

    ObservableSet<String> lowStock() {
        return lowStock;
    }

    XYChart.Series<Number, Number> revenuePerMinute() {
        return revenuePerMinute;
    }

    XYChart.Series<Number, Number> ordersPerMinute() {
        return ordersPerMinute;
    }

    XYChart.Series<Number, String> topCustomers() {
        return topCustomers;
    }

    ObservableList<String> topCustomerOrder() {
        return topCustomerOrder;
    }

    ObservableList<String> salesCategories() {
        return salesCategories;
    }

    ObservableList<String> products() {
        return products;
    }

    ObservableList<RecentOrderRow> recentOrders() {
        return recentOrders;
    }
}
