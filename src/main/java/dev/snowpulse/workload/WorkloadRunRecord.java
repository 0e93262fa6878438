package dev.snowpulse.workload;

import dev.snowpulse.format.ReportTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One row of workload_runs, as the history shows it. Figures a run has not finished yet (or never finished, when
 * its client died) are null.
 *
 * @param plan       the spec in a line, e.g. "4 workers × 250 orders, customers 1..10, products 1..10"
 * @param connectMs  how long opening the workers' sessions took before the clock started (null for older rows)
 * @param failure    why a failed run failed, or null
 * @param thresholds its thresholds' verdict ("passed 3/3", "failed 1 of 3: p95<20ms"), "" when it had none
 */
public record WorkloadRunRecord(UUID runId, String applicationName, Instant startedAt, Instant endedAt, String status,
                                String plan, OutcomeCounts counts, long warmUpOrders, Double ordersPerSecond,
                                Double p50, Double p95, Double p99, Double connectMs, String failure,
                                String thresholds) {

    public static final List<String> COLUMNS = List.of("run_id", "started_at", "ended_at", "status", "plan", "ok",
            "out_of_stock", "invalid_input", "connection_lost", "not_sent", "other_sql_errors", "warm_up_orders",
            "orders_per_second", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "connect_ms", "application_name", "failure", "thresholds");

    /** Seconds from start to end, or null while it has no end. */
    public Double elapsedSeconds() {
        return endedAt == null ? null : (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** The history as a report: for CSV and JSON export, and `snowpulse workload history`. */
    public static ReportTable table(List<WorkloadRunRecord> runs) {
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadRunRecord r : runs) {
            List<String> row = new ArrayList<>();
            row.add(r.runId.toString());
            row.add(r.startedAt.toString());
            row.add(r.endedAt == null ? "" : r.endedAt.toString());
            row.add(r.status);
            row.add(r.plan);
            row.add(Long.toString(r.counts.ok()));
            row.add(Long.toString(r.counts.outOfStock()));
            row.add(Long.toString(r.counts.invalidInput()));
            row.add(Long.toString(r.counts.connectionLost()));
            row.add(Long.toString(r.counts.notSent()));
            row.add(Long.toString(r.counts.otherSqlErrors()));
            row.add(Long.toString(r.warmUpOrders));
            row.add(number(r.ordersPerSecond, "%.1f"));
            row.add(number(r.p50, "%.3f"));
            row.add(number(r.p95, "%.3f"));
            row.add(number(r.p99, "%.3f"));
            row.add(number(r.connectMs, "%.1f"));
            row.add(r.applicationName);
            row.add(r.failure == null ? "" : r.failure);
            row.add(r.thresholds);
            rows.add(row);
        }
        return new ReportTable("Workload runs", COLUMNS, rows);
    }

    /** The history for a terminal: the columns the Workload tab shows, local times, short ids. */
    public static ReportTable summary(List<WorkloadRunRecord> runs) {
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.systemDefault());
        List<List<String>> rows = new ArrayList<>();
        for (WorkloadRunRecord r : runs) {
            rows.add(List.of(r.runId.toString().substring(0, 8), local.format(r.startedAt), r.status,
                    number(r.elapsedSeconds(), "%.1f"), Long.toString(r.counts.ok()), Long.toString(r.counts.failures()),
                    number(r.ordersPerSecond, "%.1f"), number(r.p95, "%.3f"), number(r.p99, "%.3f"), r.thresholds, r.plan));
        }
        return new ReportTable("Workload runs", List.of("run", "started", "status", "seconds", "ok", "failed", "orders/s",
                "p95 ms", "p99 ms", "thresholds", "plan"), rows);
    }

    private static String number(Double value, String format) {
        return value == null ? "" : String.format(Locale.ROOT, format, value);
    }
}
