package dev.snowpulse.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.format.Durations;
import dev.snowpulse.app.JsonFiles;
import dev.snowpulse.workload.threshold.ThresholdCheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Each run's row in workload_runs on the database it loaded (V4__workload_runs.sql), and reading them back. */
public final class WorkloadHistory {

    private final PostgresEndpoint endpoint;

    public WorkloadHistory(PostgresEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The newest runs first. */
    public List<WorkloadRunRecord> recent(int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be 1 or more");
        }
        return select("", null, limit);
    }

    /** The runs {@code where} keeps ({@code idPrefix} its one parameter, or none), newest first. */
    private List<WorkloadRunRecord> select(String where, String idPrefix, int limit) throws SQLException {
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("select run_id, application_name, started_at, ended_at, "
                     // a run whose client died leaves its row 'running' with no session left to show for it; the grace
                     // of 30 s covers a client that reconnects all its workers after a restart
                     + "case when status = 'running' and started_at < now() - interval '30 seconds' and not exists (select 1 from pg_stat_activity a "
                     + "where a.application_name = w.application_name) then 'abandoned' else status end, spec::text, ok, "
                     + "out_of_stock, invalid_input, connection_lost, other_sql_errors, other_by_sqlstate::text, warm_up_orders, "
                     + "orders_per_second, latency_p50_ms, latency_p95_ms, latency_p99_ms, not_sent, connect_ms, failure, "
                     // through the row's JSON, so a database still without V7's columns lists its runs all the same
                     + "(to_jsonb(w) -> 'threshold_checks')::text "
                     + "from workload_runs w " + where + " order by started_at desc limit ?")) {
            int p = 1;
            if (idPrefix != null) {
                s.setString(p++, idPrefix + "%");
            }
            s.setInt(p, limit);
            List<WorkloadRunRecord> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(record(rs));
                }
            }
            return runs;
        }
    }

    private static WorkloadRunRecord record(ResultSet rs) throws SQLException {
        Timestamp ended = rs.getTimestamp(4);
        OutcomeCounts counts = new OutcomeCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(18),
                rs.getLong(11), bySqlState(rs.getString(12)));
        return new WorkloadRunRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                ended == null ? null : ended.toInstant(), rs.getString(5), plan(rs.getString(6)), counts, rs.getLong(13),
                decimal(rs, 14), decimal(rs, 15), decimal(rs, 16), decimal(rs, 17), decimal(rs, 19), rs.getString(20),
                verdict(rs.getString(21)));
    }

    /** "passed 2/2", "failed 1 of 2: p95<20ms", or "" for a run without thresholds. */
    private static String verdict(String checksJson) throws SQLException {
        if (checksJson == null || checksJson.equals("null")) {
            return "";
        }
        try {
            var checks = JsonFiles.mapper().readTree(checksJson);
            List<String> failed = new ArrayList<>();
            checks.forEach(c -> {
                if (!c.path("passed").asBoolean()) {
                    failed.add(c.path("threshold").asText());
                }
            });
            return ThresholdCheck.verdict(checks.size(), failed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("workload_runs.threshold_checks is not JSON", e);
        }
    }

    /** As workload_runs.threshold_checks and the CLI's JSON keep them: threshold, metric, unit, observed, passed. */
    public static ArrayNode json(List<ThresholdCheck> checks) {
        ArrayNode array = JsonFiles.mapper().createArrayNode();
        for (ThresholdCheck check : checks) {
            ObjectNode node = array.addObject().put("threshold", check.threshold().text()).put("metric", check.threshold().metric().key())
                    .put("unit", check.threshold().metric().unit()).put("passed", check.passed());
            if (check.observed() == null) {
                node.putNull("observed");
            } else {
                node.put("observed", check.observed());
            }
        }
        return array;
    }

    private static Double decimal(ResultSet rs, int column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static Map<String, Long> bySqlState(String json) throws SQLException {
        try {
            Map<String, Long> states = new HashMap<>();
            JsonFiles.mapper().readTree(json).properties().forEach(e -> states.put(e.getKey(), e.getValue().asLong()));
            return states;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("workload_runs.other_by_sqlstate is not JSON", e);
        }
    }

    /** The spec in one line, from the JSON this class wrote (older rows may lack fields). */
    static String plan(String json) throws SQLException {
        try {
            JsonNode spec = JsonFiles.mapper().readTree(json);
            StringBuilder text = new StringBuilder().append(spec.path("workers").asInt()).append(" workers");
            if (spec.has("orders_per_worker")) {
                text.append(" × ").append(spec.get("orders_per_worker").asLong()).append(spec.has("scripts") ? " transactions" : " orders");
            } else {
                text.append(" for ").append(Durations.format(Duration.ofMillis(Math.round(spec.path("duration_seconds").asDouble() * 1000))));
            }
            if (spec.has("target_rate")) {
                text.append(String.format(Locale.ROOT, " at %.0f/s", spec.get("target_rate").asDouble()));
            }
            if (spec.has("scripts")) {
                return text.append(", ").append(spec.get("scripts").asText()).append(" at scale ")
                        .append(spec.path("scale").asLong(1)).toString();
            }
            text.append(", customers 1..").append(spec.path("max_customers").asInt())
                    .append(", products 1..").append(spec.path("max_products").asInt());
            int min = spec.path("min_quantity").asInt(1);
            int max = spec.path("max_quantity").asInt(1);
            text.append(", qty ").append(min == max ? Integer.toString(min) : min + ".." + max);
            return text.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("workload_runs.spec is not JSON", e);
        }
    }

    /**
     * On one of the run's own sessions, so recording it needs no connection beyond the workers'. False when a
     * scripted run's database has no workload_runs (one made by pgbench -i alone): the run goes on unrecorded.
     */
    boolean started(Connection c, UUID id, String applicationName, WorkloadSpec spec, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into workload_runs (run_id, application_name, started_at, status, spec) "
                     + "values (?, ?, ?, 'running', ?::jsonb)")) {
            s.setObject(1, id);
            s.setString(2, applicationName);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, json(spec).toString());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (spec.scripted() && "42P01".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Writes the run's outcome and its seconds; returns what could not be kept besides (its thresholds' checks, its
     * series), if anything.
     */
    java.util.Optional<String> finished(WorkloadResult result, List<SecondPoint> seconds) throws SQLException {
        OutcomeCounts counts = result.counts();
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("update workload_runs set ended_at = ?, status = ?, ok = ?, out_of_stock = ?, "
                     + "invalid_input = ?, connection_lost = ?, other_sql_errors = ?, other_by_sqlstate = ?::jsonb, "
                     + "warm_up_orders = ?, orders_per_second = ?, latency_p50_ms = ?, latency_p95_ms = ?, latency_p99_ms = ?, "
                     + "not_sent = ?, connect_ms = ?, failure = ? where run_id = ?")) {
            s.setTimestamp(1, Timestamp.from(result.endedAt()));
            s.setString(2, result.status());
            s.setLong(3, counts.ok());
            s.setLong(4, counts.outOfStock());
            s.setLong(5, counts.invalidInput());
            s.setLong(6, counts.connectionLost());
            s.setLong(7, counts.otherSqlErrors());
            s.setString(8, JsonFiles.mapper().writeValueAsString(counts.otherBySqlState()));
            s.setLong(9, result.warmUpOrders());
            s.setDouble(10, result.ordersPerSecond());
            // no successful order, no latency: null, not a 0 ms that reads as a very fast run
            boolean measured = result.latency().count() > 0;
            s.setObject(11, measured ? result.latency().p50() : null, java.sql.Types.DOUBLE);
            s.setObject(12, measured ? result.latency().p95() : null, java.sql.Types.DOUBLE);
            s.setObject(13, measured ? result.latency().p99() : null, java.sql.Types.DOUBLE);
            s.setLong(14, counts.notSent());
            s.setDouble(15, result.connectTime().toNanos() / 1e6);
            s.setString(16, result.failure());
            s.setObject(17, result.runId());
            s.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("could not write the run's error counts", e);
        }
        List<String> lost = new ArrayList<>();
        if (!result.spec().thresholds().isEmpty()) {
            try {
                storeChecks(result);
            } catch (SQLException e) {
                // the run's row is complete; only its checks are missing, and the summary printed them
                lost.add("its thresholds were not kept: " + dev.snowpulse.db.ServerMessages.firstLine(e));
            }
        }
        try {
            storeSeconds(result.runId(), seconds);
        } catch (SQLException e) {
            lost.add("its second-by-second series was not kept: " + ("42P01".equals(e.getSQLState())
                    ? "this database has no workload_run_seconds yet: run `snowpulse init` to keep it with each run"
                    : dev.snowpulse.db.ServerMessages.firstLine(e)));
        }
        return lost.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", lost));
    }

    private void storeSeconds(UUID runId, List<SecondPoint> seconds) throws SQLException {
        if (seconds.isEmpty()) {
            return;
        }
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("insert into workload_run_seconds (run_id, second, ok, failed, p50_ms, p95_ms, p99_ms) "
                     + "values (?, ?, ?, ?, ?, ?, ?)")) {
            for (SecondPoint p : seconds) {
                s.setObject(1, runId);
                s.setInt(2, p.second());
                s.setLong(3, p.ok());
                s.setLong(4, p.failed());
                s.setObject(5, p.p50Ms(), java.sql.Types.DOUBLE);
                s.setObject(6, p.p95Ms(), java.sql.Types.DOUBLE);
                s.setObject(7, p.p99Ms(), java.sql.Types.DOUBLE);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** A run's seconds, in order; empty for a run recorded before series were kept. */
    public List<SecondPoint> seconds(UUID runId) throws SQLException {
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("select second, ok, failed, p50_ms, p95_ms, p99_ms from workload_run_seconds "
                     + "where run_id = ? order by second")) {
            s.setObject(1, runId);
            List<SecondPoint> points = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    points.add(new SecondPoint(rs.getInt(1), rs.getLong(2), rs.getLong(3), decimal(rs, 4), decimal(rs, 5), decimal(rs, 6)));
                }
            }
            return points;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * The run whose id starts with {@code prefix} (the 8 characters the history shows, or more), with its spec as
     * stored; refused when none or several match.
     */
    public StoredRun find(String prefix) throws SQLException {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f-]{4,36}")) {
            throw new IllegalArgumentException("run '" + prefix + "': give a run id, or its first 4 characters or more, as the history shows it");
        }
        // enough to tell one match from several, without reading the whole history
        List<WorkloadRunRecord> matches = select("where run_id::text like ?", p, 6);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("run '" + prefix + "': no run in workload_runs starts so (see `snowpulse workload history`)");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("run '" + prefix + "' matches " + (matches.size() < 6 ? matches.size() : "6 or more")
                    + " runs: give more of its id ("
                    + String.join(", ", matches.stream().map(r -> r.runId().toString().substring(0, 13)).toList()) + ")");
        }
        WorkloadRunRecord run = matches.getFirst();
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("select spec::text from workload_runs where run_id = ?")) {
            s.setObject(1, run.runId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Map<String, String> spec = new java.util.LinkedHashMap<>();
                JsonFiles.mapper().readTree(rs.getString(1)).properties().forEach(e -> spec.put(e.getKey(),
                        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
                return new StoredRun(run, spec, seconds(run.runId()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("workload_runs.spec is not JSON", e);
            }
        }
    }

    /** A run from the history with what it was asked to do (its spec's fields as text) and its seconds. */
    public record StoredRun(WorkloadRunRecord run, Map<String, String> spec, List<SecondPoint> seconds) {
    }

    private void storeChecks(WorkloadResult result) throws SQLException {
        List<ThresholdCheck> checks = result.thresholdChecks();
        ArrayNode array = json(checks);
        try (Connection c = endpoint.connect();
             PreparedStatement s = c.prepareStatement("update workload_runs set threshold_checks = ?::jsonb, thresholds_passed = ? where run_id = ?")) {
            s.setString(1, array.toString());
            s.setBoolean(2, ThresholdCheck.allPassed(checks));
            s.setObject(3, result.runId());
            s.executeUpdate();
        } catch (SQLException e) {
            if ("42703".equals(e.getSQLState())) {
                throw new SQLException("this database's workload_runs predates them: run `snowpulse init` to keep them with each run",
                        e.getSQLState(), e);
            }
            throw e;
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
        if (spec.latencyLimit() != null) {
            node.put("latency_limit_ms", spec.latencyLimit().toNanos() / 1e6);
        }
        if (!spec.thresholds().isEmpty()) {
            var thresholds = node.putArray("thresholds");
            spec.thresholds().forEach(t -> thresholds.add(t.text()));
        }
        if (spec.scripted()) {
            node.put("scripts", spec.scripts().label()).put("scale", spec.scripts().scale()).put("max_tries", spec.scripts().maxTries());
        }
        return node;
    }
}
