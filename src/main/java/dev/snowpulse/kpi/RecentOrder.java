package dev.snowpulse.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/** fn_recent_orders: one of the newest orders in the window. */
public record RecentOrder(int orderId, Instant at, String customer, String product, String category, BigDecimal price,
                          int quantity, BigDecimal total) {
}
