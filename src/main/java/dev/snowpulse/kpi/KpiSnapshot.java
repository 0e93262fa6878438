package dev.snowpulse.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard shows, read in one round trip at one moment.
 *
 * @param monotonicNanos the client's System.nanoTime() when it was read, to compute rates between two snapshots
 *                       from measured time
 * @param queryTime      how long the round trip took
 * @param categories     every category in the database, for the filter
 */
public record KpiSnapshot(KpiQuery query, Instant takenAt, long monotonicNanos, Duration queryTime, KpiSummary summary,
                          WindowTotals previous, List<CategorySales> salesByCategory, List<StockLevel> inventory,
                          List<MinuteSales> perMinute, List<CustomerSpend> topCustomers, List<RecentOrder> recentOrders,
                          List<String> categories) {

    public KpiSnapshot {
        salesByCategory = List.copyOf(salesByCategory);
        inventory = List.copyOf(inventory);
        perMinute = List.copyOf(perMinute);
        topCustomers = List.copyOf(topCustomers);
        recentOrders = List.copyOf(recentOrders);
        categories = List.copyOf(categories);
    }

    /** Orders per second between an earlier snapshot and this one, over the time measured between them. */
    public double ordersPerSecondSince(KpiSnapshot earlier) {
        double seconds = (monotonicNanos - earlier.monotonicNanos) / 1e9;
        return seconds <= 0 ? 0 : Math.max(0, summary.totalOrders() - earlier.summary.totalOrders()) / seconds;
    }
}
