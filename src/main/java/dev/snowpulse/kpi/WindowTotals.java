package dev.snowpulse.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** fn_window_totals: the window before the current one, to show each figure's trend against it. */
public record WindowTotals(long orders, BigDecimal revenue, long activeCustomers, int windowMinutes) {

    public BigDecimal avgOrderValue() {
        return orders == 0 ? BigDecimal.ZERO : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
    }

    public BigDecimal ordersPerMinute() {
        return BigDecimal.valueOf(orders).divide(BigDecimal.valueOf(windowMinutes), 2, RoundingMode.HALF_UP);
    }
}
