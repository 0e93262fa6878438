package dev.snowpulse.kpi;

import java.math.BigDecimal;

/** fn_top_customers: one customer's spend in the window. */
public record CustomerSpend(int customerId, String name, BigDecimal revenue, long orders) {
}
