package dev.snowpulse.kpi;

import java.math.BigDecimal;

/** fn_summary_kpis: all-time totals and the window's figures. */
public record KpiSummary(long totalOrders, BigDecimal totalRevenue, long ordersWindow, BigDecimal revenueWindow,
                         long activeCustomersWindow, BigDecimal avgOrderValueAll, BigDecimal avgOrderValueWindow,
                         BigDecimal ordersPerMinuteWindow) {
}
