package dev.snowpulse.kpi;

import java.math.BigDecimal;
import java.time.Instant;

/** fn_revenue_timeseries: one minute of the window (minutes without sales are there, as zero). */
public record MinuteSales(Instant minute, BigDecimal revenue, long orders) {
}
