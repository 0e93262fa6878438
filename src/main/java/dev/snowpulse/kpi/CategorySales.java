package dev.snowpulse.kpi;

import java.math.BigDecimal;

/** fn_sales_by_category: one category's units and revenue in the window. */
public record CategorySales(String category, long itemsSold, BigDecimal revenue) {
}
