package dev.snowpulse.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.profile.JsonFiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Each run's row in workload_runs on the database it loaded (V4__workload_runs.sql). */
final class WorkloadHistory {

    private final PostgresEndpoint endpoint;

    WorkloadHistory(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void started(UUID id, String applicationName, WorkloadSpec spec, Instant at) throws SQLException {
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("insert into workload_runs (run_id, application_name, started_at, status, spec) "
                     + "values (?, ?, ?, 'running', ?::jsonb)")) {
            s.setObject(1, id);
            s.setString(2, applicationName);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, json(spec).toString());
            s.executeUpdate();
        }
    }

    void finished(WorkloadResult result) throws SQLException {
        OutcomeCounts counts = result.counts();
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("update workload_runs set ended_at = ?, status = ?, ok = ?, out_of_stock = ?, "
                     + "invalid_input = ?, connection_lost = ?, other_sql_errors = ?, other_by_sqlstate = ?::jsonb, "
                     + "warm_up_orders = ?, orders_per_second = ?, latency_p50_ms = ?, latency_p95_ms = ?, latency_p99_ms = ? "
                     + "where run_id = ?")) {
            s.setTimestamp(1, Timestamp.from(result.endedAt()));
            s.setString(2, result.cancelled() ? "cancelled" : "completed");
            s.setLong(3, counts.ok());
            s.setLong(4, counts.outOfStock());
            s.setLong(5, counts.invalidInput());
            s.setLong(6, counts.connectionLost());
            s.setLong(7, counts.otherSqlErrors());
            s.setString(8, JsonFiles.mapper().writeValueAsString(counts.otherBySqlState()));
            s.setLong(9, result.warmUpOrders());
            s.setDouble(10, result.ordersPerSecond());
            s.setDouble(11, result.latency().p50());
            s.setDouble(12, result.latency().p95());
            s.setDouble(13, result.latency().p99());
            s.setObject(14, result.runId());
            s.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("could not write the run's error counts", e);
        }
    }

    static ObjectNode json(WorkloadSpec spec) {
        ObjectNode node = JsonFiles.mapper().createObjectNode()
                .put("workers", spec.workers())
                .put("max_customers", spec.maxCustomers())
                .put("max_products", spec.maxProducts())
                .put("min_quantity", spec.minQuantity())
                .put("max_quantity", spec.maxQuantity())
                .put("warm_up_seconds", spec.warmUp().toMillis() / 1000.0);
        if (spec.ordersPerWorker() != null) {
            node.put("orders_per_worker", spec.ordersPerWorker());
        } else {
            node.put("duration_seconds", spec.duration().toMillis() / 1000.0);
        }
        if (spec.targetRate() != null) {
            node.put("target_rate", spec.targetRate());
        }
        return node;
    }
}
